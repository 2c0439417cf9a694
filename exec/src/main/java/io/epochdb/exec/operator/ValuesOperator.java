package io.epochdb.exec.operator;

import io.epochdb.exec.ExecContext;
import io.epochdb.exec.batch.Batch;
import io.epochdb.exec.batch.BatchBuilder;
import io.epochdb.exec.expr.Expr;
import io.epochdb.exec.types.RowType;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.arrow.vector.FieldVector;

/** Rows of constant expressions (VALUES, SELECT without FROM), evaluated once in open(). */
public final class ValuesOperator implements Operator {
    private final RowType rowType;
    private final List<List<Expr>> rows;
    private final List<Batch> out = new ArrayList<>();
    private ExecContext ctx;

    public ValuesOperator(RowType rowType, List<List<Expr>> rows) {
        this.rowType = Objects.requireNonNull(rowType, "rowType");
        this.rows = List.copyOf(Objects.requireNonNull(rows, "rows"));
    }

    @Override
    public RowType rowType() {
        return rowType;
    }

    @Override
    public void open(ExecContext ctx) {
        this.ctx = Objects.requireNonNull(ctx, "ctx");
        try (Batch one = new Batch(List.of(), 1); BatchBuilder bb = new BatchBuilder(rowType, ctx.allocator())) {
            for (List<Expr> row : rows) {
                for (int c = 0; c < rowType.size(); c++) {
                    try (FieldVector v = row.get(c).evaluate(one, ctx)) {
                        bb.copy(c, v, 0);
                    }
                }
                bb.endRow();
                if (bb.isFull()) {
                    out.add(bb.build());
                }
            }
            Batch last = bb.build();
            if (last != null) {
                out.add(last);
            }
        }
    }

    @Override
    public Batch next() {
        if (out.isEmpty()) {
            return null;
        }
        ctx.checkCancelled();
        return out.remove(0);
    }

    @Override
    public void close() {
        for (Batch b : out) {
            b.close();
        }
        out.clear();
    }
}
