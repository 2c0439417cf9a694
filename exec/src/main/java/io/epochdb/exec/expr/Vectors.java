package io.epochdb.exec.expr;

import io.epochdb.common.types.ColumnType;
import io.epochdb.common.types.SqlType;
import io.epochdb.exec.ExecContext;
import io.epochdb.exec.batch.Batch;
import io.epochdb.storage.vector.ArrowTypes;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.util.TransferPair;

/** Vector plumbing shared by the kernels: allocation, sharing, constants, row subsets. */
public final class Vectors {
    private Vectors() {
    }

    /** A new vector of {@code type} with room for {@code rows} values, all null until set. */
    public static FieldVector allocate(ColumnType type, int rows, BufferAllocator allocator) {
        return ArrowTypes.newVector("", type, allocator, rows);
    }

    /** A vector the caller owns holding the first {@code rows} values of {@code v} (buffers shared, not copied). */
    public static FieldVector share(FieldVector v, int rows, BufferAllocator allocator) {
        if (rows == 0) {
            FieldVector out = v.getField().createVector(allocator);
            out.allocateNew();
            out.setValueCount(0);
            return out;
        }
        TransferPair tp = v.getTransferPair(allocator);
        tp.splitAndTransfer(0, rows);
        FieldVector out = (FieldVector) tp.getTo();
        out.setValueCount(rows);
        return out;
    }

    /** {@code rows} copies of one value (null allowed). */
    public static FieldVector constant(Object value, ColumnType type, int rows, BufferAllocator allocator) {
        FieldVector out = allocate(type, rows, allocator);
        try {
            if (value != null && out instanceof org.apache.arrow.vector.BaseFixedWidthVector
                    && !(out instanceof org.apache.arrow.vector.BitVector) && value instanceof Number num) {
                // typed fill straight into the buffers: literals are broadcast to every batch
                org.apache.arrow.memory.ArrowBuf d = out.getDataBuffer();
                int width = ((org.apache.arrow.vector.BaseFixedWidthVector) out).getTypeWidth();
                boolean floating = value instanceof Double || value instanceof Float;
                for (int i = 0; i < rows; i++) {
                    long at = (long) i * width;
                    switch (width) {
                        case 8 -> {
                            if (floating) {
                                d.setDouble(at, num.doubleValue());
                            } else {
                                d.setLong(at, num.longValue());
                            }
                        }
                        case 4 -> {
                            if (floating) {
                                d.setFloat(at, num.floatValue());
                            } else {
                                d.setInt(at, num.intValue());
                            }
                        }
                        default -> d.setShort(at, num.shortValue());
                    }
                }
                setAllValid(out, rows);
                out.setValueCount(rows);
                return out;
            }
            if (value != null) {
                SqlType t = type.type();
                for (int i = 0; i < rows; i++) {
                    ArrowTypes.set(out, i, value, t);
                }
            }
            out.setValueCount(rows);
            return out;
        } catch (RuntimeException e) {
            out.close();
            throw e;
        }
    }

    /** Marks rows [0, rows) non-null. */
    public static void setAllValid(FieldVector v, int rows) {
        org.apache.arrow.memory.ArrowBuf valid = v.getValidityBuffer();
        int full = rows / 8;
        valid.setOne(0, full);
        for (int i = full * 8; i < rows; i++) {
            org.apache.arrow.vector.BitVectorHelper.setBit(valid, i);
        }
    }

    /** Copies the validity bits of rows [0, rows) from one vector to another. */
    public static void copyValidity(FieldVector from, FieldVector to, int rows) {
        to.getValidityBuffer().setBytes(0, from.getValidityBuffer(), 0, (rows + 7) / 8);
    }

    /** Evaluates every expression; on failure closes what was already produced. */
    public static FieldVector[] evaluateAll(List<Expr> exprs, Batch input, ExecContext ctx) {
        FieldVector[] out = new FieldVector[exprs.size()];
        try {
            for (int i = 0; i < out.length; i++) {
                out[i] = exprs.get(i).evaluate(input, ctx);
            }
            return out;
        } catch (RuntimeException e) {
            closeAll(out);
            throw e;
        }
    }

    public static void closeAll(FieldVector... vectors) {
        for (FieldVector v : vectors) {
            if (v != null) {
                v.close();
            }
        }
    }

    /** Whether evaluating {@code e} can raise an error (then it must only see the rows it applies to). */
    public static boolean canFail(Expr e) {
        return e.canFail();
    }

    /** A batch holding the rows {@code rows[0..count)} of {@code input} (copied). */
    public static Batch select(Batch input, int[] rows, int count, BufferAllocator allocator) {
        List<FieldVector> cols = new ArrayList<>(input.columnCount());
        try {
            for (FieldVector src : input.columns()) {
                FieldVector dst = src.getField().createVector(allocator);
                cols.add(dst);
                dst.setInitialCapacity(Math.max(count, 1));
                dst.allocateNew();
                for (int i = 0; i < count; i++) {
                    dst.copyFromSafe(rows[i], i, src);
                }
                dst.setValueCount(count);
            }
        } catch (RuntimeException e) {
            cols.forEach(FieldVector::close);
            throw e;
        }
        return new Batch(cols, count);
    }

    /**
     * Evaluates {@code e} only on the rows where {@code selected[row]} is true (as PostgreSQL's CASE, AND and
     * COALESCE do, so {@code CASE WHEN x <> 0 THEN 1 / x END} never divides by zero); other rows are null.
     */
    public static FieldVector evaluateWhere(Expr e, Batch input, ExecContext ctx, boolean[] selected) {
        int n = input.rowCount();
        int count = 0;
        for (int i = 0; i < n; i++) {
            if (selected[i]) {
                count++;
            }
        }
        if (count == n || !canFail(e)) {
            return e.evaluate(input, ctx);
        }
        FieldVector out = allocate(e.type(), n, ctx.allocator());
        if (count == 0) {
            out.setValueCount(n);
            return out;
        }
        int[] rows = new int[count];
        for (int i = 0, k = 0; i < n; i++) {
            if (selected[i]) {
                rows[k++] = i;
            }
        }
        try (Batch sub = select(input, rows, count, ctx.allocator()); FieldVector part = e.evaluate(sub, ctx)) {
            for (int k = 0; k < count; k++) {
                out.copyFromSafe(k, rows[k], part);
            }
            out.setValueCount(n);
            return out;
        } catch (RuntimeException ex) {
            out.close();
            throw ex;
        }
    }
}
