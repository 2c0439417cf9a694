package io.epochdb.planner.translate;

import io.epochdb.common.types.ColumnType;
import io.epochdb.exec.ExecContext;
import io.epochdb.exec.batch.Batch;
import io.epochdb.exec.expr.Expr;
import io.epochdb.storage.vector.ArrowTypes;
import java.util.List;
import java.util.function.Function;
import org.apache.arrow.vector.FieldVector;

/**
 * A planner-level function evaluated a row at a time, for functions that need the session or the catalog
 * ({@code current_setting}, {@code pg_table_is_visible}, {@code format_type}, ...). These are cold paths:
 * catalog queries and one-row SELECTs; the hot kernels live in exec.
 */
final class RowFunctionExpr implements Expr {
    private final List<Expr> args;
    private final ColumnType type;
    private final Function<Object[], Object> function;

    RowFunctionExpr(List<Expr> args, ColumnType type, Function<Object[], Object> function) {
        this.args = List.copyOf(args);
        this.type = type;
        this.function = function;
    }

    @Override
    public ColumnType type() {
        return type;
    }

    @Override
    public FieldVector evaluate(Batch input, ExecContext ctx) {
        int n = input.rowCount();
        FieldVector[] argVectors = new FieldVector[args.size()];
        FieldVector out = ArrowTypes.newVector("f", type, ctx.allocator(), n);
        try {
            for (int i = 0; i < args.size(); i++) {
                argVectors[i] = args.get(i).evaluate(input, ctx);
            }
            Object[] values = new Object[args.size()];
            for (int r = 0; r < n; r++) {
                for (int i = 0; i < args.size(); i++) {
                    values[i] = ArrowTypes.get(argVectors[i], r, args.get(i).type().type());
                }
                ArrowTypes.set(out, r, function.apply(values), type.type());
            }
            out.setValueCount(n);
            return out;
        } catch (RuntimeException e) {
            out.close();
            throw e;
        } finally {
            for (FieldVector v : argVectors) {
                if (v != null) {
                    v.close();
                }
            }
        }
    }
}
