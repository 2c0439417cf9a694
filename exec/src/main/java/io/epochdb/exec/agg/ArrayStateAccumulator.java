package io.epochdb.exec.agg;

/**
 * An accumulator whose per-group state lives in arrays that all start with room for {@link #INITIAL_GROUPS} groups
 * and grow together: to twice their size, or to the asked number of groups when that is more.
 */
abstract class ArrayStateAccumulator extends Accumulator {
    /** Length every per-group array starts with. */
    static final int INITIAL_GROUPS = 16;

    private int capacity = INITIAL_GROUPS;

    @Override
    public final void ensureGroups(int groups) {
        if (groups > capacity) {
            capacity = Math.max(groups, capacity * 2);
            grow(capacity);
        }
    }

    /** Resizes every per-group array to {@code size} groups, keeping their contents. */
    abstract void grow(int size);
}
