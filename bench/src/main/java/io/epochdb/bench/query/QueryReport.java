package io.epochdb.bench.query;

import java.util.List;
import java.util.Locale;

/**
 * The printed result: one line per query with EpochDB's and PostgreSQL's median and minimum milliseconds, the ratio
 * of the medians (EpochDB / PostgreSQL: below 1 means EpochDB is faster), the row count and the row check; then the
 * full text of every error and mismatch.
 */
final class QueryReport {
    private static final int CHECK_WIDTH = 60;

    private QueryReport() {
    }

    static String table(List<QueryComparison> results) {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "%-22s %8s %11s %11s %11s %11s %8s  %s%n", "query", "rows", "Epoch med",
            "Epoch min", "PG med", "PG min", "E/PG", "check"));
        for (QueryComparison r : results) {
            Timing e = r.epochDb().timing();
            Timing p = r.postgres() == null ? null : r.postgres().timing();
            List<String> rows = e.ok() ? r.epochDb().rows() : p != null && p.ok() ? r.postgres().rows() : null;
            String check = r.check();
            if (!e.ok()) {
                check = "EpochDB ERROR: " + e.error();
            } else if (check.equals("MISMATCH")) {
                check = "MISMATCH: " + r.mismatchDetail();
            } else if (check.equals("PostgreSQL ERROR")) {
                check = "PostgreSQL ERROR: " + p.error();
            }
            if (check.length() > CHECK_WIDTH) {
                check = check.substring(0, CHECK_WIDTH - 3) + "...";
            }
            s.append(String.format(Locale.ROOT, "%-22s %8s %11s %11s %11s %11s %8s  %s%n", r.query().type(),
                rows == null ? "?" : Integer.toString(rows.size()), millis(e, true), millis(e, false),
                millis(p, true), millis(p, false), ratio(e, p), check));
        }
        for (QueryComparison r : results) {
            String check = r.check();
            if (!r.epochDb().timing().ok()) {
                s.append(r.query().type()).append(": EpochDB ERROR: ").append(r.epochDb().timing().error()).append('\n');
            } else if (check.equals("MISMATCH")) {
                s.append(r.query().type()).append(": MISMATCH: ").append(r.mismatchDetail()).append('\n');
            } else if (check.equals("PostgreSQL ERROR")) {
                s.append(r.query().type()).append(": PostgreSQL ERROR: ").append(r.postgres().timing().error())
                    .append('\n');
            }
            Timing e = r.epochDb().timing();
            note(s, r.query().type(), "EpochDB", e);
            note(s, r.query().type(), "PostgreSQL", r.postgres() == null ? null : r.postgres().timing());
        }
        return s.toString();
    }

    private static void note(StringBuilder s, String type, String system, Timing t) {
        if (t != null && t.ok() && t.overBudget()) {
            s.append(String.format(Locale.ROOT, "%s: %s over the per-run budget, timed %d run(s) only%n", type, system,
                t.runs()));
        }
    }

    private static String millis(Timing t, boolean median) {
        if (t == null || !t.ok()) {
            return "-";
        }
        return String.format(Locale.ROOT, "%.2f", median ? t.median() : t.min());
    }

    private static String ratio(Timing e, Timing p) {
        if (e == null || p == null || !e.ok() || !p.ok()) {
            return "-";
        }
        return String.format(Locale.ROOT, "%.2fx", e.median() / p.median());
    }
}
