package io.epochdb.planner.result;

import io.epochdb.exec.ExecContext;
import io.epochdb.exec.batch.Batch;
import io.epochdb.exec.operator.Operator;
import io.epochdb.exec.types.RowType;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/** Replays batches that were already computed (RETURNING rows, fetched cursor rows); takes ownership of them. */
public final class BatchListOperator implements Operator {
    private final RowType rowType;
    private final Deque<Batch> batches;

    public BatchListOperator(RowType rowType, List<Batch> batches) {
        this.rowType = rowType;
        this.batches = new ArrayDeque<>(batches);
    }

    @Override
    public RowType rowType() {
        return rowType;
    }

    @Override
    public void open(ExecContext ctx) {
    }

    @Override
    public Batch next() {
        return batches.poll();
    }

    @Override
    public void close() {
        Batch b;
        while ((b = batches.poll()) != null) {
            b.close();
        }
    }
}
