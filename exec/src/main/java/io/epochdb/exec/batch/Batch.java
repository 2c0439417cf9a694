package io.epochdb.exec.batch;

import java.util.List;
import java.util.Objects;
import org.apache.arrow.vector.FieldVector;

/**
 * A set of equally long Arrow vectors, one per output column of an operator: the unit that flows between
 * operators (about {@link #TARGET_ROWS} rows). A batch owns its vectors: whoever receives a batch from
 * {@code Operator.next()} must close it (or hand it on).
 */
public final class Batch implements AutoCloseable {
    public static final int TARGET_ROWS = 4096;

    private final List<FieldVector> vectors;
    private final int rowCount;

    public Batch(List<FieldVector> vectors, int rowCount) {
        this.vectors = List.copyOf(Objects.requireNonNull(vectors, "vectors"));
        this.rowCount = rowCount;
        for (FieldVector v : this.vectors) {
            v.setValueCount(rowCount);
        }
    }

    public int rowCount() {
        return rowCount;
    }

    public int columnCount() {
        return vectors.size();
    }

    public FieldVector column(int i) {
        return vectors.get(i);
    }

    public List<FieldVector> columns() {
        return vectors;
    }

    @Override
    public void close() {
        for (FieldVector v : vectors) {
            v.close();
        }
    }
}
