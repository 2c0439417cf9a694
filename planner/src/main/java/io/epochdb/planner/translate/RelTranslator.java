package io.epochdb.planner.translate;

import io.epochdb.common.ErrorCode;
import io.epochdb.common.EpochException;
import io.epochdb.common.types.ColumnType;
import io.epochdb.exec.ExecContext;
import io.epochdb.exec.agg.AggCall;
import io.epochdb.exec.expr.Expr;
import io.epochdb.exec.expr.Functions;
import io.epochdb.exec.expr.Literal;
import io.epochdb.exec.operator.FilterOperator;
import io.epochdb.exec.operator.FrameBound;
import io.epochdb.exec.operator.GenerateSeriesOperator;
import io.epochdb.exec.operator.HashAggregateOperator;
import io.epochdb.exec.operator.HashJoinOperator;
import io.epochdb.exec.operator.JoinKind;
import io.epochdb.exec.operator.LimitOperator;
import io.epochdb.exec.operator.NestedLoopJoinOperator;
import io.epochdb.exec.operator.NewestGroupsStop;
import io.epochdb.exec.operator.Operator;
import io.epochdb.exec.operator.ProjectOperator;
import io.epochdb.exec.operator.SetOpKind;
import io.epochdb.exec.operator.SetOpOperator;
import io.epochdb.exec.operator.SortKey;
import io.epochdb.exec.operator.SortOperator;
import io.epochdb.exec.operator.TableScanOperator;
import io.epochdb.exec.operator.UnionAllOperator;
import io.epochdb.exec.operator.ValuesOperator;
import io.epochdb.exec.operator.WindowCall;
import io.epochdb.exec.operator.WindowGroup;
import io.epochdb.exec.operator.WindowOperator;
import io.epochdb.exec.scan.ScanRanges;
import io.epochdb.exec.types.RowType;
import io.epochdb.planner.schema.EpochTable;
import io.epochdb.planner.schema.SystemContext;
import io.epochdb.planner.schema.SystemTable;
import io.epochdb.planner.schema.TypeMapping;
import io.epochdb.storage.Storage;
import io.epochdb.storage.table.Table;
import io.epochdb.storage.txn.Transaction;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelCollation;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Intersect;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.JoinInfo;
import org.apache.calcite.rel.core.Minus;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.core.Sort;
import org.apache.calcite.rel.core.TableFunctionScan;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.core.Union;
import org.apache.calcite.rel.core.Values;
import org.apache.calcite.rel.core.Window;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.rex.RexWindowBound;
import org.apache.calcite.util.ImmutableBitSet;

/**
 * Translates an optimized Calcite plan into a tree of exec operators for one execution: table scans read the
 * snapshot of the executing transaction, LIMIT/OFFSET parameters are bound. Calcite's Enumerable is never used.
 */
public final class RelTranslator {
    /** The scan operator built for each TableScan node (by node id), for sorts that read newest-first. */
    private final java.util.Map<Integer, TableScanOperator> scansByRel = new java.util.HashMap<>();
    private final Storage storage;
    private final Transaction tx;
    private final SystemContext systemContext;
    private final RexTranslator rex;
    private final ExecContext ctx;

    private io.epochdb.planner.gapfill.GapfillTranslator gapfill;

    private io.epochdb.planner.gapfill.GapfillTranslator gapfill() {
        if (gapfill == null) {
            gapfill = new io.epochdb.planner.gapfill.GapfillTranslator(this::translate, rex, ctx);
        }
        return gapfill;
    }

    public RelTranslator(Storage storage, Transaction tx, SystemContext systemContext, RexTranslator rex, ExecContext ctx) {
        this.storage = storage;
        this.tx = tx;
        this.systemContext = systemContext;
        this.rex = rex;
        this.ctx = ctx;
    }

    public Operator translate(RelNode rel) {
        // TimescaleDB gap filling: the GapfillRel the planner puts above GROUP BY time_bucket_gapfill
        Operator gapfilled = gapfill().tryTranslate(rel);
        if (gapfilled != null) {
            return gapfilled;
        }
        if (rel instanceof TableScan scan) {
            return scan(scan, null, ScanRanges.NONE);
        }
        if (rel instanceof Project project) {
            return project(project);
        }
        if (rel instanceof Filter filter) {
            if (ScanShape.of(filter) != null) {
                TableScan scan = (TableScan) filter.getInput();
                ScanRangeExtractor.Pushdown pushdown = pushdown(scan, filter.getCondition());
                TableScanOperator read = dataScan(scan, null, pushdown.ranges());
                read.describeFilterAbove(pushdown.residualText());
                RexNode residual = residual(scan, pushdown);
                return residual == null ? read : new FilterOperator(read, rex.translate(residual));
            }
            return new FilterOperator(translate(filter.getInput()), rex.translate(filter.getCondition()));
        }
        if (rel instanceof Aggregate agg) {
            return aggregate(agg);
        }
        if (rel instanceof Sort sort) {
            return sort(sort);
        }
        if (rel instanceof Join join) {
            return join(join);
        }
        if (rel instanceof Values values) {
            return values(values);
        }
        if (rel instanceof Union union) {
            List<Operator> inputs = inputs(union.getInputs());
            Operator all = new UnionAllOperator(inputs, rowType(union.getRowType()));
            if (union.all) {
                return all;
            }
            return distinct(all, union.getRowType());
        }
        if (rel instanceof Intersect intersect) {
            return new SetOpOperator(SetOpKind.INTERSECT, intersect.all, inputs(intersect.getInputs()), rowType(rel.getRowType()));
        }
        if (rel instanceof Minus minus) {
            return new SetOpOperator(SetOpKind.EXCEPT, minus.all, inputs(minus.getInputs()), rowType(rel.getRowType()));
        }
        if (rel instanceof Window window) {
            return window(window);
        }
        if (rel instanceof TableFunctionScan fn) {
            return tableFunction(fn);
        }
        throw new EpochException(ErrorCode.FEATURE_NOT_SUPPORTED, "plan node " + rel.getRelTypeName() + " is not supported");
    }

    private List<Operator> inputs(List<RelNode> rels) {
        List<Operator> out = new ArrayList<>();
        for (RelNode r : rels) {
            out.add(translate(r));
        }
        return out;
    }

    public static RowType rowType(RelDataType t) {
        List<RowType.Field> fields = new ArrayList<>();
        for (RelDataTypeField f : t.getFieldList()) {
            fields.add(new RowType.Field(f.getName(), TypeMapping.toColumnType(f.getType())));
        }
        return new RowType(fields);
    }

    // --- scans ----------------------------------------------------------------------------------------------

    /** {@link #scan} of a stored table (a {@link ScanShape}'s scan), never a system table. */
    private TableScanOperator dataScan(TableScan scan, int[] wanted, ScanRanges ranges) {
        return (TableScanOperator) scan(scan, wanted, ranges);
    }

    /**
     * A scan reading only {@code wanted} columns (positions in the table's row type), or all when null, skipping the
     * parts {@code ranges} exclude.
     */
    private Operator scan(TableScan scan, int[] wanted, ScanRanges ranges) {
        RelDataType fullType = scan.getRowType();
        SystemTable system = scan.getTable().unwrap(SystemTable.class);
        if (system != null) {
            return systemScan(system, fullType, wanted);
        }
        EpochTable et = scan.getTable().unwrap(EpochTable.class);
        if (et == null) {
            throw new EpochException(ErrorCode.FEATURE_NOT_SUPPORTED, "table " + scan.getTable().getQualifiedName() + " cannot be scanned");
        }
        Table table = storage.table(et.def().oid());
        int dataColumns = et.def().columns().size();
        List<Integer> columns = new ArrayList<>();
        boolean rowIds = false;
        List<RowType.Field> fields = new ArrayList<>();
        int[] positions = wanted != null ? wanted : ImmutableBitSet.range(fullType.getFieldCount()).toArray();
        for (int p : positions) {
            if (p >= dataColumns) {
                rowIds = true;
                continue;
            }
            columns.add(p);
            RelDataTypeField f = fullType.getFieldList().get(p);
            fields.add(new RowType.Field(f.getName(), TypeMapping.toColumnType(f.getType())));
        }
        if (rowIds) {
            fields.add(new RowType.Field(EpochTable.ROW_ID_COLUMN, ColumnType.of(io.epochdb.common.types.SqlType.INT8)));
        }
        int[] cols = columns.stream().mapToInt(Integer::intValue).toArray();
        TableScanOperator op = new TableScanOperator(table.snapshot(tx), cols, rowIds, new RowType(fields), ranges, scan.getId());
        scansByRel.put(scan.getId(), op);
        if (ctx != null) {
            ctx.scans().add(op);
        }
        return op;
    }

    /**
     * The predicates of {@code condition} (over {@code scan}'s fields) that chunk exclusion and the table read use,
     * and the rest, which a filter above the scan must still check.
     */
    private ScanRangeExtractor.Pushdown pushdown(TableScan scan, RexNode condition) {
        EpochTable et = scan.getTable().unwrap(EpochTable.class);
        if (et == null) {
            return ScanRangeExtractor.Pushdown.none(condition);
        }
        return new ScanRangeExtractor(rex, scan.getCluster().getRexBuilder(), scan.getRowType().getFieldNames(),
            et.def().columns().size()).split(condition);
    }

    /** The filter condition left after {@code pushdown} (an AND of its residual conjuncts), or null for none. */
    private static RexNode residual(TableScan scan, ScanRangeExtractor.Pushdown pushdown) {
        return pushdown.residual().isEmpty() ? null
            : RexUtil.composeConjunction(scan.getCluster().getRexBuilder(), pushdown.residual());
    }

    /** The split of {@code shape}'s filter (nothing pushed and nothing left for a bare scan). */
    private ScanRangeExtractor.Pushdown pushdown(ScanShape shape) {
        return shape.filter() == null ? ScanRangeExtractor.Pushdown.none(null)
            : pushdown(shape.scan(), shape.filter().getCondition());
    }

    /** {@code used} plus the fields the filter left above the scan reads. */
    private static ImmutableBitSet withResidualColumns(ImmutableBitSet used, ScanRangeExtractor.Pushdown pushdown) {
        return used.union(RelOptUtil.InputFinder.bits(pushdown.residual(), null));
    }

    /**
     * A filter (or nothing) over a table scan, read as one unit: only the {@code needed} fields (ascending) are read,
     * the filter's ranges skip parts and rows, and what the read does not apply exactly runs as a filter on the
     * narrowed columns. Column i of the result is field {@code needed[i]} of the scan.
     */
    private Operator narrowScan(ScanShape shape, ScanRangeExtractor.Pushdown pushdown, int[] needed) {
        TableScanOperator read = dataScan(shape.scan(), needed, pushdown.ranges());
        read.describeFilterAbove(pushdown.residualText());
        Operator op = read;
        RexNode residual = residual(shape.scan(), pushdown);
        if (residual != null) {
            op = new FilterOperator(op, rex.translate(residual.accept(ScanShape.remapper(needed))));
        }
        return op;
    }

    private Operator systemScan(SystemTable system, RelDataType fullType, int[] wanted) {
        List<List<Object>> rows = system.rows(systemContext);
        RowType all = system.columns();
        int[] positions = wanted != null ? wanted : ImmutableBitSet.range(fullType.getFieldCount()).toArray();
        List<RowType.Field> fields = new ArrayList<>();
        for (int p : positions) {
            fields.add(all.field(p));
        }
        List<List<Expr>> exprRows = new ArrayList<>(rows.size());
        for (List<Object> row : rows) {
            List<Expr> exprs = new ArrayList<>(positions.length);
            for (int p : positions) {
                exprs.add(new Literal(row.get(p), all.type(p)));
            }
            exprRows.add(exprs);
        }
        return new ValuesOperator(new RowType(fields), exprRows);
    }

    private Operator project(Project project) {
        RelNode input = project.getInput();
        // A projection of plain columns straight over a scan becomes the scan's column list (projection pushdown).
        if (input instanceof TableScan scan && project.getProjects().stream().allMatch(p -> p instanceof RexInputRef)) {
            int[] wanted = project.getProjects().stream().mapToInt(p -> ((RexInputRef) p).getIndex()).toArray();
            if (isDistinct(wanted) && !rowIdInMiddle(scan, wanted)) {
                // the scan's own field names are fine for execution; RowDescription names come from the plan
                return scan(scan, wanted, ScanRanges.NONE);
            }
        }
        ScanShape shape = ScanShape.of(input);
        if (shape != null) {
            // read only the columns the projection and the filter use
            ImmutableBitSet.Builder used = ImmutableBitSet.builder();
            used.addAll(RelOptUtil.InputFinder.bits(project.getProjects(), null));
            ScanRangeExtractor.Pushdown pushdown = pushdown(shape);
            int[] needed = withResidualColumns(used.build(), pushdown).toArray();
            Operator narrowed = narrowScan(shape, pushdown, needed);
            org.apache.calcite.rex.RexShuttle remap = ScanShape.remapper(needed);
            List<RexNode> projects = project.getProjects().stream().map(p -> p.accept(remap)).toList();
            return new ProjectOperator(narrowed, rex.translateAll(projects), rowType(project.getRowType()));
        }
        Operator in = translate(input);
        return new ProjectOperator(in, rex.translateAll(project.getProjects()), rowType(project.getRowType()));
    }

    private static boolean rowIdInMiddle(TableScan scan, int[] wanted) {
        EpochTable et = scan.getTable().unwrap(EpochTable.class);
        if (et == null || !et.withRowId()) {
            return false;
        }
        int dataColumns = et.def().columns().size();
        for (int i = 0; i < wanted.length - 1; i++) {
            if (wanted[i] >= dataColumns) {
                return true;
            }
        }
        return false;
    }

    private static boolean isDistinct(int[] a) {
        return java.util.Arrays.stream(a).distinct().count() == a.length;
    }

    // --- aggregation ----------------------------------------------------------------------------------------

    private Operator aggregate(Aggregate agg) {
        ScanShape shape = ScanShape.of(agg.getInput());
        Operator input;
        int[] map = null;
        if (shape != null) {
            // an aggregate straight over a (filtered) scan reads only the columns it uses
            ImmutableBitSet.Builder used = ImmutableBitSet.builder();
            used.addAll(agg.getGroupSet());
            for (AggregateCall call : agg.getAggCallList()) {
                used.addAll(call.getArgList());
                if (call.filterArg >= 0) {
                    used.set(call.filterArg);
                }
                for (RelFieldCollation fc : call.getCollation().getFieldCollations()) {
                    used.set(fc.getFieldIndex());
                }
            }
            ScanRangeExtractor.Pushdown pushdown = pushdown(shape);
            int[] needed = withResidualColumns(used.build(), pushdown).toArray();
            input = narrowScan(shape, pushdown, needed);
            map = ScanShape.inverse(needed, agg.getInput().getRowType().getFieldCount());
        } else {
            input = translate(agg.getInput());
        }
        int[] keys = remap(agg.getGroupSet().toArray(), map);
        List<int[]> sets = null;
        if (agg.getGroupType() != Aggregate.Group.SIMPLE) {
            sets = new ArrayList<>();
            for (ImmutableBitSet s : agg.getGroupSets()) {
                sets.add(remap(s.toArray(), map));
            }
        }
        List<AggCall> calls = new ArrayList<>();
        // LITERAL_AGG (Calcite's NOT IN rewrite) yields a constant per group: computed by a projection afterwards
        Expr[] literals = new Expr[agg.getAggCallList().size()];
        List<RowType.Field> aggFields = new ArrayList<>();
        RowType full = rowType(agg.getRowType());
        for (int k = 0; k < keys.length; k++) {
            aggFields.add(full.field(k));
        }
        for (int i = 0; i < agg.getAggCallList().size(); i++) {
            AggregateCall call = agg.getAggCallList().get(i);
            if (call.getAggregation().getKind() == org.apache.calcite.sql.SqlKind.LITERAL_AGG) {
                literals[i] = rex.translate(call.rexList.get(0));
                continue;
            }
            List<SortKey> ordering = new ArrayList<>();
            for (SortKey k : sortKeys(call.getCollation())) {
                ordering.add(map == null ? k : new SortKey(map[k.column()], k.descending(), k.nullsFirst()));
            }
            calls.add(new AggCall(aggName(call), remap(call.getArgList().stream().mapToInt(Integer::intValue).toArray(), map),
                call.isDistinct(), call.filterArg < 0 || map == null ? call.filterArg : map[call.filterArg], ordering,
                TypeMapping.toColumnType(call.getType())));
            aggFields.add(full.field(keys.length + i));
        }
        if (calls.size() == agg.getAggCallList().size()) {
            return new HashAggregateOperator(input, keys, sets, calls, full);
        }
        Operator computed = new HashAggregateOperator(input, keys, sets, calls, new RowType(aggFields));
        List<Expr> out = new ArrayList<>();
        for (int k = 0; k < keys.length; k++) {
            out.add(new io.epochdb.exec.expr.ColumnRef(k, full.type(k)));
        }
        int next = keys.length;
        for (int i = 0; i < literals.length; i++) {
            out.add(literals[i] != null ? cast(literals[i], full.type(keys.length + i))
                : new io.epochdb.exec.expr.ColumnRef(next++, full.type(keys.length + i)));
        }
        return new ProjectOperator(computed, out, full);
    }

    private static int[] remap(int[] fields, int[] map) {
        if (map == null) {
            return fields;
        }
        int[] out = new int[fields.length];
        for (int i = 0; i < fields.length; i++) {
            out[i] = map[fields[i]];
        }
        return out;
    }

    private static String aggName(AggregateCall call) {
        String name = call.getAggregation().getName().toLowerCase(Locale.ROOT);
        return switch (name) {
            case "$sum0" -> "sum0";
            case "stddev" -> "stddev_samp";
            case "variance" -> "var_samp";
            case "some" -> "bool_or";
            case "listagg" -> "string_agg";
            default -> name;
        };
    }

    private Operator distinct(Operator input, RelDataType type) {
        int[] keys = ImmutableBitSet.range(type.getFieldCount()).toArray();
        return new HashAggregateOperator(input, keys, null, List.of(), rowType(type));
    }

    // --- sorting ----------------------------------------------------------------------------------------

    private Operator sort(Sort sort) {
        Operator input = translate(sort.getInput());
        long offset = sort.offset == null ? 0 : Math.max(0, constantLong(sort.offset, "OFFSET", ErrorCode.INVALID_ROW_COUNT_IN_RESULT_OFFSET_CLAUSE));
        long fetch = sort.fetch == null ? -1 : constantLong(sort.fetch, "LIMIT", ErrorCode.INVALID_ROW_COUNT_IN_LIMIT_CLAUSE);
        List<SortKey> keys = sortKeys(sort.getCollation());
        if (keys.isEmpty()) {
            return offset == 0 && fetch < 0 ? input : new LimitOperator(input, offset, fetch);
        }
        SortOperator op = new SortOperator(input, keys, offset, fetch);
        if (fetch >= 0) {
            readNewestFirst(sort, keys.get(0), op);
        }
        if (fetch > 0 && input instanceof HashAggregateOperator aggOp) {
            newestGroupsFirst(sort, keys.get(0), aggOp, offset + fetch);
        }
        return op;
    }

    /** The scan operator this translator built for TableScan node {@code scan}, or null. */
    public TableScanOperator scanOperator(RelNode scan) {
        return scansByRel.get(scan.getId());
    }

    /**
     * For {@code GROUP BY b ... ORDER BY b DESC LIMIT n} straight over a table scan, where b is a NOT NULL (or NULLS
     * LAST) time column or {@code time_bucket}/{@code date_bin}/{@code date_trunc} of it: the scan reads parts newest first and the
     * aggregation stops once the n newest groups are complete ({@link NewestGroupsStop}), so "the last 5 minutes
     * by minute" reads the newest segment, not the table.
     */
    private void newestGroupsFirst(Sort sort, SortKey first, HashAggregateOperator aggOp, long wanted) {
        if (!first.descending() || !(sort.getInput() instanceof Aggregate agg) || agg.getGroupType() != Aggregate.Group.SIMPLE
            || first.column() >= agg.getGroupCount()) {
            return;
        }
        int field = agg.getGroupSet().asList().get(first.column());
        RelNode rel = agg.getInput();
        if (rel instanceof Project p) {
            RexInputRef time = bucketedColumn(p.getProjects().get(field));
            if (time == null) {
                return;
            }
            field = time.getIndex();
            rel = p.getInput();
        }
        while (rel instanceof Filter f) {
            rel = f.getInput();
        }
        if (!(rel instanceof TableScan)) {
            return;
        }
        TableScanOperator scanOp = scansByRel.get(rel.getId());
        if (scanOp != null && ordersByTime(rel, field, first)) {
            scanOp.readInOrderOf(field, true);
            aggOp.stopEarlyWhen(new NewestGroupsStop(first.column(), wanted, scanOp));
        }
    }

    /**
     * The column {@code e} is, or buckets by constant arguments: {@code time_bucket}, {@code date_bin}, 2-argument
     * {@code date_trunc} (each gives the start of the bucket holding the time, never a later value).
     */
    private static RexInputRef bucketedColumn(RexNode e) {
        if (e instanceof RexInputRef ref) {
            return ref;
        }
        if (!(e instanceof RexCall call)) {
            return null;
        }
        String name = RexTranslator.functionName(call);
        int timeArg = switch (name) {
            case "time_bucket" -> 1;
            case "date_trunc" -> call.getOperands().size() == 2 ? 1 : -1;
            case "date_bin" -> 1;
            default -> -1;
        };
        if (timeArg < 0 || !(call.getOperands().get(timeArg) instanceof RexInputRef ref)
            || !call.getType().getSqlTypeName().equals(ref.getType().getSqlTypeName())) {
            return null; // a bucket of another type than the column would not share its encoding
        }
        for (int i = 0; i < call.getOperands().size(); i++) {
            if (i != timeArg && !ScanRangeExtractor.isConstant(call.getOperands().get(i))) {
                return null;
            }
        }
        return ref;
    }

    /**
     * Whether scan field {@code field} can order parts for sort key {@code first}: a table column of an integer,
     * date or timestamp type (statistics in the values' encoding), never NULL or with NULLs sorted last.
     */
    private static boolean ordersByTime(RelNode scan, int field, SortKey first) {
        EpochTable et = scan.getTable().unwrap(EpochTable.class);
        if (et == null || field >= et.def().columns().size()) {
            return false;
        }
        io.epochdb.storage.catalog.ColumnDef col = et.def().columns().get(field);
        boolean longValued = switch (col.type().type()) {
            case INT2, INT4, INT8, DATE, TIMESTAMP, TIMESTAMPTZ -> true;
            default -> false;
        };
        return longValued && (col.notNull() || !first.nullsFirst());
    }

    /**
     * For {@code ORDER BY col [DESC] LIMIT n} straight over a table scan (through projections of col and filters),
     * with col a NOT NULL (or NULLS LAST) integer, date or timestamp column: the scan reads parts in col's order and
     * the top-N stops once no unread part can hold a row that beats its N-th.
     */
    private void readNewestFirst(Sort sort, SortKey first, SortOperator op) {
        RelNode rel = sort.getInput();
        int field = first.column();
        while (!(rel instanceof TableScan)) {
            if (rel instanceof Project p && p.getProjects().get(field) instanceof RexInputRef ref) {
                field = ref.getIndex();
                rel = p.getInput();
            } else if (rel instanceof Filter f) {
                rel = f.getInput();
            } else {
                return;
            }
        }
        TableScanOperator scanOp = scansByRel.get(rel.getId());
        if (scanOp != null && ordersByTime(rel, field, first)) {
            scanOp.readInOrderOf(field, first.descending());
            op.stopEarlyWith(scanOp);
        }
    }

    static List<SortKey> sortKeys(RelCollation collation) {
        List<SortKey> keys = new ArrayList<>();
        for (RelFieldCollation fc : collation.getFieldCollations()) {
            boolean desc = fc.getDirection().isDescending();
            boolean nullsFirst = switch (fc.nullDirection) {
                case FIRST -> true;
                case LAST -> false;
                default -> desc; // PostgreSQL: NULLs sort as larger than any value
            };
            keys.add(new SortKey(fc.getFieldIndex(), desc, nullsFirst));
        }
        return keys;
    }

    /** A LIMIT or OFFSET value (a constant or a bound parameter); NULL means no limit (-1). */
    private long constantLong(RexNode n, String clause, ErrorCode negative) {
        Object v = Functions.evaluateConstant(rex.translate(n), ctx);
        if (v == null) {
            return -1;
        }
        long l = ((Number) v).longValue();
        if (l < 0) {
            throw new EpochException(negative, clause + " must not be negative");
        }
        return l;
    }

    // --- joins ----------------------------------------------------------------------------------------

    private Operator join(Join join) {
        JoinKind kind = switch (join.getJoinType()) {
            case INNER -> JoinKind.INNER;
            case LEFT -> JoinKind.LEFT;
            case RIGHT -> JoinKind.RIGHT;
            case FULL -> JoinKind.FULL;
            case SEMI -> JoinKind.SEMI;
            case ANTI -> JoinKind.ANTI;
            default -> throw new EpochException(ErrorCode.FEATURE_NOT_SUPPORTED, join.getJoinType() + " join is not supported");
        };
        Operator left = translate(join.getLeft());
        Operator right = translate(join.getRight());
        RowType out = rowType(join.getRowType());
        JoinInfo info = join.analyzeCondition();
        if (!info.leftKeys.isEmpty()) {
            RexNode residual = info.getRemaining(join.getCluster().getRexBuilder());
            Expr residualExpr = residual.isAlwaysTrue() ? null : rex.translate(residual);
            return new HashJoinOperator(left, right, info.leftKeys.toIntArray(), info.rightKeys.toIntArray(), kind,
                residualExpr, out);
        }
        Expr condition = join.getCondition().isAlwaysTrue() ? null : rex.translate(join.getCondition());
        return new NestedLoopJoinOperator(left, right, kind, condition, out);
    }

    // --- values, table functions ---------------------------------------------------------------------------

    private Operator values(Values values) {
        List<List<Expr>> rows = new ArrayList<>();
        RowType type = rowType(values.getRowType());
        for (List<RexLiteral> tuple : values.getTuples()) {
            List<Expr> row = new ArrayList<>();
            for (int i = 0; i < tuple.size(); i++) {
                // a literal may be typed narrower than its column (NULL, a CHAR(1) in a text column)
                RexLiteral lit = tuple.get(i);
                ColumnType columnType = type.type(i);
                row.add(lit.isNull() ? new Literal(null, columnType) : cast(rex.translate(lit), columnType));
            }
            rows.add(row);
        }
        return new ValuesOperator(type, rows);
    }

    private Operator tableFunction(TableFunctionScan scan) {
        RexCall call = (RexCall) scan.getCall();
        String name = call.getOperator().getName().toLowerCase(Locale.ROOT);
        if (name.equals("generate_series")) {
            List<Expr> args = rex.translateAll(call.getOperands());
            RowType rt = rowType(scan.getRowType());
            ColumnType t = rt.type(0);
            Expr start = cast(args.get(0), t);
            Expr stop = cast(args.get(1), t);
            Expr step = args.size() > 2 ? args.get(2) : null;
            if (step != null && t.type().isInteger()) {
                step = cast(step, t);
            }
            return new GenerateSeriesOperator(start, stop, step, rt);
        }
        throw new EpochException(ErrorCode.UNDEFINED_FUNCTION, "function " + name + " does not exist");
    }

    private static Expr cast(Expr e, ColumnType t) {
        return e.type().equals(t) ? e : Functions.cast(e, t);
    }

    // --- windows ----------------------------------------------------------------------------------------

    private Operator window(Window window) {
        RelNode inputRel = window.getInput();
        int inputCount = inputRel.getRowType().getFieldCount();
        Operator input = translate(inputRel);
        List<RexLiteral> constants = window.getConstants();
        if (!constants.isEmpty()) {
            // Calcite refers to window constants as input fields past the end; materialize them as columns.
            List<Expr> exprs = new ArrayList<>();
            List<RowType.Field> fields = new ArrayList<>(input.rowType().fields());
            for (int i = 0; i < inputCount; i++) {
                exprs.add(new io.epochdb.exec.expr.ColumnRef(i, input.rowType().type(i)));
            }
            for (int i = 0; i < constants.size(); i++) {
                Expr c = rex.translate(constants.get(i));
                exprs.add(c);
                fields.add(new RowType.Field("$const" + i, c.type()));
            }
            input = new ProjectOperator(input, exprs, new RowType(fields));
        }
        List<WindowGroup> groups = new ArrayList<>();
        List<RowType.Field> outFields = new ArrayList<>(input.rowType().fields());
        int outIndex = inputCount;
        for (Window.Group g : window.groups) {
            List<WindowCall> calls = new ArrayList<>();
            for (Window.RexWinAggCall call : g.aggCalls) {
                int[] args = call.getOperands().stream().mapToInt(o -> ((RexInputRef) o).getIndex()).toArray();
                ColumnType t = TypeMapping.toColumnType(call.getType());
                calls.add(new WindowCall(windowFunctionName(call), args, call.distinct, t));
                outFields.add(new RowType.Field(window.getRowType().getFieldList().get(outIndex++).getName(), t));
            }
            groups.add(new WindowGroup(g.keys.toArray(), sortKeys(g.orderKeys), g.isRows,
                bound(g.lowerBound, constants, inputCount, inputRel), bound(g.upperBound, constants, inputCount, inputRel), calls));
        }
        Operator out = new WindowOperator(input, groups, new RowType(outFields));
        if (constants.isEmpty()) {
            return out;
        }
        // drop the materialized constants again
        List<Expr> keep = new ArrayList<>();
        List<RowType.Field> keepFields = new ArrayList<>();
        for (int i = 0; i < outFields.size(); i++) {
            if (i >= inputCount && i < inputCount + constants.size()) {
                continue;
            }
            keep.add(new io.epochdb.exec.expr.ColumnRef(i, outFields.get(i).type()));
            keepFields.add(outFields.get(i));
        }
        return new ProjectOperator(out, keep, new RowType(keepFields));
    }

    private static String windowFunctionName(Window.RexWinAggCall call) {
        String name = call.getOperator().getName().toLowerCase(Locale.ROOT);
        return switch (name) {
            case "$sum0" -> "sum0";
            case "stddev" -> "stddev_samp";
            case "variance" -> "var_samp";
            default -> name;
        };
    }

    private FrameBound bound(RexWindowBound b, List<RexLiteral> constants, int inputCount, RelNode windowInput) {
        if (b.isUnbounded()) {
            return b.isPreceding() ? FrameBound.unboundedPreceding() : FrameBound.unboundedFollowing();
        }
        if (b.isCurrentRow()) {
            return FrameBound.currentRow();
        }
        RexNode offset = b.getOffset();
        Object value;
        if (offset instanceof RexInputRef ref && ref.getIndex() >= inputCount) {
            RexLiteral lit = constants.get(ref.getIndex() - inputCount);
            value = RexTranslator.literalValue(lit, TypeMapping.toColumnType(lit.getType()));
        } else {
            // offsets such as CAST($2) refer to window constants through input references past the input's end
            RexNode resolved = offset.accept(new org.apache.calcite.rex.RexShuttle() {
                @Override
                public RexNode visitInputRef(RexInputRef ref) {
                    if (ref.getIndex() >= inputCount) {
                        return constants.get(ref.getIndex() - inputCount);
                    }
                    // or a constant the input projection computes (an interval literal for RANGE offsets)
                    if (windowInput instanceof Project p && org.apache.calcite.rex.RexUtil.isConstant(p.getProjects().get(ref.getIndex()))) {
                        return p.getProjects().get(ref.getIndex());
                    }
                    return ref;
                }
            });
            value = Functions.evaluateConstant(rex.translate(resolved), ctx);
        }
        if (value instanceof Number n && !(value instanceof java.math.BigDecimal && ((java.math.BigDecimal) value).scale() > 0)) {
            value = n.longValue();
        }
        return b.isPreceding() ? FrameBound.preceding(value) : FrameBound.following(value);
    }
}
