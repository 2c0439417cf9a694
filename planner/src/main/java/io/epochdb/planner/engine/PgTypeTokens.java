package io.epochdb.planner.engine;

import io.epochdb.common.types.ColumnType;
import io.epochdb.planner.parse.Token;
import java.util.ArrayList;
import java.util.List;

/** A column type written as PostgreSQL type-name tokens, for casts in generated statements. */
final class PgTypeTokens {
    private PgTypeTokens() {
    }

    static List<Token> of(ColumnType t) {
        String name = switch (t.type()) {
            case VARCHAR, BPCHAR, NAME -> "text";
            case NUMERIC -> "numeric";
            default -> t.type().isArray() ? t.type().element().typname() : t.type().typname();
        };
        List<Token> out = new ArrayList<>();
        out.add(new Token(Token.Kind.WORD, name, name, 0, 0));
        if (t.type().isArray()) {
            out.add(new Token(Token.Kind.SYMBOL, "[", "[", 0, 0));
            out.add(new Token(Token.Kind.SYMBOL, "]", "]", 0, 0));
        }
        return out;
    }
}
