package io.epochdb.bench.ingest;

import io.epochdb.bench.tsbs.CpuOnlyGenerator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * TSBS cpu-only ingest: generates the data set once per system (deterministic, so both get identical rows), loads it
 * by COPY from one client, checks the row count, and prints rows/s and bytes per row on disk for EpochDB and
 * PostgreSQL side by side. EpochDB's size is its data directory after a clean shutdown (SIGTERM); after that the
 * server is started once more on the same directory and must still count every row. PostgreSQL's size is
 * {@code pg_total_relation_size} (heap, TOAST and both TSBS indexes).
 *
 * <p>Options: {@code --hosts N} (100), {@code --days D} (1), {@code --seed S}, {@code --batch-rows R} (rows per COPY,
 * 10000 like TSBS; 0 = one COPY), {@code --epochdb-jar PATH} (start a server from it on a fresh data directory),
 * {@code --epochdb-url URL} (or use a running server), {@code --epochdb-jvm "ARGS"}, {@code --pg-url URL} (also
 * load PostgreSQL), {@code --pg-schema NAME} (bench_ingest), {@code --keep-data}.
 */
public final class IngestBench {
    /** Verification failures that do not stop the run (reported after the table; exit status 1). */
    private static final List<String> failures = new ArrayList<>();

    private IngestBench() {
    }

    /** Parsed command line. */
    public record Options(int hosts, int days, long seed, int batchRows, Path epochJar, String epochUrl,
                          List<String> epochJvm, String pgUrl, String pgSchema, boolean keepData) {
        static Options parse(String[] args) {
            int hosts = 100;
            int days = 1;
            long seed = CpuOnlyGenerator.DEFAULT_SEED;
            int batchRows = 10_000;
            Path jar = null;
            String epochUrl = null;
            List<String> jvm = List.of();
            String pgUrl = null;
            String pgSchema = "bench_ingest";
            boolean keep = false;
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                switch (a) {
                    case "--hosts" -> hosts = Integer.parseInt(value(args, ++i, a));
                    case "--days" -> days = Integer.parseInt(value(args, ++i, a));
                    case "--seed" -> seed = Long.parseLong(value(args, ++i, a));
                    case "--batch-rows" -> batchRows = Integer.parseInt(value(args, ++i, a));
                    case "--epochdb-jar" -> jar = Path.of(value(args, ++i, a));
                    case "--epochdb-url" -> epochUrl = value(args, ++i, a);
                    case "--epochdb-jvm" -> jvm = Arrays.stream(value(args, ++i, a).trim().split("\\s+"))
                        .filter(s -> !s.isEmpty()).toList();
                    case "--pg-url" -> pgUrl = value(args, ++i, a);
                    case "--pg-schema" -> pgSchema = value(args, ++i, a);
                    case "--keep-data" -> keep = true;
                    default -> throw new IllegalArgumentException("unknown option " + a + "\n" + usage());
                }
            }
            if (jar == null && epochUrl == null && pgUrl == null) {
                throw new IllegalArgumentException("nothing to load into\n" + usage());
            }
            if (!pgSchema.matches("[a-z_][a-z0-9_]*")) {
                throw new IllegalArgumentException("--pg-schema must be a plain lower-case identifier: " + pgSchema);
            }
            return new Options(hosts, days, seed, batchRows, jar, epochUrl, jvm, pgUrl, pgSchema, keep);
        }

        private static String value(String[] args, int i, String option) {
            if (i >= args.length) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return args[i];
        }

        static String usage() {
            return "usage: IngestBench [--hosts N] [--days D] [--seed S] [--batch-rows R] [--epochdb-jar PATH |"
                + " --epochdb-url URL] [--epochdb-jvm \"ARGS\"] [--pg-url URL] [--pg-schema NAME] [--keep-data]";
        }

        CpuOnlyGenerator generator() {
            return new CpuOnlyGenerator(hosts, CpuOnlyGenerator.DEFAULT_START,
                CpuOnlyGenerator.DEFAULT_START.plus(Duration.ofDays(days)), seed);
        }
    }

    public static void main(String[] args) throws Exception {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        long expected = options.generator().rowCount();
        System.out.printf(Locale.ROOT, "TSBS cpu-only: %d hosts x %d day(s) from %s, one row per host every %d s"
                + " = %,d rows; seed %d; COPY CSV from one client, %s rows per COPY%n", options.hosts(), options.days(),
            CpuOnlyGenerator.DEFAULT_START, CpuOnlyGenerator.INTERVAL.getSeconds(), expected, options.seed(),
            options.batchRows() <= 0 ? "all" : String.format(Locale.ROOT, "%,d", options.batchRows()));
        long warm = System.nanoTime();
        long checksum = CopyLoader.warmUp(options.generator(), Math.min(expected, 1_000_000));
        System.out.printf(Locale.ROOT, "client warm-up: generated and encoded %,d rows in %.2f s (checksum %d)%n",
            Math.min(expected, 1_000_000), (System.nanoTime() - warm) / 1e9, checksum);
        List<LoadResult> results = new ArrayList<>();
        if (options.epochJar() != null) {
            results.add(loadEpochDbFromJar(options, expected));
        } else if (options.epochUrl() != null) {
            results.add(loadEpochDbAtUrl(options, expected));
        }
        if (options.pgUrl() != null) {
            results.add(loadPostgres(options, expected));
        }
        System.out.println();
        System.out.print(Report.table(results));
        if (!failures.isEmpty()) {
            failures.forEach(f -> System.out.println("FAILED: " + f));
            System.exit(1);
        }
    }

    private static LoadResult loadEpochDbFromJar(Options options, long expected) throws Exception {
        Path data = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "epochdb-ingest-");
        Path log = data.resolveSibling(data.getFileName() + ".log");
        System.out.println("EpochDB: starting " + options.epochJar() + " on fresh data directory " + data + " (log " + log
            + ")");
        boolean ok = false;
        try {
            LoadResult loaded;
            try (EpochDbProcess server = EpochDbProcess.start(options.epochJar(), data, log, options.epochJvm())) {
                loaded = loadEpochDb(server.url(), options, expected);
                server.stop();
            }
            long bytes = EpochDbProcess.directorySize(data);
            System.out.printf(Locale.ROOT, "EpochDB: data directory after clean shutdown: %,d bytes (%s); restarting to"
                + " recount%n", bytes, EpochDbProcess.sizeBreakdown(data));
            String recount;
            try (EpochDbProcess server = EpochDbProcess.start(options.epochJar(), data, log, options.epochJvm());
                 Connection c = DriverManager.getConnection(server.url())) {
                long afterRestart = count(c, "cpu");
                recount = afterRestart == expected ? "count after restart ok"
                    : "COUNT AFTER RESTART " + afterRestart + ", EXPECTED " + expected;
                server.stop();
            } catch (SQLException e) {
                recount = "COUNT AFTER RESTART FAILED: " + e.getMessage().replace('\n', ' ');
            }
            ok = recount.endsWith(" ok");
            if (!ok) {
                failures.add("EpochDB: " + recount);
            }
            return new LoadResult(loaded.system(), loaded.rows(), loaded.seconds(), bytes,
                loaded.note() + "; size: data dir after clean shutdown; " + recount);
        } finally {
            if (ok && !options.keepData()) {
                deleteRecursively(data);
                Files.deleteIfExists(log);
            } else {
                System.out.println("EpochDB: data directory kept at " + data);
            }
        }
    }

    private static LoadResult loadEpochDbAtUrl(Options options, long expected) throws SQLException {
        LoadResult loaded = loadEpochDb(options.epochUrl(), options, expected);
        return new LoadResult(loaded.system(), loaded.rows(), loaded.seconds(), -1,
            loaded.note() + "; size unknown (running server given by URL)");
    }

    public static LoadResult loadEpochDb(String url, Options options, long expected) throws SQLException {
        try (Connection c = DriverManager.getConnection(url)) {
            exec(c, "DROP TABLE IF EXISTS cpu");
            exec(c, "CREATE TABLE cpu (" + CpuOnlyGenerator.columnDefinitions() + ")");
            String kind;
            try {
                exec(c, "SELECT create_hypertable('cpu', 'time', chunk_time_interval => INTERVAL '12 hours')");
                kind = "hypertable, 12 h chunks";
            } catch (SQLException e) {
                kind = "plain table (create_hypertable failed: " + e.getMessage().replace('\n', ' ') + ")";
            }
            System.out.println("EpochDB: cpu is a " + kind + "; loading");
            long t0 = System.nanoTime();
            long rows = CopyLoader.load(c, "cpu", options.generator(), options.batchRows());
            double seconds = (System.nanoTime() - t0) / 1e9;
            printLoaded("EpochDB", rows, seconds);
            verifyCount(c, "cpu", rows, expected, "EpochDB");
            return new LoadResult("EpochDB", rows, seconds, -1, kind);
        }
    }

    public static LoadResult loadPostgres(Options options, long expected) throws SQLException {
        String table = options.pgSchema() + ".cpu";
        try (Connection c = DriverManager.getConnection(options.pgUrl())) {
            String version = scalar(c, "SHOW server_version");
            String durability = "fsync=" + scalar(c, "SHOW fsync") + ", synchronous_commit="
                + scalar(c, "SHOW synchronous_commit");
            exec(c, "CREATE SCHEMA IF NOT EXISTS " + options.pgSchema());
            exec(c, "DROP TABLE IF EXISTS " + table);
            exec(c, "CREATE TABLE " + table + " (" + CpuOnlyGenerator.columnDefinitions() + ")");
            exec(c, "CREATE INDEX ON " + table + " (hostname, time DESC)");
            exec(c, "CREATE INDEX ON " + table + " (time DESC)");
            System.out.println("PostgreSQL " + version + " (" + durability + "): plain table " + table
                + " with indexes (hostname, time DESC) and (time DESC); loading");
            long t0 = System.nanoTime();
            long rows = CopyLoader.load(c, table, options.generator(), options.batchRows());
            double seconds = (System.nanoTime() - t0) / 1e9;
            printLoaded("PostgreSQL", rows, seconds);
            verifyCount(c, table, rows, expected, "PostgreSQL");
            long bytes = Long.parseLong(scalar(c, "SELECT pg_total_relation_size('" + table + "')"));
            if (!options.keepData()) {
                exec(c, "DROP TABLE " + table);
            }
            return new LoadResult("PostgreSQL " + version.split(" ")[0], rows, seconds, bytes,
                durability + "; size: pg_total_relation_size (heap + 2 indexes)");
        }
    }

    private static void printLoaded(String system, long rows, double seconds) {
        System.out.printf(Locale.ROOT, "%s: loaded %,d rows in %.2f s (%,.0f rows/s); counting%n", system, rows, seconds,
            rows / seconds);
    }

    private static void verifyCount(Connection c, String table, long confirmed, long expected, String system)
        throws SQLException {
        long counted = count(c, table);
        if (confirmed != expected || counted != expected) {
            throw new IllegalStateException(system + ": COPY confirmed " + confirmed + " rows, count(*) says " + counted
                + ", expected " + expected);
        }
    }

    private static long count(Connection c, String table) throws SQLException {
        return Long.parseLong(scalar(c, "SELECT count(*) FROM " + table));
    }

    private static void exec(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static String scalar(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
