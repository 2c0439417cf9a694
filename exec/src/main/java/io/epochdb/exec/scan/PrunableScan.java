package io.epochdb.exec.scan;

/** A table scan that can tell EXPLAIN what it pushed down and how many parts it keeps. */
public interface PrunableScan {
    /** The id of the plan node the scan was built from, so EXPLAIN can print counts beside it. */
    int planNodeId();

    ScanRanges ranges();

    /**
     * The conditions a filter above still checks row by row (PostgreSQL-like text), or null when the scan's read
     * applies every condition itself, or there is no filter.
     */
    default String filterAbove() {
        return null;
    }

    /** Evaluates the ranges and counts kept parts without reading any data. */
    ScanReport prune(io.epochdb.exec.ExecContext ctx);

    /** What the last open() kept, or null before open. */
    ScanReport report();

    /**
     * How many of the kept parts the last execution reached (read or skipped); fewer than kept when its consumer
     * stopped early; -1 when not known.
     */
    default int partsStarted() {
        return -1;
    }
}
