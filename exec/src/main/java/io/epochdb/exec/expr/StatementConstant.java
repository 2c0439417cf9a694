package io.epochdb.exec.expr;

import io.epochdb.common.types.ColumnType;
import io.epochdb.exec.ExecContext;
import io.epochdb.exec.batch.Batch;
import io.epochdb.storage.vector.ArrowTypes;
import java.util.List;
import java.util.Objects;
import org.apache.arrow.vector.FieldVector;

/**
 * An expression whose inputs are all literals or parameters (e.g. {@code '2024-01-01'::timestamptz},
 * {@code now() - interval '1 hour'}): computed once per statement (per {@link ExecContext}) and broadcast to every
 * batch, instead of once per row.
 */
public final class StatementConstant implements Expr {
    private final Expr inner;
    /** The statement the cached value belongs to; weak so a finished statement's context is not kept alive. */
    private volatile java.lang.ref.WeakReference<ExecContext> cachedFor = new java.lang.ref.WeakReference<>(null);
    private volatile Object cachedValue;

    public StatementConstant(Expr inner) {
        this.inner = Objects.requireNonNull(inner, "inner");
    }

    public Expr inner() {
        return inner;
    }

    @Override
    public ColumnType type() {
        return inner.type();
    }

    /** The value for this statement. */
    public Object value(ExecContext ctx) {
        if (cachedFor.get() != ctx) {
            Object v;
            try (Batch one = new Batch(List.of(), 1); FieldVector out = inner.evaluate(one, ctx)) {
                v = ArrowTypes.get(out, 0, inner.type().type());
            }
            cachedValue = v;
            cachedFor = new java.lang.ref.WeakReference<>(ctx);
            return v;
        }
        return cachedValue;
    }

    @Override
    public FieldVector evaluate(Batch input, ExecContext ctx) {
        return Vectors.constant(value(ctx), inner.type(), input.rowCount(), ctx.allocator());
    }

    @Override
    public String toString() {
        return inner.toString();
    }

    @Override
    public boolean canFail() {
        return false;
    }
}
