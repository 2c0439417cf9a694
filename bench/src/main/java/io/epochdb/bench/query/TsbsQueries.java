package io.epochdb.bench.query;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * TSBS's cpu-only query set as its TimescaleDB generator writes it (cmd/tsbs_generate_queries/databases/timescaledb/
 * devops.go, time_bucket variant, hostname as a column of {@code cpu} rather than a separate tags table), with the
 * random hosts and time windows drawn from a seeded {@link Random} so every run asks the same questions.
 *
 * <p>One deliberate difference: TSBS's double-groupby groups by {@code tags_id} because its schema keeps tags in a
 * separate table; our {@code cpu} table has the tags inline (as the ingest benchmark creates it), so the CTE groups by
 * {@code hostname}, which is what the tags_id form means.
 */
final class TsbsQueries {
    /** Every query type, in TSBS's documentation order. */
    static final List<String> TYPES = List.of("single-groupby-1-1-1", "single-groupby-1-1-12", "single-groupby-1-8-1",
        "single-groupby-5-1-1", "single-groupby-5-1-12", "single-groupby-5-8-1", "cpu-max-all-1", "cpu-max-all-8",
        "double-groupby-1", "double-groupby-5", "double-groupby-all", "high-cpu-1", "high-cpu-all", "lastpoint",
        "groupby-orderby-limit");

    private static final List<String> METRICS = List.of("usage_user", "usage_system", "usage_idle", "usage_nice",
        "usage_iowait", "usage_irq", "usage_softirq", "usage_steal", "usage_guest", "usage_guest_nice");
    private static final Duration DOUBLE_GROUP_BY = Duration.ofHours(12);
    private static final Duration HIGH_CPU = Duration.ofHours(12);
    private static final Duration MAX_ALL = Duration.ofHours(8);
    private static final int ONE_MINUTE = 60;
    private static final int ONE_HOUR = 3600;
    /** Go's {@code "2006-01-02 15:04:05.999999 -0700"}: fraction printed only when non-zero, trailing zeros cut. */
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
        .withZone(ZoneOffset.UTC);

    private final Instant start;
    private final Instant end;
    private final int hosts;
    private final Random random;

    /** Queries over a data set of {@code hosts} hosts covering [start, end). */
    TsbsQueries(Instant start, Instant end, int hosts, long seed) {
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("end " + end + " is not after start " + start);
        }
        if (hosts < 1) {
            throw new IllegalArgumentException("hosts must be at least 1: " + hosts);
        }
        this.start = start;
        this.end = end;
        this.hosts = hosts;
        this.random = new Random(seed);
    }

    /** One query of {@code type} (one of {@link #TYPES}); each call draws fresh parameters. */
    TsbsQuery generate(String type) {
        String sql = switch (type) {
            case "single-groupby-1-1-1" -> groupByTime(1, 1, Duration.ofHours(1));
            case "single-groupby-1-1-12" -> groupByTime(1, 1, Duration.ofHours(12));
            case "single-groupby-1-8-1" -> groupByTime(1, 8, Duration.ofHours(1));
            case "single-groupby-5-1-1" -> groupByTime(5, 1, Duration.ofHours(1));
            case "single-groupby-5-1-12" -> groupByTime(5, 1, Duration.ofHours(12));
            case "single-groupby-5-8-1" -> groupByTime(5, 8, Duration.ofHours(1));
            case "cpu-max-all-1" -> maxAllCpu(1);
            case "cpu-max-all-8" -> maxAllCpu(8);
            case "double-groupby-1" -> groupByTimeAndPrimaryTag(1);
            case "double-groupby-5" -> groupByTimeAndPrimaryTag(5);
            case "double-groupby-all" -> groupByTimeAndPrimaryTag(METRICS.size());
            case "high-cpu-1" -> highCpuForHosts(1);
            case "high-cpu-all" -> highCpuForHosts(0);
            case "lastpoint" -> "SELECT DISTINCT ON (hostname) * FROM cpu ORDER BY hostname, time DESC";
            case "groupby-orderby-limit" -> groupByOrderByLimit();
            default -> throw new IllegalArgumentException("unknown TSBS query type " + type + "; known: " + TYPES);
        };
        return new TsbsQuery(type, sql);
    }

    private String groupByTime(int nHosts, int numMetrics, Duration range) {
        Instant[] window = randomWindow(range);
        return String.format("""
            SELECT %s AS minute,
                    %s
                    FROM cpu
                    WHERE %s AND time >= '%s' AND time < '%s'
                    GROUP BY minute ORDER BY minute ASC""", timeBucket(ONE_MINUTE),
            aggregates("max", METRICS.subList(0, numMetrics)), hostWhere(nHosts), format(window[0]), format(window[1]));
    }

    private String groupByOrderByLimit() {
        Instant[] window = randomWindow(Duration.ofHours(1));
        return String.format("""
            SELECT %s AS minute, max(usage_user)
                    FROM cpu
                    WHERE time < '%s'
                    GROUP BY minute
                    ORDER BY minute DESC
                    LIMIT 5""", timeBucket(ONE_MINUTE), format(window[1]));
    }

    private String groupByTimeAndPrimaryTag(int numMetrics) {
        List<String> metrics = METRICS.subList(0, numMetrics);
        Instant[] window = randomWindow(DOUBLE_GROUP_BY);
        String selects = metrics.stream().map(m -> "avg(" + m + ") as mean_" + m).collect(Collectors.joining(", "));
        String means = metrics.stream().map(m -> "mean_" + m).collect(Collectors.joining(", "));
        return String.format("""
                    WITH cpu_avg AS (
                      SELECT %s as hour, hostname,
                      %s
                      FROM cpu
                      WHERE time >= '%s' AND time < '%s'
                      GROUP BY hour, hostname
                    )
                    SELECT hour, hostname, %s
                    FROM cpu_avg
                    ORDER BY hour, hostname""", timeBucket(ONE_HOUR), selects, format(window[0]), format(window[1]),
            means);
    }

    private String maxAllCpu(int nHosts) {
        Instant[] window = randomWindow(MAX_ALL);
        return String.format("""
            SELECT %s AS hour,
                    %s
                    FROM cpu
                    WHERE %s AND time >= '%s' AND time < '%s'
                    GROUP BY hour ORDER BY hour""", timeBucket(ONE_HOUR), aggregates("max", METRICS),
            hostWhere(nHosts), format(window[0]), format(window[1]));
    }

    private String highCpuForHosts(int nHosts) {
        String hostClause = nHosts == 0 ? "" : "AND " + hostWhere(nHosts);
        Instant[] window = randomWindow(HIGH_CPU);
        return String.format("SELECT * FROM cpu WHERE usage_user > 90.0 and time >= '%s' AND time < '%s' %s",
            format(window[0]), format(window[1]), hostClause);
    }

    private static String timeBucket(int seconds) {
        return "time_bucket('" + seconds + " seconds', time)";
    }

    private static String aggregates(String agg, List<String> metrics) {
        return metrics.stream().map(m -> agg + "(" + m + ") as " + agg + "_" + m).collect(Collectors.joining(", "));
    }

    /** TSBS's {@code (hostname = 'host_3' OR hostname = 'host_17')}, hosts drawn without repetition. */
    private String hostWhere(int nHosts) {
        if (nHosts > hosts) {
            throw new IllegalArgumentException("query needs " + nHosts + " hosts, data set has " + hosts);
        }
        Set<Integer> picked = new LinkedHashSet<>();
        while (picked.size() < nHosts) {
            picked.add(random.nextInt(hosts));
        }
        List<String> clauses = new ArrayList<>();
        for (int h : picked) {
            clauses.add("hostname = 'host_" + h + "'");
        }
        return "(" + String.join(" OR ", clauses) + ")";
    }

    /** TSBS's RandWindow: a window of {@code length} starting uniformly in [start, end - length), microseconds. */
    private Instant[] randomWindow(Duration length) {
        long lower = micros(start);
        long upper = micros(end.minus(length));
        if (upper <= lower) {
            throw new IllegalArgumentException("data set shorter than the " + length + " window a query needs");
        }
        long from = lower + (long) (random.nextDouble() * (upper - lower));
        Instant s = Instant.ofEpochSecond(Math.floorDiv(from, 1_000_000), Math.floorMod(from, 1_000_000) * 1000L);
        return new Instant[] {s, s.plus(length)};
    }

    private static long micros(Instant t) {
        return t.getEpochSecond() * 1_000_000 + t.getNano() / 1000;
    }

    /** Go's "2006-01-02 15:04:05.999999 -0700" in UTC. */
    static String format(Instant t) {
        StringBuilder s = new StringBuilder(SECONDS.format(t));
        int micros = t.getNano() / 1000;
        if (micros != 0) {
            String fraction = String.format("%06d", micros).replaceAll("0+$", "");
            s.append('.').append(fraction);
        }
        return s.append(" +0000").toString();
    }
}
