package io.epochdb.planner;

import io.epochdb.common.types.SqlType;
import java.util.List;
import java.util.Map;

/**
 * One client connection's view of the engine: all that pgwire talks to. Not thread-safe except
 * {@link #cancel()}, which may be called from any thread. Every method reports failures as
 * {@link io.epochdb.common.EpochException} carrying a SQLSTATE.
 */
public interface Session extends AutoCloseable {
    /** Splits and parses a query string into statements (a simple-protocol Query may hold several). */
    List<Statement> parse(String sql);

    /**
     * Plans a statement. {@code paramTypes} has one entry per {@code $n} the client declared (null or
     * {@link SqlType#UNKNOWN} for "infer it"); the result tells the inferred types of all parameters.
     */
    Prepared prepare(Statement statement, List<SqlType> paramTypes);

    /**
     * Runs a prepared statement with bound parameter values (Java objects per {@link SqlType}'s convention).
     * The result streams: nothing is computed beyond what its caller pulls.
     */
    QueryResult execute(Prepared prepared, List<Object> params);

    /** 'I' idle, 'T' in a transaction block, 'E' in a failed transaction block. */
    char transactionStatus();

    /**
     * Parameters whose value changed since the last call and that PostgreSQL reports with ParameterStatus
     * (TimeZone, DateStyle, application_name, ...). Cleared by the call.
     */
    Map<String, String> drainParameterStatusChanges();

    /** All reported parameters with their current values, for the startup sequence. */
    Map<String, String> reportedParameters();

    /** Current value of a setting (as SHOW prints it), or null if unknown. */
    String setting(String name);

    /** Notices (warnings) raised by the last statement, cleared by the call. */
    List<String> drainNotices();

    /** Process id and secret that a CancelRequest must quote. */
    int processId();

    int secretKey();

    /** Cancels whatever this session is running now (57014 in that statement). Thread-safe. */
    void cancel();

    /** Closes open cursors and rolls back an open transaction. */
    @Override
    void close();
}
