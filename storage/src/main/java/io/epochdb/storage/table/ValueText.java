package io.epochdb.storage.table;

import io.epochdb.common.types.Interval;
import io.epochdb.common.types.SqlType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;

/**
 * Values as PostgreSQL prints them in error details ({@code Key (id)=(1) already exists.}). Cold path only;
 * timestamps with time zone print in UTC because storage knows no session time zone.
 */
final class ValueText {
    private ValueText() {
    }

    static String format(Object v, SqlType type) {
        if (v == null) {
            return "null";
        }
        if (type.isArray() && v instanceof List<?> items) {
            StringBuilder sb = new StringBuilder("{");
            for (int i = 0; i < items.size(); i++) {
                if (i > 0) {
                    sb.append(',');
                }
                sb.append(items.get(i) == null ? "NULL" : format(items.get(i), type.element()));
            }
            return sb.append('}').toString();
        }
        switch (type) {
            case BOOL:
                return ((Boolean) v) ? "t" : "f";
            case FLOAT4:
            case FLOAT8:
                return formatDouble(((Number) v).doubleValue());
            case NUMERIC:
                return (v instanceof BigDecimal b ? b : new BigDecimal(v.toString())).toPlainString();
            case DATE:
                return LocalDate.ofEpochDay(((Number) v).longValue()).toString();
            case TIME:
                return formatTime(LocalTime.ofNanoOfDay(((Number) v).longValue() * 1000));
            case TIMESTAMP:
                return formatTimestamp(((Number) v).longValue());
            case TIMESTAMPTZ:
                return formatTimestamp(((Number) v).longValue()) + "+00";
            case BYTEA:
                return "\\x" + HexFormat.of().formatHex((byte[]) v);
            case INTERVAL: {
                Interval iv = (Interval) v;
                return iv.months() + " mons " + iv.days() + " days " + iv.micros() + " us";
            }
            default:
                return v.toString();
        }
    }

    private static String formatDouble(double d) {
        if (Double.isNaN(d)) {
            return "NaN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "Infinity" : "-Infinity";
        }
        double abs = Math.abs(d);
        if (abs != 0 && (abs < 1e-4 || abs >= 1e15)) {
            return Double.toString(d).replace("E", "e+").replace("e+-", "e-");
        }
        return new BigDecimal(Double.toString(d)).stripTrailingZeros().toPlainString();
    }

    private static String formatTimestamp(long micros) {
        long secs = Math.floorDiv(micros, 1_000_000L);
        int nanos = (int) Math.floorMod(micros, 1_000_000L) * 1000;
        LocalDateTime t = LocalDateTime.ofEpochSecond(secs, nanos, ZoneOffset.UTC);
        return t.toLocalDate() + " " + formatTime(t.toLocalTime());
    }

    private static String formatTime(LocalTime t) {
        String s = String.format("%02d:%02d:%02d", t.getHour(), t.getMinute(), t.getSecond());
        int micros = t.getNano() / 1000;
        if (micros != 0) {
            String frac = String.format("%06d", micros);
            s += "." + frac.replaceAll("0+$", "");
        }
        return s;
    }
}
