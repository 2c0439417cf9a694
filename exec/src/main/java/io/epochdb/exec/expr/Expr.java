package io.epochdb.exec.expr;

import io.epochdb.common.types.ColumnType;
import io.epochdb.exec.ExecContext;
import io.epochdb.exec.batch.Batch;
import org.apache.arrow.vector.FieldVector;

/**
 * A scalar expression evaluated a batch at a time. {@link #evaluate} returns a new vector with exactly
 * {@code input.rowCount()} values that the caller owns and must close.
 */
public interface Expr {
    ColumnType type();

    FieldVector evaluate(Batch input, ExecContext ctx);
}
