package io.epochdb.exec.agg;

import io.epochdb.common.ErrorCode;
import io.epochdb.common.EpochException;
import io.epochdb.common.types.ColumnType;
import io.epochdb.common.types.SqlType;
import io.epochdb.exec.batch.Batch;
import io.epochdb.storage.vector.ArrowTypes;
import java.util.Arrays;
import org.apache.arrow.vector.FieldVector;

/**
 * single_value (Calcite's scalar sub-query check: a second row is 21000) and any_value (the first non-null
 * value met).
 */
final class SingleValueAccumulator extends Accumulator {
    private final int arg;
    private final SqlType type;
    private final boolean single;
    private final ColumnType resultType;
    private long[] count = new long[16];
    private Object[] value = new Object[16];

    SingleValueAccumulator(int arg, SqlType type, boolean single, ColumnType resultType) {
        this.arg = arg;
        this.type = type;
        this.single = single;
        this.resultType = resultType;
    }

    @Override
    public void ensureGroups(int groups) {
        if (groups > count.length) {
            int size = Math.max(groups, count.length * 2);
            count = Arrays.copyOf(count, size);
            value = Arrays.copyOf(value, size);
        }
    }

    @Override
    public void add(Batch batch, int[] groupIds, int from, int to) {
        FieldVector v = batch.column(arg);
        for (int i = from; i < to; i++) {
            int g = group(groupIds, i);
            if (g < 0) {
                continue;
            }
            if (single) {
                if (++count[g] > 1) {
                    throw new EpochException(ErrorCode.CARDINALITY_VIOLATION,
                        "more than one row returned by a subquery used as an expression");
                }
                value[g] = ArrowTypes.get(v, i, type);
            } else if (value[g] == null && !v.isNull(i)) {
                value[g] = ArrowTypes.get(v, i, type);
            }
        }
    }

    @Override
    public void write(int group, FieldVector out, int row) {
        Results.writeObject(out, row, value[group], resultType);
    }

    @Override
    public void reset() {
        Arrays.fill(count, 0);
        Arrays.fill(value, null);
    }
}
