package io.epochdb.exec.batch;

import io.epochdb.common.types.ColumnType;
import io.epochdb.storage.vector.ArrowTypes;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.util.TransferPair;

/**
 * The vector copying every operator needs: new vectors for a column type, copying single rows, selected rows or
 * whole vectors. Row copies go through {@code copyFromSafe}, which works for every vector class we use (lists
 * included) and carries nulls.
 */
public final class Vectors {
    private Vectors() {
    }

    /** A new vector with room for {@code rows} values (value count 0). */
    public static FieldVector allocate(String name, ColumnType type, BufferAllocator allocator, int rows) {
        return ArrowTypes.newVector(name, type, allocator, rows);
    }

    /** Copies one value (or null) from {@code src[srcRow]} to {@code dst[dstRow]}, growing dst as needed. */
    public static void copy(FieldVector src, int srcRow, FieldVector dst, int dstRow) {
        dst.copyFromSafe(srcRow, dstRow, src);
    }

    /** A new vector holding {@code src} rows {@code sel[0..n)}, in that order. */
    public static FieldVector select(FieldVector src, int[] sel, int n, BufferAllocator allocator) {
        return Gather.select(src, sel, n, allocator);
    }

    /** A new batch holding rows {@code sel[0..n)} of {@code batch} (the input batch is left untouched). */
    public static Batch select(Batch batch, int[] sel, int n, BufferAllocator allocator) {
        List<FieldVector> cols = new ArrayList<>(batch.columnCount());
        try {
            for (FieldVector v : batch.columns()) {
                cols.add(select(v, sel, n, allocator));
            }
        } catch (RuntimeException | Error e) {
            closeAll(cols);
            throw e;
        }
        return new Batch(cols, n);
    }

    /** A new vector holding rows {@code [from, from+count)} of {@code src}. */
    public static FieldVector slice(FieldVector src, int from, int count, BufferAllocator allocator) {
        FieldVector out = src.getField().createVector(allocator);
        try {
            out.setInitialCapacity(Math.max(count, 1));
            out.allocateNew();
            for (int i = 0; i < count; i++) {
                out.copyFromSafe(from + i, i, src);
            }
            out.setValueCount(count);
            return out;
        } catch (RuntimeException | Error e) {
            out.close();
            throw e;
        }
    }

    /** A new batch holding rows {@code [from, from+count)} of {@code batch}. */
    public static Batch slice(Batch batch, int from, int count, BufferAllocator allocator) {
        List<FieldVector> cols = new ArrayList<>(batch.columnCount());
        try {
            for (FieldVector v : batch.columns()) {
                cols.add(slice(v, from, count, allocator));
            }
        } catch (RuntimeException | Error e) {
            closeAll(cols);
            throw e;
        }
        return new Batch(cols, count);
    }

    /** Moves the buffers of {@code src} into a new vector (src becomes empty); cheap, no copy. */
    public static FieldVector transfer(FieldVector src, BufferAllocator allocator) {
        TransferPair tp = src.getTransferPair(allocator);
        tp.transfer();
        return (FieldVector) tp.getTo();
    }

    /** A vector of {@code n} nulls. */
    public static FieldVector nulls(String name, ColumnType type, BufferAllocator allocator, int n) {
        FieldVector v = allocate(name, type, allocator, n);
        try {
            for (int i = 0; i < n; i++) {
                ArrowTypes.setNull(v, i);
            }
            v.setValueCount(n);
            return v;
        } catch (RuntimeException | Error e) {
            v.close();
            throw e;
        }
    }

    /** A vector of {@code n} copies of one boxed value (Java representation per SqlType). */
    public static FieldVector constant(String name, ColumnType type, Object value, BufferAllocator allocator, int n) {
        FieldVector v = allocate(name, type, allocator, n);
        try {
            for (int i = 0; i < n; i++) {
                ArrowTypes.set(v, i, value, type.type());
            }
            v.setValueCount(n);
            return v;
        } catch (RuntimeException | Error e) {
            v.close();
            throw e;
        }
    }

    public static void closeAll(Iterable<? extends AutoCloseable> items) {
        RuntimeException first = null;
        for (AutoCloseable c : items) {
            if (c == null) {
                continue;
            }
            try {
                c.close();
            } catch (Exception e) {
                if (first == null) {
                    first = e instanceof RuntimeException re ? re : new RuntimeException(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
