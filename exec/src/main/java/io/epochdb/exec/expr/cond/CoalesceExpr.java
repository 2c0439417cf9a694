package io.epochdb.exec.expr.cond;

import io.epochdb.common.types.ColumnType;
import io.epochdb.exec.ExecContext;
import io.epochdb.exec.batch.Batch;
import io.epochdb.exec.expr.Expr;
import io.epochdb.exec.expr.Vectors;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.vector.FieldVector;

/** COALESCE: later arguments are evaluated only on rows where all earlier ones were NULL. */
final class CoalesceExpr implements Expr {
    private final List<Expr> args;
    private final ColumnType type;

    CoalesceExpr(List<Expr> args, ColumnType type) {
        this.args = List.copyOf(args);
        this.type = type;
    }

    @Override
    public ColumnType type() {
        return type;
    }

    @Override
    public FieldVector evaluate(Batch input, ExecContext ctx) {
        int n = input.rowCount();
        boolean[] remaining = new boolean[n];
        Arrays.fill(remaining, true);
        FieldVector out = Vectors.allocate(type, n, ctx.allocator());
        try {
            int left = n;
            for (Expr e : args) {
                if (left == 0) {
                    break;
                }
                try (FieldVector v = Vectors.evaluateWhere(e, input, ctx, remaining)) {
                    for (int i = 0; i < n; i++) {
                        if (remaining[i] && !v.isNull(i)) {
                            out.copyFromSafe(i, i, v);
                            remaining[i] = false;
                            left--;
                        }
                    }
                }
            }
            out.setValueCount(n);
            return out;
        } catch (RuntimeException ex) {
            out.close();
            throw ex;
        }
    }
}
