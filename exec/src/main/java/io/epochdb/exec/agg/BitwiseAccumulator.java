package io.epochdb.exec.agg;

import io.epochdb.common.types.ColumnType;
import io.epochdb.exec.batch.Batch;
import io.epochdb.exec.batch.KeyType;
import java.util.Arrays;
import org.apache.arrow.vector.FieldVector;

/** bit_and / bit_or over integer input; NULLs ignored, no rows gives NULL. */
final class BitwiseAccumulator extends ArrayStateAccumulator {
    private final int arg;
    private final boolean and;
    private final KeyType reader;
    private final ColumnType resultType;
    private long[] vals = new long[INITIAL_GROUPS];
    private boolean[] has = new boolean[INITIAL_GROUPS];

    BitwiseAccumulator(int arg, boolean and, KeyType reader, ColumnType resultType) {
        this.arg = arg;
        this.and = and;
        this.reader = reader;
        this.resultType = resultType;
    }

    @Override
    void grow(int size) {
        vals = Arrays.copyOf(vals, size);
        has = Arrays.copyOf(has, size);
    }

    @Override
    public void add(Batch batch, int[] groupIds, int from, int to) {
        FieldVector v = batch.column(arg);
        for (int i = from; i < to; i++) {
            int g = group(groupIds, i);
            if (g < 0 || v.isNull(i)) {
                continue;
            }
            long x = reader.longValue(v, i);
            if (!has[g]) {
                vals[g] = x;
                has[g] = true;
            } else {
                vals[g] = and ? vals[g] & x : vals[g] | x;
            }
        }
    }

    @Override
    public void write(int group, FieldVector out, int row) {
        if (!has[group]) {
            Results.writeNull(out, row);
        } else {
            Results.writeLong(out, row, vals[group], resultType);
        }
    }

    @Override
    public void reset() {
        Arrays.fill(has, false);
    }
}
