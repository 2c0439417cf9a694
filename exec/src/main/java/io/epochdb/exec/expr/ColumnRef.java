package io.epochdb.exec.expr;

import io.epochdb.common.types.ColumnType;
import io.epochdb.exec.ExecContext;
import io.epochdb.exec.batch.Batch;
import java.util.Objects;
import org.apache.arrow.vector.FieldVector;

/** Input column {@code index} of the batch; evaluates to a zero-copy slice the caller owns. */
public record ColumnRef(int index, ColumnType type) implements Expr {
    public ColumnRef {
        Objects.requireNonNull(type, "type");
    }

    @Override
    public FieldVector evaluate(Batch input, ExecContext ctx) {
        return Vectors.share(input.column(index), input.rowCount(), ctx.allocator());
    }

    @Override
    public String toString() {
        return "$" + index;
    }

    @Override
    public boolean canFail() {
        return false;
    }
}
