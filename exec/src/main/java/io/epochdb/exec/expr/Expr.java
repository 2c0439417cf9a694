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

    /**
     * Whether evaluating this on some row can raise an error (division by zero, a bad cast, ...). Those that cannot
     * are evaluated on whole batches even under AND/OR/CASE, which otherwise copy out the rows they apply to.
     */
    default boolean canFail() {
        return true;
    }
}
