package io.epochdb.exec.types;

import io.epochdb.common.ErrorCode;
import io.epochdb.common.EpochException;
import io.epochdb.common.types.ColumnType;
import io.epochdb.common.types.SqlType;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** PostgreSQL's numeric conversions: rounding rules and the exact overflow errors. */
public final class Numerics {
    private Numerics() {
    }

    /** Applies numeric(p,s): rounds half away from zero to s digits, 22003 when more than p-s integer digits. */
    public static BigDecimal applyTypmod(BigDecimal v, ColumnType type) {
        if (type.type() != SqlType.NUMERIC || type.precision() == 0) {
            return v;
        }
        BigDecimal r = v.setScale(type.scale(), RoundingMode.HALF_UP);
        int integerDigits = r.precision() - r.scale();
        if (r.signum() != 0 && integerDigits > type.precision() - type.scale()) {
            throw new EpochException(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE, "numeric field overflow")
                .withDetail("A field with precision " + type.precision() + ", scale " + type.scale()
                    + " must round to an absolute value less than 10^" + (type.precision() - type.scale()) + ".");
        }
        return r;
    }

    public static EpochException outOfRange(SqlType t) {
        String name = switch (t) {
            case INT2 -> "smallint";
            case INT8 -> "bigint";
            case OID -> "OID";
            default -> "integer";
        };
        return new EpochException(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE, name + " out of range");
    }

    /** Range check of an integer result for INT2/INT4/INT8. */
    public static long checkRange(long v, SqlType t) {
        switch (t) {
            case INT2:
                if (v < Short.MIN_VALUE || v > Short.MAX_VALUE) {
                    throw outOfRange(t);
                }
                break;
            case INT4:
                if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
                    throw outOfRange(t);
                }
                break;
            default:
                break;
        }
        return v;
    }

    /** float to integer as PostgreSQL: rint (half to even), then range check. */
    public static long floatToInteger(double d, SqlType t) {
        double r = Math.rint(d);
        if (Double.isNaN(r) || r < -9.223372036854775808E18 || r >= 9.223372036854775808E18) {
            throw outOfRange(t);
        }
        return checkRange((long) r, t);
    }

    /** numeric to integer: round half away from zero, then range check. */
    public static long numericToInteger(BigDecimal b, SqlType t) {
        BigDecimal r = b.setScale(0, RoundingMode.HALF_UP);
        if (r.unscaledValue().bitLength() > 63) {
            throw outOfRange(t);
        }
        return checkRange(r.longValue(), t);
    }

    public static BigDecimal toBigDecimal(Object v) {
        if (v instanceof BigDecimal b) {
            return b;
        }
        if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw new EpochException(ErrorCode.FEATURE_NOT_SUPPORTED, "cannot convert " + FloatText.format(d) + " to numeric");
            }
            // PostgreSQL converts through the shortest text (15 significant digits for float8 -> numeric)
            return d == 0 ? BigDecimal.ZERO : roundFloat(d, v instanceof Float ? 6 : 15);
        }
        if (v instanceof Number n) {
            return BigDecimal.valueOf(n.longValue());
        }
        if (v instanceof String s) {
            return PgText.parseNumeric(s);
        }
        throw new EpochException(ErrorCode.DATATYPE_MISMATCH, "cannot convert " + v.getClass().getSimpleName() + " to numeric");
    }

    private static BigDecimal roundFloat(double d, int digits) {
        BigDecimal b = new BigDecimal(d).round(new java.math.MathContext(digits, RoundingMode.HALF_EVEN)).stripTrailingZeros();
        if (b.scale() < 0) {
            b = b.setScale(0);
        }
        return b;
    }
}
