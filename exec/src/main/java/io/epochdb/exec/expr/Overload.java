package io.epochdb.exec.expr;

import io.epochdb.common.types.ColumnType;
import java.util.List;

/** One implementation of a function name: binds to the given arguments, or returns null when they do not fit. */
@FunctionalInterface
public interface Overload {
    Expr bind(List<Expr> args, ColumnType resultType);
}
