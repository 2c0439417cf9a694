/**
 * Planning of TimescaleDB gap filling. {@link io.epochdb.planner.gapfill.GapfillSqlRewriter} turns PostgreSQL-style
 * named arguments ({@code start =>}, {@code treat_null_as_missing =>}, ...) and interpolate's
 * {@code (SELECT (time, value) ...)} record lookups into forms Calcite validates;
 * {@link io.epochdb.planner.gapfill.GapfillOperators} declares the functions;
 * {@link io.epochdb.planner.gapfill.GapfillTranslator} recognises a grouped aggregation on
 * {@code time_bucket_gapfill} (with the projection above it) and builds the exec
 * {@link io.epochdb.exec.gapfill.GapfillOperator}, inferring the range from the WHERE clause when it is not given
 * ({@link io.epochdb.planner.gapfill.GapfillRangeInference}).
 */
package io.epochdb.planner.gapfill;
