package io.epochdb.exec.agg;

import io.epochdb.common.ErrorCode;
import io.epochdb.common.EpochException;
import io.epochdb.common.types.ColumnType;
import io.epochdb.common.types.SqlType;
import io.epochdb.storage.vector.ArrowTypes;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import org.apache.arrow.vector.FieldVector;

/** Writing aggregate results of a given SQL type into output vectors. */
final class Results {
    private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    private Results() {
    }

    static void writeNull(FieldVector out, int row) {
        ArrowTypes.setNull(out, row);
    }

    /** Writes a long-valued result of any integer, temporal, float or numeric result type. */
    static void writeLong(FieldVector out, int row, long value, ColumnType type) {
        SqlType t = type.type();
        switch (t) {
            case BOOL -> ArrowTypes.set(out, row, value != 0, t);
            case INT2 -> {
                if (value < Short.MIN_VALUE || value > Short.MAX_VALUE) {
                    throw new EpochException(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE, "smallint out of range");
                }
                ArrowTypes.set(out, row, value, t);
            }
            case INT4 -> {
                if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
                    throw new EpochException(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE, "integer out of range");
                }
                ArrowTypes.set(out, row, value, t);
            }
            case NUMERIC -> ArrowTypes.set(out, row, BigDecimal.valueOf(value), t);
            case FLOAT4 -> ArrowTypes.set(out, row, (float) value, t);
            case FLOAT8 -> ArrowTypes.set(out, row, (double) value, t);
            default -> ArrowTypes.set(out, row, value, t);
        }
    }

    static void writeDouble(FieldVector out, int row, double value, ColumnType type) {
        SqlType t = type.type();
        switch (t) {
            case FLOAT4 -> ArrowTypes.set(out, row, (float) value, t);
            case NUMERIC -> ArrowTypes.set(out, row, BigDecimal.valueOf(value), t);
            default -> ArrowTypes.set(out, row, value, t);
        }
    }

    /** Writes an exact result into an integer or numeric (or float) result type, range-checked. */
    static void writeDecimal(FieldVector out, int row, BigDecimal value, ColumnType type) {
        SqlType t = type.type();
        switch (t) {
            case INT8, INT4, INT2 -> {
                BigInteger bi = value.setScale(0, RoundingMode.HALF_UP).toBigInteger();
                if (bi.compareTo(LONG_MIN) < 0 || bi.compareTo(LONG_MAX) > 0) {
                    throw new EpochException(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE, "bigint out of range");
                }
                writeLong(out, row, bi.longValue(), type);
            }
            case FLOAT8 -> ArrowTypes.set(out, row, value.doubleValue(), t);
            case FLOAT4 -> ArrowTypes.set(out, row, value.floatValue(), t);
            default -> ArrowTypes.set(out, row, value, t);
        }
    }

    /** Writes a boxed value, converting numbers to the result type's Java class. */
    static void writeObject(FieldVector out, int row, Object value, ColumnType type) {
        if (value == null) {
            ArrowTypes.set(out, row, null, type.type());
            return;
        }
        SqlType t = type.type();
        if (value instanceof BigDecimal d && t != SqlType.NUMERIC) {
            writeDecimal(out, row, d, type);
            return;
        }
        if (t == SqlType.NUMERIC && value instanceof Number n && !(value instanceof BigDecimal)) {
            value = (value instanceof Double || value instanceof Float) ? new BigDecimal(n.toString())
                : BigDecimal.valueOf(n.longValue());
        }
        ArrowTypes.set(out, row, value, t);
    }
}
