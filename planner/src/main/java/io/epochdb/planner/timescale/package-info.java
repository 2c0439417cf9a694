/**
 * TimescaleDB's hypertable API as functions EpochDB runs itself: {@code create_hypertable} (both signatures, with
 * {@code by_range}), {@code set_chunk_time_interval}, {@code show_chunks}, {@code drop_chunks},
 * {@code hypertable_size}, {@code hypertable_detailed_size}, {@code chunks_detailed_size},
 * {@code approximate_row_count}, and {@code CREATE TABLE ... WITH (tsdb.hypertable, ...)} options.
 *
 * <p>These functions change the catalog or return sets, so they are recognised as whole statements
 * ({@link io.epochdb.planner.timescale.FunctionCallParser}) rather than planned by Calcite: arguments are constant
 * expressions evaluated by the session ({@link io.epochdb.planner.timescale.TimescaleContext}), named arguments
 * ({@code name => value}) bind by TimescaleDB's parameter names, and results are rows with TimescaleDB's columns.
 * The scalar ones ({@code hypertable_size}, {@code approximate_row_count}) are also ordinary functions usable in
 * any expression.
 */
package io.epochdb.planner.timescale;
