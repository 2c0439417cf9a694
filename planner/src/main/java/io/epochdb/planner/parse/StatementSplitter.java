package io.epochdb.planner.parse;

import java.util.ArrayList;
import java.util.List;

/** Splits a query string into statements at top-level semicolons, as PostgreSQL's simple query protocol does. */
public final class StatementSplitter {
    private StatementSplitter() {
    }

    /** One statement: its own text and its tokens (with whitespace), never including the semicolon. */
    public record Part(String sql, List<Token> tokens) {
        /** Tokens without whitespace and comments. */
        public List<Token> significant() {
            List<Token> out = new ArrayList<>();
            for (Token t : tokens) {
                if (t.kind() != Token.Kind.SPACE) {
                    out.add(t);
                }
            }
            return out;
        }

        public boolean isEmpty() {
            return significant().isEmpty();
        }
    }

    public static List<Part> split(String sql) {
        List<Token> all = PgLexer.tokenize(sql);
        List<Part> parts = new ArrayList<>();
        List<Token> current = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (Token t : all) {
            if (t.isSymbol("(")) {
                depth++;
            } else if (t.isSymbol(")")) {
                depth--;
            }
            if (t.isSymbol(";") && depth <= 0) {
                parts.add(new Part(sql.substring(start, t.start()), current));
                current = new ArrayList<>();
                start = t.end();
                depth = 0;
                continue;
            }
            // positions relative to the statement's own text, which is what the statement carries
            current.add(new Token(t.kind(), t.text(), t.value(), t.start() - start, t.end() - start));
        }
        parts.add(new Part(sql.substring(start), current));
        // PostgreSQL ignores empty statements between semicolons; only an entirely empty string is "empty"
        List<Part> nonEmpty = new ArrayList<>();
        for (Part p : parts) {
            if (!p.isEmpty()) {
                nonEmpty.add(p);
            }
        }
        return nonEmpty.isEmpty() ? List.of(parts.get(0)) : nonEmpty;
    }
}
