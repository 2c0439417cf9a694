package io.epochdb.exec.expr.datetime;

import io.epochdb.common.types.ColumnType;
import io.epochdb.common.types.Interval;
import io.epochdb.common.types.SqlType;
import io.epochdb.exec.ExecContext;
import io.epochdb.exec.batch.Batch;
import io.epochdb.exec.expr.Expr;
import io.epochdb.exec.expr.Functions;
import io.epochdb.exec.expr.Vectors;
import io.epochdb.exec.time.DateTimes;
import io.epochdb.exec.time.TimeBucket;
import io.epochdb.exec.types.IntervalText;
import java.time.ZoneId;
import java.util.Objects;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BitVectorHelper;
import org.apache.arrow.vector.FieldVector;

/**
 * The hot path of {@code time_bucket}: a width, origin and offset that are constant for the statement, over a
 * timestamp/timestamptz (UTC buckets), date or integer vector, as one loop of floorDiv over the data buffer.
 */
final class TimeBucketExpr implements Expr {
    private final Expr width;
    private final Expr ts;
    private final Expr origin;
    private final Expr offset;
    private final ColumnType type;

    TimeBucketExpr(Expr width, Expr ts, Expr origin, Expr offset, ColumnType type) {
        this.width = Objects.requireNonNull(width, "width");
        this.ts = Objects.requireNonNull(ts, "ts");
        this.origin = origin;
        this.offset = offset;
        this.type = Objects.requireNonNull(type, "type");
    }

    @Override
    public ColumnType type() {
        return type;
    }

    static Interval widthValue(Object w) {
        if (w instanceof Interval iv) {
            return iv;
        }
        return IntervalText.parse(w.toString());
    }

    @Override
    public FieldVector evaluate(Batch input, ExecContext ctx) {
        int n = input.rowCount();
        SqlType t = ts.type().type();
        Object w = Functions.evaluateConstant(width, ctx);
        Object o = origin == null ? null : Functions.evaluateConstant(origin, ctx);
        Object off = offset == null ? null : Functions.evaluateConstant(offset, ctx);
        boolean nullParams = w == null || (origin != null && o == null) || (offset != null && off == null);
        FieldVector out = Vectors.allocate(type, n, ctx.allocator());
        try (FieldVector in = ts.evaluate(input, ctx)) {
            if (nullParams) {
                out.setValueCount(n);
                return out;
            }
            boolean noNulls = in.getNullCount() == 0;
            ArrowBuf data = in.getDataBuffer();
            ArrowBuf valid = in.getValidityBuffer();
            ArrowBuf od = out.getDataBuffer();
            ArrowBuf ov = out.getValidityBuffer();
            if (t.isInteger()) {
                long wl = ((Number) w).longValue();
                long ol = off == null ? 0 : ((Number) off).longValue();
                if (wl <= 0) {
                    throw TimeBucket.periodNotPositive();
                }
                int width = t == SqlType.INT8 ? 8 : t == SqlType.INT4 ? 4 : 2;
                long min = width == 8 ? Long.MIN_VALUE : width == 4 ? Integer.MIN_VALUE : Short.MIN_VALUE;
                long max = width == 8 ? Long.MAX_VALUE : width == 4 ? Integer.MAX_VALUE : Short.MAX_VALUE;
                for (int i = 0; i < n; i++) {
                    if (BitVectorHelper.get(valid, i) == 0) {
                        continue;
                    }
                    long v = width == 8 ? data.getLong((long) i << 3) : width == 4 ? data.getInt((long) i << 2) : data.getShort((long) i << 1);
                    long r = TimeBucket.bucketInteger(wl, v, ol, min, max);
                    if (width == 8) {
                        od.setLong((long) i << 3, r);
                    } else if (width == 4) {
                        od.setInt((long) i << 2, (int) r);
                    } else {
                        od.setShort((long) i << 1, (short) r);
                    }
                    BitVectorHelper.setBit(ov, i);
                }
                out.setValueCount(n);
                return out;
            }
            Interval iv = widthValue(w);
            boolean months = TimeBucket.validate(iv);
            if (t == SqlType.DATE) {
                TimeBucket.validateDateWidth(iv);
            }
            Interval offIv = (Interval) off;
            Long originMicros = o == null ? null : t == SqlType.DATE ? ((Number) o).longValue() * DateTimes.MICROS_PER_DAY : (Long) o;
            boolean isDate = t == SqlType.DATE;
            // timestamptz offsets are applied in the session zone, where a day can be 23 or 25 hours
            ZoneId offsetZone = t == SqlType.TIMESTAMPTZ ? ctx.timeZone() : null;
            boolean calendarOffset = offIv != null && (offIv.months() != 0
                || (offIv.days() != 0 && offsetZone != null && !offsetZone.getRules().isFixedOffset()));
            boolean simple = !months && !calendarOffset;
            long wm = months ? 0 : TimeBucket.fixedMicros(iv);
            long offMicros = offIv == null ? 0 : (long) offIv.days() * DateTimes.MICROS_PER_DAY + offIv.micros();
            long org = originMicros != null ? originMicros : months ? TimeBucket.DEFAULT_MONTH_ORIGIN : TimeBucket.DEFAULT_ORIGIN;
            for (int i = 0; i < n; i++) {
                if (!noNulls && BitVectorHelper.get(valid, i) == 0) {
                    continue;
                }
                long v = isDate ? data.getInt((long) i << 2) * DateTimes.MICROS_PER_DAY : data.getLong((long) i << 3);
                long r;
                if (simple) {
                    r = TimeBucket.bucket(wm, v - offMicros, org) + offMicros;
                } else {
                    r = TimeBucket.bucket(iv, v, originMicros, offIv, offsetZone);
                }
                if (isDate) {
                    od.setInt((long) i << 2, (int) Math.floorDiv(r, DateTimes.MICROS_PER_DAY));
                } else {
                    od.setLong((long) i << 3, r);
                }
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

    @Override
    public String toString() {
        return "time_bucket(" + width + ", " + ts + ")";
    }
}
