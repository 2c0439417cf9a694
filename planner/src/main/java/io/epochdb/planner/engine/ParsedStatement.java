package io.epochdb.planner.engine;

import io.epochdb.planner.Statement;
import io.epochdb.planner.parse.Token;
import java.util.List;

/** A statement split from the query text, with its significant tokens. */
record ParsedStatement(String sql, List<Token> tokens) implements Statement {
    @Override
    public boolean isEmpty() {
        return tokens.isEmpty();
    }

    @Override
    public int parameterCount() {
        int max = 0;
        for (Token t : tokens) {
            if (t.kind() == Token.Kind.PARAM) {
                max = Math.max(max, Integer.parseInt(t.value()));
            }
        }
        return max;
    }

    /** First word, lower case ("select", "insert", ...), or "(" for a parenthesised query, "" when empty. */
    String firstWord() {
        if (tokens.isEmpty()) {
            return "";
        }
        Token t = tokens.get(0);
        return t.kind() == Token.Kind.WORD ? t.value() : t.text();
    }
}
