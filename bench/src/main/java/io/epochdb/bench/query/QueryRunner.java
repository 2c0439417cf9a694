package io.epochdb.bench.query;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;

/**
 * Runs queries on one connection: warm-up runs (the first one's rows are kept for the comparison; at least a given
 * number and, for fast queries, at least a given time), then timed runs,
 * each timed from sending the SQL to having read the last row. A run slower than {@code budgetMillis} ends the
 * repetitions, so one pathological query cannot eat the session.
 */
final class QueryRunner {
    private final Connection connection;
    private final int warmUps;
    private final double warmUpMillis;
    private final int timedRuns;
    private final double budgetMillis;

    QueryRunner(Connection connection, int warmUps, double warmUpMillis, int timedRuns, double budgetMillis) {
        this.connection = requireNonNull(connection, "connection");
        if (warmUps < 1 || timedRuns < 1) {
            throw new IllegalArgumentException("need at least one warm-up and one timed run");
        }
        this.warmUps = warmUps;
        this.warmUpMillis = warmUpMillis;
        this.timedRuns = timedRuns;
        this.budgetMillis = budgetMillis;
    }

    /** What one system did with one query: the rows of its first run and the timed runs. */
    record Outcome(List<String> rows, Timing timing) {
    }

    Outcome run(TsbsQuery query) {
        List<String> rows;
        try {
            long t0 = System.nanoTime();
            rows = firstRun(query.sql());
            double first = (System.nanoTime() - t0) / 1e6;
            if (first > budgetMillis) {
                return new Outcome(rows, Timing.of(new double[] {first}, true));
            }
            // at least warmUps runs, and for fast queries at least warmUpMillis of them: a server that has run for a
            // while has its query paths JIT-compiled, and a handful of runs leaves a millisecond query interpreted
            double warm = first;
            for (int i = 1; i < warmUps || warm < warmUpMillis; i++) {
                warm += timedRun(query.sql());
            }
            double[] millis = new double[timedRuns];
            for (int i = 0; i < timedRuns; i++) {
                millis[i] = timedRun(query.sql());
                if (millis[i] > budgetMillis) {
                    return new Outcome(rows, Timing.of(Arrays.copyOf(millis, i + 1), true));
                }
            }
            return new Outcome(rows, Timing.of(millis, false));
        } catch (SQLException | RuntimeException e) {
            String message = e.getMessage() == null ? e.toString() : e.getMessage();
            return new Outcome(null, Timing.failed(message.replace('\n', ' ')));
        }
    }

    /** Runs {@code query} untimed, once and then again until {@code millis} have passed; errors wait for the timed runs. */
    void runFor(TsbsQuery query, double millis) {
        long end = System.nanoTime() + (long) (millis * 1e6);
        try {
            do {
                timedRun(query.sql());
            } while (System.nanoTime() < end);
        } catch (SQLException | RuntimeException e) {
            // reported by the measured run
        }
    }

    private List<String> firstRun(String sql) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return ResultRows.read(rs);
        }
    }

    /** Milliseconds to execute and read every row (values are not decoded: the client's work is the same for both). */
    private double timedRun(String sql) throws SQLException {
        long t0 = System.nanoTime();
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                // read to the end: pgjdbc has every DataRow by now, this walks them like an application would
            }
        }
        return (System.nanoTime() - t0) / 1e6;
    }
}
