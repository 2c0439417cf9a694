package io.epochdb.exec.types;

import io.epochdb.common.ErrorCode;
import io.epochdb.common.EpochException;
import io.epochdb.common.types.Interval;
import io.epochdb.common.types.SqlType;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** Boxed values per {@link SqlType}'s convention: normalizing the Java class, and PostgreSQL's ordering. */
public final class PgValues {
    private PgValues() {
    }

    /** Converts a value of a compatible class to the exact class {@code t} uses (Integer to Long for INT8...). */
    public static Object coerce(Object v, SqlType t) {
        if (v == null) {
            return null;
        }
        switch (t) {
            case INT2:
                return v instanceof Short ? v : (Object) ((Number) v).shortValue();
            case INT4:
            case OID:
            case REGCLASS:
            case REGTYPE:
            case REGPROC:
            case DATE:
                return v instanceof Integer ? v : (Object) ((Number) v).intValue();
            case INT8:
            case TIME:
            case TIMESTAMP:
            case TIMESTAMPTZ:
                return v instanceof Long ? v : (Object) ((Number) v).longValue();
            case FLOAT4:
                return v instanceof Float ? v : (Object) ((Number) v).floatValue();
            case FLOAT8:
                return v instanceof Double ? v : (Object) ((Number) v).doubleValue();
            case NUMERIC:
                return Numerics.toBigDecimal(v);
            case BOOL:
                return (Boolean) v;
            default:
                if (t.isText() || t == SqlType.JSON || t == SqlType.JSONB || t == SqlType.UNKNOWN) {
                    return v instanceof String ? v : v.toString();
                }
                return v;
        }
    }

    /** PostgreSQL ordering of two non-null values of type {@code t}. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static int compare(Object a, Object b, SqlType t) {
        switch (t) {
            case FLOAT4:
            case FLOAT8:
                return compareFloat(((Number) a).doubleValue(), ((Number) b).doubleValue());
            case NUMERIC:
                return Numerics.toBigDecimal(a).compareTo(Numerics.toBigDecimal(b));
            case BOOL:
                return Boolean.compare((Boolean) a, (Boolean) b);
            case INTERVAL:
                return ((Interval) a).compareTo((Interval) b);
            case BYTEA:
                return Arrays.compareUnsigned((byte[]) a, (byte[]) b);
            case UUID: {
                UUID x = (UUID) a;
                UUID y = (UUID) b;
                int c = Long.compareUnsigned(x.getMostSignificantBits(), y.getMostSignificantBits());
                return c != 0 ? c : Long.compareUnsigned(x.getLeastSignificantBits(), y.getLeastSignificantBits());
            }
            case BPCHAR:
                return compareText(rtrim(a.toString()), rtrim(b.toString()));
            default:
                if (t.isInteger() || t.isTemporal() || t == SqlType.REGCLASS || t == SqlType.REGTYPE || t == SqlType.REGPROC) {
                    return Long.compare(((Number) a).longValue(), ((Number) b).longValue());
                }
                if (t.isArray()) {
                    return compareArrays((List<?>) a, (List<?>) b, t.element());
                }
                if (a instanceof String x && b instanceof String y) {
                    return compareText(x, y);
                }
                if (a instanceof Comparable ca) {
                    return ca.compareTo(b);
                }
                throw new EpochException(ErrorCode.UNDEFINED_FUNCTION, "could not identify a comparison function for type " + t.typname());
        }
    }

    /** Float order as PostgreSQL: NaN is greater than everything and equal to itself; -0 equals 0. */
    public static int compareFloat(double x, double y) {
        if (x < y) {
            return -1;
        }
        if (x > y) {
            return 1;
        }
        if (x == y) {
            return 0;
        }
        boolean xn = Double.isNaN(x);
        boolean yn = Double.isNaN(y);
        return xn == yn ? 0 : xn ? 1 : -1;
    }

    /** Text order by UTF-8 bytes (code points), i.e. the C collation. */
    public static int compareText(String x, String y) {
        int n = Math.min(x.length(), y.length());
        for (int i = 0; i < n; i++) {
            char a = x.charAt(i);
            char b = y.charAt(i);
            if (a != b) {
                boolean sa = Character.isSurrogate(a);
                boolean sb = Character.isSurrogate(b);
                if (sa != sb) {
                    return sa ? 1 : -1;
                }
                return Character.compare(a, b);
            }
        }
        return Integer.compare(x.length(), y.length());
    }

    private static int compareArrays(List<?> a, List<?> b, SqlType element) {
        int n = Math.min(a.size(), b.size());
        for (int i = 0; i < n; i++) {
            Object x = a.get(i);
            Object y = b.get(i);
            if (x == null || y == null) {
                if (x != y) {
                    return x == null ? 1 : -1;
                }
                continue;
            }
            int c = compare(x, y, element);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    public static String rtrim(String s) {
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == ' ') {
            end--;
        }
        return s.substring(0, end);
    }

    public static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    public static boolean isBigDecimal(Object o) {
        return o instanceof BigDecimal;
    }
}
