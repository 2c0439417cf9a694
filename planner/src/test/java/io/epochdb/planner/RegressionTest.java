package io.epochdb.planner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bugs found while bringing clients up; each failed before its fix. */
class RegressionTest {
    @TempDir
    Path dir;

    @Test
    void arrayConstructorCast() {
        try (SqlRunner r = new SqlRunner(dir)) {
            assertEquals(List.of("{1,2}"), r.run("SELECT array[1,2]::int4[]"));
        }
    }

    @Test
    void createViewInsideAMultiStatementString() {
        try (SqlRunner r = new SqlRunner(dir)) {
            assertEquals(List.of("1"), r.run("CREATE TABLE t (a int); CREATE VIEW v AS SELECT a FROM t; INSERT INTO t VALUES (1); SELECT a FROM v"));
        }
    }

    @Test
    void jsonColumnsStoreAndReturnText() {
        try (SqlRunner r = new SqlRunner(dir)) {
            r.run("CREATE TABLE j (id int, doc jsonb)");
            r.run("INSERT INTO j VALUES (1, '{\"a\": 1}')");
            assertEquals(List.of("{\"a\": 1}"), r.run("SELECT doc FROM j WHERE id = 1"));
        }
    }
}
