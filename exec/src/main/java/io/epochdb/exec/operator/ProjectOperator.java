package io.epochdb.exec.operator;

import io.epochdb.exec.ExecContext;
import io.epochdb.exec.batch.Batch;
import io.epochdb.exec.batch.Vectors;
import io.epochdb.exec.expr.Expr;
import io.epochdb.exec.types.RowType;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.arrow.vector.FieldVector;

/** Computes one output column per expression over each input batch. */
public final class ProjectOperator implements Operator {
    private final Operator input;
    private final List<Expr> exprs;
    private final RowType rowType;
    private ExecContext ctx;

    public ProjectOperator(Operator input, List<Expr> exprs, RowType rowType) {
        this.input = Objects.requireNonNull(input, "input");
        this.exprs = List.copyOf(Objects.requireNonNull(exprs, "exprs"));
        this.rowType = Objects.requireNonNull(rowType, "rowType");
    }

    @Override
    public RowType rowType() {
        return rowType;
    }

    public Operator input() {
        return input;
    }

    /** True when the output is just the input's first columns, in order (a trim of hidden sort columns). */
    public boolean keepsLeadingColumns() {
        for (int i = 0; i < exprs.size(); i++) {
            if (!(exprs.get(i) instanceof io.epochdb.exec.expr.ColumnRef ref) || ref.index() != i) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void open(ExecContext ctx) {
        this.ctx = Objects.requireNonNull(ctx, "ctx");
        input.open(ctx);
    }

    @Override
    public Batch next() {
        ctx.checkCancelled();
        Batch b = input.next();
        if (b == null) {
            return null;
        }
        try (b) {
            List<FieldVector> cols = new ArrayList<>(exprs.size());
            try {
                for (Expr e : exprs) {
                    cols.add(e.evaluate(b, ctx));
                }
            } catch (RuntimeException | Error e) {
                Vectors.closeAll(cols);
                throw e;
            }
            return new Batch(cols, b.rowCount());
        }
    }

    @Override
    public void close() {
        input.close();
    }
}
