package io.epochdb.exec.scan;

import io.epochdb.exec.expr.Expr;
import java.util.List;
import java.util.Objects;

/**
 * {@code f(column) <op> value}: {@code steps} are f from the outside in (empty for the bare column), {@code value}
 * has no column references (literals, parameters, now(), ...) and has the type of the outermost step's result (or
 * of the column). Evaluated once per execution, at open time.
 */
public record RangeBound(Comparison op, Expr value, List<ColumnStep> steps) {
    public RangeBound {
        Objects.requireNonNull(op, "op");
        Objects.requireNonNull(value, "value");
        steps = List.copyOf(steps);
    }
}
