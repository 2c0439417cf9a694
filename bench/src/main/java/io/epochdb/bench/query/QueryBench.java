package io.epochdb.bench.query;

import io.epochdb.bench.ingest.EpochDbProcess;
import io.epochdb.bench.ingest.IngestBench;
import io.epochdb.bench.tsbs.CpuOnlyGenerator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * TSBS cpu-only queries, EpochDB against PostgreSQL 15. Loads the data set into both exactly as the ingest benchmark
 * does (by calling {@link IngestBench#loadEpochDb} and {@link IngestBench#loadPostgres}), generates one query per TSBS
 * query type with seeded parameters, runs each {@code --warmups} times untimed and {@code --runs} times timed per
 * system, and prints median and minimum milliseconds, the ratio, and whether both returned the same rows. Errors and
 * mismatches are reported in the table; the run goes on.
 *
 * <p>PostgreSQL has no {@code time_bucket}; the benchmark creates {@code time_bucket(interval, timestamptz)} in its
 * schema as an inlinable SQL function over {@code date_bin} with TimescaleDB's origin (2000-01-03), so both systems
 * receive the same SQL text. The PostgreSQL table gets TSBS's two indexes (from the ingest code) and VACUUM ANALYZE.
 *
 * <p>Options: {@code --hosts N} (100), {@code --days D} (1), {@code --seed S} (data), {@code --query-seed S} (1),
 * {@code --warmups W} (5) and {@code --warmup-seconds S} (10: untimed runs of a query until both are reached, as
 * a long-running server has its query paths JIT-compiled), {@code --warmup-pass-seconds P} (2: first, every query
 * in turn for P seconds: right after a bulk load the JIT was still settling, and whichever query came early in the
 * table measured up to 3x slow), {@code --runs R} (10), {@code --budget-seconds B} (30: a run slower than this is not
 * repeated), {@code --queries a,b,...} (all), {@code --epochdb-jar PATH} or {@code --epochdb-url URL},
 * {@code --epochdb-jvm "ARGS"}, {@code --pg-url URL}, {@code --pg-schema NAME} (bench_query), {@code --keep-data}, {@code --skip-load} (with --epochdb-url: both
 * systems already hold the data set of a --keep-data run; only the row counts are checked).
 */
public final class QueryBench {
    private QueryBench() {
    }

    /** Parsed command line. */
    record Options(int hosts, int days, long seed, long querySeed, int warmUps, double warmUpMillis,
                   double warmUpPassMillis, int runs, double budgetMillis,
                   List<String> queries, Path epochJar, String epochUrl, List<String> epochJvm, String pgUrl,
                   String pgSchema, boolean keepData, boolean skipLoad) {
        static Options parse(String[] args) {
            int hosts = 100;
            int days = 1;
            long seed = CpuOnlyGenerator.DEFAULT_SEED;
            long querySeed = 1;
            int warmUps = 5;
            double warmUpMillis = 10_000;
            double warmUpPassMillis = 2_000;
            int runs = 10;
            double budget = 30_000;
            List<String> queries = TsbsQueries.TYPES;
            Path jar = null;
            String epochUrl = null;
            List<String> jvm = List.of();
            String pgUrl = null;
            String pgSchema = "bench_query";
            boolean keep = false;
            boolean skipLoad = false;
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                switch (a) {
                    case "--hosts" -> hosts = Integer.parseInt(value(args, ++i, a));
                    case "--days" -> days = Integer.parseInt(value(args, ++i, a));
                    case "--seed" -> seed = Long.parseLong(value(args, ++i, a));
                    case "--query-seed" -> querySeed = Long.parseLong(value(args, ++i, a));
                    case "--warmups" -> warmUps = Integer.parseInt(value(args, ++i, a));
                    case "--warmup-seconds" -> warmUpMillis = Double.parseDouble(value(args, ++i, a)) * 1000;
                    case "--warmup-pass-seconds" -> warmUpPassMillis = Double.parseDouble(value(args, ++i, a)) * 1000;
                    case "--runs" -> runs = Integer.parseInt(value(args, ++i, a));
                    case "--budget-seconds" -> budget = Double.parseDouble(value(args, ++i, a)) * 1000;
                    case "--queries" -> queries = Arrays.stream(value(args, ++i, a).split(",")).map(String::trim)
                        .filter(s -> !s.isEmpty()).toList();
                    case "--epochdb-jar" -> jar = Path.of(value(args, ++i, a));
                    case "--epochdb-url" -> epochUrl = value(args, ++i, a);
                    case "--epochdb-jvm" -> jvm = Arrays.stream(value(args, ++i, a).trim().split("\\s+"))
                        .filter(s -> !s.isEmpty()).toList();
                    case "--pg-url" -> pgUrl = value(args, ++i, a);
                    case "--pg-schema" -> pgSchema = value(args, ++i, a);
                    case "--keep-data" -> keep = true;
                    case "--skip-load" -> skipLoad = true;
                    default -> throw new IllegalArgumentException("unknown option " + a + "\n" + usage());
                }
            }
            if (jar == null && epochUrl == null) {
                throw new IllegalArgumentException("no EpochDB: give --epochdb-jar or --epochdb-url\n" + usage());
            }
            for (String q : queries) {
                if (!TsbsQueries.TYPES.contains(q)) {
                    throw new IllegalArgumentException("unknown query type " + q + "; known: " + TsbsQueries.TYPES);
                }
            }
            if (!pgSchema.matches("[a-z_][a-z0-9_]*")) {
                throw new IllegalArgumentException("--pg-schema must be a plain lower-case identifier: " + pgSchema);
            }
            return new Options(hosts, days, seed, querySeed, warmUps, warmUpMillis, warmUpPassMillis, runs, budget, queries,
                jar, epochUrl, jvm,
                pgUrl, pgSchema, keep, skipLoad);
        }

        private static String value(String[] args, int i, String option) {
            if (i >= args.length) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return args[i];
        }

        static String usage() {
            return "usage: QueryBench [--hosts N] [--days D] [--seed S] [--query-seed S] [--warmups W] [--warmup-seconds S] [--warmup-pass-seconds P] [--runs R]"
                + " [--budget-seconds B] [--queries a,b] (--epochdb-jar PATH | --epochdb-url URL)"
                + " [--epochdb-jvm \"ARGS\"] [--pg-url URL] [--pg-schema NAME] [--keep-data] [--skip-load]";
        }

        /** The same data set options the ingest benchmark takes; the PostgreSQL table is kept for the queries. */
        IngestBench.Options ingest() {
            return new IngestBench.Options(hosts, days, seed, 10_000, epochJar, epochUrl, epochJvm, pgUrl, pgSchema,
                true);
        }

        Instant end() {
            return CpuOnlyGenerator.DEFAULT_START.plus(Duration.ofDays(days));
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
        TsbsQueries generator = new TsbsQueries(CpuOnlyGenerator.DEFAULT_START, options.end(), options.hosts(),
            options.querySeed());
        List<TsbsQuery> queries = options.queries().stream().map(generator::generate).toList();
        long expected = new CpuOnlyGenerator(options.hosts(), CpuOnlyGenerator.DEFAULT_START, options.end(),
            options.seed()).rowCount();
        System.out.printf(Locale.ROOT, "TSBS cpu-only queries: %d hosts x %d day(s) = %,d rows; data seed %d, query"
                + " seed %d; at least %d warm-up runs and %.1f s of them, then %d timed runs per system, a run over"
                + " %.0f s is not repeated%n",
            options.hosts(), options.days(), expected, options.seed(), options.querySeed(), options.warmUps(),
            options.warmUpMillis() / 1000, options.runs(), options.budgetMillis() / 1000);
        for (TsbsQuery q : queries) {
            System.out.println("  " + q.type() + ": " + q.sql().trim().replaceAll("\\s+", " "));
        }
        List<QueryComparison> results;
        if (options.epochJar() != null) {
            results = runWithServer(options, queries, expected);
        } else {
            results = run(options.epochUrl(), options, queries, expected);
        }
        System.out.println();
        System.out.print(QueryReport.table(results));
        boolean allOk = results.stream().allMatch(r -> r.check().equals("same") || r.check().equals("-"));
        System.exit(allOk ? 0 : 1);
    }

    private static List<QueryComparison> runWithServer(Options options, List<TsbsQuery> queries, long expected)
        throws Exception {
        Path data = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "epochdb-query-");
        Path log = data.resolveSibling(data.getFileName() + ".log");
        System.out.println("EpochDB: starting " + options.epochJar() + " on fresh data directory " + data + " (log "
            + log + ")");
        try (EpochDbProcess server = EpochDbProcess.start(options.epochJar(), data, log, options.epochJvm())) {
            List<QueryComparison> results = run(server.url(), options, queries, expected);
            server.stop();
            return results;
        } finally {
            if (!options.keepData()) {
                deleteRecursively(data);
                Files.deleteIfExists(log);
            } else {
                System.out.println("EpochDB: data directory kept at " + data + ", log " + log);
            }
        }
    }

    private static List<QueryComparison> run(String epochUrl, Options options, List<TsbsQuery> queries,
                                             long expected) throws SQLException {
        if (options.skipLoad()) {
            checkLoaded(epochUrl, "cpu", expected);
            if (options.pgUrl() != null) {
                checkLoaded(options.pgUrl(), options.pgSchema() + ".cpu", expected);
            }
        } else {
            IngestBench.loadEpochDb(epochUrl, options.ingest(), expected);
            if (options.pgUrl() != null) {
                IngestBench.loadPostgres(options.ingest(), expected);
            }
        }
        if (options.pgUrl() == null) {
            System.out.println("no PostgreSQL to compare with (--pg-url): EpochDB timings only, rows unchecked");
        }
        try (Connection epoch = DriverManager.getConnection(epochUrl);
             Connection pg = options.pgUrl() == null ? null : DriverManager.getConnection(options.pgUrl())) {
            if (pg != null) {
                preparePostgres(pg, options.pgSchema());
            }
            // both systems write out what the load left in memory now, not while queries are timed: a checkpoint
            // running behind a query (PostgreSQL's spreads its writes over minutes) made one query in the table
            // slow by 2x at random
            checkpoint(epoch, "EpochDB");
            if (pg != null) {
                checkpoint(pg, "PostgreSQL");
            }
            QueryRunner epochRunner = new QueryRunner(epoch, options.warmUps(), options.warmUpMillis(), options.runs(),
                options.budgetMillis());
            QueryRunner pgRunner = pg == null ? null
                : new QueryRunner(pg, options.warmUps(), options.warmUpMillis(), options.runs(),
                options.budgetMillis());
            // one untimed pass over every query first: the shared paths (scan, aggregation, wire encoding) of a
            // server that has been up a while are compiled, and the first queries in the table should not pay for
            // what the later ones get for free
            System.out.printf(Locale.ROOT, "warm-up pass: every query for %.0f s on each system%n",
                options.warmUpPassMillis() / 1000);
            for (TsbsQuery q : queries) {
                epochRunner.runFor(q, options.warmUpPassMillis());
                if (pgRunner != null) {
                    pgRunner.runFor(q, options.warmUpPassMillis());
                }
            }
            List<QueryComparison> results = new ArrayList<>();
            for (TsbsQuery q : queries) {
                QueryRunner.Outcome e = epochRunner.run(q);
                QueryRunner.Outcome p = pgRunner == null ? null : pgRunner.run(q);
                QueryComparison c = new QueryComparison(q, e, p);
                results.add(c);
                System.out.printf(Locale.ROOT, "%s: EpochDB %s, PostgreSQL %s, %s%n", q.type(), brief(e.timing()),
                    p == null ? "-" : brief(p.timing()), c.check());
            }
            if (pg != null && !options.keepData()) {
                exec(pg, "DROP SCHEMA " + options.pgSchema() + " CASCADE");
            }
            return results;
        }
    }

    /**
     * Points the session at the benchmark schema, gives it TimescaleDB's {@code time_bucket} for the interval widths
     * TSBS uses, and refreshes statistics and the visibility map as autovacuum would have by the time TSBS queries.
     */
    private static void preparePostgres(Connection pg, String schema) throws SQLException {
        exec(pg, "CREATE OR REPLACE FUNCTION " + schema + ".time_bucket(bucket_width interval, ts timestamptz)"
            + " RETURNS timestamptz LANGUAGE sql IMMUTABLE PARALLEL SAFE"
            + " AS $$ SELECT date_bin(bucket_width, ts, TIMESTAMPTZ '2000-01-03 00:00:00+00') $$");
        exec(pg, "SET search_path TO " + schema);
        exec(pg, "VACUUM ANALYZE cpu");
    }

    /** For --skip-load: the table must already hold exactly the generated rows. */
    private static void checkLoaded(String url, String table, long expected) throws SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
             java.sql.ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            if (rs.getLong(1) != expected) {
                throw new SQLException(table + " at " + url.replaceAll("password=[^&]*", "password=...") + " holds "
                    + rs.getLong(1) + " rows, expected " + expected + ": run without --skip-load");
            }
        }
    }

    private static String brief(Timing t) {
        return t.ok() ? String.format(Locale.ROOT, "median %.2f ms (%d runs)", t.median(), t.runs())
            : "ERROR " + t.error();
    }

    /** CHECKPOINT, or a note when the role may not (PostgreSQL 15 needs superuser or pg_checkpoint). */
    private static void checkpoint(Connection c, String system) {
        long start = System.nanoTime();
        try {
            exec(c, "CHECKPOINT");
            System.out.printf(Locale.ROOT, "%s: CHECKPOINT in %.1f s%n", system, (System.nanoTime() - start) / 1e9);
        } catch (SQLException e) {
            System.out.println(system + ": no CHECKPOINT before timing (" + e.getMessage() + ")");
        }
    }

    private static void exec(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
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
