package io.epochdb.exec.expr;

import io.epochdb.common.types.ColumnType;
import io.epochdb.common.types.SqlType;
import io.epochdb.exec.ExecContext;
import io.epochdb.exec.batch.Batch;
import io.epochdb.exec.types.PgValues;
import io.epochdb.storage.vector.ArrowTypes;
import java.util.List;
import java.util.Objects;
import org.apache.arrow.vector.FieldVector;

/**
 * Adapter that runs a {@link RowFunction} over a batch: reads each argument row through ArrowTypes.get and writes
 * the result through ArrowTypes.set. A strict function returns NULL on any NULL argument without being called.
 */
public final class RowFunctionExpr implements Expr {
    private final String name;
    private final List<Expr> args;
    private final ColumnType type;
    private final boolean strict;
    private final RowFunction fn;

    public RowFunctionExpr(String name, List<Expr> args, ColumnType type, boolean strict, RowFunction fn) {
        this.name = Objects.requireNonNull(name, "name");
        this.args = List.copyOf(args);
        this.type = Objects.requireNonNull(type, "type");
        this.strict = strict;
        this.fn = Objects.requireNonNull(fn, "fn");
    }

    @Override
    public ColumnType type() {
        return type;
    }

    public List<Expr> args() {
        return args;
    }

    @Override
    public FieldVector evaluate(Batch input, ExecContext ctx) {
        int n = input.rowCount();
        FieldVector[] in = Vectors.evaluateAll(args, input, ctx);
        FieldVector out = Vectors.allocate(type, n, ctx.allocator());
        try {
            SqlType[] types = new SqlType[in.length];
            for (int j = 0; j < in.length; j++) {
                types[j] = args.get(j).type().type();
            }
            SqlType t = type.type();
            Object[] values = new Object[in.length];
            rows:
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < in.length; j++) {
                    Object v = ArrowTypes.get(in[j], i, types[j]);
                    if (v == null && strict) {
                        continue rows;
                    }
                    values[j] = v;
                }
                Object r = fn.apply(values, ctx);
                if (r != null) {
                    ArrowTypes.set(out, i, PgValues.coerce(r, t), t);
                }
            }
            out.setValueCount(n);
            return out;
        } catch (RuntimeException e) {
            out.close();
            throw e;
        } finally {
            Vectors.closeAll(in);
        }
    }

    @Override
    public String toString() {
        return name + args;
    }
}
