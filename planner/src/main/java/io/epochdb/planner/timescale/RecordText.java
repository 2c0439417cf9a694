package io.epochdb.planner.timescale;

import io.epochdb.common.types.ColumnType;
import io.epochdb.exec.types.PgText;
import java.time.ZoneId;
import java.util.List;

/** PostgreSQL's text output of a row value ({@code record_out}): {@code (1,public,conditions,t)}. */
final class RecordText {
    private RecordText() {
    }

    static String format(List<Object> values, List<ColumnType> types, ZoneId zone) {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            Object v = values.get(i);
            if (v == null) {
                continue;
            }
            String text = PgText.format(v, types.get(i), zone);
            if (needsQuotes(text)) {
                sb.append('"');
                for (int k = 0; k < text.length(); k++) {
                    char c = text.charAt(k);
                    if (c == '"' || c == '\\') {
                        sb.append(c);
                    }
                    sb.append(c);
                }
                sb.append('"');
            } else {
                sb.append(text);
            }
        }
        return sb.append(')').toString();
    }

    private static boolean needsQuotes(String s) {
        if (s.isEmpty()) {
            return true;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\' || c == '(' || c == ')' || c == ',' || Character.isWhitespace(c)) {
                return true;
            }
        }
        return false;
    }
}
