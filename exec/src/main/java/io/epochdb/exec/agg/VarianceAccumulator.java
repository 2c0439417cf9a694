package io.epochdb.exec.agg;

import io.epochdb.common.types.ColumnType;
import io.epochdb.common.types.SqlType;
import io.epochdb.exec.batch.Batch;
import io.epochdb.exec.batch.KeyType;
import io.epochdb.storage.vector.ArrowTypes;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import org.apache.arrow.vector.FieldVector;

/**
 * variance/var_samp/var_pop/stddev/stddev_samp/stddev_pop. Float input follows PostgreSQL's float8_accum
 * (Youngs-Cramer: N, Sx, Sxx) bit for bit; integer input keeps exact 128-bit sums of x and x*x in two longs each,
 * numeric input BigDecimal sums, and both finish with PostgreSQL's numeric_stddev_internal scale rules.
 */
abstract class VarianceAccumulator extends ArrayStateAccumulator {
    protected final int arg;
    protected final boolean sample;
    protected final boolean variance;
    protected final ColumnType resultType;
    protected long[] n = new long[INITIAL_GROUPS];

    VarianceAccumulator(int arg, boolean sample, boolean variance, ColumnType resultType) {
        this.arg = arg;
        this.sample = sample;
        this.variance = variance;
        this.resultType = resultType;
    }

    static VarianceAccumulator create(String f, int arg, SqlType input, ColumnType resultType) {
        boolean sample = !f.endsWith("_pop");
        boolean variance = f.startsWith("var");
        if (input == SqlType.FLOAT4 || input == SqlType.FLOAT8) {
            return new Floats(arg, sample, variance, resultType, new DoubleReader(input));
        }
        if (KeyType.of(input).isLong()) {
            return new Integers(arg, sample, variance, resultType, KeyType.of(input));
        }
        return new Decimals(arg, sample, variance, resultType, input);
    }

    @Override
    final void grow(int size) {
        n = Arrays.copyOf(n, size);
        growSums(size);
    }

    abstract void growSums(int size);

    @Override
    public void reset() {
        Arrays.fill(n, 0);
    }

    /** PostgreSQL's float8_var_samp/var_pop/stddev_samp/stddev_pop finals. */
    static Double floatResult(double count, double sxx, boolean sample, boolean variance) {
        if (count == 0 || (sample && count <= 1)) {
            return null;
        }
        double v = sxx / (sample ? count - 1.0 : count);
        return variance ? v : Math.sqrt(v);
    }

    private static final class Floats extends VarianceAccumulator {
        private final DoubleReader reader;
        private double[] sx = new double[INITIAL_GROUPS];
        private double[] sxx = new double[INITIAL_GROUPS];

        Floats(int arg, boolean sample, boolean variance, ColumnType resultType, DoubleReader reader) {
            super(arg, sample, variance, resultType);
            this.reader = reader;
        }

        @Override
        void growSums(int size) {
            sx = Arrays.copyOf(sx, size);
            sxx = Arrays.copyOf(sxx, size);
        }

        @Override
        public void add(Batch batch, int[] groupIds, int from, int to) {
            FieldVector v = batch.column(arg);
            boolean hasNulls = mayHaveNulls(v, from, to);
            for (int i = from; i < to; i++) {
                int g = group(groupIds, i);
                if (g < 0 || (hasNulls && v.isNull(i))) {
                    continue;
                }
                double x = reader.get(v, i);
                double oldN = n[g];
                double newN = oldN + 1.0;
                double newSx = sx[g] + x;
                if (oldN > 0.0) {
                    double tmp = x * newN - newSx;
                    double newSxx = sxx[g] + tmp * tmp / (newN * oldN);
                    if (Double.isInfinite(newSx) || Double.isInfinite(newSxx)) {
                        // float8_accum: finite inputs with an infinite result overflow; infinite inputs give NaN
                        if (!Double.isInfinite(sx[g]) && !Double.isInfinite(x)) {
                            throw PgFloat.overflow();
                        }
                        newSxx = Double.NaN;
                    }
                    sxx[g] = newSxx;
                } else {
                    sxx[g] = Double.isNaN(x) || Double.isInfinite(x) ? Double.NaN : 0.0;
                }
                sx[g] = newSx;
                n[g]++;
            }
        }

        @Override
        public void write(int group, FieldVector out, int row) {
            Double r = floatResult(n[group], sxx[group], sample, variance);
            if (r == null) {
                Results.writeNull(out, row);
            } else {
                Results.writeDouble(out, row, r, resultType);
            }
        }

        @Override
        public void reset() {
            super.reset();
            Arrays.fill(sx, 0);
            Arrays.fill(sxx, 0);
        }
    }

    private static final class Integers extends VarianceAccumulator {
        private final KeyType reader;
        private long[] sxHi = new long[INITIAL_GROUPS];
        private long[] sxLo = new long[INITIAL_GROUPS];
        private long[] sxxHi = new long[INITIAL_GROUPS];
        private long[] sxxLo = new long[INITIAL_GROUPS];

        Integers(int arg, boolean sample, boolean variance, ColumnType resultType, KeyType reader) {
            super(arg, sample, variance, resultType);
            this.reader = reader;
        }

        @Override
        void growSums(int size) {
            sxHi = Arrays.copyOf(sxHi, size);
            sxLo = Arrays.copyOf(sxLo, size);
            sxxHi = Arrays.copyOf(sxxHi, size);
            sxxLo = Arrays.copyOf(sxxLo, size);
        }

        @Override
        public void add(Batch batch, int[] groupIds, int from, int to) {
            FieldVector v = batch.column(arg);
            boolean hasNulls = mayHaveNulls(v, from, to);
            for (int i = from; i < to; i++) {
                int g = group(groupIds, i);
                if (g < 0 || (hasNulls && v.isNull(i))) {
                    continue;
                }
                long x = reader.longValue(v, i);
                long lo = sxLo[g] + x;
                sxHi[g] += (x >> 63) + (Long.compareUnsigned(lo, sxLo[g]) < 0 ? 1 : 0);
                sxLo[g] = lo;
                long pLo = x * x;
                long pHi = Math.multiplyHigh(x, x);
                long lo2 = sxxLo[g] + pLo;
                sxxHi[g] += pHi + (Long.compareUnsigned(lo2, sxxLo[g]) < 0 ? 1 : 0);
                sxxLo[g] = lo2;
                n[g]++;
            }
        }

        private static BigDecimal big(long hi, long lo) {
            BigInteger b = BigInteger.valueOf(hi).shiftLeft(64).add(new BigInteger(Long.toUnsignedString(lo)));
            return new BigDecimal(b);
        }

        @Override
        public void write(int group, FieldVector out, int row) {
            BigDecimal r = PgNumeric.varianceOrStddev(n[group], big(sxHi[group], sxLo[group]),
                big(sxxHi[group], sxxLo[group]), sample, variance);
            Results.writeObject(out, row, r, resultType);
        }

        @Override
        public void reset() {
            super.reset();
            Arrays.fill(sxHi, 0);
            Arrays.fill(sxLo, 0);
            Arrays.fill(sxxHi, 0);
            Arrays.fill(sxxLo, 0);
        }
    }

    private static final class Decimals extends VarianceAccumulator {
        private final SqlType input;
        private BigDecimal[] sx = new BigDecimal[INITIAL_GROUPS];
        private BigDecimal[] sxx = new BigDecimal[INITIAL_GROUPS];

        Decimals(int arg, boolean sample, boolean variance, ColumnType resultType, SqlType input) {
            super(arg, sample, variance, resultType);
            this.input = input;
        }

        @Override
        void growSums(int size) {
            sx = Arrays.copyOf(sx, size);
            sxx = Arrays.copyOf(sxx, size);
        }

        @Override
        public void add(Batch batch, int[] groupIds, int from, int to) {
            FieldVector v = batch.column(arg);
            boolean hasNulls = mayHaveNulls(v, from, to);
            for (int i = from; i < to; i++) {
                int g = group(groupIds, i);
                if (g < 0 || (hasNulls && v.isNull(i))) {
                    continue;
                }
                Object o = ArrowTypes.get(v, i, input);
                BigDecimal x = o instanceof BigDecimal d ? d : new BigDecimal(o.toString());
                sx[g] = sx[g] == null ? x : sx[g].add(x);
                BigDecimal x2 = x.multiply(x);
                sxx[g] = sxx[g] == null ? x2 : sxx[g].add(x2);
                n[g]++;
            }
        }

        @Override
        public void write(int group, FieldVector out, int row) {
            if (n[group] == 0) {
                Results.writeNull(out, row);
                return;
            }
            BigDecimal r = PgNumeric.varianceOrStddev(n[group], sx[group], sxx[group], sample, variance);
            Results.writeObject(out, row, r, resultType);
        }

        @Override
        public void reset() {
            super.reset();
            Arrays.fill(sx, null);
            Arrays.fill(sxx, null);
        }
    }
}
