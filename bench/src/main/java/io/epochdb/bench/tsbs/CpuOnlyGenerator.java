package io.epochdb.bench.tsbs;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The TSBS {@code cpu-only} data set: one row every 10 s for each of N hosts, in TSBS's order (all hosts at one
 * timestamp, then the next timestamp). Each host has ten clamped random walks in [0, 100] (step ~ N(0, 1), start
 * uniform in [0, 100)), advanced once per timestamp and reported truncated to an integer, as TSBS's
 * {@code ToPointAllInt64} does, in double precision columns.
 *
 * <p>Deterministic: the same (hosts, start, end, seed) gives the same rows. Not thread-safe; use one per stream.
 * Usage: {@code while (g.next()) { g.epochSecond(); g.host(); g.value(i); }} or {@link #appendCsv(StringBuilder)}.
 */
public final class CpuOnlyGenerator {
    public static final Instant DEFAULT_START = Instant.parse("2016-01-01T00:00:00Z");
    public static final Duration INTERVAL = Duration.ofSeconds(10);
    public static final long DEFAULT_SEED = 123;
    /** Field column names in TSBS order. */
    public static final List<String> FIELD_NAMES = List.of("usage_user", "usage_system", "usage_idle", "usage_nice",
        "usage_iowait", "usage_irq", "usage_softirq", "usage_steal", "usage_guest", "usage_guest_nice");
    private static final int FIELDS = 10;
    private static final DateTimeFormatter CSV_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'+00'")
        .withZone(ZoneOffset.UTC);

    private final List<Host> hosts;
    /** Per host, its tags as the CSV middle of a row: ",host_0,us-east-1,...". */
    private final String[] hostCsv;
    private final long startSecond;
    private final long steps;
    private final long intervalSeconds;
    private final Random random;
    /** Walk states, FIELDS per host. */
    private final double[] state;
    private long step;
    private int hostIndex = -1;
    private String timeText;

    /** {@code hosts} hosts from {@code start} (inclusive) to {@code end} (exclusive). */
    public CpuOnlyGenerator(int hosts, Instant start, Instant end, long seed) {
        if (hosts < 1) {
            throw new IllegalArgumentException("hosts must be at least 1: " + hosts);
        }
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("end " + end + " is not after start " + start);
        }
        this.random = new Random(seed);
        List<Host> list = new ArrayList<>(hosts);
        for (int i = 0; i < hosts; i++) {
            list.add(Host.random(i, random));
        }
        this.hosts = List.copyOf(list);
        this.hostCsv = new String[hosts];
        for (int i = 0; i < hosts; i++) {
            hostCsv[i] = "," + String.join(",", list.get(i).tags());
        }
        this.state = new double[hosts * FIELDS];
        for (int i = 0; i < state.length; i++) {
            state[i] = random.nextDouble() * 100.0;
        }
        this.intervalSeconds = INTERVAL.getSeconds();
        this.startSecond = start.getEpochSecond();
        this.steps = (Duration.between(start, end).getSeconds() + intervalSeconds - 1) / intervalSeconds;
    }

    /** The TSBS defaults: start 2016-01-01T00:00:00Z, {@code days} days, seed {@link #DEFAULT_SEED}. */
    public static CpuOnlyGenerator ofDays(int hosts, int days) {
        return new CpuOnlyGenerator(hosts, DEFAULT_START, DEFAULT_START.plus(Duration.ofDays(days)), DEFAULT_SEED);
    }

    public long rowCount() {
        return steps * hosts.size();
    }

    public List<Host> hosts() {
        return hosts;
    }

    /** Moves to the next row; false at the end. */
    public boolean next() {
        if (++hostIndex == hosts.size()) {
            hostIndex = 0;
            step++;
            advanceWalks();
        }
        if (step >= steps) {
            hostIndex = hosts.size() - 1;
            return false;
        }
        if (hostIndex == 0) {
            timeText = null;
        }
        return true;
    }

    private void advanceWalks() {
        for (int i = 0; i < state.length; i++) {
            double v = state[i] + random.nextGaussian();
            state[i] = v > 100.0 ? 100.0 : (v < 0.0 ? 0.0 : v);
        }
    }

    public long epochSecond() {
        return startSecond + step * intervalSeconds;
    }

    public Host host() {
        return hosts.get(hostIndex);
    }

    /** Field {@code field} (index into {@link #FIELD_NAMES}) of the current row: an integer in [0, 100]. */
    public double value(int field) {
        return (long) state[hostIndex * FIELDS + field];
    }

    /** The current row as one CSV line (time, ten tags, ten fields) with a trailing newline. */
    public void appendCsv(StringBuilder out) {
        if (timeText == null) {
            timeText = CSV_TIME.format(Instant.ofEpochSecond(epochSecond()));
        }
        out.append(timeText).append(hostCsv[hostIndex]);
        int base = hostIndex * FIELDS;
        for (int f = 0; f < FIELDS; f++) {
            out.append(',').append((long) state[base + f]);
        }
        out.append('\n');
    }

    /** Column definitions of the {@code cpu} table in CSV column order. */
    public static String columnDefinitions() {
        StringBuilder s = new StringBuilder("time timestamptz NOT NULL");
        for (String tag : Host.TAG_NAMES) {
            s.append(", ").append(tag).append(" text");
        }
        for (String field : FIELD_NAMES) {
            s.append(", ").append(field).append(" double precision");
        }
        return s.toString();
    }
}
