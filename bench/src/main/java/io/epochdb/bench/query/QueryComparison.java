package io.epochdb.bench.query;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** One query's outcome on both systems and whether their rows agree. */
record QueryComparison(TsbsQuery query, QueryRunner.Outcome epochDb, QueryRunner.Outcome postgres) {
    QueryComparison {
        requireNonNull(query, "query");
        requireNonNull(epochDb, "epochDb");
    }

    /** "same", "MISMATCH ...", "EpochDB ERROR", or "-" when there was nothing to compare with. */
    String check() {
        if (!epochDb.timing().ok()) {
            return "EpochDB ERROR";
        }
        if (postgres == null || !postgres.timing().ok()) {
            return postgres == null ? "-" : "PostgreSQL ERROR";
        }
        List<String> e = epochDb.rows();
        List<String> p = postgres.rows();
        if (e.equals(p)) {
            return "same";
        }
        return "MISMATCH";
    }

    /** For a mismatch: the row counts and the first differing row of each side (sorted order). */
    String mismatchDetail() {
        List<String> e = epochDb.rows();
        List<String> p = postgres.rows();
        int i = 0;
        while (i < e.size() && i < p.size() && e.get(i).equals(p.get(i))) {
            i++;
        }
        return String.format("EpochDB %d rows, PostgreSQL %d rows; first difference at sorted row %d: EpochDB [%s]"
            + " PostgreSQL [%s]", e.size(), p.size(), i, i < e.size() ? e.get(i) : "(none)",
            i < p.size() ? p.get(i) : "(none)");
    }
}
