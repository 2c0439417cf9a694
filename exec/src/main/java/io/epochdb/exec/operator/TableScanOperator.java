package io.epochdb.exec.operator;

import io.epochdb.exec.ExecContext;
import io.epochdb.exec.batch.Batch;
import io.epochdb.exec.batch.Vectors;
import io.epochdb.exec.types.RowType;
import io.epochdb.storage.table.ScanPart;
import io.epochdb.storage.table.TableSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.util.TransferPair;

/**
 * Reads a table snapshot part by part: the requested columns, then the row id column (INT8) when asked. Parts
 * larger than {@link Batch#TARGET_ROWS} are split with zero-copy-ish transfers; empty parts are skipped.
 */
public final class TableScanOperator implements Operator {
    private final TableSnapshot snapshot;
    private final int[] columns;
    private final boolean withRowIds;
    private final RowType rowType;
    private ExecContext ctx;
    private int nextPart;
    private List<FieldVector> current;
    private int currentRows;
    private int currentPos;

    public TableScanOperator(TableSnapshot snapshot, int[] columns, boolean withRowIds, RowType rowType) {
        this.snapshot = Objects.requireNonNull(snapshot, "snapshot");
        this.columns = Objects.requireNonNull(columns, "columns").clone();
        this.withRowIds = withRowIds;
        this.rowType = Objects.requireNonNull(rowType, "rowType");
    }

    @Override
    public RowType rowType() {
        return rowType;
    }

    @Override
    public void open(ExecContext ctx) {
        this.ctx = Objects.requireNonNull(ctx, "ctx");
        nextPart = 0;
    }

    @Override
    public Batch next() {
        ctx.checkCancelled();
        while (current == null) {
            if (nextPart >= snapshot.partCount()) {
                return null;
            }
            ScanPart part = snapshot.read(nextPart++, columns, withRowIds, ctx.allocator());
            if (part.rowCount() == 0) {
                part.close();
                continue;
            }
            List<FieldVector> vs = new ArrayList<>(part.columns());
            if (withRowIds) {
                vs.add(part.rowIds());
            } else if (part.rowIds() != null) {
                part.rowIds().close();
            }
            if (part.rowCount() <= Batch.TARGET_ROWS) {
                return new Batch(vs, part.rowCount());
            }
            current = vs;
            currentRows = part.rowCount();
            currentPos = 0;
        }
        int n = Math.min(Batch.TARGET_ROWS, currentRows - currentPos);
        List<FieldVector> out = new ArrayList<>(current.size());
        try {
            for (FieldVector v : current) {
                TransferPair tp = v.getTransferPair(ctx.allocator());
                tp.splitAndTransfer(currentPos, n);
                out.add((FieldVector) tp.getTo());
            }
        } catch (RuntimeException | Error e) {
            Vectors.closeAll(out);
            throw e;
        }
        currentPos += n;
        if (currentPos >= currentRows) {
            closeCurrent();
        }
        return new Batch(out, n);
    }

    private void closeCurrent() {
        if (current != null) {
            List<FieldVector> vs = current;
            current = null;
            Vectors.closeAll(vs);
        }
    }

    @Override
    public void close() {
        closeCurrent();
    }
}
