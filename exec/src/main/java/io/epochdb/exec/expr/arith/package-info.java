/** Arithmetic operators: typed loops for integers and floats, BigDecimal for numeric, and datetime arithmetic. */
package io.epochdb.exec.expr.arith;
