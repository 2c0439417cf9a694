package io.epochdb.planner.gapfill;

import io.epochdb.common.types.ColumnType;
import io.epochdb.exec.expr.Expr;
import io.epochdb.exec.expr.Functions;
import io.epochdb.exec.gapfill.GapfillBound;
import io.epochdb.planner.translate.RexTranslator;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexCorrelVariable;
import org.apache.calcite.rex.RexFieldAccess;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexSubQuery;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.rex.RexVisitorImpl;
import org.apache.calcite.sql.SqlKind;

/**
 * TimescaleDB's start/finish inference: the conjuncts of the query's WHERE (and inner join conditions) that compare
 * the bucketed column itself with an expression without column references: {@code >} and {@code >=} bound the
 * start, {@code <} and {@code <=} the finish ({@code >} and {@code <=} move by one unit, the range being
 * {@code [start, finish)}); equality and everything else is not used.
 */
final class GapfillRangeInference {
    private final RexTranslator rex;
    private final RexBuilder rexBuilder;
    private final ColumnType timeType;
    final List<GapfillBound> starts = new ArrayList<>();
    final List<GapfillBound> finishes = new ArrayList<>();

    GapfillRangeInference(RexTranslator rex, RexBuilder rexBuilder, ColumnType timeType) {
        this.rex = rex;
        this.rexBuilder = rexBuilder;
        this.timeType = timeType;
    }

    /** Collects bounds on field {@code column} of {@code node} from the filters and inner joins below it. */
    void collect(RelNode node, int column) {
        if (node instanceof Filter f) {
            conjuncts(f.getCondition(), column);
            collect(f.getInput(), column);
        } else if (node instanceof Join j && j.getJoinType() == JoinRelType.INNER) {
            conjuncts(j.getCondition(), column);
            int left = j.getLeft().getRowType().getFieldCount();
            if (column < left) {
                collect(j.getLeft(), column);
            } else {
                collect(j.getRight(), column - left);
            }
        } else if (node instanceof Project p && p.getProjects().get(column) instanceof RexInputRef ref) {
            collect(p.getInput(), ref.getIndex());
        }
    }

    private void conjuncts(RexNode condition, int column) {
        RexNode expanded = RexUtil.expandSearch(rexBuilder, null, condition);
        for (RexNode c : RelOptUtil.conjunctions(expanded)) {
            if (!(c instanceof RexCall call) || call.getOperands().size() != 2) {
                continue;
            }
            SqlKind kind = call.getKind();
            RexNode left = call.getOperands().get(0);
            RexNode right = call.getOperands().get(1);
            RexNode value;
            if (isColumn(left, column) && isSimple(right)) {
                value = right;
            } else if (isColumn(right, column) && isSimple(left)) {
                value = left;
                kind = kind.reverse();
            } else {
                continue;
            }
            switch (kind) {
                case GREATER_THAN -> starts.add(new GapfillBound(typed(value), true));
                case GREATER_THAN_OR_EQUAL -> starts.add(new GapfillBound(typed(value), false));
                case LESS_THAN -> finishes.add(new GapfillBound(typed(value), false));
                case LESS_THAN_OR_EQUAL -> finishes.add(new GapfillBound(typed(value), true));
                default -> {
                }
            }
        }
    }

    private Expr typed(RexNode value) {
        Expr e = rex.translate(value);
        return e.type().type() == timeType.type() ? e : Functions.cast(e, timeType);
    }

    private static boolean isColumn(RexNode n, int column) {
        if (n.getKind() == SqlKind.CAST) {
            n = ((RexCall) n).getOperands().get(0);
        }
        return n instanceof RexInputRef ref && ref.getIndex() == column;
    }

    /** No column, correlation or subquery: TimescaleDB evaluates these once, before reading rows. */
    static boolean isSimple(RexNode n) {
        boolean[] simple = {true};
        n.accept(new RexVisitorImpl<Void>(true) {
            @Override
            public Void visitInputRef(RexInputRef ref) {
                simple[0] = false;
                return null;
            }

            @Override
            public Void visitCorrelVariable(RexCorrelVariable v) {
                simple[0] = false;
                return null;
            }

            @Override
            public Void visitFieldAccess(RexFieldAccess a) {
                simple[0] = false;
                return null;
            }

            @Override
            public Void visitSubQuery(RexSubQuery q) {
                simple[0] = false;
                return null;
            }
        });
        return simple[0];
    }
}
