/** Comparison operators (typed loops for integer, float, timestamp and text vectors) and boolean logic. */
package io.epochdb.exec.expr.compare;
