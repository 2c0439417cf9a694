package io.epochdb.jdbc.crash;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.stream.Stream;

/** Shared setup of the crash tests: the ingest table, and the working directory under {@code target/}. */
final class CrashTables {
    static final Path WORK_DIR = Path.of("target", "crash-recovery");

    private CrashTables() {
    }

    /**
     * Creates the ingest table: a hypertable with one-hour chunks when {@code create_hypertable} works, a plain table
     * otherwise (printed, so a run says which it tested). Returns whether it is a hypertable.
     */
    static boolean createIngestTable(Connection c, String table) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE " + table
                + " (id bigint NOT NULL, batch bigint NOT NULL, time timestamptz NOT NULL, payload text)");
        }
        boolean hypertable = tryCreateHypertable(c, table, "1 hour");
        System.out.println("[crash] " + table + " is a " + (hypertable ? "hypertable (1 hour chunks)" : "plain table"));
        return hypertable;
    }

    /** {@code create_hypertable(table, 'time', chunk_time_interval => ...)}; false (and why, printed) if it fails. */
    static boolean tryCreateHypertable(Connection c, String table, String interval) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("SELECT create_hypertable('" + table + "', 'time', chunk_time_interval => INTERVAL '" + interval
                + "')");
            return true;
        } catch (SQLException e) {
            System.out.println("[crash] create_hypertable('" + table + "') failed (" + e.getSQLState() + ": "
                + e.getMessage() + "): falling back to a plain table");
            return false;
        }
    }

    /** A fresh data directory under {@code target/crash-recovery}. */
    static Path newDataDir(String name) throws IOException {
        Files.createDirectories(WORK_DIR);
        return Files.createTempDirectory(WORK_DIR, name + "-data-");
    }

    /** The server log of one test, emptied at the start of the test. */
    static Path newLogFile(String name) throws IOException {
        Files.createDirectories(WORK_DIR);
        Path log = WORK_DIR.resolve(name + "-server.log");
        Files.deleteIfExists(log);
        return log;
    }

    static void deleteRecursively(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Prints the server log's tail and where the data directory was kept, for a failed test. */
    static void reportFailure(Path logFile, Path dataDir) {
        System.out.println("[crash] FAILED; data directory kept at " + dataDir.toAbsolutePath() + "; server log "
            + logFile.toAbsolutePath() + ", last 60 lines:\n" + ServerProcess.logTail(logFile, 60));
    }
}
