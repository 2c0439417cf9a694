package io.epochdb.exec.expr;

import io.epochdb.common.types.ColumnType;
import io.epochdb.exec.ExecContext;
import io.epochdb.exec.batch.Batch;
import java.util.Objects;
import org.apache.arrow.vector.FieldVector;

/** A cast that changes only the SQL type, not the vector (varchar to text, json to text). */
record Relabel(Expr arg, ColumnType type) implements Expr {
    Relabel {
        Objects.requireNonNull(arg, "arg");
        Objects.requireNonNull(type, "type");
    }

    @Override
    public FieldVector evaluate(Batch input, ExecContext ctx) {
        return arg.evaluate(input, ctx);
    }

    @Override
    public boolean canFail() {
        return arg.canFail();
    }
}
