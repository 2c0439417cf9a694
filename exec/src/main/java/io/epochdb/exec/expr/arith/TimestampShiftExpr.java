package io.epochdb.exec.expr.arith;

import io.epochdb.common.types.ColumnType;
import io.epochdb.common.types.Interval;
import io.epochdb.common.types.SqlType;
import io.epochdb.exec.ExecContext;
import io.epochdb.exec.batch.Batch;
import io.epochdb.exec.expr.Expr;
import io.epochdb.exec.expr.Functions;
import io.epochdb.exec.expr.Vectors;
import io.epochdb.exec.time.DateTimes;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BitVectorHelper;
import org.apache.arrow.vector.FieldVector;

/**
 * timestamp[tz] +/- a statement-constant interval as a loop over the buffer: a plain addition when the interval
 * is a fixed length (no months; for timestamptz no days either unless the zone is UTC), calendar math otherwise.
 */
final class TimestampShiftExpr implements Expr {
    private final Expr ts;
    private final Expr interval;
    private final boolean subtract;
    private final ColumnType type;

    TimestampShiftExpr(Expr ts, Expr interval, boolean subtract, ColumnType type) {
        this.ts = Objects.requireNonNull(ts, "ts");
        this.interval = Objects.requireNonNull(interval, "interval");
        this.subtract = subtract;
        this.type = Objects.requireNonNull(type, "type");
    }

    @Override
    public ColumnType type() {
        return type;
    }

    @Override
    public FieldVector evaluate(Batch input, ExecContext ctx) {
        int n = input.rowCount();
        Interval iv = (Interval) Functions.evaluateConstant(interval, ctx);
        FieldVector out = Vectors.allocate(type, n, ctx.allocator());
        try (FieldVector in = ts.evaluate(input, ctx)) {
            if (iv == null) {
                out.setValueCount(n);
                return out;
            }
            if (subtract) {
                iv = iv.negate();
            }
            boolean tz = ts.type().type() == SqlType.TIMESTAMPTZ;
            ZoneId zone = ctx.timeZone();
            boolean utc = !tz || zone == ZoneOffset.UTC || zone.getId().equals("UTC") || zone.getId().equals("Etc/UTC");
            boolean fixed = iv.months() == 0 && (iv.days() == 0 || utc);
            long delta = fixed ? (long) iv.days() * DateTimes.MICROS_PER_DAY + iv.micros() : 0;
            boolean noNulls = in.getNullCount() == 0;
            ArrowBuf d = in.getDataBuffer();
            ArrowBuf v = in.getValidityBuffer();
            ArrowBuf od = out.getDataBuffer();
            ArrowBuf ov = out.getValidityBuffer();
            for (int i = 0; i < n; i++) {
                if (!noNulls && BitVectorHelper.get(v, i) == 0) {
                    continue;
                }
                long x = d.getLong((long) i << 3);
                long r;
                if (fixed) {
                    r = x + delta;
                    if (((x ^ r) & (delta ^ r)) < 0) {
                        throw new io.epochdb.common.EpochException(io.epochdb.common.ErrorCode.DATETIME_FIELD_OVERFLOW, "timestamp out of range");
                    }
                } else {
                    r = tz ? DateTimeArithmetic.plusTz(x, iv, zone) : Arithmetic.plusTs(x, iv);
                }
                od.setLong((long) i << 3, r);
                if (!noNulls) {
                    BitVectorHelper.setBit(ov, i);
                }
            }
            if (noNulls) {
                Vectors.setAllValid(out, n);
            }
            out.setValueCount(n);
            return out;
        } catch (RuntimeException e) {
            out.close();
            throw e;
        }
    }
}
