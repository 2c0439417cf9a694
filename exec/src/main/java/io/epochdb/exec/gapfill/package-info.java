/**
 * TimescaleDB gap filling: {@link io.epochdb.exec.gapfill.GapfillOperator} sits above a grouped aggregation whose
 * GROUP BY holds {@code time_bucket_gapfill}, and inserts a row for every bucket of the requested range that a group
 * lacks, computing the {@code locf} and {@code interpolate} columns on the way. The bucket grid
 * ({@link io.epochdb.exec.gapfill.GapfillGrid}), the range bounds ({@link io.epochdb.exec.gapfill.GapfillBoundary})
 * and the per-column roles ({@link io.epochdb.exec.gapfill.GapfillColumn}) are separate so each is testable alone.
 * {@link io.epochdb.exec.gapfill.GapfillFunctions} registers the scalar forms that run outside a gapfill query.
 */
package io.epochdb.exec.gapfill;
