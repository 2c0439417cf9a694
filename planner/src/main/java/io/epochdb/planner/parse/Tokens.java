package io.epochdb.planner.parse;

import java.util.ArrayList;
import java.util.List;

/** Small helpers over token lists for the statements EpochDB restructures itself (DML, DISTINCT ON). */
public final class Tokens {
    private Tokens() {
    }

    public static Token word(String w) {
        return new Token(Token.Kind.WORD, w, w, 0, 0);
    }

    public static Token quoted(String name) {
        return new Token(Token.Kind.QUOTED_IDENT, '"' + name.replace("\"", "\"\"") + '"', name, 0, 0);
    }

    public static Token symbol(String s) {
        return new Token(Token.Kind.SYMBOL, s, s, 0, 0);
    }

    /** Index of the first of {@code words} at parenthesis depth 0 from {@code from}, or the list size. */
    public static int findTopLevel(List<Token> t, int from, String... words) {
        int depth = 0;
        for (int i = from; i < t.size(); i++) {
            if (t.get(i).isSymbol("(")) {
                depth++;
            } else if (t.get(i).isSymbol(")")) {
                depth--;
            } else if (depth == 0) {
                for (String w : words) {
                    if (t.get(i).isWord(w)) {
                        return i;
                    }
                }
            }
        }
        return t.size();
    }

    /** Splits at commas at parenthesis depth 0. */
    public static List<List<Token>> splitTopLevel(List<Token> t) {
        List<List<Token>> out = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < t.size(); i++) {
            if (t.get(i).isSymbol("(")) {
                depth++;
            } else if (t.get(i).isSymbol(")")) {
                depth--;
            } else if (depth == 0 && t.get(i).isSymbol(",")) {
                out.add(t.subList(start, i));
                start = i + 1;
            }
        }
        out.add(t.subList(start, t.size()));
        return out;
    }

    /** Reassembles tokens into SQL text (statement text for error messages; planning uses the tokens). */
    public static String text(List<Token> tokens) {
        StringBuilder sb = new StringBuilder();
        for (Token t : tokens) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            if (t.kind() == Token.Kind.STRING) {
                sb.append('\'').append(t.value().replace("'", "''")).append('\'');
            } else {
                sb.append(t.text());
            }
        }
        return sb.toString();
    }
}
