package io.epochdb.planner.gapfill;

import io.epochdb.common.ErrorCode;
import io.epochdb.common.EpochException;
import io.epochdb.common.types.ColumnType;
import io.epochdb.common.types.SqlType;
import io.epochdb.exec.gapfill.GapfillColumn;
import io.epochdb.planner.schema.TypeMapping;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.rex.RexVisitorImpl;

/**
 * Puts a {@link GapfillRel} into a plan, before the optimizer runs: above every grouped aggregation on
 * {@code time_bucket_gapfill} (with its HAVING filter and the joins of prev/next lookups), below the select list.
 * The select list's locf/interpolate calls become references to filled columns the node adds:
 * <pre>
 *   Project (select list, markers replaced)  ->  GapfillRel  ->  Project (fragment columns + marker arguments)  ->  fragment
 * </pre>
 * Throws TimescaleDB's planning errors (misplaced or repeated time_bucket_gapfill, misused markers).
 */
public final class GapfillPlanRewriter {
    private GapfillPlanRewriter() {
    }

    public static RelNode rewrite(RelNode rel) {
        if (rel instanceof GapfillRel) {
            return rel;
        }
        if (rel instanceof Project p) {
            GapfillShape shape = GapfillShape.find(p.getInput(), true, true);
            if (shape != null && shape.joined() && !joinOnlyFeedsMarkers(p, shape)) {
                shape = null; // a join of the query's own: it runs on the filled rows
            }
            if (shape != null) {
                return project((Project) p.copy(p.getTraitSet(), List.of(withoutHavingMarkers(p.getInput()))), shape);
            }
        } else {
            GapfillShape shape = GapfillShape.find(rel, false, true);
            if (shape != null) {
                return GapfillRel.create(withoutHavingMarkers(rel), roles(shape));
            }
        }
        List<RelNode> inputs = rel.getInputs();
        List<RelNode> rewritten = new ArrayList<>(inputs.size());
        boolean changed = false;
        for (RelNode in : inputs) {
            RelNode r = rewrite(in);
            changed |= r != in;
            rewritten.add(r);
        }
        return changed ? rel.copy(rel.getTraitSet(), rewritten) : rel;
    }

    /** The fragment with its HAVING conditions unwrapped (the marker has done its job). */
    private static RelNode withoutHavingMarkers(RelNode rel) {
        if (rel instanceof org.apache.calcite.rel.core.Aggregate) {
            return rel;
        }
        List<RelNode> inputs = new ArrayList<>();
        for (RelNode in : rel.getInputs()) {
            inputs.add(withoutHavingMarkers(in));
        }
        if (rel instanceof org.apache.calcite.rel.core.Filter f && GapfillOperators.isHavingMarker(f.getCondition())) {
            return f.copy(f.getTraitSet(), inputs.get(0), ((RexCall) f.getCondition()).getOperands().get(0));
        }
        return rel.copy(rel.getTraitSet(), inputs);
    }

    private static List<GapfillColumn> roles(GapfillShape shape) {
        List<GapfillColumn> columns = new ArrayList<>();
        for (GapfillColumn.Kind k : shape.roles()) {
            columns.add(switch (k) {
                case TIME -> GapfillColumn.time();
                case GROUP -> GapfillColumn.group();
                case LOOKUP -> GapfillColumn.lookup();
                default -> GapfillColumn.nullInGaps();
            });
        }
        return columns;
    }

    /** Lookup-join columns may only be prev/next arguments of markers (else the join belongs to the query). */
    private static boolean joinOnlyFeedsMarkers(Project p, GapfillShape shape) {
        boolean[] ok = {true};
        for (RexNode e : p.getProjects()) {
            e.accept(new RexVisitorImpl<Void>(true) {
                private int markerArgDepth;

                @Override
                public Void visitCall(RexCall call) {
                    if (GapfillOperators.isMarker(call)) {
                        call.getOperands().get(0).accept(this);
                        markerArgDepth++;
                        for (int i = 1; i < call.getOperands().size(); i++) {
                            call.getOperands().get(i).accept(this);
                        }
                        markerArgDepth--;
                        return null;
                    }
                    return super.visitCall(call);
                }

                @Override
                public Void visitInputRef(RexInputRef ref) {
                    if (shape.roles().get(ref.getIndex()) == GapfillColumn.Kind.LOOKUP && markerArgDepth == 0) {
                        ok[0] = false;
                    }
                    return null;
                }
            });
        }
        return ok[0];
    }

    private static RelNode project(Project p, GapfillShape shape) {
        RelNode fragment = p.getInput();
        RexBuilder rexBuilder = p.getCluster().getRexBuilder();
        int n = fragment.getRowType().getFieldCount();
        ColumnType timeType = TypeMapping.toColumnType(shape.call().getType());
        Markers markers = new Markers(rexBuilder, n, timeType);
        for (RexNode e : p.getProjects()) {
            markers.collect(e);
        }
        List<GapfillColumn> columns = roles(shape);
        columns.addAll(markers.columns);
        RelNode input = fragment;
        if (!markers.extras.isEmpty()) {
            List<RexNode> exprs = new ArrayList<>();
            List<String> names = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                exprs.add(rexBuilder.makeInputRef(fragment, i));
                names.add(fragment.getRowType().getFieldNames().get(i));
            }
            for (int i = 0; i < markers.extras.size(); i++) {
                exprs.add(markers.extras.get(i));
                names.add("gapfill$" + i);
            }
            input = LogicalProject.create(fragment, List.of(), exprs, names, Set.of());
        }
        GapfillRel gapfill = GapfillRel.create(input, columns);
        List<RexNode> rewritten = new ArrayList<>();
        for (RexNode e : p.getProjects()) {
            rewritten.add(e.accept(new RexShuttle() {
                @Override
                public RexNode visitCall(RexCall call) {
                    Integer column = markers.valueColumn.get(call);
                    if (column == null) {
                        return super.visitCall(call);
                    }
                    RexNode ref = rexBuilder.makeInputRef(gapfill, column);
                    return ref.getType().equals(call.getType()) ? ref : rexBuilder.makeAbstractCast(call.getType(), ref, false);
                }
            }));
        }
        return LogicalProject.create(gapfill, p.getHints(), rewritten, p.getRowType().getFieldNames(), p.getVariablesSet());
    }

    static boolean isNull(RexNode n) {
        return n instanceof RexLiteral lit && lit.isNull();
    }

    /** The marker calls of the select list, each becoming a filled column after the fragment's columns. */
    private static final class Markers {
        final RexBuilder rexBuilder;
        final int base;
        final ColumnType timeType;
        final List<RexNode> extras = new ArrayList<>();
        final List<GapfillColumn> columns = new ArrayList<>();
        final Map<RexNode, Integer> valueColumn = new LinkedHashMap<>();

        Markers(RexBuilder rexBuilder, int base, ColumnType timeType) {
            this.rexBuilder = rexBuilder;
            this.base = base;
            this.timeType = timeType;
        }

        void collect(RexNode expr) {
            List<RexCall> found = new ArrayList<>();
            expr.accept(new RexVisitorImpl<Void>(true) {
                @Override
                public Void visitCall(RexCall call) {
                    if (GapfillOperators.isMarker(call)) {
                        found.add(call);
                    }
                    return super.visitCall(call);
                }
            });
            if (found.size() > 1) {
                throw new EpochException(ErrorCode.FEATURE_NOT_SUPPORTED,
                    "multiple interpolate/locf function calls per resultset column not supported");
            }
            for (RexCall call : found) {
                if (!valueColumn.containsKey(call)) {
                    add(call);
                }
            }
        }

        private int extra(RexNode n, RelDataType type, GapfillColumn role) {
            int index = base + extras.size();
            RelDataType nullable = rexBuilder.getTypeFactory().createTypeWithNullability(type, true);
            extras.add(n.getType().equals(nullable) ? n : rexBuilder.makeAbstractCast(nullable, n, false));
            columns.add(role);
            return index;
        }

        private void add(RexCall call) {
            List<RexNode> ops = call.getOperands();
            RexNode value = ops.get(0);
            ColumnType valueType = TypeMapping.toColumnType(value.getType());
            boolean locf = GapfillOperators.name(call).equals("locf");
            int valueIndex = extra(value, value.getType(), null);
            int slot = columns.size() - 1;
            valueColumn.put(call, valueIndex);
            if (locf) {
                int prev = ops.size() > 1 && !isNull(ops.get(1)) ? extra(ops.get(1), value.getType(), GapfillColumn.lookup()) : -1;
                boolean treatNull = false;
                if (ops.size() > 2) {
                    RexNode t = ops.get(2);
                    if (!(t instanceof RexLiteral lit) || !(lit.isNull() || lit.getValue() instanceof Boolean)) {
                        throw new EpochException(ErrorCode.FEATURE_NOT_SUPPORTED,
                            "invalid locf argument: treat_null_as_missing must be a BOOL literal");
                    }
                    treatNull = !lit.isNull() && (Boolean) lit.getValue();
                }
                columns.set(slot, GapfillColumn.locf(prev, treatNull));
                return;
            }
            if (!supportsInterpolate(valueType.type())) {
                throw new EpochException(ErrorCode.UNDEFINED_FUNCTION,
                    "function interpolate(" + valueType.displayName() + ") does not exist")
                    .withHint("No function matches the given name and argument types. You might need to add explicit type casts.");
            }
            int[] cols = {-1, -1, -1, -1};
            for (int pair = 0; pair < 2; pair++) {
                int ti = 1 + 2 * pair;
                if (ops.size() > ti + 1 && !(isNull(ops.get(ti)) && isNull(ops.get(ti + 1)))) {
                    checkRecord(ops.get(ti), ops.get(ti + 1), valueType);
                    RelDataType bucketType = TypeMapping.toRelType(rexBuilder.getTypeFactory(), timeType, true);
                    cols[2 * pair] = extra(ops.get(ti), isNull(ops.get(ti)) ? bucketType : ops.get(ti).getType(), GapfillColumn.lookup());
                    cols[2 * pair + 1] = extra(ops.get(ti + 1), value.getType(), GapfillColumn.lookup());
                }
            }
            columns.set(slot, GapfillColumn.interpolate(cols[0], cols[1], cols[2], cols[3]));
        }

        /** TimescaleDB's checks of a (time, value) record against the bucket and interpolated types. */
        private void checkRecord(RexNode time, RexNode value, ColumnType valueType) {
            ColumnType tt = TypeMapping.toColumnType(time.getType());
            ColumnType vt = TypeMapping.toColumnType(value.getType());
            if (!isNull(time) && tt.type() != timeType.type()) {
                throw new EpochException(ErrorCode.INVALID_PARAMETER_VALUE,
                    "first argument of interpolate returned record must match used timestamp datatype")
                    .withDetail("Returned type " + tt.displayName() + " does not match expected type " + valueType.displayName() + ".");
            }
            if (!isNull(value) && vt.type() != valueType.type()) {
                throw new EpochException(ErrorCode.INVALID_PARAMETER_VALUE,
                    "second argument of interpolate returned record must match used interpolate datatype")
                    .withDetail("Returned type " + vt.displayName() + " does not match expected type " + valueType.displayName() + ".");
            }
        }

        private static boolean supportsInterpolate(SqlType t) {
            return t == SqlType.INT2 || t == SqlType.INT4 || t == SqlType.INT8 || t == SqlType.FLOAT4 || t == SqlType.FLOAT8;
        }
    }
}
