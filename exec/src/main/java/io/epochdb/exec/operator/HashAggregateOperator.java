package io.epochdb.exec.operator;

import io.epochdb.common.types.ColumnType;
import io.epochdb.exec.ExecContext;
import io.epochdb.exec.agg.Accumulator;
import io.epochdb.exec.agg.Accumulators;
import io.epochdb.exec.agg.AggCall;
import io.epochdb.exec.agg.GroupHashTable;
import io.epochdb.exec.batch.Batch;
import io.epochdb.exec.batch.BatchBuilder;
import io.epochdb.exec.types.RowType;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;

/**
 * GROUP BY with aggregates, including GROUPING SETS / ROLLUP / CUBE (Calcite's Aggregate semantics). Output: the
 * group key columns in {@code groupKeys} order (NULL when not in the row's grouping set), then one column per call.
 * A grouping set without keys always yields exactly one row (count 0, sum NULL on empty input); a set with keys
 * yields one row per distinct key tuple. Each grouping set has its own {@link GroupHashTable} (dense group ids)
 * and per-call accumulators with per-group primitive state.
 */
public final class HashAggregateOperator implements Operator {
    private final Operator input;
    private final int[] groupKeys;
    private final List<int[]> groupingSets;
    private final List<AggCall> calls;
    private final RowType rowType;
    private ExecContext ctx;
    private List<SetState> sets;
    private boolean consumed;
    private int outSet;
    private int outGroup;
    private int[] filtered = new int[0];
    private EarlyStop earlyStop;

    /** Decides, after each input batch, whether the rest of the input can still change the rows the consumer keeps. */
    @FunctionalInterface
    public interface EarlyStop {
        /** True to stop reading the input now (the groups so far are the result). */
        boolean enough(HashAggregateOperator aggregate);
    }

    public HashAggregateOperator(Operator input, int[] groupKeys, List<int[]> groupingSets, List<AggCall> calls,
                                 RowType rowType) {
        this.input = Objects.requireNonNull(input, "input");
        this.groupKeys = Objects.requireNonNull(groupKeys, "groupKeys").clone();
        this.groupingSets = groupingSets == null ? List.of(this.groupKeys.clone()) : List.copyOf(groupingSets);
        this.calls = List.copyOf(Objects.requireNonNull(calls, "calls"));
        this.rowType = Objects.requireNonNull(rowType, "rowType");
    }

    /** State of one grouping set: its key columns (input indexes), hash table and accumulators. */
    private final class SetState implements AutoCloseable {
        final int[] keys;
        final GroupHashTable table;
        final Accumulator[] accs;
        int[] ids = new int[0]; // grown to the batch size in add()
        /** For each output key column (groupKeys order): the stored key vector, or null when not in this set. */
        FieldVector[] outputKeys;

        SetState(int[] keys) {
            this.keys = keys.clone();
            RowType in = input.rowType();
            List<ColumnType> types = new ArrayList<>();
            for (int k : keys) {
                types.add(in.type(k));
            }
            accs = new Accumulator[calls.size()];
            GroupHashTable t = keys.length == 0 ? null : new GroupHashTable(types, ctx.allocator());
            table = t;
            try {
                for (int c = 0; c < calls.size(); c++) {
                    if (!isGrouping(calls.get(c))) {
                        accs[c] = Accumulators.create(calls.get(c), in, ctx.allocator());
                        accs[c].ensureGroups(1);
                    }
                }
            } catch (RuntimeException | Error e) {
                close();
                throw e;
            }
        }

        int groupCount() {
            return table == null ? 1 : table.groupCount();
        }

        void add(Batch b) {
            int n = b.rowCount();
            int[] gids = null;
            if (table != null) {
                if (ids.length < n) {
                    ids = new int[n];
                }
                List<FieldVector> kv = new ArrayList<>(keys.length);
                for (int k : keys) {
                    kv.add(b.column(k));
                }
                table.findOrInsert(kv, n, ids);
                gids = ids;
            }
            int groups = groupCount();
            for (int c = 0; c < accs.length; c++) {
                Accumulator acc = accs[c];
                if (acc == null) {
                    continue;
                }
                acc.ensureGroups(groups);
                int filterArg = calls.get(c).filterArg();
                if (filterArg < 0) {
                    acc.add(b, gids, 0, n);
                } else {
                    if (filtered.length < n) {
                        filtered = new int[n];
                    }
                    BitVector f = (BitVector) b.column(filterArg);
                    for (int i = 0; i < n; i++) {
                        boolean keep = !f.isNull(i) && f.get(i) != 0;
                        filtered[i] = keep ? (gids == null ? 0 : gids[i]) : -1;
                    }
                    acc.add(b, filtered, 0, n);
                }
            }
        }

        @Override
        public void close() {
            for (Accumulator a : accs) {
                if (a != null) {
                    a.close();
                }
            }
            if (table != null) {
                table.close();
            }
        }
    }

    private static boolean isGrouping(AggCall c) {
        String f = c.function().toLowerCase(java.util.Locale.ROOT);
        return f.equals("grouping") || f.equals("grouping_id");
    }

    @Override
    public RowType rowType() {
        return rowType;
    }

    @Override
    public void open(ExecContext ctx) {
        this.ctx = Objects.requireNonNull(ctx, "ctx");
        consumed = false;
        outSet = 0;
        outGroup = 0;
        sets = new ArrayList<>();
        try {
            for (int[] s : groupingSets) {
                sets.add(new SetState(s));
            }
        } catch (RuntimeException | Error e) {
            closeSets();
            throw e;
        }
        input.open(ctx);
    }

    /**
     * Lets a consumer end the input early, asked after each batch (which is then aggregated on this thread, so the
     * groups it looks at are up to date). Only for a single grouping set. Call before {@link #open}.
     */
    public void stopEarlyWhen(EarlyStop stop) {
        if (groupingSets.size() != 1) {
            throw new IllegalStateException("early stop needs a single grouping set");
        }
        this.earlyStop = stop;
    }

    /** How many groups there are so far. */
    public int groupCount() {
        return sets.get(0).groupCount();
    }

    /** The values of GROUP BY key {@code k} (position among the keys), one per group so far, in group order. */
    public FieldVector groupKeyValues(int k) {
        return sets.get(0).table.storedKey(k);
    }

    /** After this many batches inline, the rest is aggregated on a second thread (input keeps this one). */
    private static final int INLINE_BATCHES = 8;

    private void consume() {
        int seen = 0;
        BackgroundConsumer background = null;
        try {
            while (true) {
                ctx.checkCancelled();
                Batch next = input.next();
                if (next == null) {
                    break;
                }
                if (next.rowCount() == 0) {
                    next.close();
                    continue;
                }
                if (background == null && earlyStop == null && BackgroundConsumer.ENABLED && ++seen > INLINE_BATCHES) {
                    background = new BackgroundConsumer(this::aggregate);
                }
                if (background != null) {
                    background.accept(next);
                } else {
                    try (Batch b = next) {
                        aggregate(b);
                    }
                    if (earlyStop != null && earlyStop.enough(this)) {
                        break; // the unread input is released when the plan closes
                    }
                }
            }
            if (background != null) {
                background.finish();
            }
        } finally {
            if (background != null) {
                background.close();
            }
        }
        consumed = true;
    }

    private void aggregate(Batch b) {
        for (SetState s : sets) {
            s.add(b);
        }
    }

    @Override
    public Batch next() {
        ctx.checkCancelled();
        if (!consumed) {
            consume();
        }
        try (BatchBuilder bb = new BatchBuilder(rowType, ctx.allocator())) {
            while (outSet < sets.size() && !bb.isFull()) {
                SetState s = sets.get(outSet);
                if (outGroup >= s.groupCount()) {
                    outSet++;
                    outGroup = 0;
                    continue;
                }
                writeRow(s, outGroup++, bb);
            }
            return bb.build();
        }
    }

    private void writeRow(SetState s, int g, BatchBuilder bb) {
        if (s.outputKeys == null) {
            s.outputKeys = new FieldVector[groupKeys.length];
            for (int k = 0; k < groupKeys.length; k++) {
                int pos = indexOf(s.keys, groupKeys[k]);
                s.outputKeys[k] = pos < 0 ? null : s.table.storedKey(pos);
            }
        }
        for (int k = 0; k < groupKeys.length; k++) {
            if (s.outputKeys[k] == null) {
                bb.setNull(k);
            } else {
                bb.copy(k, s.outputKeys[k], g);
            }
        }
        int row = bb.rowCount();
        for (int c = 0; c < calls.size(); c++) {
            int col = groupKeys.length + c;
            AggCall call = calls.get(c);
            if (s.accs[c] == null) {
                bb.set(col, groupingValue(call, s.keys));
            } else {
                s.accs[c].write(g, bb.vector(col), row);
            }
        }
        bb.endRow();
    }

    private static Object groupingValue(AggCall call, int[] setKeys) {
        long mask = 0;
        for (int a : call.args()) {
            mask = (mask << 1) | (indexOf(setKeys, a) < 0 ? 1 : 0);
        }
        return boxInteger(mask, call.resultType());
    }

    private static int indexOf(int[] a, int x) {
        for (int i = 0; i < a.length; i++) {
            if (a[i] == x) {
                return i;
            }
        }
        return -1;
    }

    private void closeSets() {
        if (sets != null) {
            for (SetState s : sets) {
                s.close();
            }
            sets = null;
        }
    }

    @Override
    public void close() {
        try {
            input.close();
        } finally {
            closeSets();
        }
    }

    /** Boxes an integral value as the Java class of the result type. */
    private static Object boxInteger(long v, ColumnType t) {
        return switch (t.type()) {
            case INT2 -> (short) v;
            case INT4 -> (int) v;
            case NUMERIC -> java.math.BigDecimal.valueOf(v);
            default -> v;
        };
    }
}
