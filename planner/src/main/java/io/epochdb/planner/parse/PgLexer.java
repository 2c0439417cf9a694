package io.epochdb.planner.parse;

import io.epochdb.common.ErrorCode;
import io.epochdb.common.EpochException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits PostgreSQL SQL text into tokens, following PostgreSQL's lexer rules for the parts that matter to a
 * front end: nested block comments, standard strings with '' escapes, E'' strings with backslash escapes,
 * dollar quoting, quoted identifiers, {@code $n} parameters, and multi-character operators.
 */
public final class PgLexer {
    private static final String OP_CHARS = "+-*/<>=~!@#%^&|`?";

    private final String sql;
    private int pos;

    private PgLexer(String sql) {
        this.sql = sql;
    }

    /** All tokens including whitespace and comments, so the text can be reassembled. */
    public static List<Token> tokenize(String sql) {
        return new PgLexer(sql).run();
    }

    private List<Token> run() {
        List<Token> out = new ArrayList<>();
        while (pos < sql.length()) {
            out.add(next());
        }
        return out;
    }

    private Token next() {
        int start = pos;
        char c = sql.charAt(pos);
        if (Character.isWhitespace(c)) {
            while (pos < sql.length() && Character.isWhitespace(sql.charAt(pos))) {
                pos++;
            }
            return tok(Token.Kind.SPACE, start, null);
        }
        if (c == '-' && peek(1) == '-') {
            while (pos < sql.length() && sql.charAt(pos) != '\n') {
                pos++;
            }
            return tok(Token.Kind.SPACE, start, null);
        }
        if (c == '/' && peek(1) == '*') {
            int depth = 0;
            while (pos < sql.length()) {
                if (sql.startsWith("/*", pos)) {
                    depth++;
                    pos += 2;
                } else if (sql.startsWith("*/", pos)) {
                    depth--;
                    pos += 2;
                    if (depth == 0) {
                        break;
                    }
                } else {
                    pos++;
                }
            }
            if (depth != 0) {
                throw syntax("unterminated /* comment", start);
            }
            return tok(Token.Kind.SPACE, start, null);
        }
        if ((c == 'e' || c == 'E') && peek(1) == '\'') {
            pos++;
            return escapeString(start);
        }
        if ((c == 'b' || c == 'B' || c == 'x' || c == 'X') && peek(1) == '\'') {
            pos += 2;
            int close = sql.indexOf('\'', pos);
            if (close < 0) {
                throw syntax("unterminated bit string literal", start);
            }
            String digits = sql.substring(pos, close);
            pos = close + 1;
            return tok(Token.Kind.BIT_STRING, start, (Character.toLowerCase(c) == 'x' ? "x" : "b") + digits);
        }
        if ((c == 'u' || c == 'U') && peek(1) == '&' && peek(2) == '\'') {
            pos += 2;
            return standardString(start);
        }
        if (c == '\'') {
            return standardString(start);
        }
        if (c == '"') {
            return quotedIdent(start);
        }
        if (c == '$') {
            if (Character.isDigit(peek(1))) {
                pos++;
                while (pos < sql.length() && Character.isDigit(sql.charAt(pos))) {
                    pos++;
                }
                return tok(Token.Kind.PARAM, start, sql.substring(start + 1, pos));
            }
            Token dollar = dollarString(start);
            if (dollar != null) {
                return dollar;
            }
        }
        if (Character.isLetter(c) || c == '_' || c > 127) {
            while (pos < sql.length()) {
                char d = sql.charAt(pos);
                if (Character.isLetterOrDigit(d) || d == '_' || d == '$' || d > 127) {
                    pos++;
                } else {
                    break;
                }
            }
            return tok(Token.Kind.WORD, start, sql.substring(start, pos).toLowerCase(Locale.ROOT));
        }
        if (Character.isDigit(c) || (c == '.' && Character.isDigit(peek(1)))) {
            return number(start);
        }
        if (c == ':' && peek(1) == ':') {
            pos += 2;
            return tok(Token.Kind.SYMBOL, start, null);
        }
        if (OP_CHARS.indexOf(c) >= 0) {
            while (pos < sql.length() && OP_CHARS.indexOf(sql.charAt(pos)) >= 0) {
                // a comment start ends an operator, as in PostgreSQL
                if (pos > start && (sql.startsWith("--", pos) || sql.startsWith("/*", pos))) {
                    break;
                }
                pos++;
            }
            // PostgreSQL: an operator ending in + or - must contain one of ~ ! @ # % ^ & | ` ? to keep it,
            // so "=-1" lexes as "=" and "-1".
            while (pos - start > 1 && (sql.charAt(pos - 1) == '+' || sql.charAt(pos - 1) == '-')
                && !containsAny(sql.substring(start, pos - 1), "~!@#%^&|`?")) {
                pos--;
            }
            return tok(Token.Kind.SYMBOL, start, null);
        }
        pos++;
        return tok(Token.Kind.SYMBOL, start, null);
    }

    private static boolean containsAny(String s, String chars) {
        for (int i = 0; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return true;
            }
        }
        return false;
    }

    private Token number(int start) {
        while (pos < sql.length() && Character.isDigit(sql.charAt(pos))) {
            pos++;
        }
        if (pos < sql.length() && sql.charAt(pos) == '.' && peek(1) != '.') {
            pos++;
            while (pos < sql.length() && Character.isDigit(sql.charAt(pos))) {
                pos++;
            }
        }
        if (pos < sql.length() && (sql.charAt(pos) == 'e' || sql.charAt(pos) == 'E')) {
            int save = pos;
            pos++;
            if (pos < sql.length() && (sql.charAt(pos) == '+' || sql.charAt(pos) == '-')) {
                pos++;
            }
            if (pos < sql.length() && Character.isDigit(sql.charAt(pos))) {
                while (pos < sql.length() && Character.isDigit(sql.charAt(pos))) {
                    pos++;
                }
            } else {
                pos = save;
            }
        }
        return tok(Token.Kind.NUMBER, start, null);
    }

    private Token standardString(int start) {
        // adjacent literals separated by whitespace containing a newline concatenate (SQL rule)
        StringBuilder value = new StringBuilder(quotedBody('\'', "quoted string", start));
        while (continuesOnNextLine()) {
            value.append(quotedBody('\'', "quoted string", start));
        }
        return tok(Token.Kind.STRING, start, value.toString());
    }

    /**
     * Reads from the opening quote at {@code pos} to its closing partner, a doubled quote standing for one, and
     * leaves {@code pos} after the closing quote.
     */
    private String quotedBody(char quote, String what, int start) {
        StringBuilder value = new StringBuilder();
        pos++;
        while (true) {
            if (pos >= sql.length()) {
                throw syntax("unterminated " + what + " at or near \"" + sql.substring(start) + "\"", start);
            }
            char c = sql.charAt(pos);
            if (c == quote) {
                if (peek(1) == quote) {
                    value.append(quote);
                    pos += 2;
                    continue;
                }
                pos++;
                return value.toString();
            }
            value.append(c);
            pos++;
        }
    }

    /** Skips whitespace containing a newline followed by another quote: SQL's literal continuation. */
    private boolean continuesOnNextLine() {
        int p = pos;
        boolean newline = false;
        while (p < sql.length() && Character.isWhitespace(sql.charAt(p))) {
            newline |= sql.charAt(p) == '\n';
            p++;
        }
        if (newline && p < sql.length() && sql.charAt(p) == '\'') {
            pos = p; // at the next literal's opening quote
            return true;
        }
        return false;
    }

    private Token escapeString(int start) {
        StringBuilder value = new StringBuilder();
        pos++; // opening quote
        while (true) {
            if (pos >= sql.length()) {
                throw syntax("unterminated quoted string", start);
            }
            char c = sql.charAt(pos);
            if (c == '\'') {
                if (peek(1) == '\'') {
                    value.append('\'');
                    pos += 2;
                    continue;
                }
                pos++;
                break;
            }
            if (c == '\\' && pos + 1 < sql.length()) {
                char e = sql.charAt(pos + 1);
                pos += 2;
                switch (e) {
                    case 'n' -> value.append('\n');
                    case 't' -> value.append('\t');
                    case 'r' -> value.append('\r');
                    case 'b' -> value.append('\b');
                    case 'f' -> value.append('\f');
                    case 'x' -> {
                        int end = pos;
                        while (end < sql.length() && end < pos + 2 && Character.digit(sql.charAt(end), 16) >= 0) {
                            end++;
                        }
                        if (end == pos) {
                            value.append('x');
                        } else {
                            value.append((char) Integer.parseInt(sql.substring(pos, end), 16));
                            pos = end;
                        }
                    }
                    case 'u', 'U' -> {
                        int len = e == 'u' ? 4 : 8;
                        if (pos + len > sql.length()) {
                            throw new EpochException(ErrorCode.INVALID_ESCAPE_SEQUENCE, "invalid Unicode escape");
                        }
                        value.appendCodePoint(Integer.parseInt(sql.substring(pos, pos + len), 16));
                        pos += len;
                    }
                    default -> {
                        if (e >= '0' && e <= '7') {
                            int end = pos - 1;
                            while (end < sql.length() && end < pos + 2 && sql.charAt(end) >= '0' && sql.charAt(end) <= '7') {
                                end++;
                            }
                            value.append((char) Integer.parseInt(sql.substring(pos - 1, end), 8));
                            pos = end;
                        } else {
                            value.append(e);
                        }
                    }
                }
                continue;
            }
            value.append(c);
            pos++;
        }
        return tok(Token.Kind.STRING, start, value.toString());
    }

    private Token dollarString(int start) {
        int p = pos + 1;
        while (p < sql.length() && (Character.isLetterOrDigit(sql.charAt(p)) || sql.charAt(p) == '_')) {
            if (p == pos + 1 && Character.isDigit(sql.charAt(p))) {
                return null;
            }
            p++;
        }
        if (p >= sql.length() || sql.charAt(p) != '$') {
            return null;
        }
        String tag = sql.substring(pos, p + 1);
        int close = sql.indexOf(tag, p + 1);
        if (close < 0) {
            throw syntax("unterminated dollar-quoted string at or near \"" + sql.substring(start) + "\"", start);
        }
        String value = sql.substring(p + 1, close);
        pos = close + tag.length();
        return tok(Token.Kind.STRING, start, value);
    }

    private Token quotedIdent(int start) {
        String value = quotedBody('"', "quoted identifier", start);
        if (value.isEmpty()) {
            throw syntax("zero-length delimited identifier at or near \"\"\"\"", start);
        }
        return tok(Token.Kind.QUOTED_IDENT, start, value);
    }

    private char peek(int ahead) {
        int p = pos + ahead;
        return p < sql.length() ? sql.charAt(p) : '\0';
    }

    private Token tok(Token.Kind kind, int start, String value) {
        String text = sql.substring(start, pos);
        return new Token(kind, text, value == null ? text : value, start, pos);
    }

    private static EpochException syntax(String message, int start) {
        return new EpochException(ErrorCode.SYNTAX_ERROR, message, null, null, start + 1, null);
    }
}
