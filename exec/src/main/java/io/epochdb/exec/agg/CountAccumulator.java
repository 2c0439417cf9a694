package io.epochdb.exec.agg;

import io.epochdb.exec.batch.Batch;
import java.util.Arrays;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;

/** count(*) (arg -1) and count(x) (non-null x only). */
final class CountAccumulator extends Accumulator {
    private final int arg;
    private long[] counts = new long[16];

    CountAccumulator(int arg) {
        this.arg = arg;
    }

    @Override
    public void ensureGroups(int groups) {
        if (groups > counts.length) {
            counts = Arrays.copyOf(counts, Math.max(groups, counts.length * 2));
        }
    }

    @Override
    public void add(Batch batch, int[] groupIds, int from, int to) {
        long[] c = counts;
        if (arg < 0) {
            if (groupIds == null) {
                c[0] += to - from;
                return;
            }
            for (int i = from; i < to; i++) {
                int g = groupIds[i];
                if (g >= 0) {
                    c[g]++;
                }
            }
            return;
        }
        FieldVector v = batch.column(arg);
        boolean hasNulls = mayHaveNulls(v, from, to);
        for (int i = from; i < to; i++) {
            int g = group(groupIds, i);
            if (g >= 0 && !(hasNulls && v.isNull(i))) {
                c[g]++;
            }
        }
    }

    @Override
    public boolean supportsRemove() {
        return true;
    }

    @Override
    public void remove(Batch batch, int from, int to) {
        if (arg < 0) {
            counts[0] -= to - from;
            return;
        }
        FieldVector v = batch.column(arg);
        for (int i = from; i < to; i++) {
            if (!v.isNull(i)) {
                counts[0]--;
            }
        }
    }

    long count(int group) {
        return counts[group];
    }

    @Override
    public void write(int group, FieldVector out, int row) {
        ((BigIntVector) out).setSafe(row, counts[group]);
    }

    @Override
    public void reset() {
        Arrays.fill(counts, 0);
    }
}
