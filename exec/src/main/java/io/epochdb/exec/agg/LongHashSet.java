package io.epochdb.exec.agg;

import io.epochdb.exec.batch.KeyType;

/** Open-addressing set of longs (no boxing). */
final class LongHashSet {
    private static final long EMPTY = Long.MIN_VALUE;
    private long[] slots = new long[64];
    private boolean hasEmptyValue;
    private int size;

    LongHashSet() {
        java.util.Arrays.fill(slots, EMPTY);
    }

    /** Adds x; true when it was not there. */
    boolean add(long x) {
        if (x == EMPTY) {
            if (hasEmptyValue) {
                return false;
            }
            hasEmptyValue = true;
            return true;
        }
        int mask = slots.length - 1;
        int i = (int) KeyType.mix(x) & mask;
        while (slots[i] != EMPTY) {
            if (slots[i] == x) {
                return false;
            }
            i = (i + 1) & mask;
        }
        slots[i] = x;
        if (++size * 2 > slots.length) {
            grow();
        }
        return true;
    }

    private void grow() {
        long[] old = slots;
        slots = new long[old.length * 2];
        java.util.Arrays.fill(slots, EMPTY);
        int mask = slots.length - 1;
        for (long x : old) {
            if (x != EMPTY) {
                int i = (int) KeyType.mix(x) & mask;
                while (slots[i] != EMPTY) {
                    i = (i + 1) & mask;
                }
                slots[i] = x;
            }
        }
    }
}
