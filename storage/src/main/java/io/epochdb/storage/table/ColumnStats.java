package io.epochdb.storage.table;

/**
 * Smallest and largest non-null value of one column in one part of a table, in the column's storage encoding as
 * a long: the integer for INT2/INT4/INT8, microseconds since the Unix epoch for TIMESTAMP/TIMESTAMPTZ, days since
 * the epoch for DATE. A part whose column holds only NULLs has {@code nonNullCount} 0 (min and max then mean
 * nothing). Rows deleted since are still counted: stats may only be wider than the live rows, never narrower.
 */
public record ColumnStats(long min, long max, long nonNullCount) {
    /** Whether a value in {@code [lo, hi]} may occur in the part. */
    public boolean mayOverlap(long lo, long hi) {
        return nonNullCount > 0 && max >= lo && min <= hi;
    }
}
