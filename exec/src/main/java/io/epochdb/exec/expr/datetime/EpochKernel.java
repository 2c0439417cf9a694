package io.epochdb.exec.expr.datetime;

import io.epochdb.common.types.ColumnType;
import io.epochdb.common.types.SqlType;
import io.epochdb.exec.ExecContext;
import io.epochdb.exec.batch.Batch;
import io.epochdb.exec.expr.Expr;
import io.epochdb.exec.expr.Vectors;
import java.util.Objects;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BitVectorHelper;
import org.apache.arrow.vector.FieldVector;

/**
 * {@code date_part('epoch', timestamp[tz])} as float8 in one loop: Grafana's {@code $__timeGroup} and
 * {@code $__timeEpoch} macros put it on every row.
 */
final class EpochKernel implements Expr {
    private static final ColumnType FLOAT8 = ColumnType.of(SqlType.FLOAT8);

    private final Expr ts;

    EpochKernel(Expr ts) {
        this.ts = Objects.requireNonNull(ts, "ts");
    }

    @Override
    public ColumnType type() {
        return FLOAT8;
    }

    @Override
    public FieldVector evaluate(Batch input, ExecContext ctx) {
        int n = input.rowCount();
        FieldVector out = Vectors.allocate(FLOAT8, n, ctx.allocator());
        try (FieldVector in = ts.evaluate(input, ctx)) {
            boolean noNulls = in.getNullCount() == 0;
            ArrowBuf d = in.getDataBuffer();
            ArrowBuf v = in.getValidityBuffer();
            ArrowBuf od = out.getDataBuffer();
            for (int i = 0; i < n; i++) {
                if (!noNulls && BitVectorHelper.get(v, i) == 0) {
                    continue;
                }
                // PostgreSQL computes the exact decimal then rounds to float8 once; us / 1e6 is that same correctly
                // rounded quotient while us is exactly representable (|us| < 2^53, years 1685..2255)
                long us = d.getLong((long) i << 3);
                double secs = Math.abs(us) < (1L << 53) ? us / 1e6 : java.math.BigDecimal.valueOf(us, 6).doubleValue();
                od.setDouble((long) i << 3, secs);
            }
            Vectors.copyValidity(in, out, n);
            out.setValueCount(n);
            return out;
        } catch (RuntimeException e) {
            out.close();
            throw e;
        }
    }
}
