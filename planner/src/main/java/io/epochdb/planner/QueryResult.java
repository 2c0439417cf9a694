package io.epochdb.planner;

import io.epochdb.exec.batch.Batch;
import java.util.List;

/**
 * The outcome of executing a statement. For a query, rows stream as batches: call {@link #next()} until null,
 * then read {@link #commandTag()}. A COPY FROM STDIN returns {@link Kind#COPY_IN} with a {@link CopyIn} to feed;
 * COPY TO STDOUT returns {@link Kind#COPY_OUT} whose {@link #next()} gives batches of one TEXT column, each value
 * one complete line (with its newline) in the requested format.
 * Always close a result, also when abandoning it part way (portal closed, error).
 */
public interface QueryResult extends AutoCloseable {
    enum Kind { ROWS, COMMAND, COPY_IN, COPY_OUT, EMPTY }

    Kind kind();

    /** Result columns (empty for COMMAND). For COPY_OUT: the copied columns (for CopyOutResponse format codes). */
    List<ResultColumn> columns();

    /** Next batch of rows, or null at the end. Only for ROWS and COPY_OUT. */
    Batch next();

    /** The CommandComplete tag ({@code SELECT 3}, {@code INSERT 0 2}, {@code CREATE TABLE}); complete once drained. */
    String commandTag();

    /** The COPY FROM STDIN sink, only for COPY_IN. */
    CopyIn copyIn();

    /** True for COPY ... (FORMAT binary); pgwire reports the overall format in CopyIn/OutResponse. */
    default boolean binaryCopy() {
        return false;
    }

    @Override
    void close();
}
