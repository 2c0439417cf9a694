package io.epochdb.exec.scan;

/** A table scan that can tell EXPLAIN what it pushed down and how many parts it keeps. */
public interface PrunableScan {
    /** The id of the plan node the scan was built from, so EXPLAIN can print counts beside it. */
    int planNodeId();

    ScanRanges ranges();

    /** Evaluates the ranges and counts kept parts without reading any data. */
    ScanReport prune(io.epochdb.exec.ExecContext ctx);

    /** What the last open() kept, or null before open. */
    ScanReport report();
}
