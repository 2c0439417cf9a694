package io.epochdb.planner.gapfill;

import io.epochdb.common.ErrorCode;
import io.epochdb.common.EpochException;
import io.epochdb.exec.gapfill.GapfillColumn;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexVisitorImpl;

/**
 * A plan fragment that gapfill wraps: a grouped aggregation whose GROUP BY holds a top-level
 * {@code time_bucket_gapfill} call, possibly under a HAVING filter, a column permutation and the left side of the
 * joins Calcite adds for scalar subqueries (prev/next lookups). Knows the role of each of the fragment's columns.
 *
 * @param aggregate the grouped aggregation
 * @param aggregateInput the projection computing the aggregation's keys (holds the call)
 * @param call the time_bucket_gapfill call
 * @param roles one role per column of the fragment: TIME, GROUP, NULL (aggregates) or LOOKUP (joined values)
 * @param joined whether the fragment has lookup joins
 */
record GapfillShape(Aggregate aggregate, Project aggregateInput, RexCall call, List<GapfillColumn.Kind> roles, boolean joined) {
    int timeColumn() {
        return roles.indexOf(GapfillColumn.Kind.TIME);
    }

    /**
     * The shape {@code rel} is, or null; throws TimescaleDB's errors for a misplaced time_bucket_gapfill.
     *
     * @param allowJoin whether left joins (the decorrelated prev/next subqueries) may be part of the fragment
     * @param havingOnly whether only filters marked as the query's HAVING belong to the fragment (before optimization,
     *     when an enclosing query's WHERE may sit on the aggregation too)
     */
    static GapfillShape find(RelNode rel, boolean allowJoin, boolean havingOnly) {
        if (rel instanceof Aggregate a) {
            return ofAggregate(a);
        }
        if (rel instanceof Filter f) {
            // before optimization only the query's own HAVING belongs to the fragment (not an outer WHERE)
            return !havingOnly || GapfillOperators.isHavingMarker(f.getCondition()) ? find(f.getInput(), allowJoin, havingOnly) : null;
        }
        if (allowJoin && rel instanceof Join j && j.getJoinType() == JoinRelType.LEFT) {
            GapfillShape left = find(j.getLeft(), true, havingOnly);
            if (left == null) {
                return null;
            }
            List<GapfillColumn.Kind> roles = new ArrayList<>(left.roles);
            for (int i = 0; i < j.getRight().getRowType().getFieldCount(); i++) {
                roles.add(GapfillColumn.Kind.LOOKUP);
            }
            return new GapfillShape(left.aggregate, left.aggregateInput, left.call, List.copyOf(roles), true);
        }
        if (rel instanceof Project p && p.getProjects().stream().allMatch(e -> e instanceof RexInputRef)) {
            GapfillShape inner = find(p.getInput(), allowJoin, havingOnly);
            if (inner == null) {
                return null;
            }
            List<GapfillColumn.Kind> roles = new ArrayList<>();
            boolean time = false;
            for (RexNode e : p.getProjects()) {
                GapfillColumn.Kind k = inner.roles.get(((RexInputRef) e).getIndex());
                if (k == GapfillColumn.Kind.TIME) {
                    // a second copy of the bucket is an ordinary value of the group
                    k = time ? GapfillColumn.Kind.LOOKUP : k;
                    time = true;
                }
                roles.add(k);
            }
            return time ? new GapfillShape(inner.aggregate, inner.aggregateInput, inner.call, List.copyOf(roles), inner.joined) : null;
        }
        return null;
    }

    private static GapfillShape ofAggregate(Aggregate a) {
        if (a.getGroupSet().isEmpty() || !(a.getInput() instanceof Project input)) {
            return null; // without GROUP BY, time_bucket_gapfill is just time_bucket (as in TimescaleDB)
        }
        Set<RexNode> calls = new LinkedHashSet<>();
        for (RexNode e : input.getProjects()) {
            e.accept(new RexVisitorImpl<Void>(true) {
                @Override
                public Void visitCall(RexCall call) {
                    if (GapfillOperators.isGapfillCall(call)) {
                        calls.add(call);
                    }
                    return super.visitCall(call);
                }
            });
        }
        if (calls.isEmpty()) {
            return null;
        }
        if (calls.size() > 1) {
            throw new EpochException(ErrorCode.FEATURE_NOT_SUPPORTED, "multiple time_bucket_gapfill calls not allowed");
        }
        RexCall call = (RexCall) calls.iterator().next();
        if (a.getGroupType() != Aggregate.Group.SIMPLE) {
            throw new EpochException(ErrorCode.FEATURE_NOT_SUPPORTED, "grouping sets are not supported with time_bucket_gapfill");
        }
        int[] keys = a.getGroupSet().toArray();
        int timeKey = -1;
        for (int k = 0; k < keys.length; k++) {
            if (input.getProjects().get(keys[k]).equals(call)) {
                timeKey = k;
                break;
            }
        }
        if (timeKey < 0) {
            throw new EpochException(ErrorCode.INVALID_PARAMETER_VALUE, "no top level time_bucket_gapfill in group by clause");
        }
        List<GapfillColumn.Kind> roles = new ArrayList<>();
        for (int i = 0; i < a.getRowType().getFieldCount(); i++) {
            roles.add(i == timeKey ? GapfillColumn.Kind.TIME : i < keys.length ? GapfillColumn.Kind.GROUP : GapfillColumn.Kind.NULL);
        }
        return new GapfillShape(a, input, call, List.copyOf(roles), false);
    }
}
