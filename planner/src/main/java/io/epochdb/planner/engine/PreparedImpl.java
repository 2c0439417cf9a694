package io.epochdb.planner.engine;

import io.epochdb.common.types.SqlType;
import io.epochdb.planner.Prepared;
import io.epochdb.planner.QueryResult;
import io.epochdb.planner.ResultColumn;
import io.epochdb.planner.Statement;
import java.util.List;

/** A planned statement: what it returns and how to run it with parameter values. */
final class PreparedImpl implements Prepared {
    /** Runs the statement; {@code params} are already converted to the parameter types. */
    interface Runner {
        QueryResult run(List<Object> params);
    }

    private final ParsedStatement statement;
    private final List<SqlType> parameterTypes;
    private final List<ResultColumn> columns;
    private final Runner runner;
    /** Transaction-control and cursor statements must run even in a failed transaction block. */
    private final boolean allowedWhenFailed;

    PreparedImpl(ParsedStatement statement, List<SqlType> parameterTypes, List<ResultColumn> columns, Runner runner,
                 boolean allowedWhenFailed) {
        this.statement = statement;
        this.parameterTypes = List.copyOf(parameterTypes);
        this.columns = List.copyOf(columns);
        this.runner = runner;
        this.allowedWhenFailed = allowedWhenFailed;
    }

    @Override
    public Statement statement() {
        return statement;
    }

    ParsedStatement parsed() {
        return statement;
    }

    @Override
    public List<SqlType> parameterTypes() {
        return parameterTypes;
    }

    @Override
    public List<ResultColumn> columns() {
        return columns;
    }

    Runner runner() {
        return runner;
    }

    boolean allowedWhenFailed() {
        return allowedWhenFailed;
    }
}
