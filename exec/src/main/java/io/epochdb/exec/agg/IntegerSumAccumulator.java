package io.epochdb.exec.agg;

import io.epochdb.common.types.ColumnType;
import io.epochdb.exec.batch.Batch;
import io.epochdb.exec.batch.KeyType;
import java.math.BigDecimal;
import java.util.Arrays;
import org.apache.arrow.vector.FieldVector;

/**
 * sum/avg over integer input in a long per group; when a sum overflows, the excess moves into a BigDecimal for that
 * group only (sum(int8) is NUMERIC in PostgreSQL, so it must not fail). avg divides with PostgreSQL's scale rule.
 */
final class IntegerSumAccumulator extends Accumulator {
    private final int arg;
    private final KeyType reader;
    private final boolean avg;
    private final ColumnType resultType;
    private long[] sums = new long[16];
    private long[] counts = new long[16];
    private BigDecimal[] overflow;

    IntegerSumAccumulator(int arg, KeyType reader, boolean avg, ColumnType resultType) {
        this.arg = arg;
        this.reader = reader;
        this.avg = avg;
        this.resultType = resultType;
    }

    private boolean zeroWhenEmpty;

    /** Calcite's $SUM0: 0 instead of NULL when no row was added. */
    IntegerSumAccumulator zeroWhenEmpty(boolean zero) {
        this.zeroWhenEmpty = zero;
        return this;
    }

    @Override
    public void ensureGroups(int groups) {
        if (groups > sums.length) {
            int n = Math.max(groups, sums.length * 2);
            sums = Arrays.copyOf(sums, n);
            counts = Arrays.copyOf(counts, n);
            if (overflow != null) {
                overflow = Arrays.copyOf(overflow, n);
            }
        }
    }

    @Override
    public void add(Batch batch, int[] groupIds, int from, int to) {
        FieldVector v = batch.column(arg);
        boolean hasNulls = mayHaveNulls(v, from, to);
        long[] s = sums;
        long[] c = counts;
        for (int i = from; i < to; i++) {
            int g = group(groupIds, i);
            if (g < 0 || (hasNulls && v.isNull(i))) {
                continue;
            }
            long x = reader.longValue(v, i);
            long old = s[g];
            long r = old + x;
            if (((old ^ r) & (x ^ r)) < 0) {
                spill(g, old, x);
                r = 0;
            }
            s[g] = r;
            c[g]++;
        }
    }

    @Override
    public boolean supportsRemove() {
        return true;
    }

    @Override
    public void remove(Batch batch, int from, int to) {
        FieldVector v = batch.column(arg);
        for (int i = from; i < to; i++) {
            if (!v.isNull(i)) {
                remove(reader.longValue(v, i), 0);
            }
        }
    }

    private void remove(long x, int g) {
        long old = sums[g];
        long r = old - x;
        if (((old ^ x) & (old ^ r)) < 0) {
            spill(g, old, -x);
            r = 0;
        }
        sums[g] = r;
        counts[g]--;
    }

    private void spill(int g, long a, long b) {
        if (overflow == null) {
            overflow = new BigDecimal[sums.length];
        }
        BigDecimal add = BigDecimal.valueOf(a).add(BigDecimal.valueOf(b));
        overflow[g] = overflow[g] == null ? add : overflow[g].add(add);
    }

    BigDecimal total(int g) {
        BigDecimal t = BigDecimal.valueOf(sums[g]);
        return overflow != null && overflow[g] != null ? overflow[g].add(t) : t;
    }

    @Override
    public void write(int group, FieldVector out, int row) {
        if (counts[group] == 0) {
            if (zeroWhenEmpty) {
                Results.writeLong(out, row, 0, resultType);
            } else {
                Results.writeNull(out, row);
            }
            return;
        }
        if (avg) {
            Results.writeDecimal(out, row, PgNumeric.divide(total(group), BigDecimal.valueOf(counts[group])), resultType);
        } else if (overflow == null || overflow[group] == null) {
            Results.writeLong(out, row, sums[group], resultType);
        } else {
            Results.writeDecimal(out, row, total(group), resultType);
        }
    }

    @Override
    public void reset() {
        Arrays.fill(sums, 0);
        Arrays.fill(counts, 0);
        overflow = null;
    }
}
