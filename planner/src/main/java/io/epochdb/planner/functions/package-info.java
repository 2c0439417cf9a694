/**
 * EpochDB's functions as Calcite planning-time operators: PostgreSQL and TimescaleDB signatures and result types
 * ({@link io.epochdb.planner.functions.PgOperatorTable}, ordered-set and statistical aggregates in
 * {@link io.epochdb.planner.functions.StatisticalAggregates}), exec's scalar library
 * ({@link io.epochdb.planner.functions.ExecFunctionTable}), catalog functions, and the call rewrites Calcite's
 * grammar needs (named time_bucket arguments). Exec implements every one of them.
 */
package io.epochdb.planner.functions;
