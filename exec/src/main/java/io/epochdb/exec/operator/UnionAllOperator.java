package io.epochdb.exec.operator;

import io.epochdb.exec.ExecContext;
import io.epochdb.exec.batch.Batch;
import io.epochdb.exec.types.RowType;
import java.util.List;
import java.util.Objects;

/**
 * Concatenates its inputs in order. Inputs are opened lazily, one at a time. Column types must already agree
 * (the planner casts).
 */
public final class UnionAllOperator implements Operator {
    private final List<Operator> inputs;
    private final RowType rowType;
    private ExecContext ctx;
    private int current;
    private boolean currentOpen;

    public UnionAllOperator(List<Operator> inputs, RowType rowType) {
        this.inputs = List.copyOf(Objects.requireNonNull(inputs, "inputs"));
        this.rowType = Objects.requireNonNull(rowType, "rowType");
    }

    @Override
    public RowType rowType() {
        return rowType;
    }

    @Override
    public void open(ExecContext ctx) {
        this.ctx = Objects.requireNonNull(ctx, "ctx");
        current = 0;
        currentOpen = false;
    }

    @Override
    public Batch next() {
        while (current < inputs.size()) {
            ctx.checkCancelled();
            Operator in = inputs.get(current);
            if (!currentOpen) {
                in.open(ctx);
                currentOpen = true;
            }
            Batch b = in.next();
            if (b != null) {
                if (b.rowCount() == 0) {
                    b.close();
                    continue;
                }
                return b;
            }
            in.close();
            currentOpen = false;
            current++;
        }
        return null;
    }

    @Override
    public void close() {
        RuntimeException first = null;
        for (Operator in : inputs) {
            try {
                in.close();
            } catch (RuntimeException e) {
                if (first == null) {
                    first = e;
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
