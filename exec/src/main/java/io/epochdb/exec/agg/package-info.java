/**
 * Aggregation: {@link io.epochdb.exec.agg.GroupHashTable} (key tuples to dense group ids, keys stored in Arrow
 * vectors) and the {@link io.epochdb.exec.agg.Accumulator}s behind every aggregate function (count, sum, avg,
 * min/max, statistics, regressions, boolean/bitwise, string_agg/array_agg, percentiles, mode, TimescaleDB's
 * first/last/histogram, single_value, any_value), created from an {@link io.epochdb.exec.agg.AggCall} by
 * {@link io.epochdb.exec.agg.Accumulators}. State lives in per-group primitive arrays where the function allows;
 * results follow PostgreSQL 15 exactly (numeric scales via {@link io.epochdb.exec.agg.PgNumeric}, float8
 * Youngs-Cramer accumulation). The same accumulators serve window frames (group 0, with removal where exact).
 */
package io.epochdb.exec.agg;
