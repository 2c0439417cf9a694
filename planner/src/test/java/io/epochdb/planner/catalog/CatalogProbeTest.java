package io.epochdb.planner.catalog;

import io.epochdb.planner.SqlRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Development probe: runs every query in /tmp/probe/queries.sql (separated by lines of ----) and prints results. */
class CatalogProbeTest {
    @TempDir
    Path dir;

    @Test
    void probe() throws Exception {
        Path file = Path.of("/tmp/probe/queries.sql");
        if (!Files.exists(file)) {
            return;
        }
        StringBuilder report = new StringBuilder();
        try (SqlRunner r = new SqlRunner(dir)) {
            for (String q : Files.readString(file).split("\n----\n")) {
                if (q.isBlank()) {
                    continue;
                }
                report.append("### ").append(q.strip().replace('\n', ' '), 0, Math.min(150, q.strip().length())).append('\n');
                if (q.startsWith("--rewrite\n")) {
                    report.append("   ").append(io.epochdb.planner.parse.CalciteSqlRewriter.rewrite(q.substring(10)).sql()).append('\n');
                    continue;
                }
                try {
                    List<String> rows = r.run(q);
                    for (int i = 0; i < Math.min(rows.size(), 12); i++) {
                        report.append("   ").append(rows.get(i)).append('\n');
                    }
                    if (rows.size() > 12) {
                        report.append("   ... ").append(rows.size()).append(" rows\n");
                    }
                } catch (RuntimeException | Error e) {
                    report.append("ERR ").append(e.getClass().getSimpleName()).append(": ").append(e.getMessage()).append('\n');
                    Throwable c = e instanceof Error ? e : e.getCause();
                    if (c != null) {
                        java.io.StringWriter sw = new java.io.StringWriter();
                        c.printStackTrace(new java.io.PrintWriter(sw));
                        String[] lines = sw.toString().split("\n");
                        for (int i = 0; i < Math.min(60, lines.length); i++) {
                            report.append("      ").append(lines[i]).append('\n');
                        }
                    }
                }
            }
        }
        Files.writeString(Path.of("/tmp/probe/report.txt"), report.toString());
    }
}
