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
        // arguments are evaluated first and copied in row order: text vectors must be written in increasing order
        FieldVector[] values = new FieldVector[args.size()];
        int[] source = new int[n];
        Arrays.fill(source, -1);
        try {
            int left = n;
            for (int k = 0; k < args.size() && left > 0; k++) {
                FieldVector v = Vectors.evaluateWhere(args.get(k), input, ctx, remaining);
                values[k] = v;
                for (int i = 0; i < n; i++) {
                    if (remaining[i] && !v.isNull(i)) {
                        source[i] = k;
                        remaining[i] = false;
                        left--;
                    }
                }
            }
            for (int i = 0; i < n; i++) {
                if (source[i] >= 0) {
                    out.copyFromSafe(i, i, values[source[i]]);
                }
            }
            out.setValueCount(n);
            return out;
        } catch (RuntimeException ex) {
            out.close();
            throw ex;
        } finally {
            for (FieldVector v : values) {
                if (v != null) {
                    v.close();
                }
            }
        }
    }
}
