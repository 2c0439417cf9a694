package io.epochdb.exec.operator;

import io.epochdb.exec.ExecContext;
import io.epochdb.exec.batch.Batch;
import io.epochdb.exec.batch.Vectors;
import io.epochdb.exec.types.RowType;
import java.util.Objects;

/** OFFSET/FETCH: skips {@code offset} rows, passes at most {@code fetch} (-1 = all), then stops pulling. */
public final class LimitOperator implements Operator {
    private final Operator input;
    private final long offset;
    private final long fetch;
    private ExecContext ctx;
    private long toSkip;
    private long remaining;

    public LimitOperator(Operator input, long offset, long fetch) {
        this.input = Objects.requireNonNull(input, "input");
        this.offset = Math.max(0, offset);
        this.fetch = fetch;
    }

    @Override
    public RowType rowType() {
        return input.rowType();
    }

    @Override
    public void open(ExecContext ctx) {
        this.ctx = Objects.requireNonNull(ctx, "ctx");
        toSkip = offset;
        remaining = fetch < 0 ? Long.MAX_VALUE : fetch;
        if (remaining > 0) {
            input.open(ctx);
        }
    }

    @Override
    public Batch next() {
        while (remaining > 0) {
            ctx.checkCancelled();
            Batch b = input.next();
            if (b == null) {
                remaining = 0;
                return null;
            }
            int n = b.rowCount();
            if (toSkip >= n) {
                toSkip -= n;
                b.close();
                continue;
            }
            int from = (int) toSkip;
            toSkip = 0;
            int count = (int) Math.min(n - from, remaining);
            remaining -= count;
            if (from == 0 && count == n) {
                return b;
            }
            try (b) {
                return Vectors.slice(b, from, count, ctx.allocator());
            }
        }
        return null;
    }

    @Override
    public void close() {
        input.close();
    }
}
