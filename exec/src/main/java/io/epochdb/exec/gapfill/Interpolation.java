package io.epochdb.exec.gapfill;

import io.epochdb.common.ErrorCode;
import io.epochdb.common.EpochException;
import io.epochdb.common.types.SqlType;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * TimescaleDB's linear interpolation {@code y = (y0 (x1 - x) + y1 (x - x0)) / (x1 - x0)}: integers in exact decimal
 * arithmetic rounded half away from zero (as numeric to int conversion does), floats in their own precision with
 * equal neighbours returned unchanged (so a constant series stays exactly constant).
 */
final class Interpolation {
    private Interpolation() {
    }

    /** Whether interpolate() exists for values of this type. */
    static boolean supports(SqlType t) {
        return t == SqlType.INT2 || t == SqlType.INT4 || t == SqlType.INT8 || t == SqlType.FLOAT4 || t == SqlType.FLOAT8;
    }

    static Object interpolate(SqlType t, long x, long x0, Object y0, long x1, Object y1) {
        switch (t) {
            case FLOAT4: {
                float a = (Float) y0;
                float b = (Float) y1;
                if (a == b) {
                    return y0;
                }
                return (a * (float) (x1 - x) + b * (float) (x - x0)) / (float) (x1 - x0);
            }
            case FLOAT8: {
                double a = (Double) y0;
                double b = (Double) y1;
                if (a == b) {
                    return y0;
                }
                return (a * (double) (x1 - x) + b * (double) (x - x0)) / (double) (x1 - x0);
            }
            case INT2:
            case INT4:
            case INT8: {
                BigDecimal num = BigDecimal.valueOf(((Number) y0).longValue()).multiply(BigDecimal.valueOf(x1 - x))
                    .add(BigDecimal.valueOf(((Number) y1).longValue()).multiply(BigDecimal.valueOf(x - x0)));
                BigDecimal r = num.divide(BigDecimal.valueOf(x1 - x0), 16, RoundingMode.HALF_UP).setScale(0, RoundingMode.HALF_UP);
                return switch (t) {
                    case INT2 -> {
                        if (r.compareTo(BigDecimal.valueOf(Short.MIN_VALUE)) < 0 || r.compareTo(BigDecimal.valueOf(Short.MAX_VALUE)) > 0) {
                            throw new EpochException(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE, "smallint out of range");
                        }
                        yield r.shortValue();
                    }
                    case INT4 -> {
                        if (r.compareTo(BigDecimal.valueOf(Integer.MIN_VALUE)) < 0 || r.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
                            throw new EpochException(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE, "integer out of range");
                        }
                        yield r.intValue();
                    }
                    default -> {
                        if (r.compareTo(BigDecimal.valueOf(Long.MIN_VALUE)) < 0 || r.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
                            throw new EpochException(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE, "bigint out of range");
                        }
                        yield r.longValue();
                    }
                };
            }
            default:
                throw new EpochException(ErrorCode.FEATURE_NOT_SUPPORTED, "unsupported datatype for interpolate: " + t.typname());
        }
    }
}
