package io.epochdb.planner.gapfill;

import io.epochdb.common.ErrorCode;
import io.epochdb.common.EpochException;
import io.epochdb.common.types.ColumnType;
import io.epochdb.common.types.SqlType;
import io.epochdb.exec.ExecContext;
import io.epochdb.exec.expr.Expr;
import io.epochdb.exec.expr.Functions;
import io.epochdb.exec.gapfill.GapfillArguments;
import io.epochdb.exec.gapfill.GapfillBoundary;
import io.epochdb.exec.gapfill.GapfillColumn;
import io.epochdb.exec.gapfill.GapfillGrid;
import io.epochdb.exec.gapfill.GapfillOperator;
import io.epochdb.exec.gapfill.GapfillSpec;
import io.epochdb.exec.expr.Literal;
import io.epochdb.exec.operator.FilterOperator;
import io.epochdb.exec.operator.JoinKind;
import io.epochdb.exec.operator.NestedLoopJoinOperator;
import io.epochdb.exec.operator.Operator;
import io.epochdb.exec.operator.ProjectOperator;
import io.epochdb.exec.operator.ValuesOperator;
import io.epochdb.exec.types.RowType;
import io.epochdb.planner.translate.RelTranslator;
import io.epochdb.planner.schema.TypeMapping;
import io.epochdb.planner.translate.RexTranslator;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;

/**
 * Translates a {@link GapfillRel} into the exec {@link GapfillOperator}: the time_bucket_gapfill arguments (width,
 * zone, origin, start, finish) become expressions evaluated when the query opens, so parameters and now() work; a
 * missing start or finish comes from the WHERE clause ({@link GapfillRangeInference}).
 */
public final class GapfillTranslator {
    private final Function<RelNode, Operator> translate;
    private final RexTranslator rex;
    private final ExecContext ctx;

    /**
     * @param translate the ordinary translation of a plan node (it calls {@link #tryTranslate} first)
     * @param ctx the execution context, or null when only planning (early checks of constant arguments are skipped)
     */
    public GapfillTranslator(Function<RelNode, Operator> translate, RexTranslator rex, ExecContext ctx) {
        this.translate = Objects.requireNonNull(translate, "translate");
        this.rex = Objects.requireNonNull(rex, "rex");
        this.ctx = ctx;
    }

    /** The operators for {@code rel} when it is a {@link GapfillRel}, else null. */
    public Operator tryTranslate(RelNode rel) {
        if (!(rel instanceof GapfillRel g)) {
            return null;
        }
        RelNode fragment = g.getInput();
        GapfillShape shape = GapfillShape.find(fragment, true, false);
        if (shape == null && fragment instanceof Project p) {
            shape = GapfillShape.find(p.getInput(), true, false); // the marker arguments' projection
        }
        if (shape == null) {
            throw new IllegalStateException("gapfill node without a time_bucket_gapfill aggregation below it");
        }
        Args args = arguments(shape);
        Operator input = translate.apply(fragment);
        int time = g.columns().indexOf(GapfillColumn.time());
        GapfillSpec spec = new GapfillSpec(time, args.timeType.type(), args.width, args.hasZone, args.zone,
            args.origin, args.start, args.finish, g.columns());
        Operator lookups = shape.joined() && g.columns().stream().noneMatch(c -> c.kind() == GapfillColumn.Kind.GROUP)
            ? withoutAggregation(fragment) : null;
        return new GapfillOperator(input, spec, lookups);
    }

    /**
     * The fragment with the aggregation replaced by one row of NULLs: the lookup joins then still give the prev/next
     * values, which a query without other group columns needs even when no row falls into the range.
     */
    private Operator withoutAggregation(RelNode node) {
        if (!hasJoin(node)) {
            RowType t = RelTranslator.rowType(node.getRowType());
            List<Expr> nulls = new ArrayList<>();
            for (int i = 0; i < t.size(); i++) {
                nulls.add(new Literal(null, t.type(i)));
            }
            return new ValuesOperator(t, List.of(nulls));
        }
        if (node instanceof Project p) {
            return new ProjectOperator(withoutAggregation(p.getInput()), rex.translateAll(p.getProjects()),
                RelTranslator.rowType(p.getRowType()));
        }
        if (node instanceof Filter f) {
            return new FilterOperator(withoutAggregation(f.getInput()), rex.translate(f.getCondition()));
        }
        Join j = (Join) node;
        Expr condition = j.getCondition().isAlwaysTrue() ? null : rex.translate(j.getCondition());
        return new NestedLoopJoinOperator(withoutAggregation(j.getLeft()), translate.apply(j.getRight()), JoinKind.LEFT,
            condition, RelTranslator.rowType(j.getRowType()));
    }

    private static boolean hasJoin(RelNode node) {
        return node instanceof Join || (node.getInputs().size() == 1 && !(node instanceof Aggregate) && hasJoin(node.getInput(0)));
    }

    // --- time_bucket_gapfill arguments -----------------------------------------------------------------------

    private record Args(ColumnType timeType, Expr width, boolean hasZone, Expr zone, Expr origin,
                        GapfillBoundary start, GapfillBoundary finish) {
    }

    private Args arguments(GapfillShape shape) {
        RexCall call = shape.call();
        List<RexNode> ops = call.getOperands();
        GapfillArguments a = GapfillArguments.of(ops.stream().map(o -> TypeMapping.toColumnType(o.getType()).type()).toList());
        ColumnType timeType = TypeMapping.toColumnType(call.getType());
        SqlType t = timeType.type();
        if (!(t == SqlType.TIMESTAMPTZ || t == SqlType.TIMESTAMP || t == SqlType.DATE || t.isInteger())) {
            throw new EpochException(ErrorCode.FEATURE_NOT_SUPPORTED,
                "unsupported datatype for time_bucket_gapfill: " + timeType.displayName());
        }
        if (a == null) {
            throw new EpochException(ErrorCode.UNDEFINED_FUNCTION, "function time_bucket_gapfill does not exist");
        }
        Expr width = simple(ops.get(a.width()), "bucket_width", t.isInteger() ? timeType : ColumnType.of(SqlType.INTERVAL));
        if (ctx != null) {
            // TimescaleDB checks the width when the node starts, before any time_bucket runs on a row
            GapfillGrid.of(t, Functions.evaluateConstant(width, ctx), false, null, null);
        }
        Expr zone = a.timezone() < 0 || isNull(ops.get(a.timezone())) ? null
            : simple(ops.get(a.timezone()), "timezone", ColumnType.of(SqlType.TEXT));
        if (zone != null && t != SqlType.TIMESTAMPTZ) {
            throw new EpochException(ErrorCode.UNDEFINED_FUNCTION, "function time_bucket_gapfill does not exist");
        }
        Expr origin = a.origin() < 0 || isNull(ops.get(a.origin())) ? null : simple(ops.get(a.origin()), "origin", timeType);
        Expr start = a.start() < 0 || isNull(ops.get(a.start())) ? null : simple(ops.get(a.start()), "start", timeType);
        Expr finish = a.finish() < 0 || isNull(ops.get(a.finish())) ? null : simple(ops.get(a.finish()), "finish", timeType);
        GapfillRangeInference inferred = new GapfillRangeInference(rex, shape.aggregate().getCluster().getRexBuilder(), timeType);
        EpochException notInferable = null;
        if (start == null || finish == null) {
            if (ops.get(a.ts()) instanceof RexInputRef ts) {
                inferred.collect(shape.aggregateInput().getInput(), ts.getIndex());
            } else {
                notInferable = new EpochException(ErrorCode.INVALID_PARAMETER_VALUE,
                    "invalid time_bucket_gapfill argument: ts needs to refer to a single column if no start or finish is supplied")
                    .withHint("Specify start and finish as arguments or in the WHERE clause.");
            }
        }
        return new Args(timeType, width, zone != null, zone, origin,
            new GapfillBoundary("start", start, inferred.starts, notInferable),
            new GapfillBoundary("finish", finish, inferred.finishes, notInferable));
    }

    /** An argument TimescaleDB evaluates once: no column references allowed. */
    private Expr simple(RexNode n, String name, ColumnType type) {
        if (!GapfillRangeInference.isSimple(n)) {
            throw new EpochException(ErrorCode.INVALID_PARAMETER_VALUE,
                "invalid time_bucket_gapfill argument: " + name + " must be a simple expression");
        }
        Expr e = rex.translate(n);
        return e.type().type() == type.type() ? e : Functions.cast(e, type);
    }

    static boolean isNull(RexNode n) {
        return n instanceof RexLiteral lit && lit.isNull();
    }

}
