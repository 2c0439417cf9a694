package io.epochdb.exec.agg;

import io.epochdb.exec.batch.Batch;
import io.epochdb.exec.types.RowType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;

/**
 * DISTINCT inside an aggregate: numbers argument tuples with a {@link GroupHashTable} and passes a row on only the
 * first time its (group, tuple) pair is seen.
 */
final class DistinctAccumulator extends Accumulator {
    private final Accumulator inner;
    private final int[] args;
    private final RowType input;
    private final BufferAllocator allocator;
    private GroupHashTable values;
    private LongHashSet seen = new LongHashSet();
    private int[] ids = new int[0];

    DistinctAccumulator(Accumulator inner, int[] args, RowType input, BufferAllocator allocator) {
        this.inner = inner;
        this.args = args;
        this.input = input;
        this.allocator = allocator;
    }

    private GroupHashTable values() {
        if (values == null) {
            List<io.epochdb.common.types.ColumnType> types = new ArrayList<>();
            for (int a : args) {
                types.add(input.type(a));
            }
            values = new GroupHashTable(types, allocator);
        }
        return values;
    }

    @Override
    public void ensureGroups(int groups) {
        inner.ensureGroups(groups);
    }

    @Override
    public void add(Batch batch, int[] groupIds, int from, int to) {
        if (ids.length < to) {
            ids = new int[Math.max(to, Batch.TARGET_ROWS)];
        }
        List<FieldVector> keys = new ArrayList<>(args.length);
        for (int a : args) {
            keys.add(batch.column(a));
        }
        GroupHashTable table = values();
        Arrays.fill(ids, from, to, -1);
        for (int i = from; i < to; i++) {
            int g = group(groupIds, i);
            if (g < 0) {
                continue;
            }
            int v = table.findOrInsert(keys, i);
            if (seen.add(((long) g << 32) | (v & 0xffffffffL))) {
                ids[i] = g;
            }
        }
        inner.add(batch, ids, from, to);
    }

    @Override
    public void write(int group, FieldVector out, int row) {
        inner.write(group, out, row);
    }

    @Override
    public void reset() {
        inner.reset();
        seen = new LongHashSet();
    }

    @Override
    public void close() {
        try {
            inner.close();
        } finally {
            if (values != null) {
                values.close();
                values = null;
            }
        }
    }
}
