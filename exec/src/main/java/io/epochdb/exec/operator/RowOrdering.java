package io.epochdb.exec.operator;

import io.epochdb.common.types.SqlType;
import io.epochdb.exec.batch.KeyType;
import io.epochdb.exec.batch.RowStore;
import io.epochdb.exec.types.RowType;
import io.epochdb.storage.vector.ArrowTypes;
import java.util.List;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.FieldVector;

/**
 * Compares rows of a {@link RowStore} (by global row number) on a list of sort keys. Integer/temporal and float
 * keys are copied into primitive arrays once; other keys (text, numeric, interval, arrays) compare in place
 * through {@link KeyType} (text in byte-wise UTF-8 order, i.e. Unicode code points: the C collation).
 */
final class RowOrdering implements IntSorter.IntComparator {
    private final int n;
    private final int keyCount;
    private final boolean[] desc;
    private final boolean[] nullsFirst;
    private final boolean[][] nulls;
    private final long[][] longs;
    private final double[][] doubles;
    private final KeyType[] generic;
    private final Object[][] objects;
    private final int[] columns;
    private final RowStore store;
    private int[] batchOf;
    private int[] localRow;

    RowOrdering(RowStore store, List<SortKey> keys, RowType rowType) {
        this.store = store;
        this.n = store.rowCount();
        this.keyCount = keys.size();
        desc = new boolean[keyCount];
        nullsFirst = new boolean[keyCount];
        nulls = new boolean[keyCount][];
        longs = new long[keyCount][];
        doubles = new double[keyCount][];
        generic = new KeyType[keyCount];
        objects = new Object[keyCount][];
        columns = new int[keyCount];
        for (int k = 0; k < keyCount; k++) {
            SortKey key = keys.get(k);
            desc[k] = key.descending();
            nullsFirst[k] = key.nullsFirst();
            columns[k] = key.column();
            SqlType t = rowType.type(key.column()).type();
            KeyType kt = KeyType.of(t);
            boolean[] nl = new boolean[n];
            nulls[k] = nl;
            if (kt.isLong()) {
                long[] vals = new long[n];
                forEach(key.column(), (v, local, global) -> {
                    if (v.isNull(local)) {
                        nl[global] = true;
                    } else {
                        vals[global] = kt.longValue(v, local);
                    }
                });
                longs[k] = vals;
            } else if (t == SqlType.FLOAT8 || t == SqlType.FLOAT4) {
                double[] vals = new double[n];
                boolean single = t == SqlType.FLOAT4;
                forEach(key.column(), (v, local, global) -> {
                    if (v.isNull(local)) {
                        nl[global] = true;
                    } else {
                        ArrowBuf d = v.getDataBuffer();
                        vals[global] = single ? d.getFloat(local * 4L) : d.getDouble(local * 8L);
                    }
                });
                doubles[k] = vals;
            } else if (t == SqlType.NUMERIC || t == SqlType.INTERVAL || t.isArray()) {
                // compared boxed: box once here instead of on every comparison
                Object[] vals = new Object[n];
                forEach(key.column(), (v, local, global) -> {
                    if (v.isNull(local)) {
                        nl[global] = true;
                    } else {
                        vals[global] = ArrowTypes.get(v, local, t);
                    }
                });
                objects[k] = vals;
            } else {
                generic[k] = kt;
                forEach(key.column(), (v, local, global) -> nl[global] = v.isNull(local));
                ensureLocations();
            }
        }
    }

    private interface Visitor {
        void visit(FieldVector v, int local, int global);
    }

    private void forEach(int col, Visitor visitor) {
        for (int b = 0; b < store.batchCount(); b++) {
            FieldVector v = store.batch(b).column(col);
            int base = store.batchStart(b);
            int rows = store.batch(b).rowCount();
            for (int i = 0; i < rows; i++) {
                visitor.visit(v, i, base + i);
            }
        }
    }

    private void ensureLocations() {
        if (batchOf != null) {
            return;
        }
        batchOf = new int[n];
        localRow = new int[n];
        for (int b = 0; b < store.batchCount(); b++) {
            int base = store.batchStart(b);
            int rows = store.batch(b).rowCount();
            for (int i = 0; i < rows; i++) {
                batchOf[base + i] = b;
                localRow[base + i] = i;
            }
        }
    }

    @Override
    public int compare(int a, int b) {
        for (int k = 0; k < keyCount; k++) {
            boolean na = nulls[k][a];
            boolean nb = nulls[k][b];
            if (na || nb) {
                if (na == nb) {
                    continue;
                }
                return na == nullsFirst[k] ? -1 : 1;
            }
            int c;
            if (longs[k] != null) {
                c = Long.compare(longs[k][a], longs[k][b]);
            } else if (doubles[k] != null) {
                c = KeyType.compareDouble(doubles[k][a], doubles[k][b]);
            } else if (objects[k] != null) {
                c = KeyType.compareValues(objects[k][a], objects[k][b]);
            } else {
                FieldVector va = store.batch(batchOf[a]).column(columns[k]);
                FieldVector vb = store.batch(batchOf[b]).column(columns[k]);
                c = generic[k].compare(va, localRow[a], vb, localRow[b]);
            }
            if (c != 0) {
                return desc[k] ? -c : c;
            }
        }
        return 0;
    }

    /** Whether rows a and b are equal on every key (peers). */
    boolean peers(int a, int b) {
        return compare(a, b) == 0;
    }

    /** Sorted permutation of all rows. */
    int[] sortedRows() {
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) {
            perm[i] = i;
        }
        if (n >= RADIX_MIN_ROWS && radixSortable()) {
            long[][] keys = new long[keyCount][];
            for (int k = 0; k < keyCount; k++) {
                long[] out = new long[n];
                if (longs[k] != null) {
                    long[] x = longs[k];
                    for (int i = 0; i < n; i++) {
                        out[i] = RadixSort.sortableLong(x[i], desc[k]);
                    }
                } else {
                    double[] x = doubles[k];
                    for (int i = 0; i < n; i++) {
                        out[i] = RadixSort.sortableDouble(x[i], desc[k]);
                    }
                }
                keys[k] = out;
            }
            RadixSort.sort(perm, keys);
            return perm;
        }
        IntSorter.sort(perm, 0, n, fastComparator());
        return perm;
    }

    private static final int RADIX_MIN_ROWS = 2048;

    /** Integer/temporal/float keys without NULLs. */
    private boolean radixSortable() {
        if (keyCount == 0) {
            return false;
        }
        for (int k = 0; k < keyCount; k++) {
            if ((longs[k] == null && doubles[k] == null) || hasNulls(k)) {
                return false;
            }
        }
        return true;
    }

    private boolean hasNulls(int k) {
        for (boolean b : nulls[k]) {
            if (b) {
                return true;
            }
        }
        return false;
    }

    /**
     * The same order as {@link #compare}, specialised for the common shapes (one or two integer/temporal keys
     * without NULLs, one float key without NULLs) so the sort's inner loop is a couple of array reads.
     */
    private IntSorter.IntComparator fastComparator() {
        boolean allLongNoNulls = keyCount > 0;
        for (int k = 0; k < keyCount; k++) {
            if (longs[k] == null || hasNulls(k)) {
                allLongNoNulls = false;
            }
        }
        if (allLongNoNulls && keyCount == 1) {
            long[] x = longs[0];
            return desc[0] ? (a, b) -> Long.compare(x[b], x[a]) : (a, b) -> Long.compare(x[a], x[b]);
        }
        if (allLongNoNulls && keyCount == 2) {
            long[] x = longs[0];
            long[] y = longs[1];
            int sx = desc[0] ? -1 : 1;
            int sy = desc[1] ? -1 : 1;
            return (a, b) -> {
                int c = Long.compare(x[a], x[b]);
                return c != 0 ? c * sx : Long.compare(y[a], y[b]) * sy;
            };
        }
        if (keyCount == 1 && doubles[0] != null && !hasNulls(0)) {
            double[] x = doubles[0];
            return desc[0] ? (a, b) -> KeyType.compareDouble(x[b], x[a]) : (a, b) -> KeyType.compareDouble(x[a], x[b]);
        }
        return this;
    }
}
