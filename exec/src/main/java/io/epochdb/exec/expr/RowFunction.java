package io.epochdb.exec.expr;

import io.epochdb.exec.ExecContext;

/** A scalar function over boxed values (per {@code SqlType}'s convention), for the row-at-a-time long tail. */
@FunctionalInterface
public interface RowFunction {
    Object apply(Object[] args, ExecContext ctx);
}
