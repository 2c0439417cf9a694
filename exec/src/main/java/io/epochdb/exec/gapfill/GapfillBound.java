package io.epochdb.exec.gapfill;

import io.epochdb.exec.expr.Expr;
import java.util.Objects;

/**
 * One WHERE conjunct that bounds the bucketed column, e.g. {@code time > now() - interval '1 day'}.
 *
 * @param value the constant side, already of the bucket's type
 * @param plusOne true for {@code >} and {@code <=}: the gapfill range is {@code [start, finish)}, so the value moves
 *     by one unit (microsecond, day or integer), as TimescaleDB does
 */
public record GapfillBound(Expr value, boolean plusOne) {
    public GapfillBound {
        Objects.requireNonNull(value, "value");
    }
}
