/**
 * Chunk exclusion and segment skipping for table scans: the ranges the planner pushes into a scan
 * ({@link io.epochdb.exec.scan.ScanRanges}), their evaluation at open time into per-column intervals in the
 * storage encoding ({@link io.epochdb.exec.scan.PartFilter}), and the kept/total counts EXPLAIN prints
 * ({@link io.epochdb.exec.scan.ScanReport}). Exclusion only removes parts that cannot hold a matching row; the
 * filter above the scan still decides every row.
 */
package io.epochdb.exec.scan;
