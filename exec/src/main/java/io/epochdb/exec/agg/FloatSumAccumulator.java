package io.epochdb.exec.agg;

import io.epochdb.common.types.ColumnType;
import io.epochdb.common.types.SqlType;
import io.epochdb.exec.batch.Batch;
import java.util.Arrays;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.FieldVector;

/**
 * sum/avg over float4/float8 input. sum(real) adds in single precision and returns real, like PostgreSQL's
 * float4pl; everything else adds in double (float8_accum: avg = Sx / N).
 */
final class FloatSumAccumulator extends Accumulator {
    private final int arg;
    private final boolean singleInput;
    private final boolean avg;
    private final ColumnType resultType;
    private final boolean singleSum;
    private double[] sums = new double[16];
    private long[] counts = new long[16];

    FloatSumAccumulator(int arg, SqlType inputType, boolean avg, ColumnType resultType) {
        this.arg = arg;
        this.singleInput = inputType == SqlType.FLOAT4;
        this.avg = avg;
        this.resultType = resultType;
        this.singleSum = !avg && resultType.type() == SqlType.FLOAT4;
    }

    private boolean zeroWhenEmpty;

    /** Calcite's $SUM0: 0 instead of NULL when no row was added. */
    FloatSumAccumulator zeroWhenEmpty(boolean zero) {
        this.zeroWhenEmpty = zero;
        return this;
    }

    @Override
    public void ensureGroups(int groups) {
        if (groups > sums.length) {
            int n = Math.max(groups, sums.length * 2);
            sums = Arrays.copyOf(sums, n);
            counts = Arrays.copyOf(counts, n);
        }
    }

    @Override
    public void add(Batch batch, int[] groupIds, int from, int to) {
        FieldVector v = batch.column(arg);
        boolean hasNulls = mayHaveNulls(v, from, to);
        ArrowBuf d = v.getDataBuffer();
        double[] s = sums;
        long[] c = counts;
        for (int i = from; i < to; i++) {
            int g = group(groupIds, i);
            if (g < 0 || (hasNulls && v.isNull(i))) {
                continue;
            }
            double x = singleInput ? d.getFloat(i * 4L) : d.getDouble(i * 8L);
            s[g] = singleSum ? (float) ((float) s[g] + (float) x) : s[g] + x;
            c[g]++;
        }
    }

    /**
     * Sliding windows: PostgreSQL has no inverse transition for float sums and re-adds the frame for every row, so
     * removal can differ from it in the last bits; the window operator uses it only for wide frames.
     */
    @Override
    public boolean supportsRemove() {
        return !singleSum;
    }

    @Override
    public void remove(Batch batch, int from, int to) {
        FieldVector v = batch.column(arg);
        ArrowBuf d = v.getDataBuffer();
        for (int i = from; i < to; i++) {
            if (!v.isNull(i)) {
                double x = singleInput ? d.getFloat(i * 4L) : d.getDouble(i * 8L);
                sums[0] -= x;
                counts[0]--;
            }
        }
        if (counts[0] == 0) {
            sums[0] = 0;
        }
    }

    @Override
    public boolean inexactRemove() {
        return true;
    }

    @Override
    public void write(int group, FieldVector out, int row) {
        if (counts[group] == 0) {
            if (zeroWhenEmpty) {
                Results.writeDouble(out, row, 0.0, resultType);
            } else {
                Results.writeNull(out, row);
            }
            return;
        }
        double r = avg ? sums[group] / counts[group] : sums[group];
        Results.writeDouble(out, row, r, resultType);
    }

    @Override
    public void reset() {
        Arrays.fill(sums, 0);
        Arrays.fill(counts, 0);
    }
}
