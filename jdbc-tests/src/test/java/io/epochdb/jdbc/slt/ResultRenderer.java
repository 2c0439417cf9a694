package io.epochdb.jdbc.slt;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * Runs one statement and renders what happened the way {@code psql -X -A -F '|'} prints it: a header line, rows of
 * PostgreSQL text output with NULL as an empty string, and {@code (N rows)}. pgjdbc does not expose command tags,
 * so a command prints {@code INSERT 0 n}, {@code UPDATE n}, {@code DELETE n} with its row count, anything else
 * {@code OK}. An error prints {@code ERROR:  SQLSTATE: message}.
 */
public final class ResultRenderer {
    private ResultRenderer() {
    }

    public static void run(Connection connection, String sql, StringBuilder out) {
        try (Statement st = connection.createStatement()) {
            boolean isQuery = st.execute(sql);
            if (isQuery) {
                try (ResultSet rs = st.getResultSet()) {
                    renderRows(rs, out);
                }
            } else {
                out.append(commandTag(sql, st.getUpdateCount())).append('\n');
            }
        } catch (SQLException e) {
            out.append(renderError(e)).append('\n');
        }
    }

    private static void renderRows(ResultSet rs, StringBuilder out) throws SQLException {
        ResultSetMetaData md = rs.getMetaData();
        int n = md.getColumnCount();
        for (int i = 1; i <= n; i++) {
            out.append(i > 1 ? "|" : "").append(md.getColumnLabel(i));
        }
        out.append('\n');
        int rows = 0;
        while (rs.next()) {
            for (int i = 1; i <= n; i++) {
                String v = rs.getString(i);
                out.append(i > 1 ? "|" : "").append(v == null ? "" : v);
            }
            out.append('\n');
            rows++;
        }
        out.append(rows == 1 ? "(1 row)" : "(" + rows + " rows)").append('\n');
    }

    static String commandTag(String sql, int updateCount) {
        String first = firstWord(sql);
        return switch (first) {
            case "INSERT" -> "INSERT 0 " + updateCount;
            case "UPDATE", "DELETE", "COPY" -> first + " " + updateCount;
            default -> "OK";
        };
    }

    private static String firstWord(String sql) {
        List<String> words = List.of(sql.strip().split("\\s+", 2));
        return words.isEmpty() ? "" : words.get(0).toUpperCase(Locale.ROOT);
    }

    static String renderError(SQLException e) {
        if (e instanceof PSQLException p && p.getServerErrorMessage() != null) {
            ServerErrorMessage m = p.getServerErrorMessage();
            String severity = m.getSeverity() == null ? "ERROR" : m.getSeverity();
            return severity + ":  " + m.getSQLState() + ": " + m.getMessage();
        }
        return "CLIENT ERROR:  " + e.getSQLState() + ": " + e.getMessage();
    }
}
