package io.epochdb.exec.scan;

import io.epochdb.storage.table.ColumnStats;
import io.epochdb.storage.table.RowConstraints;
import java.util.ArrayList;
import java.util.List;
import io.epochdb.storage.table.TableSnapshot;

/**
 * A scan's pushed ranges evaluated for one execution: per term, the column and the intervals (in the column's
 * storage encoding) a matching row's value must fall in. A part may match unless some term's column statistics
 * overlap none of the term's intervals.
 */
public final class PartFilter {
    /** Lets every part through (no pushed ranges). */
    public static final PartFilter ALL = new PartFilter(new int[0], new long[0][], new long[0][], false);

    private final int[] columns;
    private final long[][] lows;
    private final long[][] highs;
    private final boolean matchesNothing;
    private final RowConstraints rows;

    PartFilter(int[] columns, long[][] lows, long[][] highs, boolean matchesNothing) {
        this(columns, lows, highs, matchesNothing, List.of(), List.of());
    }

    PartFilter(int[] columns, long[][] lows, long[][] highs, boolean matchesNothing, List<RowConstraints.TextIn> texts,
               List<RowConstraints.DoubleRange> doubles) {
        this.columns = columns;
        this.lows = lows;
        this.highs = highs;
        this.matchesNothing = matchesNothing;
        List<RowConstraints.Range> ranges = new ArrayList<>();
        for (int t = 0; t < columns.length; t++) {
            ranges.add(new RowConstraints.Range(columns[t], lows[t], highs[t]));
        }
        this.rows = ranges.isEmpty() && texts.isEmpty() && doubles.isEmpty() ? RowConstraints.NONE
            : new RowConstraints(ranges, texts, doubles);
    }

    /** The same conditions row by row, for the table read (so rows outside them are never copied). */
    public RowConstraints rowConstraints() {
        return rows;
    }

    /** True when some term allows no value at all (e.g. compares with NULL): no part needs reading. */
    public boolean matchesNothing() {
        return matchesNothing;
    }

    /** True when the filter can exclude no part (no range terms; text terms act on rows only). */
    public boolean isEmpty() {
        return !matchesNothing && columns.length == 0;
    }

    /** Whether part {@code part} may hold a row satisfying every term (by its column statistics). */
    public boolean mayMatch(TableSnapshot snapshot, int part) {
        if (matchesNothing) {
            return false;
        }
        for (int t = 0; t < columns.length; t++) {
            ColumnStats stats = snapshot.columnStats(part, columns[t]);
            if (stats == null) {
                continue;
            }
            long[] lo = lows[t];
            long[] hi = highs[t];
            boolean overlaps = false;
            for (int i = 0; i < lo.length && !overlaps; i++) {
                overlaps = stats.mayOverlap(lo[i], hi[i]);
            }
            if (!overlaps) {
                return false; // also a part whose column is all NULL: comparisons with NULL are never true
            }
        }
        return true;
    }

    /** The intervals of term {@code t}, for tests and EXPLAIN: {lo, hi} pairs. */
    public long[][] intervals(int t) {
        long[][] out = new long[lows[t].length][];
        for (int i = 0; i < out.length; i++) {
            out[i] = new long[] {lows[t][i], highs[t][i]};
        }
        return out;
    }

    public int termCount() {
        return columns.length;
    }
}
