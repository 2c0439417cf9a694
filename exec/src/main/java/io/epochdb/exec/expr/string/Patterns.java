package io.epochdb.exec.expr.string;

import io.epochdb.common.ErrorCode;
import io.epochdb.common.EpochException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Translation of LIKE, SIMILAR TO and POSIX regular expressions into java.util.regex, with a small cache. */
public final class Patterns {
    private static final int CACHE_SIZE = 256;
    private static final Map<String, Pattern> CACHE = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Pattern> e) {
            return size() > CACHE_SIZE;
        }
    };

    private Patterns() {
    }

    private static Pattern cached(String key, java.util.function.Supplier<Pattern> make) {
        synchronized (CACHE) {
            Pattern p = CACHE.get(key);
            if (p == null) {
                p = make.get();
                CACHE.put(key, p);
            }
            return p;
        }
    }

    public static Pattern like(String pattern, String escape, boolean caseInsensitive) {
        return cached("L" + (caseInsensitive ? "i" : "c") + (escape == null ? "\\" : escape) + "\u0000" + pattern,
            () -> Pattern.compile(likeToRegex(pattern, escape == null ? "\\" : escape),
                Pattern.DOTALL | (caseInsensitive ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0)));
    }

    static String likeToRegex(String pattern, String escape) {
        if (escape.length() > 1) {
            throw new EpochException(ErrorCode.INVALID_ESCAPE_SEQUENCE, "invalid escape string")
                .withHint("Escape string must be empty or one character.");
        }
        char esc = escape.isEmpty() ? 0 : escape.charAt(0);
        StringBuilder sb = new StringBuilder(pattern.length() + 8);
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (esc != 0 && c == esc) {
                if (i + 1 >= pattern.length()) {
                    throw new EpochException(ErrorCode.INVALID_ESCAPE_SEQUENCE, "LIKE pattern must not end with escape character");
                }
                sb.append(Pattern.quote(String.valueOf(pattern.charAt(++i))));
            } else if (c == '%') {
                sb.append(".*");
            } else if (c == '_') {
                sb.append('.');
            } else {
                appendLiteral(sb, c);
            }
        }
        return sb.toString();
    }

    private static void appendLiteral(StringBuilder sb, char c) {
        if ("\\[]{}()*+?.^$|".indexOf(c) >= 0) {
            sb.append('\\');
        }
        sb.append(c);
    }

    public static Pattern similar(String pattern, String escape) {
        return cached("S" + (escape == null ? "\\" : escape) + "\u0000" + pattern, () -> {
            char esc = escape == null ? '\\' : escape.isEmpty() ? 0 : escape.charAt(0);
            StringBuilder sb = new StringBuilder();
            boolean inBracket = false;
            for (int i = 0; i < pattern.length(); i++) {
                char c = pattern.charAt(i);
                if (esc != 0 && c == esc && i + 1 < pattern.length()) {
                    appendLiteral(sb, pattern.charAt(++i));
                } else if (inBracket) {
                    if (c == ']') {
                        inBracket = false;
                    }
                    sb.append(c);
                } else if (c == '[') {
                    inBracket = true;
                    sb.append(c);
                } else if (c == '%') {
                    sb.append(".*");
                } else if (c == '_') {
                    sb.append('.');
                } else if ("|*+?{}()".indexOf(c) >= 0) {
                    sb.append(c);
                } else {
                    appendLiteral(sb, c);
                }
            }
            return compile(sb.toString(), 0);
        });
    }

    /** A POSIX (ARE) regular expression as PostgreSQL's ~ operator reads it. */
    public static Pattern posix(String regex, boolean caseInsensitive) {
        return cached("P" + (caseInsensitive ? "i" : "c") + regex, () -> compile(translatePosix(regex),
            caseInsensitive ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0));
    }

    static String translatePosix(String regex) {
        return regex.replace("[[:alpha:]]", "\\p{Alpha}").replace("[:alpha:]", "\\p{Alpha}")
            .replace("[[:digit:]]", "\\d").replace("[:digit:]", "\\d")
            .replace("[[:alnum:]]", "\\p{Alnum}").replace("[:alnum:]", "\\p{Alnum}")
            .replace("[[:space:]]", "\\s").replace("[:space:]", "\\s")
            .replace("[[:upper:]]", "\\p{Upper}").replace("[:upper:]", "\\p{Upper}")
            .replace("[[:lower:]]", "\\p{Lower}").replace("[:lower:]", "\\p{Lower}")
            .replace("[[:punct:]]", "\\p{Punct}").replace("[:punct:]", "\\p{Punct}")
            .replace("[[:xdigit:]]", "\\p{XDigit}").replace("[:xdigit:]", "\\p{XDigit}")
            .replace("\\m", "\\b").replace("\\M", "\\b").replace("\\y", "\\b");
    }

    private static Pattern compile(String regex, int flags) {
        try {
            return Pattern.compile(regex, flags);
        } catch (PatternSyntaxException e) {
            throw new EpochException(ErrorCode.INVALID_REGULAR_EXPRESSION, "invalid regular expression: " + e.getDescription());
        }
    }

    /** PostgreSQL replacement text (\1..\9, \&) to Java's ($1, $0). */
    public static String replacement(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(i + 1);
                if (Character.isDigit(n)) {
                    sb.append('$').append(n);
                    i++;
                    continue;
                }
                if (n == '&') {
                    sb.append("$0");
                    i++;
                    continue;
                }
                if (n == '\\') {
                    sb.append("\\\\");
                    i++;
                    continue;
                }
            }
            if (c == '$' || c == '\\') {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.toString();
    }
}
