package io.epochdb.exec.batch;

import io.epochdb.common.types.ColumnType;
import io.epochdb.exec.types.RowType;
import io.epochdb.storage.vector.ArrowTypes;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;

/**
 * Fills output vectors row by row (copying from input vectors or setting boxed values) and hands them out as
 * batches of at most {@link Batch#TARGET_ROWS} rows. Whatever was not handed out is released by {@link #close()}.
 *
 * <p>Use: for each output row, set every column of row {@link #rowCount()} (copy/set/setNull), then call
 * {@link #endRow()}; when {@link #isFull()}, take {@link #build()}.
 */
public final class BatchBuilder implements AutoCloseable {
    private final RowType rowType;
    private final BufferAllocator allocator;
    private final int capacity;
    private List<FieldVector> vectors;
    private int rows;

    public BatchBuilder(RowType rowType, BufferAllocator allocator) {
        this(rowType, allocator, Batch.TARGET_ROWS);
    }

    public BatchBuilder(RowType rowType, BufferAllocator allocator, int capacity) {
        this.rowType = Objects.requireNonNull(rowType, "rowType");
        this.allocator = Objects.requireNonNull(allocator, "allocator");
        this.capacity = Math.max(1, capacity);
    }

    private void ensureVectors() {
        if (vectors == null) {
            List<FieldVector> vs = new ArrayList<>(rowType.size());
            try {
                for (int i = 0; i < rowType.size(); i++) {
                    RowType.Field f = rowType.field(i);
                    vs.add(Vectors.allocate(f.name(), f.type(), allocator, Math.min(capacity, 1024)));
                }
            } catch (RuntimeException | Error e) {
                Vectors.closeAll(vs);
                throw e;
            }
            vectors = vs;
        }
    }

    public RowType rowType() {
        return rowType;
    }

    public int rowCount() {
        return rows;
    }

    public boolean isFull() {
        return rows >= capacity;
    }

    public boolean isEmpty() {
        return rows == 0;
    }

    /** The vector being filled for output column {@code col}. */
    public FieldVector vector(int col) {
        ensureVectors();
        return vectors.get(col);
    }

    /** Copies {@code src[srcRow]} into column {@code col} of the current row. */
    public void copy(int col, FieldVector src, int srcRow) {
        ensureVectors();
        vectors.get(col).copyFromSafe(srcRow, rows, src);
    }

    /** Copies all columns of {@code src} row {@code srcRow} into columns {@code [firstCol, firstCol + n)}. */
    public void copyRow(Batch src, int srcRow, int firstCol) {
        ensureVectors();
        for (int c = 0; c < src.columnCount(); c++) {
            vectors.get(firstCol + c).copyFromSafe(srcRow, rows, src.column(c));
        }
    }

    /** Copies columns {@code srcCols[k]} of {@code src} into output columns {@code firstCol + k}. */
    public void copyRow(List<FieldVector> src, int srcRow, int firstCol) {
        ensureVectors();
        for (int c = 0; c < src.size(); c++) {
            vectors.get(firstCol + c).copyFromSafe(srcRow, rows, src.get(c));
        }
    }

    public void setNull(int col) {
        ensureVectors();
        ArrowTypes.setNull(vectors.get(col), rows);
    }

    /** Sets nulls in columns {@code [fromCol, toCol)}. */
    public void setNulls(int fromCol, int toCol) {
        for (int c = fromCol; c < toCol; c++) {
            setNull(c);
        }
    }

    /** Sets a boxed value (Java representation per SqlType; null allowed). */
    public void set(int col, Object value) {
        ensureVectors();
        ColumnType t = rowType.type(col);
        ArrowTypes.set(vectors.get(col), rows, value, t.type());
    }

    public void endRow() {
        rows++;
    }

    /** A whole row copied from {@code src} (same column layout). */
    public void appendRow(Batch src, int srcRow) {
        copyRow(src, srcRow, 0);
        endRow();
    }

    /** Hands out the rows so far (null when there are none) and starts a fresh set of vectors. */
    public Batch build() {
        if (rows == 0) {
            return null;
        }
        List<FieldVector> vs = vectors;
        int n = rows;
        vectors = null;
        rows = 0;
        return new Batch(vs, n);
    }

    @Override
    public void close() {
        if (vectors != null) {
            List<FieldVector> vs = vectors;
            vectors = null;
            rows = 0;
            Vectors.closeAll(vs);
        }
    }
}
