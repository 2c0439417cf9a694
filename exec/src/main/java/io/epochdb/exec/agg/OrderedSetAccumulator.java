package io.epochdb.exec.agg;

import io.epochdb.common.types.ColumnType;
import io.epochdb.common.types.SqlType;
import io.epochdb.exec.batch.Batch;
import io.epochdb.exec.batch.KeyType;
import io.epochdb.exec.operator.SortKey;
import io.epochdb.exec.types.RowType;
import io.epochdb.storage.vector.ArrowTypes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.vector.FieldVector;

/**
 * percentile_cont, percentile_disc and mode WITHIN GROUP (ORDER BY key) over a key that fits a primitive: float
 * keys as doubles, integer and date/time keys as longs. Each group's non-null keys are appended to a growing
 * primitive array and sorted once when the result is written, so no value is boxed per row. Other key types
 * (numeric, text, interval) use {@link CollectAccumulator}.
 *
 * <p>PostgreSQL's rules (orderedsetaggs.c): NULL keys are skipped; the fraction (a direct argument, constant per
 * group) is read from the group's first row; a NULL fraction gives NULL, NULL elements of a fraction array give
 * NULL elements; a fraction outside [0, 1] is an error; a group without keys gives NULL.
 */
final class OrderedSetAccumulator extends Accumulator {
    enum Kind { CONT, DISC, MODE }

    private final Kind kind;
    private final int fractionArg;
    private final SqlType fractionType;
    private final int keyArg;
    private final SqlType keyType;
    private final boolean descending;
    private final boolean floats;
    private final KeyType longs;
    private final ColumnType resultType;
    private int[] counts = new int[16];
    private double[][] doubles;
    private long[][] longValues;
    private boolean[] fractionSeen = new boolean[16];
    private Object[] fractions = new Object[16];

    private OrderedSetAccumulator(Kind kind, int fractionArg, SqlType fractionType, SortKey key, SqlType keyType,
                                  ColumnType resultType) {
        this.kind = kind;
        this.fractionArg = fractionArg;
        this.fractionType = fractionType;
        this.keyArg = key.column();
        this.keyType = keyType;
        this.descending = key.descending();
        this.floats = keyType == SqlType.FLOAT4 || keyType == SqlType.FLOAT8;
        this.longs = floats ? null : KeyType.of(keyType);
        this.resultType = resultType;
        if (floats) {
            doubles = new double[16][];
        } else {
            longValues = new long[16][];
        }
    }

    /** The accumulator for a percentile or mode call: this one for primitive keys, else the collecting one. */
    static Accumulator create(Kind kind, AggCall call, RowType input) {
        if (call.ordering().size() == 1 && call.args().length == (kind == Kind.MODE ? 0 : 1)) {
            SortKey key = call.ordering().get(0);
            SqlType keyType = input.type(key.column()).type();
            boolean primitive = keyType == SqlType.FLOAT4 || keyType == SqlType.FLOAT8
                || (KeyType.of(keyType).isLong() && keyType != SqlType.BOOL);
            if (primitive) {
                int fractionArg = kind == Kind.MODE ? -1 : call.args()[0];
                SqlType fractionType = fractionArg < 0 ? null : input.type(fractionArg).type();
                return new OrderedSetAccumulator(kind, fractionArg, fractionType, key, keyType, call.resultType());
            }
        }
        CollectedFunction f = switch (kind) {
            case CONT -> CollectedFunction.percentile(true);
            case DISC -> CollectedFunction.percentile(false);
            case MODE -> CollectedFunction.MODE;
        };
        return new CollectAccumulator(call.args(), call.ordering(), input, f, call.resultType());
    }

    @Override
    public void ensureGroups(int groups) {
        if (groups > counts.length) {
            int size = Math.max(groups, counts.length * 2);
            counts = Arrays.copyOf(counts, size);
            fractionSeen = Arrays.copyOf(fractionSeen, size);
            fractions = Arrays.copyOf(fractions, size);
            if (floats) {
                doubles = Arrays.copyOf(doubles, size);
            } else {
                longValues = Arrays.copyOf(longValues, size);
            }
        }
    }

    @Override
    public void add(Batch batch, int[] groupIds, int from, int to) {
        FieldVector keys = batch.column(keyArg);
        FieldVector fractionVector = fractionArg < 0 ? null : batch.column(fractionArg);
        boolean hasNulls = mayHaveNulls(keys, from, to);
        for (int i = from; i < to; i++) {
            int g = group(groupIds, i);
            if (g < 0) {
                continue;
            }
            if (fractionVector != null && !fractionSeen[g]) {
                fractionSeen[g] = true;
                fractions[g] = ArrowTypes.get(fractionVector, i, fractionType);
            }
            if (hasNulls && keys.isNull(i)) {
                continue;
            }
            int n = counts[g];
            if (floats) {
                double[] a = doubles[g];
                if (a == null || n == a.length) {
                    a = doubles[g] = Arrays.copyOf(a == null ? new double[0] : a, Math.max(8, n * 2));
                }
                a[n] = keyType == SqlType.FLOAT8 ? keys.getDataBuffer().getDouble(i * 8L)
                    : keys.getDataBuffer().getFloat(i * 4L);
            } else {
                long[] a = longValues[g];
                if (a == null || n == a.length) {
                    a = longValues[g] = Arrays.copyOf(a == null ? new long[0] : a, Math.max(8, n * 2));
                }
                a[n] = longs.longValue(keys, i);
            }
            counts[g] = n + 1;
        }
    }

    @Override
    public void write(int group, FieldVector out, int row) {
        int n = counts[group];
        if (n == 0) {
            Results.writeNull(out, row);
            return;
        }
        if (floats) {
            Arrays.sort(doubles[group], 0, n);
        } else {
            Arrays.sort(longValues[group], 0, n);
        }
        if (kind == Kind.MODE) {
            Results.writeObject(out, row, mode(group, n), resultType);
            return;
        }
        Object fraction = fractions[group];
        if (fraction == null) {
            Results.writeNull(out, row);
            return;
        }
        if (fraction instanceof List<?> list) {
            List<Object> results = new ArrayList<>(list.size());
            for (Object f : list) {
                results.add(f == null ? null : percentile(group, n, fractionValue(f)));
            }
            Results.writeObject(out, row, results, resultType);
        } else {
            Results.writeObject(out, row, percentile(group, n, fractionValue(fraction)), resultType);
        }
    }

    private static double fractionValue(Object f) {
        double d = ((Number) f).doubleValue();
        if (d < 0 || d > 1 || Double.isNaN(d)) {
            throw new io.epochdb.common.EpochException(io.epochdb.common.ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE,
                "percentile value " + PgFloat.format(d) + " is not between 0 and 1");
        }
        return d;
    }

    /** The i-th key (0-based) in the call's ORDER BY direction, as a double. */
    private double doubleAt(int group, int n, long i) {
        int k = (int) (descending ? n - 1 - i : i);
        return floats ? doubles[group][k] : longValues[group][k];
    }

    /** The i-th key (0-based) in ORDER BY direction, boxed as the key type's Java value. */
    private Object valueAt(int group, int n, long i) {
        int k = (int) (descending ? n - 1 - i : i);
        if (floats) {
            double d = doubles[group][k];
            return keyType == SqlType.FLOAT4 ? (Object) (float) d : (Object) d;
        }
        long v = longValues[group][k];
        return switch (keyType) {
            case INT2 -> (short) v;
            case INT4, DATE, OID, REGCLASS, REGTYPE, REGPROC -> (int) v;
            default -> v;
        };
    }

    /** percentile_cont_final / percentile_disc_final for one fraction. */
    private Object percentile(int group, int n, double p) {
        if (kind == Kind.DISC) {
            long rownum = (long) Math.ceil(p * n);
            return valueAt(group, n, Math.max(rownum, 1) - 1);
        }
        long first = (long) Math.floor(p * (n - 1));
        long second = (long) Math.ceil(p * (n - 1));
        double lo = doubleAt(group, n, first);
        if (first == second) {
            return lo;
        }
        double hi = doubleAt(group, n, second);
        double proportion = p * (n - 1) - first;
        return lo + (hi - lo) * proportion;
    }

    /** mode_final: the most frequent key, the first one in ORDER BY direction on ties. */
    private Object mode(int group, int n) {
        long best = 0;
        int bestCount = 0;
        int run = 0;
        for (int i = 0; i < n; i++) {
            run = i > 0 && sameKey(group, n, i - 1, i) ? run + 1 : 1;
            if (run > bestCount) {
                bestCount = run;
                best = i;
            }
        }
        return valueAt(group, n, best);
    }

    private boolean sameKey(int group, int n, int i, int j) {
        if (floats) {
            return KeyType.compareDouble(doubleAt(group, n, i), doubleAt(group, n, j)) == 0;
        }
        int a = descending ? n - 1 - i : i;
        int b = descending ? n - 1 - j : j;
        return longValues[group][a] == longValues[group][b];
    }

    @Override
    public void reset() {
        Arrays.fill(counts, 0);
        Arrays.fill(fractionSeen, false);
        Arrays.fill(fractions, null);
    }
}
