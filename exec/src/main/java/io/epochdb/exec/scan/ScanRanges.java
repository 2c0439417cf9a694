package io.epochdb.exec.scan;

import io.epochdb.exec.ExecContext;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The range predicates the planner pushed into one table scan: an AND of {@link RangeTerm}s. The scan keeps its
 * exact filter above; these only decide which parts (chunks' segments, table blocks) need reading.
 *
 * @param contradiction the filter is constant FALSE or NULL (e.g. {@code x > NULL} after simplification): no part
 *     needs reading
 */
public record ScanRanges(List<RangeTerm> terms, boolean contradiction) {
    public static final ScanRanges NONE = new ScanRanges(List.of());
    public static final ScanRanges NOTHING = new ScanRanges(List.of(), true);

    public ScanRanges {
        terms = List.copyOf(terms);
    }

    public ScanRanges(List<RangeTerm> terms) {
        this(terms, false);
    }

    public boolean isEmpty() {
        return terms.isEmpty() && !contradiction;
    }

    /** The conjuncts as EXPLAIN shows them, joined with AND. */
    public String describe() {
        return contradiction ? "false" : terms.stream().map(RangeTerm::text).collect(Collectors.joining(" AND "));
    }

    /** Evaluates the bounds with this execution's parameters, clock and time zone. */
    public PartFilter evaluate(ExecContext ctx) {
        if (contradiction) {
            return new PartFilter(new int[0], new long[0][], new long[0][], true);
        }
        if (terms.isEmpty()) {
            return PartFilter.ALL;
        }
        int[] columns = new int[terms.size()];
        long[][] lows = new long[terms.size()][];
        long[][] highs = new long[terms.size()][];
        for (int t = 0; t < terms.size(); t++) {
            RangeTerm term = terms.get(t);
            columns[t] = term.column();
            List<long[]> intervals = new ArrayList<>();
            for (List<RangeBound> alternative : term.alternatives()) {
                long lo = Long.MIN_VALUE;
                long hi = Long.MAX_VALUE;
                for (RangeBound b : alternative) {
                    long[] iv = BoundMath.interval(b, term.columnType(), ctx);
                    if (iv == null) {
                        lo = 1;
                        hi = 0;
                        break;
                    }
                    lo = Math.max(lo, iv[0]);
                    hi = Math.min(hi, iv[1]);
                }
                if (lo <= hi) {
                    intervals.add(new long[] {lo, hi});
                }
            }
            if (intervals.isEmpty()) {
                return new PartFilter(new int[0], new long[0][], new long[0][], true);
            }
            lows[t] = intervals.stream().mapToLong(iv -> iv[0]).toArray();
            highs[t] = intervals.stream().mapToLong(iv -> iv[1]).toArray();
        }
        return new PartFilter(columns, lows, highs, false);
    }
}
