package io.epochdb.exec.expr.compare;

import io.epochdb.common.types.ColumnType;
import io.epochdb.common.types.SqlType;
import io.epochdb.exec.ExecContext;
import io.epochdb.exec.batch.Batch;
import io.epochdb.exec.expr.Expr;
import io.epochdb.exec.expr.Operand;
import io.epochdb.exec.expr.Vectors;
import io.epochdb.exec.types.PgValues;
import io.epochdb.storage.vector.ArrowTypes;
import java.util.List;
import java.util.Objects;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.util.ByteFunctionHelpers;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.BitVectorHelper;
import org.apache.arrow.vector.FieldVector;

/**
 * {@code = <> < <= > >=} on two vectors of one type. Fixed-width integers/timestamps/dates and floats are compared
 * in typed loops over the buffers, text by its UTF-8 bytes (no String per row); other types row by row through
 * {@link PgValues#compare}.
 */
final class CompareKernel implements Expr {
    static final int EQ = 0;
    static final int NE = 1;
    static final int LT = 2;
    static final int LE = 3;
    static final int GT = 4;
    static final int GE = 5;

    private static final ColumnType BOOL = ColumnType.of(SqlType.BOOL);

    private final int op;
    private final Expr left;
    private final Expr right;
    private final SqlType type;

    CompareKernel(int op, Expr left, Expr right) {
        this.op = op;
        this.left = Objects.requireNonNull(left, "left");
        this.right = Objects.requireNonNull(right, "right");
        this.type = left.type().type();
    }

    @Override
    public ColumnType type() {
        return BOOL;
    }

    /** Comparing two values never raises an error; only computing them might. */
    @Override
    public boolean canFail() {
        return left.canFail() || right.canFail();
    }

    static boolean test(int op, int c) {
        return switch (op) {
            case EQ -> c == 0;
            case NE -> c != 0;
            case LT -> c < 0;
            case LE -> c <= 0;
            case GT -> c > 0;
            default -> c >= 0;
        };
    }

    @Override
    public FieldVector evaluate(Batch input, ExecContext ctx) {
        int n = input.rowCount();
        int width = fixedWidth(type);
        boolean fast = width > 0 || type == SqlType.FLOAT8 || type == SqlType.FLOAT4 || isByteComparable(type);
        if (!fast) {
            return generic(input, ctx);
        }
        try (Operand x = Operand.of(left, input, ctx); Operand y = Operand.of(right, input, ctx)) {
            FieldVector out = Vectors.allocate(BOOL, n, ctx.allocator());
            try {
                if (x.isNullConstant() || y.isNullConstant()) {
                    out.setValueCount(n);
                    return out;
                }
                boolean noNulls = x.noNulls && y.noNulls;
                ArrowBuf od = out.getDataBuffer();
                ArrowBuf ov = out.getValidityBuffer();
                if (width > 0) {
                    ArrowBuf a = x.data;
                    ArrowBuf b = y.data;
                    long ac = a == null ? ((Number) x.constant).longValue() : 0;
                    long bc = b == null ? ((Number) y.constant).longValue() : 0;
                    for (int i = 0; i < n; i++) {
                        if (!noNulls && (isNull(x, i) || isNull(y, i))) {
                            continue;
                        }
                        long p = a == null ? ac : width == 8 ? a.getLong((long) i << 3) : width == 4 ? a.getInt((long) i << 2) : a.getShort((long) i << 1);
                        long q = b == null ? bc : width == 8 ? b.getLong((long) i << 3) : width == 4 ? b.getInt((long) i << 2) : b.getShort((long) i << 1);
                        if (!noNulls) {
                            BitVectorHelper.setBit(ov, i);
                        }
                        if (test(op, Long.compare(p, q))) {
                            BitVectorHelper.setBit(od, i);
                        }
                    }
                } else if (type == SqlType.FLOAT8 || type == SqlType.FLOAT4) {
                    boolean f8 = type == SqlType.FLOAT8;
                    ArrowBuf a = x.data;
                    ArrowBuf b = y.data;
                    double ac = a == null ? ((Number) x.constant).doubleValue() : 0;
                    double bc = b == null ? ((Number) y.constant).doubleValue() : 0;
                    for (int i = 0; i < n; i++) {
                        if (!noNulls && (isNull(x, i) || isNull(y, i))) {
                            continue;
                        }
                        double p = a == null ? ac : f8 ? a.getDouble((long) i << 3) : a.getFloat((long) i << 2);
                        double q = b == null ? bc : f8 ? b.getDouble((long) i << 3) : b.getFloat((long) i << 2);
                        if (!noNulls) {
                            BitVectorHelper.setBit(ov, i);
                        }
                        if (test(op, PgValues.compareFloat(p, q))) {
                            BitVectorHelper.setBit(od, i);
                        }
                    }
                } else {
                    compareBytes(x, y, n, noNulls, od, ov);
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
        return o.vector != null && BitVectorHelper.get(o.validity, i) == 0;
    }

    /** Text/bytea by bytes; a constant side is compared from a byte[] without materializing it. */
    private void compareBytes(Operand x, Operand y, int n, boolean noNulls, ArrowBuf od, ArrowBuf ov) {
        byte[] xc = x.vector == null ? bytes(x.constant) : null;
        byte[] yc = y.vector == null ? bytes(y.constant) : null;
        ArrowBuf ad = x.data;
        ArrowBuf bd = y.data;
        ArrowBuf ao = x.vector == null ? null : ((BaseVariableWidthVector) x.vector).getOffsetBuffer();
        ArrowBuf bo = y.vector == null ? null : ((BaseVariableWidthVector) y.vector).getOffsetBuffer();
        for (int i = 0; i < n; i++) {
            if (!noNulls && (isNull(x, i) || isNull(y, i))) {
                continue;
            }
            int c;
            if (ao != null && bo != null) {
                int as = ao.getInt((long) i << 2);
                int ae = ao.getInt((long) (i + 1) << 2);
                int bs = bo.getInt((long) i << 2);
                int be = bo.getInt((long) (i + 1) << 2);
                if (op == EQ || op == NE) {
                    c = (ae - as == be - bs && ByteFunctionHelpers.equal(ad, as, ae, bd, bs, be) == 1) ? 0 : 1;
                } else {
                    c = ByteFunctionHelpers.compare(ad, as, ae, bd, bs, be);
                }
            } else if (ao != null) {
                int as = ao.getInt((long) i << 2);
                int ae = ao.getInt((long) (i + 1) << 2);
                c = (op == EQ || op == NE) && ae - as != yc.length ? 1 : ByteFunctionHelpers.compare(ad, as, ae, yc, 0, yc.length);
            } else if (bo != null) {
                int bs = bo.getInt((long) i << 2);
                int be = bo.getInt((long) (i + 1) << 2);
                c = (op == EQ || op == NE) && be - bs != xc.length ? 1 : -ByteFunctionHelpers.compare(bd, bs, be, xc, 0, xc.length);
            } else {
                c = java.util.Arrays.compareUnsigned(xc, yc);
            }
            if (!noNulls) {
                BitVectorHelper.setBit(ov, i);
            }
            if (test(op, c)) {
                BitVectorHelper.setBit(od, i);
            }
        }
    }

    private static byte[] bytes(Object v) {
        return v instanceof byte[] b ? b : v.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    private FieldVector generic(Batch input, ExecContext ctx) {
        int n = input.rowCount();
        FieldVector[] in = Vectors.evaluateAll(List.of(left, right), input, ctx);
        FieldVector out = Vectors.allocate(BOOL, n, ctx.allocator());
        try {
            ArrowBuf od = out.getDataBuffer();
            ArrowBuf ov = out.getValidityBuffer();
            SqlType rt = right.type().type();
            for (int i = 0; i < n; i++) {
                Object x = ArrowTypes.get(in[0], i, type);
                Object y = ArrowTypes.get(in[1], i, rt);
                if (x == null || y == null) {
                    continue;
                }
                BitVectorHelper.setBit(ov, i);
                if (test(op, PgValues.compare(x, y, type))) {
                    BitVectorHelper.setBit(od, i);
                }
            }
            out.setValueCount(n);
            return out;
        } catch (RuntimeException e) {
            out.close();
            throw e;
        } finally {
            Vectors.closeAll(in);
        }
    }

    static int fixedWidth(SqlType t) {
        return switch (t) {
            case INT8, TIMESTAMP, TIMESTAMPTZ, TIME -> 8;
            case INT4, DATE, OID, REGCLASS, REGTYPE, REGPROC -> 4;
            case INT2 -> 2;
            default -> 0;
        };
    }

    static boolean isByteComparable(SqlType t) {
        return t == SqlType.TEXT || t == SqlType.VARCHAR || t == SqlType.NAME || t == SqlType.UNKNOWN
            || t == SqlType.BYTEA || t == SqlType.JSON;
    }
}
