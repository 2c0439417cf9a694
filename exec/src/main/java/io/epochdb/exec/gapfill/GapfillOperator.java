package io.epochdb.exec.gapfill;

import io.epochdb.common.ErrorCode;
import io.epochdb.common.EpochException;
import io.epochdb.common.types.SqlType;
import io.epochdb.exec.ExecContext;
import io.epochdb.exec.batch.Batch;
import io.epochdb.exec.batch.BatchBuilder;
import io.epochdb.exec.expr.Functions;
import io.epochdb.exec.operator.Operator;
import io.epochdb.exec.operator.SortKey;
import io.epochdb.exec.operator.SortOperator;
import io.epochdb.exec.types.RowType;
import io.epochdb.storage.vector.ArrowTypes;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * TimescaleDB's GapFill node. Its input (the grouped aggregation, plus the locf/interpolate argument and lookup
 * columns) is sorted by the other GROUP BY columns and then the bucket; each group then walks the bucket grid from
 * the aligned start to the (exclusive) finish, passing real rows through and inserting a row for every missing
 * bucket: group columns copied, aggregates NULL, locf columns carrying the last value, interpolate columns
 * interpolated between the real rows around the gap. Rows outside the range pass through unchanged.
 *
 * <p>The walk is the same state machine as TimescaleDB's {@code gapfill_exec}, so edge cases agree: an empty input
 * gives the whole grid when there are no other group columns and nothing otherwise; {@code prev} lookups are used
 * only for a gap at the start of the range, {@code next} lookups only for gaps after the group's last row.
 * Aggregated input is small, so rows are handled one at a time with boxed values.
 */
public final class GapfillOperator implements Operator {
    private enum Fetched { NONE, ONE, NEXT_GROUP, LAST }

    private final Operator sorted;
    private final GapfillSpec spec;
    private final RowType rowType;
    private final SqlType[] types;
    private final GapfillColumn[] columns;
    private final boolean multigroup;

    private ExecContext ctx;
    private GapfillGrid grid;
    private long start;
    private long end;
    private BatchBuilder out;
    private Batch batch;
    private int batchRow;
    private boolean finished;

    private Fetched state;
    private Object[] sub;
    private long subTime;
    private long nextTime;
    private boolean groupsInitialized;
    private Object[] groupValues;
    private Object[] locfValues;
    private Sample[] prevSamples;
    private Sample[] nextSamples;

    /** A (time, value) point interpolation starts or ends at; null when there is none. */
    private record Sample(long time, Object value) {
    }

    private final Operator lookupsWhenEmpty;

    public GapfillOperator(Operator input, GapfillSpec spec) {
        this(input, spec, null);
    }

    /**
     * @param lookupsWhenEmpty where the LOOKUP columns' values come from when the input has no rows at all (one row
     *     with the input's columns, only the LOOKUP ones read), or null: with an empty input and no other group
     *     columns, TimescaleDB still evaluates the prev/next lookups for the grid it returns
     */
    public GapfillOperator(Operator input, GapfillSpec spec, Operator lookupsWhenEmpty) {
        Objects.requireNonNull(input, "input");
        this.lookupsWhenEmpty = lookupsWhenEmpty;
        this.spec = Objects.requireNonNull(spec, "spec");
        this.rowType = input.rowType();
        if (spec.columns().size() != rowType.size()) {
            throw new IllegalArgumentException("one gapfill column role per input column expected");
        }
        this.columns = spec.columns().toArray(new GapfillColumn[0]);
        this.types = new SqlType[columns.length];
        List<SortKey> keys = new ArrayList<>();
        boolean groups = false;
        for (int c = 0; c < columns.length; c++) {
            types[c] = rowType.type(c).type();
            if (columns[c].kind() == GapfillColumn.Kind.GROUP) {
                keys.add(new SortKey(c, false, false));
                groups = true;
            }
            if (columns[c].kind() == GapfillColumn.Kind.INTERPOLATE && !Interpolation.supports(types[c])) {
                throw new EpochException(ErrorCode.FEATURE_NOT_SUPPORTED, "unsupported datatype for interpolate: " + types[c].typname());
            }
        }
        keys.add(new SortKey(spec.timeColumn(), false, false));
        this.multigroup = groups;
        this.sorted = new SortOperator(input, keys, 0, -1);
    }

    @Override
    public RowType rowType() {
        return rowType;
    }

    @Override
    public void open(ExecContext context) {
        this.ctx = Objects.requireNonNull(context, "ctx");
        // the range is computed before any input is read, so its errors come first (as in TimescaleDB)
        Object width = Functions.evaluateConstant(spec.width(), ctx);
        String zone = spec.zone() == null ? null : (String) Functions.evaluateConstant(spec.zone(), ctx);
        Object origin = spec.origin() == null ? null : Functions.evaluateConstant(spec.origin(), ctx);
        grid = GapfillGrid.of(spec.timeType(), width, spec.hasZone(), zone, origin);
        start = grid.align(spec.start().evaluate(ctx, spec.timeType()));
        end = spec.finish().evaluate(ctx, spec.timeType());
        int n = columns.length;
        groupValues = new Object[n];
        locfValues = new Object[n];
        prevSamples = new Sample[n];
        nextSamples = new Sample[n];
        state = Fetched.NONE;
        nextTime = start;
        groupsInitialized = false;
        finished = false;
        out = new BatchBuilder(rowType, ctx.allocator());
        sorted.open(ctx);
    }

    @Override
    public Batch next() {
        if (finished) {
            return null;
        }
        int produced = 0;
        while (!out.isFull()) {
            if (!step()) {
                finished = true;
                break;
            }
            if ((++produced & 1023) == 0) {
                ctx.checkCancelled();
            }
        }
        return out.build();
    }

    /** Emits one row into {@link #out}; false when there are no more. */
    private boolean step() {
        while (true) {
            if (state == Fetched.NONE) {
                Object[] row = fetch();
                if (row != null) {
                    sub = row;
                    Object t = row[spec.timeColumn()];
                    if (t == null) {
                        throw GapfillGrid.invalid("ts cannot be NULL");
                    }
                    subTime = GapfillGrid.toInternal(t, spec.timeType());
                    if (!multigroup && !groupsInitialized) {
                        // one group: its lookup values come with the first row
                        groupsInitialized = true;
                        captureGroupValues(row);
                    }
                    state = multigroup && isNewGroup(row) ? Fetched.NEXT_GROUP : Fetched.ONE;
                    if (state == Fetched.ONE) {
                        rowFetched(row);
                    }
                } else {
                    if (multigroup && !groupsInitialized) {
                        return false;
                    }
                    if (!groupsInitialized) {
                        groupsInitialized = true;
                        readLookupsWhenEmpty();
                    }
                    state = Fetched.LAST;
                }
            }
            if (state == Fetched.ONE && subTime < start) {
                state = Fetched.NONE;
                emitRealRow();
                return true;
            }
            if (state == Fetched.ONE && subTime == nextTime) {
                state = Fetched.NONE;
                nextTime = grid.next(nextTime);
                emitRealRow();
                return true;
            }
            if (nextTime < end) {
                emitGapRow(nextTime);
                nextTime = grid.next(nextTime);
                return true;
            }
            if (state == Fetched.ONE) {
                state = Fetched.NONE;
                emitRealRow();
                return true;
            }
            if (state == Fetched.NEXT_GROUP) {
                state = Fetched.ONE;
                nextTime = start;
                resetGroup(sub);
                continue;
            }
            return false;
        }
    }

    private Object[] fetch() {
        while (batch == null || batchRow >= batch.rowCount()) {
            if (batch != null) {
                batch.close();
                batch = null;
            }
            Batch b = sorted.next();
            if (b == null) {
                return null;
            }
            batch = b;
            batchRow = 0;
        }
        Object[] row = new Object[columns.length];
        for (int c = 0; c < row.length; c++) {
            row[c] = ArrowTypes.get(batch.column(c), batchRow, types[c]);
        }
        batchRow++;
        return row;
    }

    private void readLookupsWhenEmpty() {
        if (lookupsWhenEmpty == null) {
            return;
        }
        lookupsWhenEmpty.open(ctx);
        try {
            for (Batch next = lookupsWhenEmpty.next(); next != null; next = lookupsWhenEmpty.next()) {
                try (Batch b = next) {
                    if (b.rowCount() > 0) {
                        for (int c = 0; c < columns.length; c++) {
                            if (columns[c].kind() == GapfillColumn.Kind.LOOKUP) {
                                groupValues[c] = ArrowTypes.get(b.column(c), 0, types[c]);
                            }
                        }
                        return;
                    }
                }
            }
        } finally {
            lookupsWhenEmpty.close();
        }
    }

    private boolean isNewGroup(Object[] row) {
        if (!groupsInitialized) {
            groupsInitialized = true;
            resetGroup(row);
            return false;
        }
        for (int c = 0; c < columns.length; c++) {
            if (columns[c].kind() == GapfillColumn.Kind.GROUP && !sameValue(row[c], groupValues[c])) {
                return true;
            }
        }
        return false;
    }

    private static boolean sameValue(Object a, Object b) {
        if (a == null || b == null) {
            return a == b;
        }
        if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
            return x.compareTo(y) == 0;
        }
        if (a instanceof byte[] x && b instanceof byte[] y) {
            return Arrays.equals(x, y);
        }
        return a.equals(b);
    }

    private void captureGroupValues(Object[] row) {
        for (int c = 0; c < columns.length; c++) {
            GapfillColumn.Kind k = columns[c].kind();
            if (k == GapfillColumn.Kind.GROUP || k == GapfillColumn.Kind.LOOKUP) {
                groupValues[c] = row[c];
            }
        }
    }

    /** A new group starts with {@code row}: its group values, no carried values, the row as next sample. */
    private void resetGroup(Object[] row) {
        captureGroupValues(row);
        for (int c = 0; c < columns.length; c++) {
            switch (columns[c].kind()) {
                case LOCF -> locfValues[c] = null;
                case INTERPOLATE -> {
                    prevSamples[c] = null;
                    nextSamples[c] = row[c] == null ? null : new Sample(subTime, row[c]);
                }
                default -> {
                }
            }
        }
    }

    /** A row of the current group was read: it is the next sample for interpolation. */
    private void rowFetched(Object[] row) {
        for (int c = 0; c < columns.length; c++) {
            if (columns[c].kind() == GapfillColumn.Kind.INTERPOLATE) {
                nextSamples[c] = row[c] == null ? null : new Sample(subTime, row[c]);
            }
        }
    }

    private void emitRealRow() {
        for (int c = 0; c < columns.length; c++) {
            GapfillColumn col = columns[c];
            if (col.kind() == GapfillColumn.Kind.LOCF) {
                if (sub[c] == null && col.treatNullAsMissing()) {
                    sub[c] = locf(c, subTime);
                } else {
                    locfValues[c] = sub[c];
                }
            } else if (col.kind() == GapfillColumn.Kind.INTERPOLATE) {
                nextSamples[c] = null;
                prevSamples[c] = sub[c] == null ? null : new Sample(subTime, sub[c]);
            }
        }
        for (int c = 0; c < columns.length; c++) {
            out.set(c, sub[c]);
        }
        out.endRow();
    }

    private void emitGapRow(long time) {
        for (int c = 0; c < columns.length; c++) {
            Object v = switch (columns[c].kind()) {
                case TIME -> GapfillGrid.fromInternal(time, spec.timeType());
                case GROUP, LOOKUP -> groupValues[c];
                case LOCF -> locf(c, time);
                case INTERPOLATE -> interpolate(c, time);
                case NULL -> null;
            };
            out.set(c, v);
        }
        out.endRow();
    }

    private Object locf(int c, long time) {
        int prev = columns[c].prev();
        if (locfValues[c] == null && prev >= 0 && time == start) {
            locfValues[c] = cast(groupValues[prev], types[c]);
        }
        return locfValues[c];
    }

    private Object interpolate(int c, long time) {
        GapfillColumn col = columns[c];
        if (prevSamples[c] == null && col.prev() >= 0 && time == start) {
            prevSamples[c] = sample(col.prev(), col.prevValue(), c);
        }
        if (nextSamples[c] == null && col.next() >= 0 && (state == Fetched.LAST || state == Fetched.NEXT_GROUP)) {
            nextSamples[c] = sample(col.next(), col.nextValue(), c);
        }
        Sample p = prevSamples[c];
        Sample n = nextSamples[c];
        if (p == null || n == null) {
            return null;
        }
        return Interpolation.interpolate(types[c], time, p.time(), p.value(), n.time(), n.value());
    }

    private Sample sample(int timeCol, int valueCol, int c) {
        Object t = groupValues[timeCol];
        Object v = valueCol < 0 ? null : groupValues[valueCol];
        if (t == null || v == null) {
            return null;
        }
        return new Sample(GapfillGrid.toInternal(t, types[timeCol]), cast(v, types[c]));
    }

    /** A lookup value in the filled column's Java representation (the planner casts; this guards widening). */
    private static Object cast(Object v, SqlType t) {
        if (v == null || !(v instanceof Number n)) {
            return v;
        }
        return switch (t) {
            case INT2 -> n.shortValue();
            case INT4 -> n.intValue();
            case INT8 -> n.longValue();
            case FLOAT4 -> n.floatValue();
            case FLOAT8 -> n.doubleValue();
            default -> v;
        };
    }

    @Override
    public void close() {
        if (batch != null) {
            batch.close();
            batch = null;
        }
        if (out != null) {
            out.close();
            out = null;
        }
        sorted.close();
    }
}
