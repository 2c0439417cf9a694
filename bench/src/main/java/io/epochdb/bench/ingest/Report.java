package io.epochdb.bench.ingest;

import java.util.List;
import java.util.Locale;

/** The printed result: one line per system, then EpochDB's ratios against PostgreSQL when both ran. */
final class Report {
    private Report() {
    }

    static String table(List<LoadResult> results) {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "%-16s %12s %9s %12s %10s %15s%n", "system", "rows", "seconds", "rows/s",
            "bytes/row", "bytes on disk"));
        for (LoadResult r : results) {
            s.append(String.format(Locale.ROOT, "%-16s %,12d %9.2f %,12.0f %10s %15s%n", r.system(), r.rows(),
                r.seconds(), r.rowsPerSecond(), r.bytesOnDisk() < 0 ? "?" : String.format(Locale.ROOT, "%.1f",
                    r.bytesPerRow()), r.bytesOnDisk() < 0 ? "?" : String.format(Locale.ROOT, "%,d", r.bytesOnDisk())));
        }
        LoadResult epoch = find(results, "EpochDB");
        LoadResult pg = find(results, "PostgreSQL");
        if (epoch != null && pg != null) {
            s.append(String.format(Locale.ROOT, "EpochDB / PostgreSQL: ingest speed %.2fx", epoch.rowsPerSecond()
                / pg.rowsPerSecond()));
            if (epoch.bytesOnDisk() > 0 && pg.bytesOnDisk() > 0) {
                s.append(String.format(Locale.ROOT, ", bytes per row %.3fx (PostgreSQL needs %.1fx the space)",
                    epoch.bytesPerRow() / pg.bytesPerRow(), pg.bytesPerRow() / epoch.bytesPerRow()));
            }
            s.append('\n');
        }
        for (LoadResult r : results) {
            s.append(r.system()).append(": ").append(r.note()).append('\n');
        }
        return s.toString();
    }

    private static LoadResult find(List<LoadResult> results, String prefix) {
        return results.stream().filter(r -> r.system().startsWith(prefix)).findFirst().orElse(null);
    }
}
