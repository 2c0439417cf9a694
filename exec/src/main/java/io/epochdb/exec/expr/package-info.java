/**
 * Scalar expressions evaluated a batch at a time, and the PostgreSQL function library the planner binds by
 * name through {@link io.epochdb.exec.expr.Functions}. Hot kernels are typed loops over Arrow vectors (one
 * family per sub-package); the long tail goes row-at-a-time through {@link io.epochdb.exec.expr.RowFunctionExpr}.
 */
package io.epochdb.exec.expr;
