package io.epochdb.planner.parse;

import io.epochdb.common.ErrorCode;
import io.epochdb.common.EpochException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code SELECT DISTINCT ON (k1, k2) items FROM ... ORDER BY ... [LIMIT n] [OFFSET m]}, which Calcite cannot
 * parse, becomes {@code SELECT items, (k1) AS "$don0", (k2) AS "$don1" FROM ... ORDER BY ...}; the executor then
 * keeps the first row of each run of equal keys and applies LIMIT/OFFSET afterwards. Top-level SELECT only.
 */
public final class DistinctOnRewrite {
    /** The rewritten tokens, the number of key columns appended, and the LIMIT/OFFSET taken off (-1/0 if none). */
    public record Result(List<Token> tokens, int keys, long offset, long fetch) {
    }

    private DistinctOnRewrite() {
    }

    /** Returns null when the statement is not a top-level SELECT DISTINCT ON. */
    public static Result apply(List<Token> t) {
        if (t.size() < 5 || !t.get(0).isWord("select") || !t.get(1).isWord("distinct") || !t.get(2).isWord("on")
            || !t.get(3).isSymbol("(")) {
            return null;
        }
        int close = matching(t, 3);
        List<List<Token>> keys = splitTopLevel(t.subList(4, close));
        int from = findTopLevel(t, close + 1, "from", "where", "group", "having", "order", "limit", "offset", "window", "union");
        List<Token> out = new ArrayList<>();
        out.add(t.get(0));
        out.addAll(t.subList(close + 1, from));
        for (int i = 0; i < keys.size(); i++) {
            out.add(sym(","));
            out.add(sym("("));
            out.addAll(keys.get(i));
            out.add(sym(")"));
            out.add(new Token(Token.Kind.WORD, "as", "as", 0, 0));
            out.add(new Token(Token.Kind.QUOTED_IDENT, "\"$don" + i + "\"", "$don" + i, 0, 0));
        }
        int limitAt = findTopLevel(t, from, "limit", "offset");
        out.addAll(t.subList(from, limitAt));
        long fetch = -1;
        long offset = 0;
        int i = limitAt;
        while (i < t.size()) {
            if (t.get(i).isWord("limit") && i + 1 < t.size()) {
                fetch = t.get(i + 1).isWord("all") ? -1 : number(t.get(i + 1));
                i += 2;
            } else if (t.get(i).isWord("offset") && i + 1 < t.size()) {
                offset = number(t.get(i + 1));
                i += 2;
                if (i < t.size() && (t.get(i).isWord("rows") || t.get(i).isWord("row"))) {
                    i++;
                }
            } else {
                throw new EpochException(ErrorCode.SYNTAX_ERROR, "syntax error at or near \"" + t.get(i).text() + "\"");
            }
        }
        return new Result(out, keys.size(), offset, fetch);
    }

    private static long number(Token t) {
        if (t.kind() != Token.Kind.NUMBER) {
            throw new EpochException(ErrorCode.FEATURE_NOT_SUPPORTED, "LIMIT/OFFSET with DISTINCT ON must be a constant");
        }
        return Long.parseLong(t.text());
    }

    private static Token sym(String s) {
        return Tokens.symbol(s);
    }

    private static int matching(List<Token> t, int open) {
        int d = 0;
        for (int i = open; i < t.size(); i++) {
            if (t.get(i).isSymbol("(")) {
                d++;
            } else if (t.get(i).isSymbol(")")) {
                d--;
                if (d == 0) {
                    return i;
                }
            }
        }
        throw new EpochException(ErrorCode.SYNTAX_ERROR, "syntax error at end of input");
    }

    private static int findTopLevel(List<Token> t, int from, String... words) {
        return Tokens.findTopLevel(t, from, words);
    }

    private static List<List<Token>> splitTopLevel(List<Token> t) {
        return Tokens.splitTopLevel(t);
    }
}
