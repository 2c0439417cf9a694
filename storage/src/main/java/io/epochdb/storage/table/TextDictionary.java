package io.epochdb.storage.table;

import java.util.Arrays;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BaseVariableWidthVector;

/**
 * The distinct values of one text column in the first {@link #rows()} rows of one block (rows are never changed
 * once appended, so it stays valid while the block grows): a code per row and, per code, the ascending positions
 * of its rows. Built once on first use and kept with the block, it answers
 * {@code col = 'x'} and {@code col IN (...)} with the matching rows directly (the role PostgreSQL's index on the
 * tag plays in TSBS), and gives aggregation a small integer per tag value. Columns with more than
 * {@link #MAX_DISTINCT} distinct values in a block get none (a high-cardinality column gains little from it).
 *
 * <p>Values are not copied: codes refer to the first row holding each value in the block's own vector, which
 * lives as long as the block.
 */
public final class TextDictionary {
    public static final int MAX_DISTINCT = 4096;
    /** Code of a NULL row. */
    public static final int NULL_CODE = -1;

    private final BaseVariableWidthVector vector;
    private final int[] codes;
    private final int[] firstRow;
    private final int distinct;
    private final boolean anyNull;
    private final int[] slots;
    private final long[] hashes;
    /** Rows of code c are {@code postings[postingStart[c] .. postingStart[c + 1])}, ascending. */
    private final int[] postingStart;
    private final int[] postings;

    private TextDictionary(BaseVariableWidthVector vector, int[] codes, int[] firstRow, long[] hashes, int distinct,
                           int[] slots) {
        this.vector = vector;
        this.codes = codes;
        this.firstRow = firstRow;
        this.hashes = hashes;
        this.distinct = distinct;
        this.slots = slots;
        boolean nulls = false;
        for (int c : codes) {
            nulls |= c == NULL_CODE;
        }
        this.anyNull = nulls;
        this.postingStart = new int[distinct + 1];
        for (int c : codes) {
            if (c >= 0) {
                postingStart[c + 1]++;
            }
        }
        for (int c = 0; c < distinct; c++) {
            postingStart[c + 1] += postingStart[c];
        }
        int[] fill = Arrays.copyOf(postingStart, distinct);
        this.postings = new int[postingStart[distinct]];
        for (int r = 0; r < codes.length; r++) {
            int c = codes[r];
            if (c >= 0) {
                postings[fill[c]++] = r;
            }
        }
    }

    /** Dictionary of rows {@code [0, rows)} of {@code v}, or null when it has more than {@link #MAX_DISTINCT} values. */
    static TextDictionary build(BaseVariableWidthVector v, int rows) {
        int[] codes = new int[rows];
        int[] slots = new int[MAX_DISTINCT * 4];
        int mask = slots.length - 1;
        int[] firstRow = new int[64];
        long[] hashes = new long[64];
        int distinct = 0;
        ArrowBuf data = v.getDataBuffer();
        ArrowBuf offsets = v.getOffsetBuffer();
        for (int r = 0; r < rows; r++) {
            if (v.isNull(r)) {
                codes[r] = NULL_CODE;
                continue;
            }
            int start = offsets.getInt((long) r * 4);
            int end = offsets.getInt((long) (r + 1) * 4);
            long h = hash(data, start, end);
            int i = (int) h & mask;
            int code;
            while (true) {
                int s = slots[i];
                if (s == 0) {
                    if (distinct == MAX_DISTINCT) {
                        return null;
                    }
                    if (distinct == firstRow.length) {
                        firstRow = Arrays.copyOf(firstRow, distinct * 2);
                        hashes = Arrays.copyOf(hashes, distinct * 2);
                    }
                    code = distinct++;
                    firstRow[code] = r;
                    hashes[code] = h;
                    slots[i] = code + 1;
                    break;
                }
                int c = s - 1;
                if (hashes[c] == h && sameBytes(data, offsets, firstRow[c], start, end)) {
                    code = c;
                    break;
                }
                i = (i + 1) & mask;
            }
            codes[r] = code;
        }
        return new TextDictionary(v, codes, firstRow, hashes, distinct, slots);
    }

    private static boolean sameBytes(ArrowBuf data, ArrowBuf offsets, int row, int start, int end) {
        int s = offsets.getInt((long) row * 4);
        int e = offsets.getInt((long) (row + 1) * 4);
        if (e - s != end - start) {
            return false;
        }
        for (int k = 0; k < end - start; k++) {
            if (data.getByte(s + k) != data.getByte(start + k)) {
                return false;
            }
        }
        return true;
    }

    /** Hash of bytes {@code [start, end)} of {@code data}; equal to {@link #hash(byte[])} of the same bytes. */
    static long hash(ArrowBuf data, int start, int end) {
        long h = 0x9E3779B97F4A7C15L;
        for (int k = start; k < end; k++) {
            h = (h ^ data.getByte(k)) * 0x100000001B3L;
        }
        return mix(h);
    }

    static long hash(byte[] value) {
        long h = 0x9E3779B97F4A7C15L;
        for (byte b : value) {
            h = (h ^ b) * 0x100000001B3L;
        }
        return mix(h);
    }

    private static long mix(long h) {
        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        return h ^ (h >>> 29);
    }

    /** The code of {@code value} (UTF-8 bytes), or -1 when no row of the block holds it. */
    public int codeOf(byte[] value) {
        long h = hash(value);
        int mask = slots.length - 1;
        int i = (int) h & mask;
        ArrowBuf data = vector.getDataBuffer();
        ArrowBuf offsets = vector.getOffsetBuffer();
        while (true) {
            int s = slots[i];
            if (s == 0) {
                return -1;
            }
            int c = s - 1;
            if (hashes[c] == h) {
                int row = firstRow[c];
                int start = offsets.getInt((long) row * 4);
                int end = offsets.getInt((long) (row + 1) * 4);
                if (end - start == value.length && equalsAt(data, start, value)) {
                    return c;
                }
            }
            i = (i + 1) & mask;
        }
    }

    private static boolean equalsAt(ArrowBuf data, int start, byte[] value) {
        for (int k = 0; k < value.length; k++) {
            if (data.getByte(start + k) != value[k]) {
                return false;
            }
        }
        return true;
    }

    /** Whether some covered row is NULL. */
    public boolean anyNull() {
        return anyNull;
    }

    /** The UTF-8 bytes of {@code code}'s value. */
    public byte[] value(int code) {
        int row = firstRow[code];
        int start = vector.getOffsetBuffer().getInt((long) row * 4);
        int end = vector.getOffsetBuffer().getInt((long) (row + 1) * 4);
        byte[] out = new byte[end - start];
        vector.getDataBuffer().getBytes(start, out);
        return out;
    }

    public int distinctCount() {
        return distinct;
    }

    /** Code of each row ({@link #NULL_CODE} for NULL); do not modify. */
    public int[] codes() {
        return codes;
    }

    /** A row holding the value of {@code code} (its first). */
    public int firstRow(int code) {
        return firstRow[code];
    }

    /** How many rows hold {@code code}. */
    public int rowCount(int code) {
        return postingStart[code + 1] - postingStart[code];
    }

    /** Rows covered: {@code [0, rows())}. */
    public int rows() {
        return codes.length;
    }

    /**
     * Copies the ascending positions below {@code limit} of {@code code}'s rows into {@code out} at {@code at};
     * returns the position after the last one copied.
     */
    public int copyRows(int code, int limit, int[] out, int at) {
        int from = postingStart[code];
        int to = postingStart[code + 1];
        if (limit < codes.length) {
            int end = Arrays.binarySearch(postings, from, to, limit);
            to = end >= 0 ? end : -end - 1;
        }
        System.arraycopy(postings, from, out, at, to - from);
        return at + to - from;
    }

    /** Whether this dictionary was built over {@code v} (a replaced vector needs a new one). */
    boolean covers(Object v) {
        return v == vector;
    }
}
