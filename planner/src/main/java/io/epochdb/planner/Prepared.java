package io.epochdb.planner;

import io.epochdb.common.types.SqlType;
import java.util.List;

/** A planned statement: parameter types (declared or inferred) and the columns it returns (empty: no rows). */
public interface Prepared {
    Statement statement();

    List<SqlType> parameterTypes();

    /** Columns of the rows this statement returns; empty for statements without a result (NoData). */
    List<ResultColumn> columns();
}
