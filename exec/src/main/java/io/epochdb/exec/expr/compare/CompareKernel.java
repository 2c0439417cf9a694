package io.epochdb.exec.expr.compare;

import io.epochdb.common.types.ColumnType;
import io.epochdb.common.types.SqlType;
import io.epochdb.exec.ExecContext;
import io.epochdb.exec.batch.Batch;
import io.epochdb.exec.expr.Expr;
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
        FieldVector[] in = Vectors.evaluateAll(List.of(left, right), input, ctx);
        FieldVector out = Vectors.allocate(BOOL, n, ctx.allocator());
        try {
            ArrowBuf av = in[0].getValidityBuffer();
            ArrowBuf bv = in[1].getValidityBuffer();
            ArrowBuf od = out.getDataBuffer();
            ArrowBuf ov = out.getValidityBuffer();
            int width = fixedWidth(type);
            if (width > 0) {
                ArrowBuf a = in[0].getDataBuffer();
                ArrowBuf b = in[1].getDataBuffer();
                for (int i = 0; i < n; i++) {
                    if (BitVectorHelper.get(av, i) == 0 || BitVectorHelper.get(bv, i) == 0) {
                        continue;
                    }
                    long x = width == 8 ? a.getLong((long) i << 3) : width == 4 ? a.getInt((long) i << 2) : a.getShort((long) i << 1);
                    long y = width == 8 ? b.getLong((long) i << 3) : width == 4 ? b.getInt((long) i << 2) : b.getShort((long) i << 1);
                    BitVectorHelper.setBit(ov, i);
                    if (test(op, Long.compare(x, y))) {
                        BitVectorHelper.setBit(od, i);
                    }
                }
            } else if (type == SqlType.FLOAT8 || type == SqlType.FLOAT4) {
                boolean f8 = type == SqlType.FLOAT8;
                ArrowBuf a = in[0].getDataBuffer();
                ArrowBuf b = in[1].getDataBuffer();
                for (int i = 0; i < n; i++) {
                    if (BitVectorHelper.get(av, i) == 0 || BitVectorHelper.get(bv, i) == 0) {
                        continue;
                    }
                    double x = f8 ? a.getDouble((long) i << 3) : a.getFloat((long) i << 2);
                    double y = f8 ? b.getDouble((long) i << 3) : b.getFloat((long) i << 2);
                    BitVectorHelper.setBit(ov, i);
                    if (test(op, PgValues.compareFloat(x, y))) {
                        BitVectorHelper.setBit(od, i);
                    }
                }
            } else if (isByteComparable(type)) {
                BaseVariableWidthVector a = (BaseVariableWidthVector) in[0];
                BaseVariableWidthVector b = (BaseVariableWidthVector) in[1];
                ArrowBuf ad = a.getDataBuffer();
                ArrowBuf bd = b.getDataBuffer();
                ArrowBuf ao = a.getOffsetBuffer();
                ArrowBuf bo = b.getOffsetBuffer();
                for (int i = 0; i < n; i++) {
                    if (BitVectorHelper.get(av, i) == 0 || BitVectorHelper.get(bv, i) == 0) {
                        continue;
                    }
                    int as = ao.getInt((long) i << 2);
                    int ae = ao.getInt((long) (i + 1) << 2);
                    int bs = bo.getInt((long) i << 2);
                    int be = bo.getInt((long) (i + 1) << 2);
                    int c;
                    if (op == EQ || op == NE) {
                        c = (ae - as == be - bs && ByteFunctionHelpers.equal(ad, as, ae, bd, bs, be) == 1) ? 0 : 1;
                    } else {
                        c = ByteFunctionHelpers.compare(ad, as, ae, bd, bs, be);
                    }
                    BitVectorHelper.setBit(ov, i);
                    if (test(op, c)) {
                        BitVectorHelper.setBit(od, i);
                    }
                }
            } else {
                for (int i = 0; i < n; i++) {
                    Object x = ArrowTypes.get(in[0], i, type);
                    Object y = ArrowTypes.get(in[1], i, in[1] == null ? type : right.type().type());
                    if (x == null || y == null) {
                        continue;
                    }
                    BitVectorHelper.setBit(ov, i);
                    if (test(op, PgValues.compare(x, y, type))) {
                        BitVectorHelper.setBit(od, i);
                    }
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
