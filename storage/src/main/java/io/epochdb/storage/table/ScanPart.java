package io.epochdb.storage.table;

import java.util.List;
import java.util.Objects;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;

/**
 * Rows read from one part of a table: owned by the receiver, who closes it (or takes the vectors over and closes
 * them).
 *
 * @param rowIds the rows' ids, or null unless asked for
 */
public record ScanPart(List<FieldVector> columns, BigIntVector rowIds, int rowCount) implements AutoCloseable {
    public ScanPart {
        columns = List.copyOf(Objects.requireNonNull(columns, "columns"));
    }

    @Override
    public void close() {
        for (FieldVector v : columns) {
            v.close();
        }
        if (rowIds != null) {
            rowIds.close();
        }
    }
}
