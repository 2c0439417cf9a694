package io.epochdb.exec.scan;

import io.epochdb.common.types.SqlType;
import io.epochdb.exec.expr.Expr;
import java.util.Objects;

/**
 * One monotone function between a scanned column and the expression a predicate compares: a bound on the
 * function's result translates into a (possibly wider) bound on its input.
 */
public sealed interface ColumnStep permits ColumnStep.Cast, ColumnStep.Bucket {
    /** The type of the step's result. */
    SqlType resultType();

    /**
     * {@code CAST(inner AS to)} (explicit, or the implicit conversion PostgreSQL applies when comparing a
     * timestamp with a timestamptz or an integer with a numeric).
     */
    record Cast(SqlType from, SqlType to) implements ColumnStep {
        public Cast {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
        }

        @Override
        public SqlType resultType() {
            return to;
        }
    }

    /**
     * {@code time_bucket(width, inner [, origin] [, offset])} without a time zone: every bucket satisfies
     * {@code bucket <= inner < bucket + width} whatever the origin or offset, so a lower bound on the bucket is one
     * on the column, and an upper bound widens by the width (only for widths without months).
     *
     * @param type the column side's type (integer, DATE, TIMESTAMP or TIMESTAMPTZ), also the result type
     * @param width the width: an INTERVAL (or its text) for dates and timestamps, an integer for integers
     */
    record Bucket(SqlType type, Expr width) implements ColumnStep {
        public Bucket {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(width, "width");
        }

        @Override
        public SqlType resultType() {
            return type;
        }
    }
}
