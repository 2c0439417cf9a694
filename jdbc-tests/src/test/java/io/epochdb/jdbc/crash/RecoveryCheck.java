package io.epochdb.jdbc.crash;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Compares a recovered table with the {@link BatchLedger}: every acknowledged batch complete (count and id sum),
 * every other batch complete or absent, no unknown batch, no duplicate id, and counts over time ranges equal to the
 * same counts computed client-side from {@link RowPlan}. Resolves in-doubt batches in the ledger as a side effect.
 * Problems are collected, not thrown one by one, so one run shows the whole picture.
 */
final class RecoveryCheck {
    /** What one check looked at and what it found wrong. */
    record Result(long batchesChecked, long rowsChecked, long inDoubtFoundPresent, long inDoubtFoundAbsent,
                  List<String> problems) {
        boolean ok() {
            return problems.isEmpty();
        }

        String summary(int maxProblems) {
            StringBuilder s = new StringBuilder(problems.size() + " problem(s):");
            problems.stream().limit(maxProblems).forEach(p -> s.append("\n  ").append(p));
            if (problems.size() > maxProblems) {
                s.append("\n  ... ").append(problems.size() - maxProblems).append(" more");
            }
            return s.toString();
        }
    }

    private record Found(long count, BigDecimal idSum) {
    }

    private final String table;
    private final BatchLedger ledger;

    RecoveryCheck(String table, BatchLedger ledger) {
        this.table = requireNonNull(table, "table");
        this.ledger = requireNonNull(ledger, "ledger");
    }

    Result run(Connection c, Random random, int timeRangeQueries) throws SQLException {
        List<String> problems = new ArrayList<>();
        Map<Long, Found> found = perBatch(c);
        long inDoubtPresent = 0;
        long inDoubtAbsent = 0;
        for (Map.Entry<Long, Found> f : found.entrySet()) {
            BatchLedger.Entry e = ledger.get(f.getKey());
            if (e == null) {
                problems.add("unknown batch " + f.getKey() + " with " + f.getValue().count() + " rows");
                continue;
            }
            if (e.mustBeAbsent()) {
                problems.add(e + " must be absent but has " + f.getValue().count() + " rows");
            } else if (f.getValue().count() != e.rows) {
                problems.add(e + " is partial or duplicated: " + f.getValue().count() + " rows");
            } else if (f.getValue().idSum().compareTo(BigDecimal.valueOf(RowPlan.idSum(e.batch, e.rows))) != 0) {
                problems.add(e + " has the right count but wrong ids: sum " + f.getValue().idSum());
            }
        }
        for (BatchLedger.Entry e : ledger.entries()) {
            boolean present = found.containsKey(e.batch);
            if (!present && e.mustBePresent()) {
                problems.add(e + " is lost");
            }
            if (e.state() == BatchLedger.State.IN_DOUBT) {
                if (present) {
                    inDoubtPresent++;
                } else {
                    inDoubtAbsent++;
                }
            }
            ledger.resolved(e, present);
        }
        long expectedRows = ledger.rowsThatMustBePresent();
        long[] counts = counts(c);
        if (counts[0] != counts[1]) {
            problems.add("count(*) = " + counts[0] + " but count(DISTINCT id) = " + counts[1]);
        }
        if (problems.isEmpty() && counts[0] != expectedRows) {
            problems.add("count(*) = " + counts[0] + " but the ledger says " + expectedRows);
        }
        if (problems.isEmpty()) {
            checkTimeRanges(c, random, timeRangeQueries, problems);
        }
        return new Result(found.size(), counts[0], inDoubtPresent, inDoubtAbsent, List.copyOf(problems));
    }

    private Map<Long, Found> perBatch(Connection c) throws SQLException {
        Map<Long, Found> found = new HashMap<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT batch, count(*), sum(id) FROM " + table + " GROUP BY batch")) {
            while (rs.next()) {
                found.put(rs.getLong(1), new Found(rs.getLong(2), rs.getBigDecimal(3)));
            }
        }
        return found;
    }

    private long[] counts(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*), count(DISTINCT id) FROM " + table)) {
            rs.next();
            return new long[] {rs.getLong(1), rs.getLong(2)};
        }
    }

    /**
     * Counts over random time ranges (closed-open, BETWEEN, open-ended, and one combined with a batch predicate)
     * against the same count computed from the ledger's present batches.
     */
    private void checkTimeRanges(Connection c, Random random, int queries, List<String> problems) throws SQLException {
        List<BatchLedger.Entry> present = ledger.present();
        long min = RowPlan.T0 - 61 * 86_400L;
        long max = RowPlan.T0 + 10 * 86_400L;
        for (int q = 0; q < queries; q++) {
            long a = min + (long) (random.nextDouble() * (max - min));
            long b = a + 1 + (long) (random.nextDouble() * 3 * 86_400);
            int shape = q % 4;
            String where;
            long expected = 0;
            switch (shape) {
                case 0 -> where = "time >= '" + RowPlan.timeText(a) + "' AND time < '" + RowPlan.timeText(b) + "'";
                case 1 -> where = "time BETWEEN '" + RowPlan.timeText(a) + "' AND '" + RowPlan.timeText(b) + "'";
                case 2 -> where = "time > '" + RowPlan.timeText(a) + "'";
                default -> where = "time < '" + RowPlan.timeText(b) + "' AND batch % 3 = 1";
            }
            for (BatchLedger.Entry e : present) {
                if (shape == 3 && e.batch % 3 != 1) {
                    continue;
                }
                for (int r = 0; r < e.rows; r++) {
                    long t = RowPlan.epochSecond(e.batch, r);
                    boolean in = switch (shape) {
                        case 0 -> t >= a && t < b;
                        case 1 -> t >= a && t <= b;
                        case 2 -> t > a;
                        default -> t < b;
                    };
                    if (in) {
                        expected++;
                    }
                }
            }
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table + " WHERE " + where)) {
                rs.next();
                long actual = rs.getLong(1);
                if (actual != expected) {
                    problems.add("WHERE " + where + ": count " + actual + ", expected " + expected);
                }
            }
        }
    }
}
