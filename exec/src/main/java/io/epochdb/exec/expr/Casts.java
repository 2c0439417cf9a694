package io.epochdb.exec.expr;

import io.epochdb.common.ErrorCode;
import io.epochdb.common.EpochException;
import io.epochdb.common.types.ColumnType;
import io.epochdb.common.types.Interval;
import io.epochdb.common.types.SqlType;
import io.epochdb.exec.time.DateTimes;
import io.epochdb.exec.types.Numerics;
import io.epochdb.exec.types.PgText;
import io.epochdb.exec.types.PgValues;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/** PostgreSQL cast semantics between the {@link SqlType}s, value by value. */
public final class Casts {
    private Casts() {
    }

    public static Object castValue(Object v, SqlType from, ColumnType to, ZoneId zone, boolean explicit) {
        if (v == null) {
            return null;
        }
        SqlType t = to.type();
        if (isTextLike(t)) {
            // bool::text is 'true'/'false' in PostgreSQL (unlike its output function's t/f)
            String s = isTextLike(from) ? v.toString()
                : from == SqlType.BOOL ? (((Boolean) v) ? "true" : "false") : PgText.format(v, ColumnType.of(from), zone);
            if (from == SqlType.BPCHAR && t != SqlType.BPCHAR) {
                s = PgValues.rtrim(s);
            }
            return applyLength(s, to, explicit);
        }
        if (isTextLike(from)) {
            return PgText.parse(v.toString(), to, zone);
        }
        if (t.isArray()) {
            if (!from.isArray()) {
                throw cannot(from, to);
            }
            ColumnType et = ColumnType.of(t.element());
            List<Object> out = new ArrayList<>();
            for (Object o : (List<?>) v) {
                out.add(castValue(o, from.element(), et, zone, explicit));
            }
            return out;
        }
        switch (t) {
            case BOOL:
                if (from == SqlType.BOOL) {
                    return v;
                }
                if (from.isInteger()) {
                    return ((Number) v).longValue() != 0;
                }
                throw cannot(from, to);
            case INT2:
            case INT4:
            case INT8:
            case OID:
            case REGCLASS:
            case REGTYPE:
            case REGPROC:
                return toInteger(v, from, to);
            case FLOAT4:
            case FLOAT8: {
                double d;
                if (from == SqlType.BOOL) {
                    throw cannot(from, to);
                } else if (v instanceof BigDecimal b) {
                    d = b.doubleValue();
                } else if (v instanceof Number n) {
                    d = n.doubleValue();
                } else {
                    throw cannot(from, to);
                }
                if (t == SqlType.FLOAT4) {
                    float f = (float) d;
                    if (Float.isInfinite(f) && !Double.isInfinite(d)) {
                        throw new EpochException(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE, "value out of range: overflow");
                    }
                    if (f == 0 && d != 0) {
                        throw new EpochException(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE, "value out of range: underflow");
                    }
                    return f;
                }
                return d;
            }
            case NUMERIC:
                if (!from.isNumeric()) {
                    throw cannot(from, to);
                }
                return Numerics.applyTypmod(Numerics.toBigDecimal(v), to);
            case DATE:
                switch (from) {
                    case DATE:
                        return v;
                    case TIMESTAMP:
                        return (int) Math.floorDiv((Long) v, DateTimes.MICROS_PER_DAY);
                    case TIMESTAMPTZ:
                        return (int) DateTimes.toLocal((Long) v, zone).toLocalDate().toEpochDay();
                    default:
                        throw cannot(from, to);
                }
            case TIMESTAMP:
                switch (from) {
                    case TIMESTAMP:
                        return v;
                    case DATE:
                        return ((Integer) v) * DateTimes.MICROS_PER_DAY;
                    case TIMESTAMPTZ:
                        return DateTimes.toMicros(DateTimes.toLocal((Long) v, zone));
                    default:
                        throw cannot(from, to);
                }
            case TIMESTAMPTZ:
                switch (from) {
                    case TIMESTAMPTZ:
                        return v;
                    case DATE:
                        return DateTimes.toMicros(DateTimes.toLocal(((Integer) v) * DateTimes.MICROS_PER_DAY), zone);
                    case TIMESTAMP:
                        return DateTimes.toMicros(DateTimes.toLocal((Long) v), zone);
                    default:
                        throw cannot(from, to);
                }
            case TIME:
                switch (from) {
                    case TIME:
                        return v;
                    case TIMESTAMP:
                        return Math.floorMod((Long) v, DateTimes.MICROS_PER_DAY);
                    case TIMESTAMPTZ:
                        return Math.floorMod(DateTimes.toMicros(DateTimes.toLocal((Long) v, zone)), DateTimes.MICROS_PER_DAY);
                    case INTERVAL:
                        return Math.floorMod(((Interval) v).micros(), DateTimes.MICROS_PER_DAY);
                    default:
                        throw cannot(from, to);
                }
            case INTERVAL:
                if (from == SqlType.INTERVAL) {
                    return v;
                }
                if (from == SqlType.TIME) {
                    return Interval.ofMicros((Long) v);
                }
                throw cannot(from, to);
            case JSON:
            case JSONB:
                if (from == SqlType.JSON || from == SqlType.JSONB) {
                    return v;
                }
                throw cannot(from, to);
            default:
                if (from == t) {
                    return v;
                }
                throw cannot(from, to);
        }
    }

    private static Object toInteger(Object v, SqlType from, ColumnType to) {
        SqlType t = to.type();
        long l;
        if (from == SqlType.BOOL) {
            if (t != SqlType.INT4) {
                throw cannot(from, to);
            }
            return ((Boolean) v) ? 1 : 0;
        } else if (v instanceof BigDecimal b) {
            l = Numerics.numericToInteger(b, t);
        } else if (v instanceof Double || v instanceof Float) {
            l = Numerics.floatToInteger(((Number) v).doubleValue(), t);
        } else if (v instanceof Number n) {
            l = n.longValue();
        } else {
            throw cannot(from, to);
        }
        if (t == SqlType.OID || t == SqlType.REGCLASS || t == SqlType.REGTYPE || t == SqlType.REGPROC) {
            if (l < 0 || l > 0xFFFFFFFFL) {
                throw Numerics.outOfRange(SqlType.OID);
            }
            return (int) l;
        }
        return PgValues.coerce(Numerics.checkRange(l, t), t);
    }

    private static String applyLength(String s, ColumnType to, boolean explicit) {
        int n = to.precision();
        if (to.type() == SqlType.BPCHAR) {
            if (n == 0) {
                return s;
            }
            int len = s.codePointCount(0, s.length());
            if (len > n) {
                String cut = s.substring(0, s.offsetByCodePoints(0, n));
                if (!explicit && !s.substring(cut.length()).isBlank()) {
                    throw tooLong(to);
                }
                return cut;
            }
            return s + " ".repeat(n - len);
        }
        if (to.type() == SqlType.VARCHAR && n > 0) {
            int len = s.codePointCount(0, s.length());
            if (len > n) {
                String cut = s.substring(0, s.offsetByCodePoints(0, n));
                if (!explicit && !s.substring(cut.length()).isBlank()) {
                    throw tooLong(to);
                }
                return cut;
            }
        }
        if (to.type() == SqlType.NAME && s.length() > 63) {
            return s.substring(0, 63);
        }
        return s;
    }

    private static EpochException tooLong(ColumnType to) {
        return new EpochException(ErrorCode.STRING_DATA_RIGHT_TRUNCATION, "value too long for type " + to.displayName());
    }

    static boolean isTextLike(SqlType t) {
        return t.isText() || t == SqlType.UNKNOWN;
    }

    static EpochException cannot(SqlType from, ColumnType to) {
        return new EpochException(ErrorCode.UNDEFINED_FUNCTION,
            "cannot cast type " + ColumnType.of(from).displayName() + " to " + to.displayName());
    }

    /** Whether a cast from {@code from} to {@code to} exists (checked at planning time). */
    public static boolean castExists(SqlType from, SqlType to) {
        if (from == to || isTextLike(from) || isTextLike(to) || from == SqlType.UNKNOWN) {
            return true;
        }
        if (from.isNumeric() && to.isNumeric()) {
            return true;
        }
        if (to.isArray() || from.isArray()) {
            return from.isArray() && to.isArray() && castExists(from.element(), to.element());
        }
        if ((from == SqlType.BOOL && to == SqlType.INT4) || (from.isInteger() && to == SqlType.BOOL)) {
            return true;
        }
        boolean fromDt = from == SqlType.DATE || from == SqlType.TIMESTAMP || from == SqlType.TIMESTAMPTZ;
        boolean toDt = to == SqlType.DATE || to == SqlType.TIMESTAMP || to == SqlType.TIMESTAMPTZ;
        if (fromDt && toDt) {
            return true;
        }
        if (to == SqlType.TIME && (from == SqlType.TIMESTAMP || from == SqlType.TIMESTAMPTZ || from == SqlType.INTERVAL)) {
            return true;
        }
        if (to == SqlType.INTERVAL && from == SqlType.TIME) {
            return true;
        }
        return (from == SqlType.JSON || from == SqlType.JSONB) && (to == SqlType.JSON || to == SqlType.JSONB);
    }
}
