package io.epochdb.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.postgresql.util.PSQLException;

/** Errors arrive with PostgreSQL's SQLSTATE, and the connection keeps working after each one. */
class ErrorStateTest {
    @RegisterExtension
    static final EpochServer server = new EpochServer();

    @BeforeAll
    static void createTable() throws Exception {
        try (Connection c = server.connect()) {
            Sql.exec(c, "CREATE TABLE e (id int PRIMARY KEY, name text NOT NULL)", "INSERT INTO e VALUES (1, 'one')");
        }
    }

    @ParameterizedTest(name = "{0} in mode {2}")
    @CsvSource(delimiter = ';', value = {
        "42601;SELEC 1;default",
        "42601;SELECT FROM WHERE;default",
        "42P01;SELECT * FROM no_such_table;default",
        "42703;SELECT no_such_column FROM e;default",
        "42883;SELECT no_such_function(1);default",
        "22P02;SELECT 'abc'::integer;default",
        "23505;INSERT INTO e VALUES (1, 'dup');default",
        "23502;INSERT INTO e VALUES (2, NULL);default",
        "22012;SELECT 1 / 0;default",
        "42601;SELEC 1;preferQueryMode=simple",
        "42P01;SELECT * FROM no_such_table;preferQueryMode=simple",
        "42703;SELECT no_such_column FROM e;preferQueryMode=simple",
        "42883;SELECT no_such_function(1);preferQueryMode=simple",
        "22P02;SELECT 'abc'::integer;preferQueryMode=simple",
        "23505;INSERT INTO e VALUES (1, 'dup');preferQueryMode=simple",
        "23502;INSERT INTO e VALUES (2, NULL);preferQueryMode=simple",
        "42P01;SELECT * FROM no_such_table;prepareThreshold=1",
        "22P02;SELECT 'abc'::integer;binaryTransfer=true&prepareThreshold=1",
    })
    void sqlStateAndConnectionSurvives(String sqlState, String sql, String mode) throws Exception {
        try (Connection c = "default".equals(mode) ? server.connect() : server.connect(mode)) {
            for (int i = 0; i < 3; i++) {
                SQLException e = Sql.assertSqlState(sqlState, c, sql);
                assertTrue(e instanceof PSQLException p && p.getServerErrorMessage() != null
                    && "ERROR".equals(p.getServerErrorMessage().getSeverity()), "an ErrorResponse: " + e);
                assertEquals("1", Sql.scalar(c, "SELECT 1"), "connection works after " + sqlState);
            }
            assertEquals("1|one", Sql.scalar(c, "SELECT * FROM e"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"prepareThreshold=1", "prepareThreshold=5"})
    void badParameterValueIs22P02AndConnectionSurvives(String mode) throws Exception {
        try (Connection c = server.connect(mode); PreparedStatement p = c.prepareStatement("SELECT ?::int + 1")) {
            for (int i = 0; i < 7; i++) {
                p.setString(1, "x" + i);
                Sql.assertSqlState("22P02", p::executeQuery);
                p.setString(1, String.valueOf(i));
                try (var rs = p.executeQuery()) {
                    rs.next();
                    assertEquals(i + 1, rs.getInt(1));
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "SELECT * FROM no_such_table",
        "SELECT 1 +",
        "INSERT INTO e (id, name) VALUES (1, 'dup')"})
    void errorInPreparedStatementRepeatedPastThreshold(String sql) throws Exception {
        try (Connection c = server.connect("prepareThreshold=1")) {
            for (int i = 0; i < 7; i++) {
                SQLException e = org.junit.jupiter.api.Assertions.assertThrows(SQLException.class, () -> {
                    try (PreparedStatement p = c.prepareStatement(sql)) {
                        p.execute();
                    }
                });
                assertTrue(e.getSQLState() != null && !e.getSQLState().startsWith("08"), e.toString());
                assertEquals("1", Sql.scalar(c, "SELECT 1"));
            }
        }
    }
}
