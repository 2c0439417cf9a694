package io.epochdb.exec.operator;

import io.epochdb.common.ErrorCode;
import io.epochdb.common.EpochException;
import io.epochdb.common.types.ColumnType;
import io.epochdb.common.types.Interval;
import io.epochdb.common.types.SqlType;
import io.epochdb.exec.ExecContext;
import io.epochdb.exec.agg.Accumulator;
import io.epochdb.exec.agg.Accumulators;
import io.epochdb.exec.agg.AggCall;
import io.epochdb.exec.batch.Batch;
import io.epochdb.exec.batch.KeyType;
import io.epochdb.exec.batch.RowStore;
import io.epochdb.exec.batch.Vectors;
import io.epochdb.exec.types.RowType;
import io.epochdb.storage.vector.ArrowTypes;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.arrow.vector.FieldVector;

/**
 * Computes one {@link WindowGroup}'s calls over input already sorted by partition and order keys (one batch).
 * Partitions, peer groups and frame bounds are computed once per group; aggregates over frames run cumulatively
 * (frame starts at UNBOUNDED PRECEDING), as a sliding window with add/remove (count, integer sum/avg; float
 * sum/avg only for frames wider than {@link #EXACT_FLOAT_WIDTH} rows, because PostgreSQL re-adds float frames and
 * removal may differ in the last bits), or by re-aggregating each row's frame.
 */
final class WindowPartitionEvaluator {
    static final int EXACT_FLOAT_WIDTH = 64;

    private final RowStore sortedStore;
    private final Batch sorted;
    private final RowType inType;
    private final WindowGroup group;
    private final ExecContext ctx;
    private final int n;
    private final int[] partStart;
    private final int[] partEnd;
    private final int[] peerStart;
    private final int[] peerEnd;
    private int[] frameStart;
    private int[] frameEnd;

    WindowPartitionEvaluator(RowStore sortedStore, RowType inType, WindowGroup group, ExecContext ctx) {
        this.sortedStore = sortedStore;
        this.sorted = sortedStore.batch(0);
        this.inType = inType;
        this.group = group;
        this.ctx = ctx;
        this.n = sorted.rowCount();
        partStart = new int[n];
        partEnd = new int[n];
        peerStart = new int[n];
        peerEnd = new int[n];
        List<SortKey> partKeys = new ArrayList<>();
        for (int p : group.partitionKeys()) {
            partKeys.add(new SortKey(p, false, false));
        }
        RowOrdering parts = new RowOrdering(sortedStore, partKeys, inType);
        RowOrdering peers = new RowOrdering(sortedStore, group.orderKeys(), inType);
        int ps = 0;
        for (int i = 1; i <= n; i++) {
            if (i == n || parts.compare(i - 1, i) != 0) {
                for (int j = ps; j < i; j++) {
                    partStart[j] = ps;
                    partEnd[j] = i;
                }
                ps = i;
            }
        }
        int qs = 0;
        for (int i = 1; i <= n; i++) {
            if (i == n || partStart[i] != partStart[i - 1] || peers.compare(i - 1, i) != 0) {
                for (int j = qs; j < i; j++) {
                    peerStart[j] = qs;
                    peerEnd[j] = i;
                }
                qs = i;
            }
        }
    }

    List<FieldVector> evaluate() {
        List<FieldVector> out = new ArrayList<>();
        try {
            for (WindowCall call : group.calls()) {
                ctx.checkCancelled();
                FieldVector v = Vectors.allocate(call.function(), call.resultType(), ctx.allocator(), n);
                out.add(v);
                evaluate(call, v);
                v.setValueCount(n);
            }
        } catch (RuntimeException | Error e) {
            Vectors.closeAll(out);
            throw e;
        }
        return out;
    }

    private void evaluate(WindowCall call, FieldVector out) {
        String f = call.function().toLowerCase(Locale.ROOT);
        ColumnType rt = call.resultType();
        switch (f) {
            case "row_number" -> {
                for (int i = 0; i < n; i++) {
                    setLong(out, i, i - partStart[i] + 1L, rt);
                }
            }
            case "rank" -> {
                for (int i = 0; i < n; i++) {
                    setLong(out, i, peerStart[i] - partStart[i] + 1L, rt);
                }
            }
            case "dense_rank" -> {
                long dr = 0;
                for (int i = 0; i < n; i++) {
                    if (i == partStart[i]) {
                        dr = 0;
                    }
                    if (i == peerStart[i]) {
                        dr++;
                    }
                    setLong(out, i, dr, rt);
                }
            }
            case "percent_rank" -> {
                for (int i = 0; i < n; i++) {
                    long total = partEnd[i] - partStart[i];
                    double r = total <= 1 ? 0.0 : (double) (peerStart[i] - partStart[i]) / (total - 1);
                    ArrowTypes.set(out, i, r, SqlType.FLOAT8);
                }
            }
            case "cume_dist" -> {
                for (int i = 0; i < n; i++) {
                    long total = partEnd[i] - partStart[i];
                    ArrowTypes.set(out, i, (double) (peerEnd[i] - partStart[i]) / total, SqlType.FLOAT8);
                }
            }
            case "ntile" -> ntile(call, out);
            case "lag", "lead" -> lagLead(call, out, f.equals("lead"));
            case "first_value", "last_value", "nth_value" -> {
                computeFrames();
                nthValue(call, out, f);
            }
            default -> {
                computeFrames();
                if ((f.equals("min") || f.equals("max")) && !call.distinct()
                    && group.lower().kind() != FrameBound.Kind.UNBOUNDED_PRECEDING && slidingMinMax(call, out, f.equals("max"))) {
                    return;
                }
                aggregate(call, out);
            }
        }
    }

    private static void setLong(FieldVector out, int row, long v, ColumnType t) {
        switch (t.type()) {
            case INT4 -> ArrowTypes.set(out, row, (int) v, t.type());
            case INT2 -> ArrowTypes.set(out, row, (short) v, t.type());
            case NUMERIC -> ArrowTypes.set(out, row, BigDecimal.valueOf(v), t.type());
            case FLOAT8 -> ArrowTypes.set(out, row, (double) v, t.type());
            default -> ArrowTypes.set(out, row, v, t.type());
        }
    }

    /** Copies a value into the result, converting through boxed values when the vector types differ. */
    private void copyValue(FieldVector src, int srcCol, int srcRow, FieldVector out, int outRow, ColumnType outType) {
        if (src.getMinorType() == out.getMinorType()) {
            out.copyFromSafe(srcRow, outRow, src);
            return;
        }
        Object v = ArrowTypes.get(src, srcRow, inType.type(srcCol).type());
        if (v == null) {
            ArrowTypes.setNull(out, outRow);
        } else if (v instanceof Number num && outType.type().isNumeric()) {
            switch (outType.type()) {
                case INT2 -> ArrowTypes.set(out, outRow, num.shortValue(), outType.type());
                case INT4 -> ArrowTypes.set(out, outRow, num.intValue(), outType.type());
                case INT8 -> ArrowTypes.set(out, outRow, num.longValue(), outType.type());
                case FLOAT4 -> ArrowTypes.set(out, outRow, num.floatValue(), outType.type());
                case FLOAT8 -> ArrowTypes.set(out, outRow, num.doubleValue(), outType.type());
                default -> ArrowTypes.set(out, outRow, new BigDecimal(num.toString()), outType.type());
            }
        } else {
            ArrowTypes.set(out, outRow, v, outType.type());
        }
    }

    private Long longArg(int col, int row) {
        FieldVector v = sorted.column(col);
        if (v.isNull(row)) {
            return null;
        }
        return ((Number) ArrowTypes.get(v, row, inType.type(col).type())).longValue();
    }

    /** PostgreSQL's window_ntile, ported step by step. */
    private void ntile(WindowCall call, FieldVector out) {
        int i = 0;
        while (i < n) {
            int ps = partStart[i];
            int pe = partEnd[i];
            Long nb = longArg(call.args()[0], ps);
            if (nb == null) {
                for (int j = ps; j < pe; j++) {
                    ArrowTypes.setNull(out, j);
                }
                i = pe;
                continue;
            }
            if (nb <= 0) {
                throw new EpochException(ErrorCode.INVALID_ARGUMENT_FOR_NTILE, "argument of ntile must be greater than zero");
            }
            long total = pe - ps;
            long ntile = 1;
            long rowsPerBucket = 0;
            long boundary = total / nb;
            long remainder = 0;
            if (boundary <= 0) {
                boundary = 1;
            } else {
                remainder = total % nb;
                if (remainder != 0) {
                    boundary++;
                }
            }
            for (int j = ps; j < pe; j++) {
                rowsPerBucket++;
                if (boundary < rowsPerBucket) {
                    if (remainder != 0 && ntile == remainder) {
                        remainder = 0;
                        boundary -= 1;
                    }
                    ntile++;
                    rowsPerBucket = 1;
                }
                setLong(out, j, ntile, call.resultType());
            }
            i = pe;
        }
    }

    private void lagLead(WindowCall call, FieldVector out, boolean lead) {
        int[] args = call.args();
        FieldVector value = sorted.column(args[0]);
        FieldVector dflt = args.length > 2 ? sorted.column(args[2]) : null;
        for (int i = 0; i < n; i++) {
            long off = 1;
            if (args.length > 1) {
                Long o = longArg(args[1], i);
                if (o == null) {
                    ArrowTypes.setNull(out, i);
                    continue;
                }
                off = o;
            }
            long j = lead ? i + off : i - off;
            if (j >= partStart[i] && j < partEnd[i]) {
                copyValue(value, args[0], (int) j, out, i, call.resultType());
            } else if (dflt != null) {
                copyValue(dflt, args[2], i, out, i, call.resultType());
            } else {
                ArrowTypes.setNull(out, i);
            }
        }
    }

    private void nthValue(WindowCall call, FieldVector out, String f) {
        FieldVector value = sorted.column(call.args()[0]);
        for (int i = 0; i < n; i++) {
            int s = frameStart[i];
            int e = frameEnd[i];
            long target;
            if (f.equals("first_value")) {
                target = s;
            } else if (f.equals("last_value")) {
                target = e - 1;
            } else {
                Long nth = longArg(call.args()[1], i);
                if (nth == null) {
                    ArrowTypes.setNull(out, i);
                    continue;
                }
                if (nth <= 0) {
                    throw new EpochException(ErrorCode.INVALID_ARGUMENT_FOR_NTH_VALUE,
                        "argument of nth_value must be greater than zero");
                }
                target = s + nth - 1;
            }
            if (s < e && target >= s && target < e) {
                copyValue(value, call.args()[0], (int) target, out, i, call.resultType());
            } else {
                ArrowTypes.setNull(out, i);
            }
        }
    }

    private void aggregate(WindowCall call, FieldVector out) {
        AggCall agg = new AggCall(call.function(), call.args(), call.distinct(), -1, List.of(), call.resultType());
        try (Accumulator acc = Accumulators.create(agg, inType, ctx.allocator())) {
            acc.ensureGroups(1);
            boolean cumulative = group.lower().kind() == FrameBound.Kind.UNBOUNDED_PRECEDING;
            int maxWidth = 0;
            for (int i = 0; i < n; i++) {
                maxWidth = Math.max(maxWidth, frameEnd[i] - frameStart[i]);
            }
            boolean sliding = !cumulative && acc.supportsRemove()
                && (!acc.inexactRemove() || maxWidth > EXACT_FLOAT_WIDTH);
            int cs = 0;
            int ce = 0;
            for (int i = 0; i < n; i++) {
                if ((i & 4095) == 0) {
                    ctx.checkCancelled();
                }
                int s = frameStart[i];
                int e = Math.max(frameEnd[i], s);
                boolean newPartition = i == partStart[i];
                if (cumulative) {
                    if (newPartition) {
                        acc.reset();
                        ce = s;
                    }
                    if (e > ce) {
                        acc.add(sorted, null, ce, e);
                        ce = e;
                    }
                } else if (sliding) {
                    if (newPartition || s >= ce) {
                        acc.reset();
                        cs = s;
                        ce = s;
                    }
                    if (e > ce) {
                        acc.add(sorted, null, ce, e);
                        ce = e;
                    }
                    if (s > cs) {
                        acc.remove(sorted, cs, s);
                        cs = s;
                    }
                } else {
                    acc.reset();
                    if (e > s) {
                        acc.add(sorted, null, s, e);
                    }
                }
                acc.write(0, out, i);
            }
        }
    }

    /**
     * min/max over sliding frames of integer, temporal or float values in O(n): a monotonic deque of candidate
     * rows (frame starts and ends only move forward within a partition). False when the type is not supported.
     */
    private boolean slidingMinMax(WindowCall call, FieldVector out, boolean max) {
        int col = call.args()[0];
        SqlType t = inType.type(col).type();
        KeyType kt = KeyType.of(t);
        boolean isDouble = t == SqlType.FLOAT4 || t == SqlType.FLOAT8;
        if (!kt.isLong() || t == SqlType.BOOL) {
            if (!isDouble) {
                return false;
            }
        }
        FieldVector v = sorted.column(col);
        boolean[] nulls = new boolean[n];
        long[] lv = isDouble ? null : new long[n];
        double[] dv = isDouble ? new double[n] : null;
        for (int i = 0; i < n; i++) {
            nulls[i] = v.isNull(i);
            if (!nulls[i]) {
                if (isDouble) {
                    dv[i] = t == SqlType.FLOAT4 ? v.getDataBuffer().getFloat(i * 4L) : v.getDataBuffer().getDouble(i * 8L);
                } else {
                    lv[i] = kt.longValue(v, i);
                }
            }
        }
        int[] dq = new int[n];
        int head = 0;
        int tail = 0;
        int ce = 0;
        for (int i = 0; i < n; i++) {
            int s = frameStart[i];
            int e = Math.max(frameEnd[i], s);
            if (i == partStart[i] || s >= ce) {
                head = 0;
                tail = 0;
                ce = s;
            }
            while (ce < e) {
                int j = ce++;
                if (nulls[j]) {
                    continue;
                }
                while (tail > head) {
                    int b = dq[tail - 1];
                    int c = isDouble ? KeyType.compareDouble(dv[b], dv[j]) : Long.compare(lv[b], lv[j]);
                    // drop candidates the new row beats (ties: keep the newer row, as PostgreSQL's *_larger)
                    if (max ? c <= 0 : c >= 0) {
                        tail--;
                    } else {
                        break;
                    }
                }
                dq[tail++] = j;
            }
            while (head < tail && dq[head] < s) {
                head++;
            }
            if (head == tail) {
                ArrowTypes.setNull(out, i);
            } else if (isDouble) {
                double d = dv[dq[head]];
                ArrowTypes.set(out, i, call.resultType().type() == SqlType.FLOAT4 ? (Object) (float) d : (Object) d,
                    call.resultType().type());
            } else {
                setLong(out, i, lv[dq[head]], call.resultType());
            }
        }
        return true;
    }

    // ---- frames ----

    private void computeFrames() {
        if (frameStart != null) {
            return;
        }
        frameStart = new int[n];
        frameEnd = new int[n];
        FrameBound lower = group.lower();
        FrameBound upper = group.upper();
        boolean rangeOffset = !group.rows()
            && (lower.kind() == FrameBound.Kind.PRECEDING || lower.kind() == FrameBound.Kind.FOLLOWING
                || upper.kind() == FrameBound.Kind.PRECEDING || upper.kind() == FrameBound.Kind.FOLLOWING);
        RangeKeys keys = rangeOffset ? new RangeKeys() : null;
        for (int i = 0; i < n; i++) {
            frameStart[i] = bound(lower, i, true, keys);
            frameEnd[i] = bound(upper, i, false, keys);
        }
    }

    /** Frame start (inclusive, when {@code start}) or end (exclusive) for row i, clamped to the partition. */
    private int bound(FrameBound b, int i, boolean start, RangeKeys keys) {
        int ps = partStart[i];
        int pe = partEnd[i];
        long r;
        switch (b.kind()) {
            case UNBOUNDED_PRECEDING -> r = ps;
            case UNBOUNDED_FOLLOWING -> r = pe;
            case CURRENT_ROW -> {
                if (group.rows()) {
                    r = start ? i : i + 1;
                } else {
                    r = start ? peerStart[i] : peerEnd[i];
                }
            }
            default -> {
                boolean preceding = b.kind() == FrameBound.Kind.PRECEDING;
                if (group.rows()) {
                    long off = ((Number) b.offset()).longValue();
                    if (off < 0) {
                        throw new EpochException(ErrorCode.INVALID_PRECEDING_OR_FOLLOWING_SIZE,
                            start ? "frame starting offset must not be negative" : "frame ending offset must not be negative");
                    }
                    long target = preceding ? (long) i - off : (long) i + off;
                    r = start ? target : target + 1;
                } else {
                    r = keys.rangeBound(i, b.offset(), preceding, start);
                }
            }
        }
        return (int) Math.max(ps, Math.min(pe, r));
    }

    /**
     * RANGE with offsets over a single ORDER BY key: numeric keys with numeric offsets, timestamps/dates with
     * interval offsets (month/day parts on the calendar; TIMESTAMPTZ in the session time zone). Rows with a NULL
     * key are in range only of each other.
     */
    private final class RangeKeys {
        private final SortKey key;
        private final SqlType type;
        private final long[] longs;
        private final double[] doubles;
        private final boolean[] nulls;

        RangeKeys() {
            if (group.orderKeys().size() != 1) {
                throw new EpochException(ErrorCode.SYNTAX_ERROR,
                    "RANGE with offset PRECEDING/FOLLOWING requires exactly one ORDER BY column");
            }
            key = group.orderKeys().get(0);
            type = inType.type(key.column()).type();
            FieldVector v = sorted.column(key.column());
            nulls = new boolean[n];
            KeyType kt = KeyType.of(type);
            if (kt.isLong()) {
                longs = new long[n];
                doubles = null;
                for (int i = 0; i < n; i++) {
                    nulls[i] = v.isNull(i);
                    if (!nulls[i]) {
                        longs[i] = kt.longValue(v, i);
                        if (type == SqlType.DATE) {
                            longs[i] *= Interval.MICROS_PER_DAY;
                        }
                    }
                }
            } else {
                longs = null;
                doubles = new double[n];
                for (int i = 0; i < n; i++) {
                    nulls[i] = v.isNull(i);
                    if (!nulls[i]) {
                        doubles[i] = ((Number) ArrowTypes.get(v, i, type)).doubleValue();
                    }
                }
            }
        }

        /** Compares row j's key with a bound value in sort direction (negative: j comes before the bound). */
        private int cmp(int j, long lb, double db) {
            int c = longs != null ? Long.compare(longs[j], lb) : KeyType.compareDouble(doubles[j], db);
            return key.descending() ? -c : c;
        }

        long rangeBound(int i, Object offset, boolean preceding, boolean start) {
            int ps = partStart[i];
            int pe = partEnd[i];
            if (nulls[i]) {
                return start ? peerStart[i] : peerEnd[i];
            }
            int nnStart = ps;
            int nnEnd = pe;
            while (nnStart < pe && nulls[nnStart]) {
                nnStart++;
            }
            while (nnEnd > nnStart && nulls[nnEnd - 1]) {
                nnEnd--;
            }
            // the bound value: "preceding" moves against the sort direction
            boolean subtract = preceding != key.descending();
            long lb = 0;
            double db = 0;
            if (longs != null) {
                long cur = longs[i];
                if (offset instanceof Interval iv) {
                    ZoneId zone = type == SqlType.TIMESTAMPTZ ? ctx.timeZone() : ZoneOffset.UTC;
                    lb = GenerateSeriesOperator.addInterval(cur, subtract ? iv.negate() : iv, zone);
                } else {
                    long off = type == SqlType.DATE ? ((Number) offset).longValue() * Interval.MICROS_PER_DAY
                        : ((Number) offset).longValue();
                    lb = subtract ? cur - off : cur + off;
                }
            } else {
                double off = ((Number) offset).doubleValue();
                db = subtract ? doubles[i] - off : doubles[i] + off;
            }
            // binary search within the non-null rows (sorted in key direction)
            int lo = nnStart;
            int hi = nnEnd;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                int c = cmp(mid, lb, db);
                boolean before = start ? c < 0 : c <= 0;
                if (before) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo;
        }
    }
}
