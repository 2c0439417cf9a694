package io.epochdb.planner.translate;

import io.epochdb.exec.scan.PrunableScan;
import io.epochdb.exec.scan.ScanRegistry;
import io.epochdb.exec.scan.ScanReport;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.externalize.RelWriterImpl;
import org.apache.calcite.sql.SqlExplainLevel;
import org.apache.calcite.util.Pair;

/**
 * EXPLAIN's text: Calcite's plan lines, and under each table scan what the scan pushed down and kept, in
 * PostgreSQL's indented "Key: value" style:
 * <pre>
 *   LogicalTableScan(table=[[public, conditions]])
 *     Scan Bounds: time &gt;= ('2024-01-01 00:00:00+00'::timestamp with time zone)
 *     Chunks: kept 3 of 52
 *     Segments: kept 3 of 60
 * </pre>
 */
public final class ExplainText {
    private ExplainText() {
    }

    /**
     * The plan's lines.
     *
     * @param scans the scans built for an execution of {@code rel} (null: print the plan only)
     * @param reports a scan's counts, or null to print none (e.g. prune without reading, or the last open's)
     */
    public static List<String> lines(RelNode rel, ScanRegistry scans, Function<PrunableScan, ScanReport> reports) {
        return lines(rel, scans, reports, false);
    }

    /**
     * The plan's lines after an execution (EXPLAIN ANALYZE) when {@code executed}: scans that stopped early also
     * say how many parts they reached.
     */
    public static List<String> lines(RelNode rel, ScanRegistry scans, Function<PrunableScan, ScanReport> reports,
                                     boolean executed) {
        StringWriter sw = new StringWriter();
        PrintWriter pw = new PrintWriter(sw);
        rel.explain(new Writer(pw, node -> details(node, scans, reports, executed)));
        pw.flush();
        List<String> out = new ArrayList<>();
        for (String line : sw.toString().split("\n")) {
            if (!line.isBlank()) {
                out.add(line);
            }
        }
        return out;
    }

    /** The detail lines under one scan. */
    static List<String> details(RelNode node, ScanRegistry scans, Function<PrunableScan, ScanReport> reports,
                                boolean executed) {
        if (scans == null || !(node instanceof TableScan)) {
            return List.of();
        }
        PrunableScan scan = scans.byPlanNode(node.getId());
        if (scan == null) {
            return List.of();
        }
        List<String> lines = new ArrayList<>();
        if (!scan.ranges().isEmpty()) {
            lines.add("Scan Bounds: " + scan.ranges().describe());
        }
        if (scan.filterAbove() != null) {
            lines.add("Filter: " + scan.filterAbove());
        }
        ScanReport r = reports == null ? null : reports.apply(scan);
        if (r != null) {
            if (r.chunksTotal() > 0) {
                lines.add("Chunks: kept " + r.chunksKept() + " of " + r.chunksTotal());
            }
            lines.add("Segments: kept " + r.partsKept() + " of " + r.partsTotal());
            if (executed && scan.partsStarted() >= 0 && scan.partsStarted() < r.partsKept()) {
                lines.add("Segments reached: " + scan.partsStarted() + " (the rest could not change the result)");
            }
        }
        return lines;
    }

    private static final class Writer extends RelWriterImpl {
        private final Function<RelNode, List<String>> extra;
        private final PrintWriter out;

        Writer(PrintWriter pw, Function<RelNode, List<String>> extra) {
            super(pw, SqlExplainLevel.EXPPLAN_ATTRIBUTES, false);
            this.out = pw;
            this.extra = extra;
        }

        @Override
        protected void explain_(RelNode rel, List<Pair<String, Object>> values) {
            super.explain_(rel, values);
            for (String line : extra.apply(rel)) {
                out.print(spacer);
                out.print("  ");
                out.println(line);
            }
        }
    }
}
