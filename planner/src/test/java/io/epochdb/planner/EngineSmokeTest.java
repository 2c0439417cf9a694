package io.epochdb.planner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EngineSmokeTest {
    @TempDir
    Path dir;

    @Test
    void selectsConstants() {
        try (SqlRunner r = new SqlRunner(dir)) {
            assertEquals(List.of("1"), r.run("SELECT 1"));
            assertEquals(List.of("2|abc"), r.run("SELECT 1 + 1, 'abc'"));
        }
    }

    @Test
    void createsInsertsAndQueries() {
        try (SqlRunner r = new SqlRunner(dir)) {
            r.run("CREATE TABLE cpu (time timestamptz NOT NULL, host text, usage double precision)");
            assertEquals(List.of("INSERT 0 3"), r.run("INSERT INTO cpu VALUES ('2024-01-01 00:00:00+00', 'a', 1.5), "
                + "('2024-01-01 00:01:00+00', 'b', 2.5), ('2024-01-01 00:02:00+00', 'a', 3.5)"));
            assertEquals(List.of("a|2|2.5", "b|1|2.5"), r.run("SELECT host, count(*), avg(usage) FROM cpu GROUP BY host ORDER BY host"));
            assertEquals(List.of("2024-01-01 00:02:00+00"), r.run("SELECT max(time) FROM cpu"));
            assertEquals(List.of("UPDATE 2"), r.run("UPDATE cpu SET usage = usage * 2 WHERE host = 'a'"));
            assertEquals(List.of("10"), r.run("SELECT sum(usage) FROM cpu WHERE host = 'a'"));
            assertEquals(List.of("DELETE 1"), r.run("DELETE FROM cpu WHERE host = 'b'"));
            assertEquals(List.of("2"), r.run("SELECT count(*) FROM cpu"));
        }
    }
}
