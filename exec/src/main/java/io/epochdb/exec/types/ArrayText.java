package io.epochdb.exec.types;

import io.epochdb.common.ErrorCode;
import io.epochdb.common.EpochException;
import io.epochdb.common.types.ColumnType;
import io.epochdb.common.types.SqlType;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/** One-dimensional array text: {@code {1,2,NULL}}, {@code {"a b","x\"y"}} with PostgreSQL's quoting rules. */
final class ArrayText {
    private ArrayText() {
    }

    static String format(List<?> items, SqlType elementType, ZoneId zone) {
        StringBuilder sb = new StringBuilder();
        sb.append('{');
        ColumnType et = ColumnType.of(elementType);
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            Object v = items.get(i);
            if (v == null) {
                sb.append("NULL");
            } else if (v instanceof List<?> nested) {
                sb.append(format(nested, elementType, zone));
            } else {
                appendElement(sb, PgText.format(v, et, zone));
            }
        }
        return sb.append('}').toString();
    }

    private static void appendElement(StringBuilder sb, String s) {
        boolean quote = s.isEmpty() || s.equalsIgnoreCase("NULL");
        for (int i = 0; i < s.length() && !quote; i++) {
            char c = s.charAt(i);
            quote = c == '"' || c == '\\' || c == '{' || c == '}' || c == ',' || Character.isWhitespace(c);
        }
        if (!quote) {
            sb.append(s);
            return;
        }
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                sb.append('\\');
            }
            sb.append(c);
        }
        sb.append('"');
    }

    static List<Object> parse(String text, SqlType elementType, ZoneId zone) {
        String s = text.trim();
        if (s.length() < 2 || s.charAt(0) != '{' || s.charAt(s.length() - 1) != '}') {
            throw malformed(text, "Array value must start with \"{\" or dimension information.");
        }
        List<Object> out = new ArrayList<>();
        ColumnType et = ColumnType.of(elementType);
        int i = 1;
        int end = s.length() - 1;
        boolean expectElement = true;
        if (s.substring(1, end).trim().isEmpty()) {
            return out;
        }
        while (i <= end) {
            while (i < end && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
            if (i >= end) {
                if (expectElement) {
                    throw malformed(text, "Unexpected \"}\" character.");
                }
                break;
            }
            char c = s.charAt(i);
            if (c == '"') {
                StringBuilder sb = new StringBuilder();
                i++;
                while (i < end && s.charAt(i) != '"') {
                    if (s.charAt(i) == '\\' && i + 1 < end) {
                        i++;
                    }
                    sb.append(s.charAt(i));
                    i++;
                }
                if (i >= end) {
                    throw malformed(text, "Unexpected end of input.");
                }
                i++;
                out.add(PgText.parse(sb.toString(), et, zone));
            } else if (c == '{') {
                throw new EpochException(ErrorCode.FEATURE_NOT_SUPPORTED, "multidimensional arrays are not supported");
            } else {
                StringBuilder sb = new StringBuilder();
                while (i < end && s.charAt(i) != ',') {
                    if (s.charAt(i) == '\\' && i + 1 < end) {
                        i++;
                    }
                    sb.append(s.charAt(i));
                    i++;
                }
                String raw = sb.toString().trim();
                if (raw.isEmpty()) {
                    throw malformed(text, "Unexpected \",\" character.");
                }
                out.add(raw.equalsIgnoreCase("NULL") ? null : PgText.parse(raw, et, zone));
            }
            while (i < end && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
            if (i < end) {
                if (s.charAt(i) != ',') {
                    throw malformed(text, "Unexpected array element.");
                }
                i++;
                expectElement = true;
            } else {
                expectElement = false;
                break;
            }
        }
        return out;
    }

    private static EpochException malformed(String text, String detail) {
        return new EpochException(ErrorCode.INVALID_TEXT_REPRESENTATION, "malformed array literal: \"" + text + "\"")
            .withDetail(detail);
    }
}
