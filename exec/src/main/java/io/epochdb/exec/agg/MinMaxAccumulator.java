package io.epochdb.exec.agg;

import io.epochdb.common.types.ColumnType;
import io.epochdb.common.types.SqlType;
import io.epochdb.exec.batch.Batch;
import io.epochdb.exec.batch.KeyType;
import io.epochdb.storage.vector.ArrowTypes;
import java.util.Arrays;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.FieldVector;

/**
 * min/max. Integer and temporal types keep a long per group, floats a double (NaN is the largest, as in
 * PostgreSQL), text and bytea the winning bytes (compared byte-wise: code point order), everything else the
 * winning boxed value.
 */
abstract class MinMaxAccumulator extends ArrayStateAccumulator {
    protected final int arg;
    protected final boolean max;
    protected final ColumnType resultType;
    protected boolean[] has = new boolean[INITIAL_GROUPS];

    MinMaxAccumulator(int arg, boolean max, ColumnType resultType) {
        this.arg = arg;
        this.max = max;
        this.resultType = resultType;
    }

    static MinMaxAccumulator create(int arg, boolean max, SqlType input, ColumnType resultType) {
        KeyType kt = KeyType.of(input);
        if (kt.isLong()) {
            return new Longs(arg, max, resultType, kt);
        }
        if (input == SqlType.FLOAT4 || input == SqlType.FLOAT8) {
            return new Doubles(arg, max, resultType, input == SqlType.FLOAT4);
        }
        if (input.isText() || input == SqlType.BYTEA) {
            return new Bytes(arg, max, resultType);
        }
        return new Boxed(arg, max, resultType, input);
    }

    @Override
    final void grow(int n) {
        has = Arrays.copyOf(has, n);
        growVals(n);
    }

    abstract void growVals(int n);

    @Override
    public void reset() {
        Arrays.fill(has, false);
    }

    /**
     * True when comparison c (candidate vs current) means the candidate replaces the current value. On ties the
     * newer value wins, as in PostgreSQL's *_larger/*_smaller (visible for 1.50 vs 1.5, '1 day' vs '24 hours').
     */
    protected boolean wins(int c) {
        return max ? c >= 0 : c <= 0;
    }

    private static final class Longs extends MinMaxAccumulator {
        private final KeyType reader;
        private long[] vals = new long[INITIAL_GROUPS];

        Longs(int arg, boolean max, ColumnType resultType, KeyType reader) {
            super(arg, max, resultType);
            this.reader = reader;
        }

        @Override
        void growVals(int n) {
            vals = Arrays.copyOf(vals, n);
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
                if (!has[g]) {
                    has[g] = true;
                    vals[g] = x;
                } else if (max ? x > vals[g] : x < vals[g]) {
                    vals[g] = x;
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
    }

    private static final class Doubles extends MinMaxAccumulator {
        private final boolean single;
        private double[] vals = new double[INITIAL_GROUPS];

        Doubles(int arg, boolean max, ColumnType resultType, boolean single) {
            super(arg, max, resultType);
            this.single = single;
        }

        @Override
        void growVals(int n) {
            vals = Arrays.copyOf(vals, n);
        }

        @Override
        public void add(Batch batch, int[] groupIds, int from, int to) {
            FieldVector v = batch.column(arg);
            boolean hasNulls = mayHaveNulls(v, from, to);
            ArrowBuf d = v.getDataBuffer();
            for (int i = from; i < to; i++) {
                int g = group(groupIds, i);
                if (g < 0 || (hasNulls && v.isNull(i))) {
                    continue;
                }
                double x = single ? d.getFloat(i * 4L) : d.getDouble(i * 8L);
                if (!has[g]) {
                    has[g] = true;
                    vals[g] = x;
                } else if (wins(KeyType.compareDouble(x, vals[g]))) {
                    vals[g] = x;
                }
            }
        }

        @Override
        public void write(int group, FieldVector out, int row) {
            if (!has[group]) {
                Results.writeNull(out, row);
            } else {
                Results.writeDouble(out, row, vals[group], resultType);
            }
        }
    }

    private static final class Bytes extends MinMaxAccumulator {
        private byte[][] vals = new byte[INITIAL_GROUPS][];

        Bytes(int arg, boolean max, ColumnType resultType) {
            super(arg, max, resultType);
        }

        @Override
        void growVals(int n) {
            vals = Arrays.copyOf(vals, n);
        }

        @Override
        public void add(Batch batch, int[] groupIds, int from, int to) {
            FieldVector v = batch.column(arg);
            boolean hasNulls = mayHaveNulls(v, from, to);
            ArrowBuf off = v.getOffsetBuffer();
            ArrowBuf data = v.getDataBuffer();
            for (int i = from; i < to; i++) {
                int g = group(groupIds, i);
                if (g < 0 || (hasNulls && v.isNull(i))) {
                    continue;
                }
                int s = off.getInt(i * 4L);
                int len = off.getInt(i * 4L + 4) - s;
                byte[] cur = vals[g];
                if (!has[g] || wins(compare(data, s, len, cur))) {
                    byte[] b = new byte[len];
                    data.getBytes(s, b);
                    vals[g] = b;
                    has[g] = true;
                }
            }
        }

        private static int compare(ArrowBuf data, int s, int len, byte[] cur) {
            int n = Math.min(len, cur.length);
            for (int k = 0; k < n; k++) {
                int x = data.getByte(s + k) & 0xff;
                int y = cur[k] & 0xff;
                if (x != y) {
                    return x - y;
                }
            }
            return Integer.compare(len, cur.length);
        }

        @Override
        public void write(int group, FieldVector out, int row) {
            if (!has[group]) {
                Results.writeNull(out, row);
            } else if (out instanceof org.apache.arrow.vector.BaseVariableWidthVector w) {
                w.setSafe(row, vals[group]);
            }
        }

        @Override
        public void reset() {
            super.reset();
            Arrays.fill(vals, null);
        }
    }

    private static final class Boxed extends MinMaxAccumulator {
        private final SqlType input;
        private Object[] vals = new Object[INITIAL_GROUPS];

        Boxed(int arg, boolean max, ColumnType resultType, SqlType input) {
            super(arg, max, resultType);
            this.input = input;
        }

        @Override
        void growVals(int n) {
            vals = Arrays.copyOf(vals, n);
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
                Object x = ArrowTypes.get(v, i, input);
                if (!has[g] || wins(KeyType.compareValues(x, vals[g]))) {
                    vals[g] = x;
                    has[g] = true;
                }
            }
        }

        @Override
        public void write(int group, FieldVector out, int row) {
            Results.writeObject(out, row, has[group] ? vals[group] : null, resultType);
        }

        @Override
        public void reset() {
            super.reset();
            Arrays.fill(vals, null);
        }
    }
}
