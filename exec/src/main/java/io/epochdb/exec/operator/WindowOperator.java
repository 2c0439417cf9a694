package io.epochdb.exec.operator;

import io.epochdb.exec.ExecContext;
import io.epochdb.exec.batch.Batch;
import io.epochdb.exec.batch.Gather;
import io.epochdb.exec.batch.RowStore;
import io.epochdb.exec.batch.Vectors;
import io.epochdb.exec.types.RowType;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.arrow.vector.FieldVector;

/**
 * Window functions. Output: every input column, then each group's calls in order. The input is materialized;
 * for each {@link WindowGroup} the rows are sorted by partition keys then order keys into one sorted copy, and
 * {@link WindowPartitionEvaluator} computes each call into a result vector in that order. Rows come out in the
 * last group's partition+order order (as PostgreSQL does without an outer ORDER BY).
 */
public final class WindowOperator implements Operator {
    private final Operator input;
    private final List<WindowGroup> groups;
    private final RowType rowType;
    private ExecContext ctx;
    private RowStore store;
    private boolean computed;
    /** Sorted copy of the input in the last group's order. */
    private RowStore outputBase;
    private int[] lastPerm;
    /** Per group: result vectors (in that group's sorted order). */
    private final List<List<FieldVector>> results = new ArrayList<>();
    /** Per group (except the last): original row -> position in that group's order. */
    private final List<int[]> inverse = new ArrayList<>();
    private int pos;
    private int rowCount;

    public WindowOperator(Operator input, List<WindowGroup> groups, RowType rowType) {
        this.input = Objects.requireNonNull(input, "input");
        this.groups = List.copyOf(Objects.requireNonNull(groups, "groups"));
        this.rowType = Objects.requireNonNull(rowType, "rowType");
    }

    @Override
    public RowType rowType() {
        return rowType;
    }

    @Override
    public void open(ExecContext ctx) {
        this.ctx = Objects.requireNonNull(ctx, "ctx");
        store = new RowStore();
        computed = false;
        pos = 0;
        input.open(ctx);
    }

    private void compute() {
        computed = true;
        Batch b;
        while ((b = input.next()) != null) {
            store.add(b);
            ctx.checkCancelled();
        }
        rowCount = store.rowCount();
        if (rowCount == 0) {
            return;
        }
        RowType inType = input.rowType();
        for (int gi = 0; gi < groups.size(); gi++) {
            WindowGroup group = groups.get(gi);
            List<SortKey> keys = new ArrayList<>();
            for (int p : group.partitionKeys()) {
                keys.add(new SortKey(p, false, false));
            }
            keys.addAll(group.orderKeys());
            int[] perm = new RowOrdering(store, keys, inType).sortedRows();
            RowStore sorted = new RowStore();
            try {
                sorted.add(gather(perm));
                ctx.checkCancelled();
                results.add(new WindowPartitionEvaluator(sorted, inType, group, ctx).evaluate());
            } catch (RuntimeException | Error e) {
                sorted.close();
                throw e;
            }
            if (gi == groups.size() - 1) {
                outputBase = sorted;
                lastPerm = perm;
            } else {
                sorted.close();
                int[] inv = new int[rowCount];
                for (int p = 0; p < rowCount; p++) {
                    inv[perm[p]] = p;
                }
                inverse.add(inv);
            }
        }
        if (groups.isEmpty()) {
            int[] perm = new int[rowCount];
            for (int i = 0; i < rowCount; i++) {
                perm[i] = i;
            }
            outputBase = new RowStore();
            outputBase.add(gather(perm));
            lastPerm = perm;
        }
        store.close();
    }

    /** All input columns in {@code perm} order, as one batch. */
    private Batch gather(int[] perm) {
        int n = perm.length;
        int[] batchOf = new int[n];
        int[] local = new int[n];
        store.locate(perm, 0, n, batchOf, local);
        return store.gather(batchOf, local, 0, n, ctx.allocator());
    }

    @Override
    public Batch next() {
        ctx.checkCancelled();
        if (!computed) {
            compute();
        }
        if (pos >= rowCount) {
            return null;
        }
        Batch base = outputBase.batch(0);
        int to = Math.min(rowCount, pos + Batch.TARGET_ROWS);
        int n = to - pos;
        int[] identity = new int[n];
        for (int i = 0; i < n; i++) {
            identity[i] = pos + i;
        }
        List<FieldVector> cols = new ArrayList<>(rowType.size());
        try {
            for (FieldVector v : base.columns()) {
                cols.add(Gather.select(v, identity, n, ctx.allocator()));
            }
            for (int gi = 0; gi < results.size(); gi++) {
                int[] rows = identity;
                if (gi < results.size() - 1) {
                    int[] inv = inverse.get(gi);
                    rows = new int[n];
                    for (int i = 0; i < n; i++) {
                        rows[i] = inv[lastPerm[pos + i]];
                    }
                }
                for (FieldVector v : results.get(gi)) {
                    cols.add(Gather.select(v, rows, n, ctx.allocator()));
                }
            }
        } catch (RuntimeException | Error e) {
            Vectors.closeAll(cols);
            throw e;
        }
        pos = to;
        return new Batch(cols, n);
    }

    @Override
    public void close() {
        try {
            input.close();
        } finally {
            if (store != null) {
                store.close();
            }
            if (outputBase != null) {
                outputBase.close();
                outputBase = null;
            }
            for (List<FieldVector> r : results) {
                Vectors.closeAll(r);
            }
            results.clear();
            inverse.clear();
        }
    }
}
