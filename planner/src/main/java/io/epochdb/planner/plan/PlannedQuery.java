package io.epochdb.planner.plan;

import io.epochdb.common.types.SqlType;
import io.epochdb.planner.ResultColumn;
import java.util.List;
import org.apache.calcite.rel.RelNode;

/**
 * An optimized Calcite plan ready for translation into exec operators, with the PostgreSQL-style result columns
 * and the types of parameters $1..$n ({@code paramOfPlaceholder.get(i)} is the 0-based PostgreSQL parameter that
 * the i-th Calcite dynamic parameter stands for).
 */
public record PlannedQuery(RelNode rel, List<ResultColumn> columns, List<SqlType> parameterTypes,
                           List<Integer> paramOfPlaceholder, DistinctOn distinctOn) {
    public PlannedQuery(RelNode rel, List<ResultColumn> columns, List<SqlType> parameterTypes, List<Integer> paramOfPlaceholder) {
        this(rel, columns, parameterTypes, paramOfPlaceholder, null);
    }

    /**
     * SELECT DISTINCT ON: the plan's last {@code keys} columns are the DISTINCT ON expressions (dropped from the
     * result); LIMIT/OFFSET apply after it ({@code fetch} -1 = none).
     */
    public record DistinctOn(int keys, long offset, long fetch) {
    }

    public PlannedQuery withDistinctOn(DistinctOn d) {
        return new PlannedQuery(rel, columns.subList(0, columns.size() - d.keys()), parameterTypes, paramOfPlaceholder, d);
    }
}
