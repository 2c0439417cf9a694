package io.epochdb.pgwire.session;

import io.epochdb.exec.batch.Batch;
import io.epochdb.planner.QueryResult;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A bound statement ready to run. The engine runs it at the first Execute; when Execute's row limit stops it part
 * way, the open result and the position inside the current batch stay here for the next Execute.
 */
public final class Portal implements AutoCloseable {
    private final String name;
    private final PreparedStatementEntry statement;
    private final List<Object> parameters;
    private final short[] resultFormats;
    private QueryResult result;
    private Batch batch;
    private int nextRow;
    private boolean finished;
    private String completionTag;

    public Portal(String name, PreparedStatementEntry statement, List<Object> parameters, short[] resultFormats) {
        this.name = Objects.requireNonNull(name, "name");
        this.statement = Objects.requireNonNull(statement, "statement");
        this.parameters = Collections.unmodifiableList(new ArrayList<>(parameters));
        this.resultFormats = resultFormats.clone();
    }

    public String name() {
        return name;
    }

    public PreparedStatementEntry statement() {
        return statement;
    }

    public List<Object> parameters() {
        return parameters;
    }

    /** Format code for result column {@code i}: none given = text, one = applies to all, else one per column. */
    public boolean binaryColumn(int i) {
        if (resultFormats.length == 0) {
            return false;
        }
        return (resultFormats.length == 1 ? resultFormats[0] : resultFormats[i]) == 1;
    }

    public short[] resultFormats() {
        return resultFormats.clone();
    }

    /** The running result, or null before the first Execute. */
    public QueryResult result() {
        return result;
    }

    public void start(QueryResult r) {
        this.result = r;
    }

    /** A batch that a row limit cut part way, and the first row not yet sent. */
    public Batch pendingBatch() {
        return batch;
    }

    public int pendingRow() {
        return nextRow;
    }

    public void suspend(Batch pending, int row) {
        this.batch = pending;
        this.nextRow = row;
    }

    public boolean finished() {
        return finished;
    }

    /** Marks the portal run to completion with its CommandComplete tag (null if none) and frees the result. */
    public void finish(String tag) {
        finished = true;
        completionTag = tag;
        close();
    }

    /** The tag of the completed run, or null. */
    public String completionTag() {
        return completionTag;
    }

    @Override
    public void close() {
        if (batch != null) {
            batch.close();
            batch = null;
        }
        if (result != null) {
            QueryResult r = result;
            result = null;
            r.close();
        }
    }
}
