package io.epochdb.exec.operator;

import io.epochdb.exec.ExecContext;
import io.epochdb.exec.agg.GroupHashTable;
import io.epochdb.exec.batch.Batch;
import io.epochdb.exec.batch.BatchBuilder;
import io.epochdb.exec.types.RowType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.apache.arrow.vector.FieldVector;

/**
 * INTERSECT [ALL] and EXCEPT [ALL] over two or more inputs, folded left to right, with grouping semantics (NULL
 * equals NULL). Counts each distinct row per input in a {@link GroupHashTable}; a row is output
 * {@code min(counts)} times (INTERSECT ALL), {@code max(0, c0 - sum(others))} times (EXCEPT ALL), or once when
 * the DISTINCT form keeps it.
 */
public final class SetOpOperator implements Operator {
    private final SetOpKind kind;
    private final boolean all;
    private final List<Operator> inputs;
    private final RowType rowType;
    private ExecContext ctx;
    private GroupHashTable table;
    private long[][] counts;
    private boolean consumed;
    private int outGroup;
    private long outRepeat;
    private FieldVector[] stored;

    public SetOpOperator(SetOpKind kind, boolean all, List<Operator> inputs, RowType rowType) {
        this.kind = Objects.requireNonNull(kind, "kind");
        this.all = all;
        this.inputs = List.copyOf(Objects.requireNonNull(inputs, "inputs"));
        this.rowType = Objects.requireNonNull(rowType, "rowType");
        if (this.inputs.isEmpty()) {
            throw new IllegalArgumentException("no inputs");
        }
    }

    @Override
    public RowType rowType() {
        return rowType;
    }

    @Override
    public void open(ExecContext ctx) {
        this.ctx = Objects.requireNonNull(ctx, "ctx");
        List<io.epochdb.common.types.ColumnType> types = new ArrayList<>();
        for (RowType.Field f : rowType.fields()) {
            types.add(f.type());
        }
        table = new GroupHashTable(types, ctx.allocator());
        counts = new long[inputs.size()][16];
        consumed = false;
        outGroup = 0;
        outRepeat = -1;
        stored = null;
        for (Operator in : inputs) {
            in.open(ctx);
        }
    }

    private void consume() {
        for (int i = 0; i < inputs.size(); i++) {
            Operator in = inputs.get(i);
            while (true) {
                Batch next = in.next();
                if (next == null) {
                    break;
                }
                try (Batch b = next) {
                    ctx.checkCancelled();
                    List<FieldVector> cols = b.columns();
                    for (int r = 0; r < b.rowCount(); r++) {
                        int g = i == 0 ? table.findOrInsert(cols, r) : table.find(cols, r);
                        if (g < 0) {
                            continue;
                        }
                        if (g >= counts[i].length) {
                            for (int k = 0; k < counts.length; k++) {
                                counts[k] = Arrays.copyOf(counts[k], Math.max(g + 1, counts[k].length * 2));
                            }
                        }
                        counts[i][g]++;
                    }
                }
            }
            in.close();
        }
        consumed = true;
    }

    private long outputCount(int g) {
        long c0 = counts[0][g];
        if (kind == SetOpKind.INTERSECT) {
            long m = c0;
            for (int i = 1; i < counts.length; i++) {
                m = Math.min(m, counts[i][g]);
            }
            return all ? m : Math.min(m, 1);
        }
        long rest = 0;
        for (int i = 1; i < counts.length; i++) {
            rest += counts[i][g];
        }
        if (all) {
            return Math.max(0, c0 - rest);
        }
        return c0 > 0 && rest == 0 ? 1 : 0;
    }

    @Override
    public Batch next() {
        ctx.checkCancelled();
        if (!consumed) {
            consume();
        }
        int groups = table.groupCount();
        try (BatchBuilder bb = new BatchBuilder(rowType, ctx.allocator())) {
            while (outGroup < groups && !bb.isFull()) {
                if (outRepeat < 0) {
                    outRepeat = outputCount(outGroup);
                }
                if (outRepeat == 0) {
                    outGroup++;
                    outRepeat = -1;
                    continue;
                }
                if (stored == null) {
                    stored = new FieldVector[rowType.size()];
                    for (int c = 0; c < stored.length; c++) {
                        stored[c] = table.storedKey(c);
                    }
                }
                for (int c = 0; c < rowType.size(); c++) {
                    bb.copy(c, stored[c], outGroup);
                }
                bb.endRow();
                outRepeat--;
            }
            return bb.build();
        }
    }

    @Override
    public void close() {
        RuntimeException first = null;
        for (Operator in : inputs) {
            try {
                in.close();
            } catch (RuntimeException e) {
                if (first == null) {
                    first = e;
                }
            }
        }
        if (table != null) {
            table.close();
            table = null;
        }
        if (first != null) {
            throw first;
        }
    }
}
