package io.epochdb.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Small helpers the end-to-end tests share: run SQL, read results as text, expect a SQLSTATE. */
public final class Sql {
    private Sql() {
    }

    public static void exec(Connection c, String... statements) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }

    public static int update(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            return s.executeUpdate(sql);
        }
    }

    /** Every row as its columns' getString values joined with '|' (NULL as "NULL"). */
    public static List<String> rows(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rows(rs);
        }
    }

    public static List<String> rows(ResultSet rs) throws SQLException {
        ResultSetMetaData md = rs.getMetaData();
        List<String> out = new ArrayList<>();
        while (rs.next()) {
            StringBuilder row = new StringBuilder();
            for (int i = 1; i <= md.getColumnCount(); i++) {
                if (i > 1) {
                    row.append('|');
                }
                String v = rs.getString(i);
                row.append(v == null ? "NULL" : v);
            }
            out.add(row.toString());
        }
        return out;
    }

    /** The single value of a one-row, one-column query. */
    /**
     * Asserts that {@code fast} (a query a planner shortcut applies to) returns exactly what {@code reference} (the
     * same query written so that the shortcut cannot apply) returns, and that this is not nothing.
     */
    public static void assertSameRows(Connection c, String fast, String reference) throws SQLException {
        List<String> expected = rows(c, reference);
        org.junit.jupiter.api.Assertions.assertFalse(expected.isEmpty(), reference);
        assertEquals(expected, rows(c, fast), fast);
    }

    public static String scalar(Connection c, String sql) throws SQLException {
        List<String> rows = rows(c, sql);
        assertEquals(1, rows.size(), () -> "expected one row from " + sql + " but got " + rows);
        return rows.get(0);
    }

    public static long count(Connection c, String table) throws SQLException {
        return Long.parseLong(scalar(c, "SELECT count(*) FROM " + table));
    }

    @FunctionalInterface
    public interface SqlAction {
        void run() throws Exception;
    }

    /** Runs the action, expects an SQLException with that SQLSTATE, and returns it. */
    public static SQLException assertSqlState(String sqlState, SqlAction action) {
        SQLException e = assertThrows(SQLException.class, action::run);
        assertEquals(sqlState, e.getSQLState(), () -> "SQLSTATE of: " + e.getMessage());
        return e;
    }

    public static SQLException assertSqlState(String sqlState, Connection c, String sql) {
        return assertSqlState(sqlState, () -> exec(c, sql));
    }
}
