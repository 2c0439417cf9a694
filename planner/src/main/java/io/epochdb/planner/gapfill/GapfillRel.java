package io.epochdb.planner.gapfill;

import io.epochdb.exec.gapfill.GapfillColumn;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.apache.calcite.plan.Convention;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.SingleRel;

/**
 * The GapFill plan node: its input is the gapfill fragment (grouped aggregation, HAVING, lookup joins) plus the
 * locf/interpolate argument columns; its output has the same columns with missing buckets inserted. No planner rule
 * knows this node, so filters from enclosing queries stay above it (as in TimescaleDB, where time_bucket_gapfill is
 * volatile and keeps quals from being pushed into the query).
 */
public final class GapfillRel extends SingleRel {
    private final List<GapfillColumn> columns;

    GapfillRel(RelOptCluster cluster, RelTraitSet traits, RelNode input, List<GapfillColumn> columns) {
        super(cluster, traits, input);
        this.columns = List.copyOf(Objects.requireNonNull(columns, "columns"));
    }

    static GapfillRel create(RelNode input, List<GapfillColumn> columns) {
        return new GapfillRel(input.getCluster(), input.getCluster().traitSetOf(Convention.NONE), input, columns);
    }

    /** The role of each column (input and output alike). */
    public List<GapfillColumn> columns() {
        return columns;
    }

    @Override
    public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
        return new GapfillRel(getCluster(), traitSet, sole(inputs), columns);
    }

    @Override
    public RelWriter explainTerms(RelWriter pw) {
        return super.explainTerms(pw).item("columns", columns.stream().map(c -> c.kind().name().toLowerCase(java.util.Locale.ROOT))
            .collect(Collectors.joining(", ")));
    }

    /** EXPLAIN shows the node as TimescaleDB names it. */
    @Override
    public String getRelTypeName() {
        return "GapFill";
    }
}
