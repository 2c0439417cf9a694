package io.epochdb.storage.table;

import org.apache.arrow.vector.BaseIntVector;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.SmallIntVector;
import org.apache.arrow.vector.TimeMicroVector;
import org.apache.arrow.vector.TimeStampVector;

/**
 * Reads the columns that have min/max statistics as longs: integers as they are, timestamps in microseconds, dates
 * in days (see {@link ColumnStats}).
 */
public final class LongValues {
    private LongValues() {
    }

    /** Whether {@code v}'s values can be read with {@link #get}. */
    static boolean supported(FieldVector v) {
        return v instanceof BigIntVector || v instanceof IntVector || v instanceof SmallIntVector
            || v instanceof TimeStampVector || v instanceof DateDayVector;
    }

    /**
     * The value at a non-null {@code row} as a long: integers as they are, timestamps and times in microseconds,
     * dates in days. Also the key of long-keyed unique indexes.
     */
    public static long get(FieldVector v, int row) {
        if (v instanceof BaseIntVector b) {
            return b.getValueAsLong(row);
        }
        if (v instanceof TimeStampVector t) {
            return t.get(row);
        }
        if (v instanceof DateDayVector d) {
            return d.get(row);
        }
        if (v instanceof TimeMicroVector t) {
            return t.get(row);
        }
        throw new IllegalArgumentException("not a long-valued vector: " + v.getClass().getSimpleName());
    }

    /**
     * Widens {@code stats} ({min, max, nonNullCount}) by rows {@code [from, to)} of {@code v}.
     */
    static void accumulate(FieldVector v, int from, int to, long[] stats) {
        long min = stats[0];
        long max = stats[1];
        long count = stats[2];
        for (int r = from; r < to; r++) {
            if (!v.isNull(r)) {
                long x = get(v, r);
                if (count == 0 || x < min) {
                    min = x;
                }
                if (count == 0 || x > max) {
                    max = x;
                }
                count++;
            }
        }
        stats[0] = min;
        stats[1] = max;
        stats[2] = count;
    }
}
