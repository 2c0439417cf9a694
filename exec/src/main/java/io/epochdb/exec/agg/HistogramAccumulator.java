package io.epochdb.exec.agg;

import io.epochdb.common.ErrorCode;
import io.epochdb.common.EpochException;
import io.epochdb.common.types.SqlType;
import io.epochdb.exec.batch.Batch;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.vector.FieldVector;

/**
 * TimescaleDB's histogram(value, min, max, nbuckets): nbuckets + 2 counts (underflow, the buckets, overflow),
 * bucket numbers as PostgreSQL's width_bucket (min inclusive, a value equal to max is overflow). No rows gives
 * NULL. NULL values are ignored (TimescaleDB counts them as 0; see TIMESCALE-NOTES).
 */
final class HistogramAccumulator extends Accumulator {
    private final int[] args;
    private final DoubleReader valueReader;
    private final DoubleReader minReader;
    private final DoubleReader maxReader;
    private final DoubleReader countReader;
    private long[][] counts = new long[16][];

    HistogramAccumulator(int[] args, SqlType[] types) {
        this.args = args;
        this.valueReader = new DoubleReader(types[0]);
        this.minReader = new DoubleReader(types[1]);
        this.maxReader = new DoubleReader(types[2]);
        this.countReader = new DoubleReader(types[3]);
    }

    @Override
    public void ensureGroups(int groups) {
        if (groups > counts.length) {
            counts = Arrays.copyOf(counts, Math.max(groups, counts.length * 2));
        }
    }

    /** PostgreSQL 15's width_bucket_float8. */
    static int widthBucket(double operand, double bound1, double bound2, int count) {
        if (count <= 0) {
            throw new EpochException(ErrorCode.INVALID_ARGUMENT_FOR_WIDTH_BUCKET_FUNCTION,
                "count must be greater than zero");
        }
        if (Double.isNaN(operand) || Double.isNaN(bound1) || Double.isNaN(bound2)) {
            throw new EpochException(ErrorCode.INVALID_ARGUMENT_FOR_WIDTH_BUCKET_FUNCTION,
                "operand, lower bound, and upper bound cannot be NaN");
        }
        if (Double.isInfinite(bound1) || Double.isInfinite(bound2)) {
            throw new EpochException(ErrorCode.INVALID_ARGUMENT_FOR_WIDTH_BUCKET_FUNCTION,
                "lower and upper bounds must be finite");
        }
        int result;
        if (bound1 < bound2) {
            if (operand < bound1) {
                result = 0;
            } else if (operand >= bound2) {
                result = Math.addExact(count, 1);
            } else {
                result = (int) (((double) count * (operand - bound1) / (bound2 - bound1)) + 1);
            }
        } else if (bound1 > bound2) {
            if (operand > bound1) {
                result = 0;
            } else if (operand <= bound2) {
                result = Math.addExact(count, 1);
            } else {
                result = (int) (((double) count * (bound1 - operand) / (bound1 - bound2)) + 1);
            }
        } else {
            throw new EpochException(ErrorCode.INVALID_ARGUMENT_FOR_WIDTH_BUCKET_FUNCTION,
                "lower bound cannot equal upper bound");
        }
        return result;
    }

    @Override
    public void add(Batch batch, int[] groupIds, int from, int to) {
        FieldVector v = batch.column(args[0]);
        FieldVector lo = batch.column(args[1]);
        FieldVector hi = batch.column(args[2]);
        FieldVector nb = batch.column(args[3]);
        for (int i = from; i < to; i++) {
            int g = group(groupIds, i);
            if (g < 0 || v.isNull(i) || lo.isNull(i) || hi.isNull(i) || nb.isNull(i)) {
                continue;
            }
            int n = (int) countReader.get(nb, i);
            double min = minReader.get(lo, i);
            double max = maxReader.get(hi, i);
            if (min > max) {
                // ts_hist_sfunc checks this before width_bucket (which would accept reversed bounds), with elog
                throw new EpochException(ErrorCode.INTERNAL_ERROR, "lower bound cannot exceed upper bound");
            }
            int b = widthBucket(valueReader.get(v, i), min, max, n);
            long[] c = counts[g];
            if (c == null) {
                c = new long[n + 2];
                counts[g] = c;
            } else if (c.length != n + 2) {
                throw new EpochException(ErrorCode.INTERNAL_ERROR, "number of buckets must not change between calls");
            }
            c[b]++;
        }
    }

    @Override
    public void write(int group, FieldVector out, int row) {
        long[] c = counts[group];
        if (c == null) {
            Results.writeNull(out, row);
            return;
        }
        List<Object> list = new ArrayList<>(c.length);
        for (long x : c) {
            list.add((int) x);
        }
        Results.writeObject(out, row, list, io.epochdb.common.types.ColumnType.of(SqlType.INT4_ARRAY));
    }

    @Override
    public void reset() {
        Arrays.fill(counts, null);
    }
}
