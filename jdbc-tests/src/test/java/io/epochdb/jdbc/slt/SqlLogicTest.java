package io.epochdb.jdbc.slt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import io.epochdb.pgwire.server.PgServer;
import io.epochdb.planner.Engine;
import io.epochdb.planner.engine.EngineImpl;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every {@code src/test/resources/sql/<area>.sql} against a fresh EpochDB (own engine, server and data
 * directory per file) and compares the rendered output with {@code expected/<area>.out}.
 *
 * <p>System properties:
 * <ul>
 *   <li>{@code -Dslt.record=<jdbc url>}: instead of testing EpochDB, run the files against that server (a real
 *       PostgreSQL 15, e.g. {@code jdbc:postgresql://127.0.0.1:5432/slt?user=slt&password=slt}) and write the
 *       .out files. The public schema is dropped and created again before each file.</li>
 *   <li>{@code -Dslt.all=true}: also run {@code *_known_failures.sql}, statements where EpochDB is known to differ
 *       from PostgreSQL (expected to fail until the bugs are fixed).</li>
 *   <li>{@code -Dslt.only=<area>[,<area>]}: run only those files.</li>
 * </ul>
 * The actual output of each file is also written to {@code target/slt-actual/<area>.out}.
 */
class SqlLogicTest {
    private static final String KNOWN_FAILURES = "_known_failures";

    private static Path moduleDir() {
        return Path.of(System.getProperty("basedir", "."));
    }

    private static Path sqlDir() {
        return moduleDir().resolve("src/test/resources/sql");
    }

    private static Path expectedDir() {
        return moduleDir().resolve("src/test/resources/expected");
    }

    @TestFactory
    Stream<DynamicTest> sqlFiles() throws IOException {
        String record = System.getProperty("slt.record");
        boolean all = Boolean.getBoolean("slt.all") || record != null;
        List<String> only = System.getProperty("slt.only") == null ? List.of()
            : List.of(System.getProperty("slt.only").split(","));
        List<Path> files;
        try (Stream<Path> s = Files.list(sqlDir())) {
            files = s.filter(p -> p.toString().endsWith(".sql")).sorted(Comparator.naturalOrder()).toList();
        }
        return files.stream()
            .filter(p -> all || !area(p).endsWith(KNOWN_FAILURES))
            .filter(p -> only.isEmpty() || only.contains(area(p)))
            .map(p -> DynamicTest.dynamicTest(area(p), p.toUri(),
                () -> {
                    if (record != null) {
                        record(p, record);
                    } else {
                        check(p);
                    }
                }));
    }

    private static String area(Path sqlFile) {
        String name = sqlFile.getFileName().toString();
        return name.substring(0, name.length() - ".sql".length());
    }

    private static void record(Path sqlFile, String url) throws Exception {
        try (Connection c = DriverManager.getConnection(url)) {
            try (Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA IF EXISTS public CASCADE");
                s.execute("CREATE SCHEMA public");
            }
        }
        String output = runScript(sqlFile, withSimpleMode(url));
        Files.writeString(expectedDir().resolve(area(sqlFile) + ".out"), output, StandardCharsets.UTF_8);
    }

    private static void check(Path sqlFile) throws Exception {
        Path expectedFile = expectedDir().resolve(area(sqlFile) + ".out");
        if (!Files.exists(expectedFile)) {
            fail("no expected output " + expectedFile + ": record it with -Dslt.record=<PostgreSQL JDBC URL>");
        }
        String expected = Files.readString(expectedFile, StandardCharsets.UTF_8);
        Path dataDir = Files.createTempDirectory("epochdb-slt-");
        String actual;
        Engine engine = Engine.open(dataDir);
        try {
            try (PgServer server = PgServer.start(engine, "127.0.0.1", 0)) {
                actual = runScript(sqlFile,
                    withSimpleMode("jdbc:postgresql://127.0.0.1:" + server.port() + "/postgres?user=postgres"));
                long deadline = System.nanoTime() + 5_000_000_000L;
                while (((EngineImpl) engine).sessionCount() > 0 && System.nanoTime() < deadline) {
                    Thread.sleep(10);
                }
                assertEquals(0, ((EngineImpl) engine).sessionCount(), "session leaked after " + sqlFile);
            }
        } finally {
            engine.close(); // throws if the allocator leaked
            deleteRecursively(dataDir);
        }
        Path actualDir = moduleDir().resolve("target/slt-actual");
        Files.createDirectories(actualDir);
        Files.writeString(actualDir.resolve(area(sqlFile) + ".out"), actual, StandardCharsets.UTF_8);
        if (!expected.equals(actual)) {
            fail(area(sqlFile) + ": output differs from PostgreSQL's (full output in target/slt-actual)\n"
                + LineDiff.diff(expected.lines().toList(), actual.lines().toList()));
        }
    }

    private static String withSimpleMode(String url) {
        return url + (url.contains("?") ? "&" : "?") + "preferQueryMode=simple";
    }

    /** Runs the script on one connection: in UTC, ISO dates, statement by statement. */
    static String runScript(Path sqlFile, String url) throws IOException, SQLException {
        List<SqlScript.Item> items = SqlScript.parse(Files.readString(sqlFile, StandardCharsets.UTF_8));
        StringBuilder out = new StringBuilder();
        try (Connection c = DriverManager.getConnection(url)) {
            try (Statement s = c.createStatement()) {
                s.execute("SET TimeZone = 'UTC'");
            }
            for (SqlScript.Item item : items) {
                out.append(item.text()).append('\n');
                if (item.statement()) {
                    ResultRenderer.run(c, SqlScript.sqlOf(item), out);
                }
            }
        }
        return out.toString();
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
