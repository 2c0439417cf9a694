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
                           List<Integer> paramOfPlaceholder) {
}
