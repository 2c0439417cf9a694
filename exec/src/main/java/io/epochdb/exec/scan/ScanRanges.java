package io.epochdb.exec.scan;

import io.epochdb.exec.ExecContext;
import io.epochdb.exec.expr.Expr;
import io.epochdb.exec.expr.Functions;
import io.epochdb.storage.table.RowConstraints;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The predicates the planner pushed into one table scan: an AND of {@link RangeTerm}s and {@link TextTerm}s. The
 * scan keeps its exact filter above; range terms decide which parts (chunks' segments, table blocks) need reading,
 * and both kinds decide which rows of a part are copied out at all.
 *
 * @param contradiction the filter is constant FALSE or NULL (e.g. {@code x > NULL} after simplification): no part
 *     needs reading
 */
public record ScanRanges(List<RangeTerm> terms, List<TextTerm> textTerms, List<FloatTerm> floatTerms,
                         boolean contradiction) {
    public static final ScanRanges NONE = new ScanRanges(List.of());
    public static final ScanRanges NOTHING = new ScanRanges(List.of(), List.of(), List.of(), true);

    public ScanRanges {
        terms = List.copyOf(terms);
        textTerms = List.copyOf(textTerms);
        floatTerms = List.copyOf(floatTerms);
    }

    public ScanRanges(List<RangeTerm> terms) {
        this(terms, List.of(), List.of(), false);
    }

    public ScanRanges(List<RangeTerm> terms, List<TextTerm> textTerms, List<FloatTerm> floatTerms) {
        this(terms, textTerms, floatTerms, false);
    }

    public boolean isEmpty() {
        return terms.isEmpty() && textTerms.isEmpty() && floatTerms.isEmpty() && !contradiction;
    }

    /** The conjuncts as EXPLAIN shows them, joined with AND. */
    public String describe() {
        if (contradiction) {
            return "false";
        }
        return java.util.stream.Stream.of(terms.stream().map(RangeTerm::text), textTerms.stream().map(TextTerm::text),
                floatTerms.stream().map(FloatTerm::text))
            .flatMap(x -> x).collect(Collectors.joining(" AND "));
    }

    /** Evaluates the bounds with this execution's parameters, clock and time zone. */
    public PartFilter evaluate(ExecContext ctx) {
        if (contradiction) {
            return new PartFilter(new int[0], new long[0][], new long[0][], true);
        }
        if (isEmpty()) {
            return PartFilter.ALL;
        }
        List<RowConstraints.DoubleRange> doubles = new ArrayList<>();
        for (FloatTerm term : floatTerms) {
            Object v = Functions.evaluateConstant(term.value(), ctx);
            if (v == null) {
                return new PartFilter(new int[0], new long[0][], new long[0][], true); // col < NULL: never true
            }
            double x = ((Number) v).doubleValue();
            if (!Double.isNaN(x)) {
                doubles.add(RowConstraints.DoubleRange.of(term.column(), term.op().symbol(), x));
            }
        }
        List<RowConstraints.TextIn> texts = new ArrayList<>();
        for (TextTerm term : textTerms) {
            List<String> values = new ArrayList<>();
            for (Expr e : term.values()) {
                Object v = Functions.evaluateConstant(e, ctx);
                if (v != null) {
                    values.add(v.toString());
                }
            }
            if (values.isEmpty()) {
                return new PartFilter(new int[0], new long[0][], new long[0][], true); // col = NULL: never true
            }
            texts.add(new RowConstraints.TextIn(term.column(), values));
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
        return new PartFilter(columns, lows, highs, false, texts, doubles);
    }
}
