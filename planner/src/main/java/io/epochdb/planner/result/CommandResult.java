package io.epochdb.planner.result;

import io.epochdb.exec.batch.Batch;
import io.epochdb.planner.CopyIn;
import io.epochdb.planner.QueryResult;
import io.epochdb.planner.ResultColumn;
import java.util.List;

/** A statement without rows: only a CommandComplete tag ({@code CREATE TABLE}, {@code INSERT 0 3}). */
public final class CommandResult implements QueryResult {
    private final String tag;

    public CommandResult(String tag) {
        this.tag = tag;
    }

    @Override
    public Kind kind() {
        return Kind.COMMAND;
    }

    @Override
    public List<ResultColumn> columns() {
        return List.of();
    }

    @Override
    public Batch next() {
        return null;
    }

    @Override
    public String commandTag() {
        return tag;
    }

    @Override
    public CopyIn copyIn() {
        return null;
    }

    @Override
    public void close() {
    }
}
