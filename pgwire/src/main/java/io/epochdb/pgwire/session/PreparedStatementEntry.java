package io.epochdb.pgwire.session;

import io.epochdb.common.types.SqlType;
import io.epochdb.planner.Prepared;
import io.epochdb.planner.Statement;
import java.util.Arrays;
import java.util.Objects;

/**
 * A statement created by Parse: the engine's plan (null for an empty query string) and the parameter OIDs the
 * client declared (0 = left to the server), which tell how the client encodes its Bind values.
 */
public final class PreparedStatementEntry {
    private final String name;
    private final Statement statement;
    private final Prepared prepared;
    private final int[] declaredOids;

    public PreparedStatementEntry(String name, Statement statement, Prepared prepared, int[] declaredOids) {
        this.name = Objects.requireNonNull(name, "name");
        this.statement = statement;
        this.prepared = prepared;
        this.declaredOids = declaredOids.clone();
    }

    public String name() {
        return name;
    }

    /** Null when the query string was empty. */
    public Statement statement() {
        return statement;
    }

    /** Null when the query string was empty (Execute answers EmptyQueryResponse). */
    public Prepared prepared() {
        return prepared;
    }

    public boolean isEmpty() {
        return prepared == null;
    }

    public int parameterCount() {
        return prepared == null ? 0 : prepared.parameterTypes().size();
    }

    /** The type the client encodes parameter {@code i} as, or null if it left the type to the server. */
    public SqlType declaredType(int i) {
        if (i >= declaredOids.length || declaredOids[i] == 0) {
            return null;
        }
        return SqlType.byOid(declaredOids[i]);
    }

    @Override
    public String toString() {
        return "PreparedStatementEntry[" + name + ", declared=" + Arrays.toString(declaredOids) + "]";
    }
}
