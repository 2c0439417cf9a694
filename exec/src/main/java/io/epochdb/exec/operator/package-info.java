/**
 * Physical operators, one class each, pulling {@link io.epochdb.exec.batch.Batch}es from their inputs: scan, values,
 * filter, project, hash aggregate, sort/top-N, limit, hash and nested-loop joins, union all, intersect/except,
 * window, generate_series. The planner builds them from Calcite plans; {@link io.epochdb.exec.operator.Operators}
 * runs a tree to the end.
 */
package io.epochdb.exec.operator;
