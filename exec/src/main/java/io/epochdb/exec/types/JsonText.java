package io.epochdb.exec.types;

import io.epochdb.common.ErrorCode;
import io.epochdb.common.EpochException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * json input validation and jsonb normalization as PostgreSQL stores jsonb: {@code {"a": 1, "b": [1, 2]}}
 * spacing, object keys ordered by length then bytes with the last duplicate winning, numbers as numeric text,
 * strings re-escaped.
 */
final class JsonText {
    private final String text;
    private final String typeName;
    private int pos;

    private JsonText(String text, String typeName) {
        this.text = text;
        this.typeName = typeName;
    }

    /** Validates json text (returned unchanged, as PostgreSQL's json type keeps its input). */
    static String validateJson(String s) {
        JsonText p = new JsonText(s, "json");
        p.parseDocument();
        return s;
    }

    /** Parses and prints in jsonb's normal form. */
    static String normalizeJsonb(String s) {
        JsonText p = new JsonText(s, "json");
        Object v = p.parseDocument();
        StringBuilder sb = new StringBuilder(s.length());
        write(sb, v);
        return sb.toString();
    }

    private Object parseDocument() {
        skipSpace();
        Object v = value();
        skipSpace();
        if (pos != text.length()) {
            throw bad("Expected end of input, but found \"" + rest() + "\".");
        }
        return v;
    }

    private String rest() {
        return text.substring(pos, Math.min(text.length(), pos + 10));
    }

    private EpochException bad(String detail) {
        return new EpochException(ErrorCode.INVALID_TEXT_REPRESENTATION, "invalid input syntax for type " + typeName)
            .withDetail(detail);
    }

    private void skipSpace() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                pos++;
            } else {
                break;
            }
        }
    }

    /** A parsed number keeps its text; an object is a key-ordered map. */
    private record Num(String text) {
    }

    private Object value() {
        if (pos >= text.length()) {
            throw bad("The input string ended unexpectedly.");
        }
        char c = text.charAt(pos);
        switch (c) {
            case '{': {
                pos++;
                Map<String, Object> m = new LinkedHashMap<>();
                skipSpace();
                if (pos < text.length() && text.charAt(pos) == '}') {
                    pos++;
                    return m;
                }
                while (true) {
                    skipSpace();
                    if (pos >= text.length() || text.charAt(pos) != '"') {
                        throw bad("Expected string, but found \"" + rest() + "\".");
                    }
                    String key = string();
                    skipSpace();
                    if (pos >= text.length() || text.charAt(pos) != ':') {
                        throw bad("Expected \":\", but found \"" + rest() + "\".");
                    }
                    pos++;
                    skipSpace();
                    Object v = value();
                    m.remove(key);
                    m.put(key, v);
                    skipSpace();
                    if (pos < text.length() && text.charAt(pos) == ',') {
                        pos++;
                        continue;
                    }
                    if (pos < text.length() && text.charAt(pos) == '}') {
                        pos++;
                        return m;
                    }
                    throw bad("Expected \",\" or \"}\", but found \"" + rest() + "\".");
                }
            }
            case '[': {
                pos++;
                List<Object> list = new ArrayList<>();
                skipSpace();
                if (pos < text.length() && text.charAt(pos) == ']') {
                    pos++;
                    return list;
                }
                while (true) {
                    skipSpace();
                    list.add(value());
                    skipSpace();
                    if (pos < text.length() && text.charAt(pos) == ',') {
                        pos++;
                        continue;
                    }
                    if (pos < text.length() && text.charAt(pos) == ']') {
                        pos++;
                        return list;
                    }
                    throw bad("Expected \",\" or \"]\", but found \"" + rest() + "\".");
                }
            }
            case '"':
                return string();
            default:
                if (text.startsWith("true", pos)) {
                    pos += 4;
                    return Boolean.TRUE;
                }
                if (text.startsWith("false", pos)) {
                    pos += 5;
                    return Boolean.FALSE;
                }
                if (text.startsWith("null", pos)) {
                    pos += 4;
                    return null;
                }
                if (c != '-' && !Character.isLetterOrDigit(c)) {
                    throw bad("Expected JSON value, but found \"" + c + "\".");
                }
                return number();
        }
    }

    private Num number() {
        int start = pos;
        if (pos < text.length() && text.charAt(pos) == '-') {
            pos++;
        }
        while (pos < text.length() && "0123456789.eE+-".indexOf(text.charAt(pos)) >= 0) {
            pos++;
        }
        String s = text.substring(start, pos);
        if (s.isEmpty() || !s.matches("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?")) {
            pos = start;
            throw bad("Token \"" + token() + "\" is invalid.");
        }
        BigDecimal b = new BigDecimal(s);
        if (b.scale() < 0) {
            b = b.setScale(0);
        }
        return new Num(b.toPlainString());
    }

    private String token() {
        int end = pos;
        while (end < text.length() && Character.isLetterOrDigit(text.charAt(end))) {
            end++;
        }
        return end == pos ? rest() : text.substring(pos, end);
    }

    private String string() {
        pos++; // opening quote
        StringBuilder sb = new StringBuilder();
        while (true) {
            if (pos >= text.length()) {
                throw bad("The input string ended unexpectedly.");
            }
            char c = text.charAt(pos++);
            if (c == '"') {
                return sb.toString();
            }
            if (c < 0x20) {
                throw bad("Character with value 0x" + String.format("%02x", (int) c) + " must be escaped.");
            }
            if (c != '\\') {
                sb.append(c);
                continue;
            }
            if (pos >= text.length()) {
                throw bad("The input string ended unexpectedly.");
            }
            char e = text.charAt(pos++);
            switch (e) {
                case '"', '\\', '/' -> sb.append(e);
                case 'b' -> sb.append('\b');
                case 'f' -> sb.append('\f');
                case 'n' -> sb.append('\n');
                case 'r' -> sb.append('\r');
                case 't' -> sb.append('\t');
                case 'u' -> {
                    if (pos + 4 > text.length()) {
                        throw bad("\"\\u\" must be followed by four hexadecimal digits.");
                    }
                    try {
                        sb.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
                    } catch (NumberFormatException ex) {
                        throw bad("\"\\u\" must be followed by four hexadecimal digits.");
                    }
                    pos += 4;
                }
                default -> throw bad("Escape sequence \"\\" + e + "\" is invalid.");
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static void write(StringBuilder sb, Object v) {
        if (v == null) {
            sb.append("null");
        } else if (v instanceof Boolean b) {
            sb.append(b ? "true" : "false");
        } else if (v instanceof Num n) {
            sb.append(n.text);
        } else if (v instanceof String s) {
            quote(sb, s);
        } else if (v instanceof List<?> list) {
            sb.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    sb.append(", ");
                }
                write(sb, list.get(i));
            }
            sb.append(']');
        } else {
            Map<String, Object> m = (Map<String, Object>) v;
            String[] keys = m.keySet().toArray(new String[0]);
            Arrays.sort(keys, JsonText::compareKeys);
            sb.append('{');
            for (int i = 0; i < keys.length; i++) {
                if (i > 0) {
                    sb.append(", ");
                }
                quote(sb, keys[i]);
                sb.append(": ");
                write(sb, m.get(keys[i]));
            }
            sb.append('}');
        }
    }

    /** jsonb key order: shorter keys first, then bytewise. */
    private static int compareKeys(String a, String b) {
        byte[] x = a.getBytes(StandardCharsets.UTF_8);
        byte[] y = b.getBytes(StandardCharsets.UTF_8);
        if (x.length != y.length) {
            return Integer.compare(x.length, y.length);
        }
        return Arrays.compareUnsigned(x, y);
    }

    private static void quote(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }
}
