package io.epochdb.planner.result;

import io.epochdb.exec.ExecContext;
import io.epochdb.exec.batch.Batch;
import io.epochdb.exec.operator.Operator;
import io.epochdb.planner.CopyIn;
import io.epochdb.planner.QueryResult;
import io.epochdb.planner.ResultColumn;
import java.util.List;
import java.util.function.Consumer;

/**
 * Rows streamed from an operator tree: opened on the first {@link #next()}, counted for the {@code SELECT n} tag.
 * {@code onFinish} runs once when the result is closed, with the failure (or null): it releases the query's memory
 * and ends an implicit transaction.
 */
public final class OperatorResult implements QueryResult {
    private final Operator operator;
    private final List<ResultColumn> columns;
    private final ExecContext ctx;
    private final java.util.function.LongFunction<String> tag;
    private final Consumer<Throwable> onFinish;
    private boolean opened;
    private boolean done;
    private boolean closed;
    private long rows;
    private Throwable failure;

    public OperatorResult(Operator operator, List<ResultColumn> columns, ExecContext ctx, java.util.function.LongFunction<String> tag,
                          Consumer<Throwable> onFinish) {
        this.operator = operator;
        this.columns = columns;
        this.ctx = ctx;
        this.tag = tag;
        this.onFinish = onFinish;
    }

    @Override
    public Kind kind() {
        return Kind.ROWS;
    }

    @Override
    public List<ResultColumn> columns() {
        return columns;
    }

    @Override
    public Batch next() {
        if (done) {
            return null;
        }
        try {
            if (!opened) {
                opened = true;
                operator.open(ctx);
            }
            ctx.checkCancelled();
            Batch b = operator.next();
            if (b == null) {
                done = true;
                return null;
            }
            rows += b.rowCount();
            return b;
        } catch (RuntimeException | Error e) {
            failure = e;
            done = true;
            throw e;
        }
    }

    @Override
    public String commandTag() {
        return tag.apply(rows);
    }

    @Override
    public CopyIn copyIn() {
        return null;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            operator.close();
        } catch (RuntimeException e) {
            if (failure == null) {
                failure = e;
            }
        } finally {
            onFinish.accept(failure);
        }
    }
}
