package io.epochdb.exec.agg;

import io.epochdb.common.types.ColumnType;
import io.epochdb.common.types.Interval;
import io.epochdb.common.types.SqlType;
import io.epochdb.exec.batch.Batch;
import io.epochdb.storage.vector.ArrowTypes;
import java.math.BigDecimal;
import java.util.Arrays;
import org.apache.arrow.vector.FieldVector;

/** sum/avg over NUMERIC (BigDecimal per group) and INTERVAL input. */
final class ObjectSumAccumulator extends ArrayStateAccumulator {
    private final int arg;
    private final SqlType inputType;
    private final boolean avg;
    private final ColumnType resultType;
    private Object[] sums = new Object[INITIAL_GROUPS];
    private long[] counts = new long[INITIAL_GROUPS];

    ObjectSumAccumulator(int arg, SqlType inputType, boolean avg, ColumnType resultType) {
        this.arg = arg;
        this.inputType = inputType;
        this.avg = avg;
        this.resultType = resultType;
    }

    private boolean zeroWhenEmpty;

    /** Calcite's $SUM0: 0 instead of NULL when no row was added. */
    ObjectSumAccumulator zeroWhenEmpty(boolean zero) {
        this.zeroWhenEmpty = zero;
        return this;
    }

    @Override
    void grow(int size) {
        sums = Arrays.copyOf(sums, size);
        counts = Arrays.copyOf(counts, size);
    }

    @Override
    public void add(Batch batch, int[] groupIds, int from, int to) {
        FieldVector v = batch.column(arg);
        for (int i = from; i < to; i++) {
            int g = group(groupIds, i);
            if (g < 0 || v.isNull(i)) {
                continue;
            }
            Object x = ArrowTypes.get(v, i, inputType);
            sums[g] = sums[g] == null ? x : plus(sums[g], x);
            counts[g]++;
        }
    }

    private static Object plus(Object a, Object b) {
        if (a instanceof Interval x) {
            return x.plus((Interval) b);
        }
        return ((BigDecimal) a).add((BigDecimal) b);
    }

    @Override
    public void write(int group, FieldVector out, int row) {
        if (counts[group] == 0) {
            if (zeroWhenEmpty) {
                Results.writeObject(out, row, inputType == SqlType.INTERVAL ? Interval.ZERO : BigDecimal.ZERO, resultType);
            } else {
                Results.writeNull(out, row);
            }
            return;
        }
        Object s = sums[group];
        if (avg) {
            if (s instanceof Interval iv) {
                s = IntervalMath.divide(iv, counts[group]);
            } else {
                s = PgNumeric.divide((BigDecimal) s, BigDecimal.valueOf(counts[group]));
            }
        }
        Results.writeObject(out, row, s, resultType);
    }

    @Override
    public void reset() {
        Arrays.fill(sums, null);
        Arrays.fill(counts, 0);
    }
}
