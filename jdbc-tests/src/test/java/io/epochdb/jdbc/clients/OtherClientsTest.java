package io.epochdb.jdbc.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.epochdb.pgwire.server.PgServer;
import io.epochdb.planner.Engine;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * psql, psycopg 3 and node-postgres against a server started in-process. These clients are installed by
 * {@code .ci/run} (postgresql-client, python3-psycopg, npm install in jdbc-tests/clients/node); a machine without
 * them skips the corresponding test.
 */
class OtherClientsTest {
    @TempDir
    static Path dir;
    private static Engine engine;
    private static PgServer server;

    @BeforeAll
    static void start() {
        engine = Engine.open(dir.resolve("data"));
        server = PgServer.start(engine, "127.0.0.1", 0);
    }

    @AfterAll
    static void stop() {
        server.close();
        engine.close();
    }

    private static Path clients() {
        Path p = Path.of("clients");
        return Files.isDirectory(p) ? p : Path.of("jdbc-tests", "clients");
    }

    private static boolean available(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private static String run(Path workDir, String... command) throws Exception {
        Process p = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "client timed out");
        assertEquals(0, p.exitValue(), out);
        return out;
    }

    @Test
    void psqlSession() throws Exception {
        assumeTrue(available("psql", "--version"), "psql is not installed");
        Path script = dir.resolve("session.sql");
        Files.writeString(script, String.join("\n",
            "CREATE TABLE psql_cpu (time timestamptz NOT NULL, host text, v double precision);",
            "INSERT INTO psql_cpu VALUES ('2024-01-01 00:00:00+00', 'a', 1), ('2024-01-01 00:07:00+00', 'a', 3);",
            "SELECT time_bucket('5 minutes', time) AS bucket, avg(v) FROM psql_cpu GROUP BY 1 ORDER BY 1;",
            "\\d psql_cpu",
            ""));
        List<String> cmd = new ArrayList<>(List.of("psql", "-X", "-h", "127.0.0.1", "-p", String.valueOf(server.port()),
            "-U", "postgres", "-v", "ON_ERROR_STOP=1", "-f", script.toString()));
        String out = run(dir, cmd.toArray(new String[0]));
        assertTrue(out.contains(" 2024-01-01 00:00:00+00 |   1"), out);
        assertTrue(out.contains(" 2024-01-01 00:05:00+00 |   3"), out);
        assertTrue(out.contains("Table \"public.psql_cpu\""), out);
        assertTrue(out.contains("timestamp with time zone"), out);
    }

    @Test
    void psycopg3() throws Exception {
        assumeTrue(available("/usr/bin/python3", "-c", "import psycopg"), "python3-psycopg is not installed");
        String out = run(clients(), "/usr/bin/python3", "psycopg_smoke.py", String.valueOf(server.port()));
        assertTrue(out.contains("psycopg ok"), out);
    }

    @Test
    void nodePostgres() throws Exception {
        Path node = clients().resolve("node");
        assumeTrue(Files.isDirectory(node.resolve("node_modules").resolve("pg")), "run npm install in jdbc-tests/clients/node");
        String out = run(node, "node", "pg_smoke.js", String.valueOf(server.port()));
        assertTrue(out.contains("node-postgres ok"), out);
    }
}
