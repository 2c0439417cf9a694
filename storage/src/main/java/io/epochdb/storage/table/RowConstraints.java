package io.epochdb.storage.table;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.SmallIntVector;
import org.apache.arrow.vector.TimeStampVector;

/**
 * Conditions a scan pushes into a table read so that only rows that may match are copied out: per integer, date or
 * timestamp column a set of closed intervals (in the column's storage encoding, see {@link ColumnStats}), and per
 * text column a set of values it must equal. Every condition must hold; NULL never matches. Ranges and text values
 * are applied exactly (the planner drops a filter they make redundant), so a column whose vector is not of the kind
 * a condition expects is an error, never a reason to keep rows; float ranges keep NaN rows (see {@link DoubleRange})
 * and so always have the exact filter above them.
 *
 * <p>Text equality uses the part's {@link TextDictionary} when it has one: the matching rows come straight from
 * its postings, as from an index, so a tag filter costs per matching row rather than per stored row.
 */
public final class RowConstraints {
    public static final RowConstraints NONE = new RowConstraints(List.of(), List.of());

    /** {@code column} lies in one of the closed intervals {@code [lows[i], highs[i]]}. */
    public record Range(int column, long[] lows, long[] highs) {
        public Range {
            if (lows.length != highs.length) {
                throw new IllegalArgumentException("lows and highs differ in length");
            }
            lows = lows.clone();
            highs = highs.clone();
        }
    }

    /** {@code column} (text) equals one of {@code values}. */
    public record TextIn(int column, List<String> values) {
        public TextIn {
            values = List.copyOf(values);
        }
    }

    /**
     * A float8 {@code column} lies in {@code [lo, hi]} (ends open when not inclusive), or is NaN: PostgreSQL orders
     * NaN above every number, so NaN rows are always kept and left to the exact filter.
     */
    public record DoubleRange(int column, double lo, boolean loInclusive, double hi, boolean hiInclusive) {
        /** {@code column <op> value} for op one of = < <= > >=. */
        public static DoubleRange of(int column, String op, double value) {
            return switch (op) {
                case "=" -> new DoubleRange(column, value, true, value, true);
                case "<" -> new DoubleRange(column, Double.NEGATIVE_INFINITY, true, value, false);
                case "<=" -> new DoubleRange(column, Double.NEGATIVE_INFINITY, true, value, true);
                case ">" -> new DoubleRange(column, value, false, Double.POSITIVE_INFINITY, true);
                case ">=" -> new DoubleRange(column, value, true, Double.POSITIVE_INFINITY, true);
                default -> throw new IllegalArgumentException("not a comparison: " + op);
            };
        }

        boolean contains(double x) {
            return (loInclusive ? x >= lo : x > lo) && (hiInclusive ? x <= hi : x < hi) || Double.isNaN(x);
        }
    }

    private final List<Range> ranges;
    private final List<DoubleRange> doubles;
    private final int[] textColumns;
    private final byte[][][] textValues;

    public RowConstraints(List<Range> ranges, List<TextIn> texts) {
        this(ranges, texts, List.of());
    }

    public RowConstraints(List<Range> ranges, List<TextIn> texts, List<DoubleRange> doubles) {
        this.ranges = List.copyOf(Objects.requireNonNull(ranges, "ranges"));
        this.doubles = List.copyOf(Objects.requireNonNull(doubles, "doubles"));
        this.textColumns = new int[texts.size()];
        this.textValues = new byte[texts.size()][][];
        for (int t = 0; t < texts.size(); t++) {
            textColumns[t] = texts.get(t).column();
            textValues[t] = texts.get(t).values().stream().distinct()
                .map(s -> s.getBytes(StandardCharsets.UTF_8)).toArray(byte[][]::new);
        }
    }

    public boolean isEmpty() {
        return ranges.isEmpty() && textColumns.length == 0 && doubles.isEmpty();
    }

    /**
     * Narrows {@code rows[0, n)} (ascending positions in the part; {@code all} when they are exactly 0..n-1 and n is
     * the part's row count; {@code rows} need not be filled then) to the rows that may match, in place; returns how many remain. {@code rows} must have
     * room for the part's row count.
     */
    int apply(PartView part, int[] rows, int n, boolean all) {
        if (all && !postingsFirst(part)) {
            for (int r = 0; r < n; r++) {
                rows[r] = r;
            }
        }
        for (int t = 0; t < textColumns.length && n > 0; t++) {
            n = applyText(part, textColumns[t], textValues[t], rows, n, all);
            all = false;
        }
        for (int t = 0; t < ranges.size() && n > 0; t++) {
            Range r = ranges.get(t);
            n = applyRange(part.column(r.column()), r.lows(), r.highs(), rows, n);
        }
        for (int t = 0; t < doubles.size() && n > 0; t++) {
            n = applyDouble(part.column(doubles.get(t).column()), doubles.get(t), rows, n);
        }
        return n;
    }

    /** True when the first text term reads its rows from a dictionary's postings, so rows 0..n-1 need no listing. */
    private boolean postingsFirst(PartView part) {
        return textColumns.length > 0 && part.column(textColumns[0]) instanceof BaseVariableWidthVector
            && part.dictionary(textColumns[0]) != null;
    }

    /**
     * Whether the rows of {@code v} may hold NULLs, without counting the whole vector's validity bits (a block's
     * 64 Ki rows) when only a few rows are looked at: for those, per-row checks are cheaper than the count.
     */
    static boolean mayHaveNulls(FieldVector v, int rowsLookedAt) {
        return rowsLookedAt < (v.getValueCount() >>> 4) || v.getNullCount() > 0;
    }

    private static int applyText(PartView part, int column, byte[][] values, int[] rows, int n, boolean all) {
        FieldVector v = part.column(column);
        if (v == null) {
            return 0; // all NULL: nothing equals
        }
        if (!(v instanceof BaseVariableWidthVector text)) {
            throw unexpected("text equality", v);
        }
        TextDictionary dict = part.dictionary(column);
        if (dict == null) {
            return scanText(text, values, rows, 0, n);
        }
        int limit = part.rowCount();
        int covered = Math.min(dict.rows(), limit);
        int[] codes = new int[values.length];
        int k = 0;
        for (byte[] value : values) {
            int c = dict.codeOf(value);
            if (c >= 0) {
                codes[k++] = c;
            }
        }
        if (all) {
            // rows is 0..n-1: take the postings of the covered rows, then compare the rows after them
            int m = 0;
            for (int i = 0; i < k; i++) {
                m = dict.copyRows(codes[i], covered, rows, m);
            }
            if (k > 1) {
                Arrays.sort(rows, 0, m);
            }
            for (int r = covered; r < n; r++) {
                rows[m++] = r;
            }
            return covered == n ? m : scanText(text, values, rows, m - (n - covered), m);
        }
        boolean[] wanted = new boolean[dict.distinctCount()];
        for (int i = 0; i < k; i++) {
            wanted[codes[i]] = true;
        }
        int[] rowCodes = dict.codes();
        int m = 0;
        int i = 0;
        for (; i < n && rows[i] < covered; i++) {
            int c = rowCodes[rows[i]];
            if (c >= 0 && wanted[c]) {
                rows[m++] = rows[i];
            }
        }
        // rows after the covered ones: compare bytes (shift them down first so scanText works in place)
        int rest = n - i;
        System.arraycopy(rows, i, rows, m, rest);
        return scanText(text, values, rows, m, m + rest);
    }

    /** Keeps the rows among {@code rows[from, to)} that equal a value, moved down to start at {@code from}. */
    private static int scanText(BaseVariableWidthVector v, byte[][] values, int[] rows, int from, int to) {
        ArrowBuf data = v.getDataBuffer();
        ArrowBuf offsets = v.getOffsetBuffer();
        boolean nulls = mayHaveNulls(v, to - from);
        int m = from;
        for (int i = from; i < to; i++) {
            int r = rows[i];
            if (nulls && v.isNull(r)) {
                continue;
            }
            int start = offsets.getInt((long) r * 4);
            int len = offsets.getInt((long) (r + 1) * 4) - start;
            for (byte[] value : values) {
                if (value.length == len && equalsAt(data, start, value)) {
                    rows[m++] = r;
                    break;
                }
            }
        }
        return m;
    }

    private static boolean equalsAt(ArrowBuf data, int start, byte[] value) {
        for (int k = 0; k < value.length; k++) {
            if (data.getByte(start + k) != value[k]) {
                return false;
            }
        }
        return true;
    }

    private static int applyRange(FieldVector v, long[] lows, long[] highs, int[] rows, int n) {
        if (v == null) {
            return 0;
        }
        int width;
        if (v instanceof BigIntVector || v instanceof TimeStampVector) {
            width = 8;
        } else if (v instanceof IntVector || v instanceof DateDayVector) {
            width = 4;
        } else if (v instanceof SmallIntVector) {
            width = 2;
        } else {
            throw unexpected("a range", v);
        }
        ArrowBuf data = ((BaseFixedWidthVector) v).getDataBuffer();
        boolean nulls = mayHaveNulls(v, n);
        int m = 0;
        if (lows.length == 1) {
            long lo = lows[0];
            long hi = highs[0];
            for (int i = 0; i < n; i++) {
                int r = rows[i];
                long x = read(data, r, width);
                if (x >= lo && x <= hi && !(nulls && v.isNull(r))) {
                    rows[m++] = r;
                }
            }
            return m;
        }
        for (int i = 0; i < n; i++) {
            int r = rows[i];
            if (nulls && v.isNull(r)) {
                continue;
            }
            long x = read(data, r, width);
            for (int k = 0; k < lows.length; k++) {
                if (x >= lows[k] && x <= highs[k]) {
                    rows[m++] = r;
                    break;
                }
            }
        }
        return m;
    }

    private static int applyDouble(FieldVector v, DoubleRange range, int[] rows, int n) {
        if (v == null) {
            return 0;
        }
        if (!(v instanceof Float8Vector)) {
            throw unexpected("a float8 range", v);
        }
        ArrowBuf data = ((Float8Vector) v).getDataBuffer();
        boolean nulls = mayHaveNulls(v, n);
        int m = 0;
        for (int i = 0; i < n; i++) {
            int r = rows[i];
            if (range.contains(data.getDouble((long) r * 8)) && !(nulls && v.isNull(r))) {
                rows[m++] = r;
            }
        }
        return m;
    }

    /** A condition the planner pushed onto a column stored otherwise than its type implies: a bug, not a miss. */
    private static IllegalStateException unexpected(String condition, FieldVector v) {
        return new IllegalStateException("cannot apply " + condition + " to column " + v.getField().getName() + " stored as "
            + v.getClass().getSimpleName());
    }

    private static long read(ArrowBuf data, int row, int width) {
        return switch (width) {
            case 8 -> data.getLong((long) row * 8);
            case 4 -> data.getInt((long) row * 4);
            default -> data.getShort((long) row * 2);
        };
    }
}
