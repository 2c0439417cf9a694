package io.epochdb.exec.gapfill;

import io.epochdb.common.types.SqlType;
import io.epochdb.exec.expr.Expr;
import java.util.List;
import java.util.Objects;

/**
 * Everything the gapfill operator needs besides its input: the bucket column and grid arguments (expressions
 * without column references, evaluated once when the query opens) and the role of every input column.
 *
 * @param timeColumn the input column holding the bucket
 * @param timeType the bucket's type: timestamptz, timestamp, date, int2, int4 or int8
 * @param width interval (date/time buckets) or a value of the bucket's integer type
 * @param hasZone whether the call has a timezone argument
 * @param zone the timezone argument (text), or null
 * @param origin the origin (bucket type), or null
 * @param start where the range starts (aligned to a bucket when the query opens)
 * @param finish where the range ends (exclusive)
 * @param columns one role per input column
 */
public record GapfillSpec(int timeColumn, SqlType timeType, Expr width, boolean hasZone, Expr zone, Expr origin,
                          GapfillBoundary start, GapfillBoundary finish, List<GapfillColumn> columns) {
    public GapfillSpec {
        Objects.requireNonNull(timeType, "timeType");
        Objects.requireNonNull(width, "width");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(finish, "finish");
        columns = List.copyOf(columns);
        if (columns.get(timeColumn).kind() != GapfillColumn.Kind.TIME) {
            throw new IllegalArgumentException("column " + timeColumn + " is not the TIME column");
        }
    }
}
