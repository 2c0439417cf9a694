package io.epochdb.exec.batch;

import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;

/**
 * Materialized input of a blocking operator (sort, join build side, window): a list of batches addressed by one
 * global row number. Owns the batches it holds.
 */
public final class RowStore implements AutoCloseable {
    private final List<Batch> batches = new ArrayList<>();
    private int[] starts = new int[16];
    private int rowCount;
    private int lastBatch;

    /** Takes ownership of a non-empty batch. */
    public void add(Batch b) {
        if (b.rowCount() == 0) {
            b.close();
            return;
        }
        if (batches.size() + 1 >= starts.length) {
            starts = java.util.Arrays.copyOf(starts, starts.length * 2);
        }
        starts[batches.size()] = rowCount;
        batches.add(b);
        rowCount = Math.addExact(rowCount, b.rowCount());
        starts[batches.size()] = rowCount;
    }

    public int rowCount() {
        return rowCount;
    }

    public int batchCount() {
        return batches.size();
    }

    public Batch batch(int i) {
        return batches.get(i);
    }

    /** Global row number of row 0 of batch {@code i}. */
    public int batchStart(int i) {
        return starts[i];
    }

    /** Index of the batch that holds global row {@code row}. */
    public int batchOf(int row) {
        int lb = lastBatch;
        if (lb < batches.size() && row >= starts[lb] && row < starts[lb + 1]) {
            return lb;
        }
        int lo = 0;
        int hi = batches.size() - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (starts[mid] <= row) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        lastBatch = lo;
        return lo;
    }

    /** The vector of column {@code col} holding global row {@code row}; pair with {@link #localRow}. */
    public FieldVector vector(int col, int row) {
        return batches.get(batchOf(row)).column(col);
    }

    public int localRow(int row) {
        return row - starts[batchOf(row)];
    }

    /** Copies all columns of global row {@code row} into the builder at columns {@code firstCol...}. */
    public void copyRow(int row, BatchBuilder out, int firstCol) {
        int b = batchOf(row);
        out.copyRow(batches.get(b), row - starts[b], firstCol);
    }

    /** Copies column {@code col} of global row {@code row} into builder column {@code outCol}. */
    public void copyValue(int col, int row, BatchBuilder out, int outCol) {
        int b = batchOf(row);
        out.copy(outCol, batches.get(b).column(col), row - starts[b]);
    }

    /** Column {@code col} of every batch, in order (sources for {@link Gather}). */
    public FieldVector[] columnSources(int col) {
        FieldVector[] out = new FieldVector[batches.size()];
        for (int b = 0; b < out.length; b++) {
            out[b] = batches.get(b).column(col);
        }
        return out;
    }

    /** For global rows {@code rows[from..to)}: their batch index and row within it, written at the same positions. */
    public void locate(int[] rows, int from, int to, int[] batchOut, int[] localOut) {
        for (int i = from; i < to; i++) {
            int b = batchOf(rows[i]);
            batchOut[i] = b;
            localOut[i] = rows[i] - starts[b];
        }
    }

    /**
     * A new batch whose row i is global row {@code rows[from + i]} (all columns), or null when the store is empty.
     * {@code batchOf}/{@code local} come from {@link #locate}.
     */
    public Batch gather(int[] batchOf, int[] local, int from, int to, BufferAllocator allocator) {
        if (batches.isEmpty()) {
            return null;
        }
        int cols = batches.get(0).columnCount();
        List<FieldVector> out = new ArrayList<>(cols);
        try {
            for (int c = 0; c < cols; c++) {
                out.add(Gather.gather(columnSources(c), batchOf, local, from, to, allocator));
            }
        } catch (RuntimeException | Error e) {
            Vectors.closeAll(out);
            throw e;
        }
        return new Batch(out, to - from);
    }

    /** Drops all rows. */
    public void clear() {
        List<Batch> bs = new ArrayList<>(batches);
        batches.clear();
        rowCount = 0;
        lastBatch = 0;
        Vectors.closeAll(bs);
    }

    @Override
    public void close() {
        clear();
    }
}
