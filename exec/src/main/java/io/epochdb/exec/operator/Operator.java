package io.epochdb.exec.operator;

import io.epochdb.exec.ExecContext;
import io.epochdb.exec.batch.Batch;
import io.epochdb.exec.types.RowType;

/**
 * Pull-based physical operator over batches: {@code open}, then {@code next()} until it returns null, then
 * {@code close()} (always, also after an error). Batches returned are owned by the caller.
 */
public interface Operator extends AutoCloseable {
    /** Output columns. Known before open. */
    RowType rowType();

    void open(ExecContext ctx);

    /** The next batch (never empty), or null at the end. */
    Batch next();

    @Override
    void close();
}
