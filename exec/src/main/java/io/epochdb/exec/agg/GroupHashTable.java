package io.epochdb.exec.agg;

import io.epochdb.common.types.ColumnType;
import io.epochdb.exec.batch.KeyType;
import io.epochdb.exec.batch.Vectors;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;

/**
 * Maps key tuples to dense group ids 0, 1, 2, ... in order of first appearance, with SQL grouping semantics
 * (NULL equals NULL). Open addressing over an int slot array; the distinct keys themselves live in Arrow vectors
 * (row g = group g), so text and other variable-width keys cost no object per row. A single integer/temporal key
 * additionally keeps a long[] mirror and compares primitives only.
 */
public final class GroupHashTable implements AutoCloseable {
    private final List<ColumnType> keyTypes;
    private final KeyType[] ops;
    private final List<FieldVector> stored = new ArrayList<>();
    private final boolean singleLong;
    private long[] longKeys = new long[0];
    private boolean[] nullKeys = new boolean[0];
    private int[] slots;
    private int mask;
    private long[] hashes = new long[64];
    private int groups;
    /** Scratch for the bulk {@link #findOrInsert(List, int, int[])}: each row's hash. */
    private long[] rowHashes = new long[0];
    private static final long SEED = 0x2545F4914F6CDD1DL;

    public GroupHashTable(List<ColumnType> keyTypes, BufferAllocator allocator) {
        this.keyTypes = List.copyOf(Objects.requireNonNull(keyTypes, "keyTypes"));
        Objects.requireNonNull(allocator, "allocator");
        this.ops = new KeyType[keyTypes.size()];
        try {
            for (int k = 0; k < keyTypes.size(); k++) {
                ops[k] = KeyType.of(keyTypes.get(k).type());
                stored.add(Vectors.allocate("k" + k, keyTypes.get(k), allocator, 64));
            }
        } catch (RuntimeException | Error e) {
            Vectors.closeAll(stored);
            throw e;
        }
        this.singleLong = ops.length == 1 && ops[0].isLong();
        if (singleLong) {
            longKeys = new long[64];
            nullKeys = new boolean[64];
        }
        slots = new int[256];
        mask = slots.length - 1;
    }

    public int groupCount() {
        return groups;
    }

    public List<ColumnType> keyTypes() {
        return keyTypes;
    }

    /** The stored key vector for key column {@code k}; row g holds group g's key. Value count = groupCount. */
    public FieldVector storedKey(int k) {
        FieldVector v = stored.get(k);
        v.setValueCount(groups);
        return v;
    }

    /** True when any key column of the row is NULL (joins use this: NULL keys never match). */
    public static boolean anyNull(List<FieldVector> keys, int row) {
        for (FieldVector v : keys) {
            if (v.isNull(row)) {
                return true;
            }
        }
        return false;
    }

    private long hashRow(List<FieldVector> keys, int row) {
        long h = SEED;
        for (int k = 0; k < ops.length; k++) {
            FieldVector v = keys.get(k);
            long x = v.isNull(row) ? KeyType.NULL_HASH : ops[k].hash(v, row);
            h = KeyType.mix(h * 31 + x);
        }
        return h;
    }

    private boolean matches(int g, List<FieldVector> keys, int row) {
        if (singleLong) {
            FieldVector v = keys.get(0);
            boolean n = v.isNull(row);
            if (n || nullKeys[g]) {
                return n && nullKeys[g];
            }
            return longKeys[g] == ops[0].longValue(v, row);
        }
        for (int k = 0; k < ops.length; k++) {
            FieldVector v = keys.get(k);
            FieldVector s = stored.get(k);
            boolean n1 = v.isNull(row);
            boolean n2 = s.isNull(g);
            if (n1 || n2) {
                if (n1 != n2) {
                    return false;
                }
                continue;
            }
            if (!ops[k].equal(v, row, s, g)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Like {@link #find(List, int)} for probe columns whose integer widths differ from the stored keys (e.g. an
     * int4 column probing int8 keys): {@code probeOps[k]} reads probe column k. Only integer-like key types may
     * differ; their hashes agree because they hash the long value.
     */
    public int find(List<FieldVector> keys, int row, KeyType[] probeOps) {
        long h = SEED;
        for (int k = 0; k < ops.length; k++) {
            FieldVector v = keys.get(k);
            long x = v.isNull(row) ? KeyType.NULL_HASH : probeOps[k].hash(v, row);
            h = KeyType.mix(h * 31 + x);
        }
        int i = (int) h & mask;
        while (true) {
            int s = slots[i];
            if (s == 0) {
                return -1;
            }
            int g = s - 1;
            if (hashes[g] == h && matchesMixed(g, keys, row, probeOps)) {
                return g;
            }
            i = (i + 1) & mask;
        }
    }

    private boolean matchesMixed(int g, List<FieldVector> keys, int row, KeyType[] probeOps) {
        for (int k = 0; k < ops.length; k++) {
            FieldVector v = keys.get(k);
            FieldVector s = stored.get(k);
            boolean n1 = v.isNull(row);
            boolean n2 = s.isNull(g);
            if (n1 || n2) {
                if (n1 != n2) {
                    return false;
                }
                continue;
            }
            boolean eq = probeOps[k] == ops[k] ? ops[k].equal(v, row, s, g)
                : probeOps[k].longValue(v, row) == ops[k].longValue(s, g);
            if (!eq) {
                return false;
            }
        }
        return true;
    }

    /** Group id of the key at {@code row}, or -1 when that key was never inserted. */
    public int find(List<FieldVector> keys, int row) {
        long h = hashRow(keys, row);
        int i = (int) h & mask;
        while (true) {
            int s = slots[i];
            if (s == 0) {
                return -1;
            }
            int g = s - 1;
            if (hashes[g] == h && matches(g, keys, row)) {
                return g;
            }
            i = (i + 1) & mask;
        }
    }

    /** Group id of the key at {@code row}, adding a new group when it is new. */
    public int findOrInsert(List<FieldVector> keys, int row) {
        return findOrInsert(keys, row, hashRow(keys, row));
    }

    /** Fills {@code groupIds[i]} for rows {@code [0, n)}; hashes a column at a time, then probes row by row. */
    public void findOrInsert(List<FieldVector> keys, int n, int[] groupIds) {
        if (rowHashes.length < n) {
            rowHashes = new long[n]; // as large as the batches are: small queries make small batches
        }
        long[] hs = rowHashes;
        Arrays.fill(hs, 0, n, SEED);
        for (int k = 0; k < ops.length; k++) {
            ops[k].hashInto(keys.get(k), n, hs);
        }
        for (int r = 0; r < n; r++) {
            groupIds[r] = findOrInsert(keys, r, hs[r]);
        }
    }

    private int findOrInsert(List<FieldVector> keys, int row, long h) {
        int i = (int) h & mask;
        while (true) {
            int s = slots[i];
            if (s == 0) {
                int g = insert(keys, row, h);
                slots[i] = g + 1;
                if (groups * 2 > slots.length) {
                    rehash();
                }
                return g;
            }
            int g = s - 1;
            if (hashes[g] == h && matches(g, keys, row)) {
                return g;
            }
            i = (i + 1) & mask;
        }
    }

    private int insert(List<FieldVector> keys, int row, long h) {
        int g = groups;
        if (g == hashes.length) {
            hashes = Arrays.copyOf(hashes, g * 2);
        }
        hashes[g] = h;
        for (int k = 0; k < ops.length; k++) {
            stored.get(k).copyFromSafe(row, g, keys.get(k));
        }
        if (singleLong) {
            if (g == longKeys.length) {
                longKeys = Arrays.copyOf(longKeys, g * 2);
                nullKeys = Arrays.copyOf(nullKeys, g * 2);
            }
            FieldVector v = keys.get(0);
            if (v.isNull(row)) {
                nullKeys[g] = true;
            } else {
                longKeys[g] = ops[0].longValue(v, row);
            }
        }
        groups++;
        return g;
    }

    private void rehash() {
        int[] ns = new int[slots.length * 2];
        int m = ns.length - 1;
        for (int g = 0; g < groups; g++) {
            int i = (int) hashes[g] & m;
            while (ns[i] != 0) {
                i = (i + 1) & m;
            }
            ns[i] = g + 1;
        }
        slots = ns;
        mask = m;
    }

    @Override
    public void close() {
        Vectors.closeAll(stored);
        stored.clear();
    }
}
