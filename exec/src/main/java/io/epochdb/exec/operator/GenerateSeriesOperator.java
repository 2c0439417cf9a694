package io.epochdb.exec.operator;

import io.epochdb.common.ErrorCode;
import io.epochdb.common.EpochException;
import io.epochdb.common.types.Interval;
import io.epochdb.common.types.SqlType;
import io.epochdb.exec.ExecContext;
import io.epochdb.exec.batch.Batch;
import io.epochdb.exec.batch.BatchBuilder;
import io.epochdb.exec.expr.Expr;
import io.epochdb.exec.types.RowType;
import io.epochdb.storage.vector.ArrowTypes;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Objects;
import org.apache.arrow.vector.FieldVector;

/**
 * generate_series(start, stop [, step]) over INT4/INT8, and TIMESTAMP/TIMESTAMPTZ with an INTERVAL step (for
 * TIMESTAMPTZ the month and day parts step in the session time zone, like PostgreSQL). NULL arguments give no
 * rows; a zero step is 22023.
 */
public final class GenerateSeriesOperator implements Operator {
    private final Expr start;
    private final Expr stop;
    private final Expr step;
    private final RowType rowType;
    private ExecContext ctx;
    private SqlType type;
    private boolean done;
    private long current;
    private long last;
    private long intStep;
    private Interval intervalStep;
    private long produced;

    public GenerateSeriesOperator(Expr start, Expr stop, Expr step, RowType rowType) {
        this.start = Objects.requireNonNull(start, "start");
        this.stop = Objects.requireNonNull(stop, "stop");
        this.step = step;
        this.rowType = Objects.requireNonNull(rowType, "rowType");
    }

    @Override
    public RowType rowType() {
        return rowType;
    }

    private Object eval(Expr e) {
        try (Batch one = new Batch(List.of(), 1); FieldVector v = e.evaluate(one, ctx)) {
            return ArrowTypes.get(v, 0, e.type().type());
        }
    }

    @Override
    public void open(ExecContext ctx) {
        this.ctx = Objects.requireNonNull(ctx, "ctx");
        type = rowType.type(0).type();
        produced = 0;
        Object a = eval(start);
        Object b = eval(stop);
        Object s = step == null ? null : eval(step);
        done = a == null || b == null || (step != null && s == null);
        if (done) {
            return;
        }
        current = ((Number) a).longValue();
        last = ((Number) b).longValue();
        if (type == SqlType.TIMESTAMP || type == SqlType.TIMESTAMPTZ) {
            intervalStep = step == null ? null : (Interval) s;
            if (intervalStep == null) {
                throw new EpochException(ErrorCode.INVALID_PARAMETER_VALUE, "step size cannot equal zero");
            }
            if (intervalStep.approximateMicros() == 0) {
                throw new EpochException(ErrorCode.INVALID_PARAMETER_VALUE, "step size cannot equal zero");
            }
        } else {
            intStep = s == null ? 1 : ((Number) s).longValue();
            if (intStep == 0) {
                throw new EpochException(ErrorCode.INVALID_PARAMETER_VALUE, "step size cannot equal zero");
            }
        }
    }

    private boolean inRange(long v) {
        boolean up = intervalStep != null ? intervalStep.approximateMicros() > 0 : intStep > 0;
        return up ? v <= last : v >= last;
    }

    @Override
    public Batch next() {
        if (done) {
            return null;
        }
        ctx.checkCancelled();
        try (BatchBuilder bb = new BatchBuilder(rowType, ctx.allocator())) {
            FieldVector v = bb.vector(0);
            while (!bb.isFull()) {
                if (!inRange(current)) {
                    done = true;
                    break;
                }
                ArrowTypes.set(v, bb.rowCount(), boxed(current), type);
                bb.endRow();
                produced++;
                if (intervalStep != null) {
                    current = addInterval(current, intervalStep);
                } else {
                    long nextValue = current + intStep;
                    boolean overflow = ((current ^ nextValue) & (intStep ^ nextValue)) < 0
                        || (type == SqlType.INT4 && (nextValue > Integer.MAX_VALUE || nextValue < Integer.MIN_VALUE))
                        || (type == SqlType.INT2 && (nextValue > Short.MAX_VALUE || nextValue < Short.MIN_VALUE));
                    if (overflow) {
                        done = true;
                        break;
                    }
                    current = nextValue;
                }
            }
            return bb.build();
        }
    }

    private Object boxed(long v) {
        return switch (type) {
            case INT4 -> (int) v;
            case INT2 -> (short) v;
            default -> v;
        };
    }

    private long addInterval(long micros, Interval iv) {
        ZoneId zone = type == SqlType.TIMESTAMPTZ ? ctx.timeZone() : ZoneOffset.UTC;
        return addInterval(micros, iv, zone);
    }

    /**
     * timestamp + interval as PostgreSQL computes it: months (day clamped to the month's end), then days, both on
     * the local calendar of {@code zone}, then the time part as exact microseconds.
     */
    static long addInterval(long micros, Interval iv, ZoneId zone) {
        long result = micros;
        if (iv.months() != 0) {
            result = toMicros(toLocal(result, zone).plusMonths(iv.months()), zone);
        }
        if (iv.days() != 0) {
            result = toMicros(toLocal(result, zone).plusDays(iv.days()), zone);
        }
        return Math.addExact(result, iv.micros());
    }

    private static LocalDateTime toLocal(long micros, ZoneId zone) {
        long secs = Math.floorDiv(micros, 1_000_000L);
        int nanos = (int) Math.floorMod(micros, 1_000_000L) * 1000;
        return LocalDateTime.ofInstant(Instant.ofEpochSecond(secs, nanos), zone);
    }

    private static long toMicros(LocalDateTime local, ZoneId zone) {
        Instant inst = ZonedDateTime.ofLocal(local, zone, null).toInstant();
        return inst.getEpochSecond() * 1_000_000L + inst.getNano() / 1000;
    }

    @Override
    public void close() {
        done = true;
    }
}
