package io.epochdb.exec.expr.arith;

import io.epochdb.common.ErrorCode;
import io.epochdb.common.EpochException;
import io.epochdb.common.types.ColumnType;
import io.epochdb.common.types.SqlType;
import io.epochdb.exec.ExecContext;
import io.epochdb.exec.batch.Batch;
import io.epochdb.exec.expr.Expr;
import io.epochdb.exec.expr.Operand;
import io.epochdb.exec.expr.Vectors;
import io.epochdb.exec.types.Numerics;
import java.util.Objects;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BitVectorHelper;
import org.apache.arrow.vector.FieldVector;

/**
 * {@code + - * / %} (and unary minus when {@code right} is null) on two vectors of the same integer or float type,
 * as one typed loop per batch that reads and writes the Arrow buffers directly. Rows with a NULL input are skipped
 * (so garbage under a NULL cannot overflow).
 */
final class NumberKernel implements Expr {
    static final int ADD = 0;
    static final int SUB = 1;
    static final int MUL = 2;
    static final int DIV = 3;
    static final int MOD = 4;
    static final int NEG = 5;

    private final int op;
    private final Expr left;
    private final Expr right;
    private final ColumnType type;

    NumberKernel(int op, Expr left, Expr right, ColumnType type) {
        this.op = op;
        this.left = Objects.requireNonNull(left, "left");
        this.right = right;
        this.type = Objects.requireNonNull(type, "type");
    }

    static boolean supports(SqlType t) {
        return t == SqlType.INT2 || t == SqlType.INT4 || t == SqlType.INT8 || t == SqlType.FLOAT4 || t == SqlType.FLOAT8;
    }

    @Override
    public ColumnType type() {
        return type;
    }

    @Override
    public FieldVector evaluate(Batch input, ExecContext ctx) {
        int n = input.rowCount();
        try (Operand x = Operand.of(left, input, ctx); Operand y = right == null ? null : Operand.of(right, input, ctx)) {
            FieldVector out = Vectors.allocate(type, n, ctx.allocator());
            try {
                if (x.isNullConstant() || (y != null && y.isNullConstant())) {
                    out.setValueCount(n);
                    return out;
                }
                boolean noNulls = x.noNulls && (y == null || y.noNulls);
                SqlType t = type.type();
                if (t == SqlType.FLOAT8 || t == SqlType.FLOAT4) {
                    floats(x, y, out, n, t == SqlType.FLOAT8, noNulls);
                } else {
                    integers(x, y, out, n, t, noNulls);
                }
                if (noNulls) {
                    Vectors.setAllValid(out, n);
                }
                out.setValueCount(n);
                return out;
            } catch (RuntimeException e) {
                out.close();
                throw e;
            }
        }
    }

    private static boolean isNull(Operand o, int i) {
        return o != null && o.vector != null && BitVectorHelper.get(o.validity, i) == 0;
    }

    private void integers(Operand xo, Operand yo, FieldVector out, int n, SqlType t, boolean noNulls) {
        int width = t == SqlType.INT8 ? 8 : t == SqlType.INT4 ? 4 : 2;
        ArrowBuf a = xo.data;
        ArrowBuf b = yo == null ? null : yo.data;
        long ac = xo.vector == null ? ((Number) xo.constant).longValue() : 0;
        long bc = yo != null && yo.vector == null ? ((Number) yo.constant).longValue() : 0;
        ArrowBuf o = out.getDataBuffer();
        ArrowBuf ov = out.getValidityBuffer();
        long min = width == 8 ? Long.MIN_VALUE : width == 4 ? Integer.MIN_VALUE : Short.MIN_VALUE;
        long max = width == 8 ? Long.MAX_VALUE : width == 4 ? Integer.MAX_VALUE : Short.MAX_VALUE;
        for (int i = 0; i < n; i++) {
            if (!noNulls && (isNull(xo, i) || isNull(yo, i))) {
                continue;
            }
            long x = a == null ? ac : read(a, width, i);
            long r;
            if (op == NEG) {
                if (x == min) {
                    throw Numerics.outOfRange(t);
                }
                r = -x;
            } else {
                long y = b == null ? bc : read(b, width, i);
                switch (op) {
                    case ADD:
                        r = x + y;
                        if (width == 8 ? (((x ^ r) & (y ^ r)) < 0) : (r < min || r > max)) {
                            throw Numerics.outOfRange(t);
                        }
                        break;
                    case SUB:
                        r = x - y;
                        if (width == 8 ? (((x ^ y) & (x ^ r)) < 0) : (r < min || r > max)) {
                            throw Numerics.outOfRange(t);
                        }
                        break;
                    case MUL:
                        if (width == 8) {
                            long hi = Math.multiplyHigh(x, y);
                            r = x * y;
                            if ((hi != 0 || r < 0) && (hi != -1 || r >= 0)) {
                                throw Numerics.outOfRange(t);
                            }
                        } else {
                            r = x * y;
                            if (r < min || r > max) {
                                throw Numerics.outOfRange(t);
                            }
                        }
                        break;
                    case DIV:
                        if (y == 0) {
                            throw divisionByZero();
                        }
                        if (y == -1 && x == min) {
                            throw Numerics.outOfRange(t);
                        }
                        r = x / y;
                        break;
                    default:
                        if (y == 0) {
                            throw divisionByZero();
                        }
                        r = y == -1 ? 0 : x % y;
                        break;
                }
            }
            write(o, width, i, r);
            if (!noNulls) {
                BitVectorHelper.setBit(ov, i);
            }
        }
    }

    private void floats(Operand xo, Operand yo, FieldVector out, int n, boolean f8, boolean noNulls) {
        ArrowBuf a = xo.data;
        ArrowBuf b = yo == null ? null : yo.data;
        double ac = xo.vector == null ? ((Number) xo.constant).doubleValue() : 0;
        double bc = yo != null && yo.vector == null ? ((Number) yo.constant).doubleValue() : 0;
        ArrowBuf o = out.getDataBuffer();
        ArrowBuf ov = out.getValidityBuffer();
        for (int i = 0; i < n; i++) {
            if (!noNulls && (isNull(xo, i) || isNull(yo, i))) {
                continue;
            }
            double x = a == null ? ac : f8 ? a.getDouble((long) i << 3) : a.getFloat((long) i << 2);
            double r;
            if (op == NEG) {
                r = -x;
            } else {
                double y = b == null ? bc : f8 ? b.getDouble((long) i << 3) : b.getFloat((long) i << 2);
                switch (op) {
                    case ADD -> r = x + y;
                    case SUB -> r = x - y;
                    case MUL -> r = x * y;
                    case DIV -> {
                        if (y == 0) {
                            throw divisionByZero();
                        }
                        r = x / y;
                    }
                    default -> throw new EpochException(ErrorCode.UNDEFINED_FUNCTION, "operator does not exist: double precision % double precision");
                }
                if (Double.isInfinite(r) && !Double.isInfinite(x) && !Double.isInfinite(y)) {
                    throw new EpochException(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE, "value out of range: overflow");
                }
                if (r == 0 && op == MUL && x != 0 && y != 0) {
                    throw new EpochException(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE, "value out of range: underflow");
                }
            }
            if (f8) {
                o.setDouble((long) i << 3, r);
            } else {
                float f = (float) r;
                if (Float.isInfinite(f) && !Double.isInfinite(r)) {
                    throw new EpochException(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE, "value out of range: overflow");
                }
                o.setFloat((long) i << 2, f);
            }
            if (!noNulls) {
                BitVectorHelper.setBit(ov, i);
            }
        }
    }

    static long read(ArrowBuf b, int width, int i) {
        return width == 8 ? b.getLong((long) i << 3) : width == 4 ? b.getInt((long) i << 2) : b.getShort((long) i << 1);
    }

    static void write(ArrowBuf b, int width, int i, long v) {
        if (width == 8) {
            b.setLong((long) i << 3, v);
        } else if (width == 4) {
            b.setInt((long) i << 2, (int) v);
        } else {
            b.setShort((long) i << 1, (short) v);
        }
    }

    static EpochException divisionByZero() {
        return new EpochException(ErrorCode.DIVISION_BY_ZERO, "division by zero");
    }
}
