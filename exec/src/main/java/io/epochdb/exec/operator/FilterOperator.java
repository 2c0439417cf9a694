package io.epochdb.exec.operator;

import io.epochdb.exec.ExecContext;
import io.epochdb.exec.batch.Batch;
import io.epochdb.exec.batch.Vectors;
import io.epochdb.exec.expr.Expr;
import io.epochdb.exec.types.RowType;
import java.util.Objects;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;

/** Keeps the rows whose condition is TRUE (not FALSE, not NULL); emits compacted, non-empty batches. */
public final class FilterOperator implements Operator {
    private final Operator input;
    private final Expr condition;
    private ExecContext ctx;
    private int[] sel = new int[Batch.TARGET_ROWS];

    public FilterOperator(Operator input, Expr condition) {
        this.input = Objects.requireNonNull(input, "input");
        this.condition = Objects.requireNonNull(condition, "condition");
    }

    @Override
    public RowType rowType() {
        return input.rowType();
    }

    @Override
    public void open(ExecContext ctx) {
        this.ctx = Objects.requireNonNull(ctx, "ctx");
        input.open(ctx);
    }

    @Override
    public Batch next() {
        while (true) {
            ctx.checkCancelled();
            Batch b = input.next();
            if (b == null) {
                return null;
            }
            int n = b.rowCount();
            int kept = 0;
            try {
                try (FieldVector cv = condition.evaluate(b, ctx)) {
                    BitVector bits = (BitVector) cv;
                    if (sel.length < n) {
                        sel = new int[n];
                    }
                    for (int i = 0; i < n; i++) {
                        if (!bits.isNull(i) && bits.get(i) != 0) {
                            sel[kept++] = i;
                        }
                    }
                }
                if (kept == n) {
                    Batch all = b;
                    b = null;
                    return all;
                }
                if (kept == 0) {
                    continue;
                }
                return Vectors.select(b, sel, kept, ctx.allocator());
            } finally {
                if (b != null) {
                    b.close();
                }
            }
        }
    }

    @Override
    public void close() {
        input.close();
    }
}
