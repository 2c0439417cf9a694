package io.epochdb.exec.agg;

import io.epochdb.common.types.ColumnType;
import io.epochdb.common.types.SqlType;
import io.epochdb.exec.batch.Batch;
import io.epochdb.exec.batch.KeyType;
import io.epochdb.storage.vector.ArrowTypes;
import java.util.Arrays;
import org.apache.arrow.vector.FieldVector;

/**
 * TimescaleDB's first(value, time) / last(value, time): the value at the earliest / latest non-null time, even
 * when that value is NULL; on equal times the first row met wins for both. Integer-like times compare as longs,
 * others through boxed values. The winning value is boxed only when it wins.
 */
final class FirstLastAccumulator extends Accumulator {
    private final int valueArg;
    private final int timeArg;
    private final boolean last;
    private final SqlType valueType;
    private final SqlType timeType;
    private final KeyType timeLongs;
    private final ColumnType resultType;
    private boolean[] has = new boolean[16];
    private long[] bestTime = new long[16];
    private Object[] bestTimeBoxed = new Object[16];
    private Object[] value = new Object[16];

    FirstLastAccumulator(int valueArg, int timeArg, boolean last, SqlType valueType, SqlType timeType,
                         ColumnType resultType) {
        this.valueArg = valueArg;
        this.timeArg = timeArg;
        this.last = last;
        this.valueType = valueType;
        this.timeType = timeType;
        KeyType kt = KeyType.of(timeType);
        this.timeLongs = kt.isLong() ? kt : null;
        this.resultType = resultType;
    }

    @Override
    public void ensureGroups(int groups) {
        if (groups > has.length) {
            int size = Math.max(groups, has.length * 2);
            has = Arrays.copyOf(has, size);
            bestTime = Arrays.copyOf(bestTime, size);
            bestTimeBoxed = Arrays.copyOf(bestTimeBoxed, size);
            value = Arrays.copyOf(value, size);
        }
    }

    @Override
    public void add(Batch batch, int[] groupIds, int from, int to) {
        FieldVector vv = batch.column(valueArg);
        FieldVector tv = batch.column(timeArg);
        for (int i = from; i < to; i++) {
            int g = group(groupIds, i);
            if (g < 0 || tv.isNull(i)) {
                continue;
            }
            boolean wins;
            if (timeLongs != null) {
                long t = timeLongs.longValue(tv, i);
                wins = !has[g] || (last ? t > bestTime[g] : t < bestTime[g]);
                if (wins) {
                    bestTime[g] = t;
                }
            } else {
                Object t = ArrowTypes.get(tv, i, timeType);
                int c = has[g] ? KeyType.compareValues(t, bestTimeBoxed[g]) : 0;
                wins = !has[g] || (last ? c > 0 : c < 0);
                if (wins) {
                    bestTimeBoxed[g] = t;
                }
            }
            if (wins) {
                has[g] = true;
                value[g] = ArrowTypes.get(vv, i, valueType);
            }
        }
    }

    @Override
    public void write(int group, FieldVector out, int row) {
        Results.writeObject(out, row, has[group] ? value[group] : null, resultType);
    }

    @Override
    public void reset() {
        Arrays.fill(has, false);
        Arrays.fill(value, null);
        Arrays.fill(bestTimeBoxed, null);
    }
}
