package io.epochdb.jdbc.crash;

import static java.util.Objects.requireNonNull;

import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Random;
import org.postgresql.PGConnection;

/**
 * Sends one batch of {@link RowPlan} rows as one transaction in a given {@link WriteMode}, updating the ledger: the
 * batch is registered before anything is sent and marked acknowledged only once the server confirmed the commit.
 */
final class BatchWriter {
    /**
     * Rows per INSERT statement at most. Planning a multi-row VALUES costs milliseconds per row (a 500-row INSERT
     * took over a second), so larger statements would leave too few batches per round.
     */
    static final int MAX_ROWS_PER_INSERT = 100;

    private final String table;
    private final BatchLedger ledger;

    BatchWriter(String table, BatchLedger ledger) {
        this.table = requireNonNull(table, "table");
        this.ledger = requireNonNull(ledger, "ledger");
    }

    /** One COPY in autocommit. */
    BatchLedger.Entry copy(Connection c, int rows) throws SQLException {
        BatchLedger.Entry e = ledger.begin(rows, WriteMode.COPY);
        StringBuilder text = new StringBuilder(rows * 64);
        for (int r = 0; r < rows; r++) {
            text.append(RowPlan.id(e.batch, r)).append('\t').append(e.batch).append('\t')
                .append(RowPlan.timeText(RowPlan.epochSecond(e.batch, r))).append('\t')
                .append(RowPlan.payload(e.batch, r)).append('\n');
        }
        long copied;
        try {
            copied = c.unwrap(PGConnection.class).getCopyAPI()
                .copyIn("COPY " + table + " (id, batch, time, payload) FROM STDIN", new StringReader(text.toString()));
        } catch (java.io.IOException io) {
            throw new SQLException("COPY failed: " + io.getMessage(), "08006", io);
        }
        if (copied != rows) {
            throw new AssertionError("COPY of " + e + " reported " + copied + " rows");
        }
        ledger.acknowledged(e);
        return e;
    }

    /**
     * BEGIN, the rows split over {@code statements} INSERTs (more if a statement would exceed
     * {@link #MAX_ROWS_PER_INSERT} rows), then COMMIT, or ROLLBACK when {@code rollback}: a
     * rolled-back batch is marked so before the ROLLBACK is sent, since no COMMIT was ever sent for it.
     */
    BatchLedger.Entry insertTransaction(Connection c, int rows, int statements, boolean rollback) throws SQLException {
        BatchLedger.Entry e = ledger.begin(rows, WriteMode.INSERT_TRANSACTION);
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            int per = Math.min(MAX_ROWS_PER_INSERT, Math.max(1, (rows + statements - 1) / statements));
            for (int from = 0; from < rows; from += per) {
                int to = Math.min(rows, from + per);
                int inserted = s.executeUpdate(insertSql(e.batch, from, to));
                if (inserted != to - from) {
                    throw new AssertionError("INSERT into " + e + " reported " + inserted + " rows, sent " + (to - from));
                }
            }
            if (rollback) {
                ledger.rolledBack(e);
                c.rollback();
            } else {
                c.commit();
                ledger.acknowledged(e);
            }
        } catch (SQLException | RuntimeException | Error failure) {
            // roll back before autocommit goes back on: setAutoCommit(true) would commit a partial batch
            if (!c.isClosed()) {
                try {
                    c.rollback();
                } catch (SQLException ignored) {
                    // the connection is gone: the server never got a COMMIT
                }
            }
            throw failure;
        } finally {
            if (!c.isClosed()) {
                try {
                    c.setAutoCommit(true);
                } catch (SQLException ignored) {
                    // the connection is gone (server killed): the caller sees the original failure
                }
            }
        }
        return e;
    }

    /** One multi-row INSERT in autocommit. */
    BatchLedger.Entry insertAutocommit(Connection c, int rows) throws SQLException {
        if (rows > MAX_ROWS_PER_INSERT) {
            throw new IllegalArgumentException("one statement of at most " + MAX_ROWS_PER_INSERT + " rows");
        }
        BatchLedger.Entry e = ledger.begin(rows, WriteMode.INSERT_AUTOCOMMIT);
        try (Statement s = c.createStatement()) {
            int inserted = s.executeUpdate(insertSql(e.batch, 0, rows));
            if (inserted != rows) {
                throw new AssertionError("INSERT of " + e + " reported " + inserted + " rows");
            }
        }
        ledger.acknowledged(e);
        return e;
    }

    /** A random batch in the given mode, sized as the mode allows. */
    BatchLedger.Entry random(Connection c, WriteMode mode, Random random) throws SQLException {
        switch (mode) {
            case COPY:
                return copy(c, random.nextBoolean() ? 1 + random.nextInt(100) : 1 + random.nextInt(RowPlan.MAX_ROWS));
            case INSERT_TRANSACTION: {
                int statements = 2 + random.nextInt(4);
                int rows = statements + random.nextInt(statements * MAX_ROWS_PER_INSERT / 2 - statements + 1);
                return insertTransaction(c, rows, statements, random.nextInt(20) == 0);
            }
            case INSERT_AUTOCOMMIT:
                return insertAutocommit(c, 1 + random.nextInt(random.nextBoolean() ? 20 : MAX_ROWS_PER_INSERT));
            default:
                throw new IllegalArgumentException(mode.toString());
        }
    }

    private String insertSql(long batch, int from, int to) {
        StringBuilder sql = new StringBuilder(64 + (to - from) * 72)
            .append("INSERT INTO ").append(table).append(" (id, batch, time, payload) VALUES ");
        for (int r = from; r < to; r++) {
            if (r > from) {
                sql.append(", ");
            }
            sql.append('(').append(RowPlan.id(batch, r)).append(", ").append(batch).append(", '")
                .append(RowPlan.timeText(RowPlan.epochSecond(batch, r))).append("', '")
                .append(RowPlan.payload(batch, r)).append("')");
        }
        return sql.toString();
    }
}
