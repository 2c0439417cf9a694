package io.epochdb.exec.operator;

/**
 * Stable LSD radix sort of row numbers by 64-bit keys that order as unsigned numbers (see {@link #sortableLong},
 * {@link #sortableDouble}), 16 bits per pass, skipping passes where every key has the same digit (the high bits
 * of timestamps, small integers). Several keys are sorted least significant first; stability makes that a
 * lexicographic sort. O(n) per pass instead of O(n log n) comparisons.
 */
final class RadixSort {
    private RadixSort() {
    }

    /** Order-preserving map of a signed long to an unsigned-ordered long (descending flips it). */
    static long sortableLong(long v, boolean descending) {
        long u = v ^ Long.MIN_VALUE;
        return descending ? ~u : u;
    }

    /** PostgreSQL float order (-0 = 0, NaN above everything) as an unsigned-ordered long. */
    static long sortableDouble(double d, boolean descending) {
        if (d == 0.0) {
            d = 0.0;
        }
        long bits = Double.isNaN(d) ? 0x7ff8000000000000L : Double.doubleToLongBits(d);
        long u = bits < 0 ? ~bits : bits ^ Long.MIN_VALUE;
        return descending ? ~u : u;
    }

    /**
     * Reorders {@code perm} (row numbers) by the keys, most significant key first in {@code keysByRow}; each
     * {@code keysByRow[k][row]} is already in sortable form.
     */
    static void sort(int[] perm, long[][] keysByRow) {
        int n = perm.length;
        int[] p = perm;
        int[] p2 = new int[n];
        long[] k = new long[n];
        long[] k2 = new long[n];
        int[] count = new int[65537];
        for (int key = keysByRow.length - 1; key >= 0; key--) {
            long[] src = keysByRow[key];
            for (int i = 0; i < n; i++) {
                k[i] = src[p[i]];
            }
            for (int shift = 0; shift < 64; shift += 16) {
                java.util.Arrays.fill(count, 0);
                for (int i = 0; i < n; i++) {
                    count[(int) ((k[i] >>> shift) & 0xFFFF) + 1]++;
                }
                boolean trivial = false;
                for (int d = 1; d <= 65536; d++) {
                    if (count[d] == n) {
                        trivial = true;
                        break;
                    }
                    if (count[d] != 0) {
                        break;
                    }
                }
                if (trivial) {
                    continue;
                }
                for (int d = 0; d < 65536; d++) {
                    count[d + 1] += count[d];
                }
                for (int i = 0; i < n; i++) {
                    int d = (int) ((k[i] >>> shift) & 0xFFFF);
                    int pos = count[d]++;
                    p2[pos] = p[i];
                    k2[pos] = k[i];
                }
                int[] tp = p;
                p = p2;
                p2 = tp;
                long[] tk = k;
                k = k2;
                k2 = tk;
            }
        }
        if (p != perm) {
            System.arraycopy(p, 0, perm, 0, n);
        }
    }
}
