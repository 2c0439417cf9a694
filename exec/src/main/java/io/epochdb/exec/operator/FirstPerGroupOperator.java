package io.epochdb.exec.operator;

import io.epochdb.common.types.ColumnType;
import io.epochdb.exec.ExecContext;
import io.epochdb.exec.agg.GroupHashTable;
import io.epochdb.exec.batch.Batch;
import io.epochdb.exec.batch.Gather;
import io.epochdb.exec.batch.KeyType;
import io.epochdb.exec.expr.Vectors;
import io.epochdb.exec.types.RowType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.apache.arrow.vector.FieldVector;

/**
 * For each distinct value of the {@code groupKeys} columns, the one input row that comes first in the order of
 * {@code order} (ties: the first seen), in no particular output order. This is {@code DISTINCT ON (keys) ... ORDER
 * BY keys, rest} without sorting the input: "last point per series" reads the table once and keeps one row per
 * series, where a sort would order every row. The caller sorts the (few) result rows.
 *
 * <p>Per batch it finds each group's best row with one pass of comparisons inside the batch, then compares those
 * with the group's current winner; only rows that beat it are copied (gathered) into the winner store, which is
 * compacted when replaced winners pile up. Memory is proportional to the number of groups.
 */
public final class FirstPerGroupOperator implements Operator {
    private final Operator input;
    private final int[] groupKeys;
    private final List<SortKey> order;
    private ExecContext ctx;
    private GroupHashTable table;
    private KeyType[] orderTypes;
    /** Winner rows live in these batches; group g's winner is row winnerRow[g] of winnerBatch[g]. */
    private final List<Batch> store = new ArrayList<>();
    private int storedRows;
    private int[] winnerBatch = new int[0];
    private int[] winnerRow = new int[0];
    private int[] ids = new int[Batch.TARGET_ROWS];
    private int[] batchBest = new int[0];
    private int[] touched = new int[0];
    private boolean done;
    /** Batches of {@link #store} already returned (after the final compaction, one per output batch). */
    private int emitted;

    public FirstPerGroupOperator(Operator input, int[] groupKeys, List<SortKey> order) {
        this.input = Objects.requireNonNull(input, "input");
        this.groupKeys = groupKeys.clone();
        this.order = List.copyOf(order);
    }

    @Override
    public RowType rowType() {
        return input.rowType();
    }

    @Override
    public void open(ExecContext ctx) {
        this.ctx = Objects.requireNonNull(ctx, "ctx");
        List<ColumnType> types = new ArrayList<>();
        for (int k : groupKeys) {
            types.add(input.rowType().type(k));
        }
        orderTypes = new KeyType[order.size()];
        for (int i = 0; i < order.size(); i++) {
            orderTypes[i] = KeyType.of(input.rowType().type(order.get(i).column()).type());
        }
        table = new GroupHashTable(types, ctx.allocator());
        input.open(ctx);
    }

    /** Negative when row {@code ra} of {@code a} comes before row {@code rb} of {@code b} in {@link #order}. */
    private int compare(Batch a, int ra, Batch b, int rb) {
        for (int i = 0; i < order.size(); i++) {
            SortKey k = order.get(i);
            FieldVector va = a.column(k.column());
            FieldVector vb = b.column(k.column());
            boolean na = va.isNull(ra);
            boolean nb = vb.isNull(rb);
            int c;
            if (na || nb) {
                c = na == nb ? 0 : (na == k.nullsFirst() ? -1 : 1);
            } else {
                c = orderTypes[i].compare(va, ra, vb, rb);
                if (k.descending()) {
                    c = -c;
                }
            }
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    private void consume() {
        Batch next;
        while ((next = input.next()) != null) {
            try (Batch b = next) {
                ctx.checkCancelled();
                if (b.rowCount() > 0) {
                    add(b);
                }
            }
        }
        done = true;
    }

    private void add(Batch b) {
        int n = b.rowCount();
        if (ids.length < n) {
            ids = new int[n];
        }
        List<FieldVector> keys = new ArrayList<>(groupKeys.length);
        for (int k : groupKeys) {
            keys.add(b.column(k));
        }
        int before = table.groupCount();
        table.findOrInsert(keys, n, ids);
        int groups = table.groupCount();
        if (groups > winnerBatch.length) {
            int cap = Math.max(groups, winnerBatch.length * 2);
            winnerBatch = Arrays.copyOf(winnerBatch, cap);
            winnerRow = Arrays.copyOf(winnerRow, cap);
            Arrays.fill(winnerBatch, before, cap, -1);
            batchBest = Arrays.copyOf(batchBest, cap);
            touched = Arrays.copyOf(touched, cap);
        }
        // best row of each group within this batch
        int touchedCount = 0;
        for (int r = 0; r < n; r++) {
            int g = ids[r];
            int best = batchBest[g] - 1; // stored +1 so that 0 means "none in this batch"
            if (best < 0) {
                batchBest[g] = r + 1;
                touched[touchedCount++] = g;
            } else if (compare(b, r, b, best) < 0) {
                batchBest[g] = r + 1;
            }
        }
        // those that beat the current winners, as (row << 32 | group), gathered in row order
        long[] take = new long[touchedCount];
        int t = 0;
        for (int i = 0; i < touchedCount; i++) {
            int g = touched[i];
            int r = batchBest[g] - 1;
            batchBest[g] = 0;
            if (winnerBatch[g] < 0 || compare(b, r, store.get(winnerBatch[g]), winnerRow[g]) < 0) {
                take[t++] = (long) r << 32 | g;
            }
        }
        if (t == 0) {
            return;
        }
        Arrays.sort(take, 0, t);
        int[] rows = new int[t];
        for (int i = 0; i < t; i++) {
            rows[i] = (int) (take[i] >>> 32);
        }
        store.add(Vectors.select(b, rows, t, ctx.allocator()));
        storedRows += t;
        int idx = store.size() - 1;
        for (int i = 0; i < t; i++) {
            int g = (int) take[i];
            winnerBatch[g] = idx;
            winnerRow[g] = i;
        }
        if (storedRows > 4 * table.groupCount() + Batch.TARGET_ROWS) {
            compact();
        }
    }

    /** Moves the current winners into one batch per {@link Batch#TARGET_ROWS} groups and frees replaced ones. */
    private void compact() {
        int groups = table.groupCount();
        List<Batch> merged = new ArrayList<>();
        try {
            for (int from = 0; from < groups; from += Batch.TARGET_ROWS) {
                merged.add(winners(from, Math.min(groups, from + Batch.TARGET_ROWS)));
            }
        } catch (RuntimeException | Error e) {
            merged.forEach(Batch::close);
            throw e;
        }
        closeStore();
        store.addAll(merged);
        storedRows = groups;
        for (int g = 0; g < groups; g++) {
            winnerBatch[g] = g / Batch.TARGET_ROWS;
            winnerRow[g] = g % Batch.TARGET_ROWS;
        }
    }

    /** The winners of groups {@code [from, to)}, row i holding group from + i's. */
    private Batch winners(int from, int to) {
        int columns = rowType().size();
        List<FieldVector> out = new ArrayList<>(columns);
        try {
            for (int c = 0; c < columns; c++) {
                FieldVector[] sources = new FieldVector[store.size()];
                for (int s = 0; s < store.size(); s++) {
                    sources[s] = store.get(s).column(c);
                }
                out.add(Gather.gather(sources, winnerBatch, winnerRow, from, to, ctx.allocator()));
            }
        } catch (RuntimeException | Error e) {
            Vectors.closeAll(out.toArray(new FieldVector[0]));
            throw e;
        }
        return new Batch(out, to - from);
    }

    /**
     * Whether a part whose rows all have group keys among {@code values} (one text key column) and order column
     * {@code orderColumn} (an input column, a long-valued first non-key sort key, descending) at most
     * {@code partMax} cannot change any winner: every value already has a winner strictly newer. Lets the scan skip
     * older parts once every series has its latest point ("last point per series" reads the newest parts only).
     */
    public boolean cannotImprove(java.util.List<byte[]> values, int orderColumn, long partMax) {
        if (values == null || table == null || groupKeys.length != 1) {
            return false;
        }
        KeyType orderType = KeyType.of(input.rowType().type(orderColumn).type());
        try (org.apache.arrow.vector.VarCharVector probe = new org.apache.arrow.vector.VarCharVector("probe",
                ctx.allocator())) {
            probe.allocateNew();
            List<FieldVector> keys = List.of(probe);
            for (byte[] value : values) {
                probe.setSafe(0, value);
                probe.setValueCount(1);
                int g = table.find(keys, 0);
                if (g < 0 || g >= winnerBatch.length || winnerBatch[g] < 0) {
                    return false;
                }
                FieldVector t = store.get(winnerBatch[g]).column(orderColumn);
                int row = winnerRow[g];
                if (t.isNull(row) || orderType.longValue(t, row) <= partMax) {
                    return false;
                }
            }
        }
        return true;
    }

    @Override
    public Batch next() {
        ctx.checkCancelled();
        if (!done) {
            consume();
            compact();
        }
        if (emitted >= store.size()) {
            return null;
        }
        Batch b = store.get(emitted);
        store.set(emitted++, null); // handed to the caller
        return b;
    }

    private void closeStore() {
        for (Batch b : store) {
            if (b != null) {
                b.close();
            }
        }
        store.clear();
        storedRows = 0;
    }

    @Override
    public void close() {
        try {
            input.close();
        } finally {
            closeStore();
            if (table != null) {
                table.close();
                table = null;
            }
        }
    }
}
