package io.epochdb.exec.agg;

import io.epochdb.exec.batch.Batch;
import org.apache.arrow.vector.FieldVector;

/**
 * State of one aggregate function for many groups (dense ids 0..n-1), in per-group primitive arrays where the
 * function allows. Used by the hash aggregate (many groups) and by window frames (group 0 only).
 *
 * <p>Hot loops skip the per-row null test when the vector has no nulls; because counting nulls scans the whole
 * vector, they only ask when the row range covers at least half of it (window frames add small ranges).
 */
public abstract class Accumulator implements AutoCloseable {
    /** Makes room for groups {@code [0, groups)}. */
    public abstract void ensureGroups(int groups);

    /**
     * Adds rows {@code [from, to)} of {@code batch}. Row i belongs to group {@code groupIds[i]}, or to group 0 when
     * {@code groupIds} is null; a negative id skips the row (FILTER, DISTINCT duplicates).
     */
    public abstract void add(Batch batch, int[] groupIds, int from, int to);

    /** Writes group {@code group}'s result into {@code out} at {@code row} (setSafe; null when undefined). */
    public abstract void write(int group, FieldVector out, int row);

    /** Whether {@link #remove} works (sliding window frames then run in O(n)). */
    public boolean supportsRemove() {
        return false;
    }

    /** True when {@link #remove} may differ from recomputing in the last bits (float sums). */
    public boolean inexactRemove() {
        return false;
    }

    /** Takes rows {@code [from, to)} of {@code batch} back out of group 0 (inverse of {@link #add}). */
    public void remove(Batch batch, int from, int to) {
        throw new UnsupportedOperationException();
    }

    /** Forgets every group's state (window frames that restart). */
    public abstract void reset();

    @Override
    public void close() {
    }

    static int group(int[] groupIds, int row) {
        return groupIds == null ? 0 : groupIds[row];
    }

    /**
     * Whether the add loop over rows {@code [from, to)} of {@code v} must test each row for null: false only when
     * the range covers at least half of the vector and the vector has no nulls (see the class comment).
     */
    static boolean mayHaveNulls(FieldVector v, int from, int to) {
        return to - from < (v.getValueCount() >> 1) || v.getNullCount() > 0;
    }
}
