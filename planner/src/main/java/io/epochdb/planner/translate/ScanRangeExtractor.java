package io.epochdb.planner.translate;

import io.epochdb.common.types.ColumnType;
import io.epochdb.common.types.SqlType;
import io.epochdb.exec.expr.Expr;
import io.epochdb.exec.expr.Functions;
import io.epochdb.exec.expr.ParamRef;
import io.epochdb.exec.scan.ColumnStep;
import io.epochdb.exec.scan.FloatTerm;
import io.epochdb.exec.scan.Comparison;
import io.epochdb.exec.scan.RangeBound;
import io.epochdb.exec.scan.RangeTerm;
import io.epochdb.exec.scan.ScanRanges;
import io.epochdb.exec.scan.TextTerm;
import io.epochdb.exec.types.PgText;
import io.epochdb.planner.schema.TypeMapping;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexDynamicParam;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;

/**
 * Finds the conjuncts of a filter over a table scan that bound a column's range, for chunk exclusion and segment
 * skipping: {@code f(col) <op> expr} and {@code expr <op> f(col)} with op one of = < <= > >=, where col is an
 * integer, date or timestamp column, f is nothing, a cast, or a fixed-width {@code time_bucket} without time zone,
 * and expr has no column references and nothing volatile (literals, parameters, now(), casts and arithmetic on
 * them). An OR whose every branch bounds the same column becomes one term with alternatives (so IN lists work).
 * The work is proportional to the predicate, never to the number of chunks.
 *
 * <p>The table read applies the terms row by row, and some of them exactly (see {@link #split}): those conjuncts
 * need no filter above the scan, nor their columns read. Everything else stays in the filter.
 */
public final class ScanRangeExtractor {
    /**
     * Functions whose value differs between calls within one statement. (now() and the other dynamic functions are
     * marked non-deterministic only to stop constant folding at planning; within one execution they are stable.)
     */
    private static final Set<String> VOLATILE = Set.of("random", "clock_timestamp", "timeofday", "gen_random_uuid",
        "setseed", "nextval", "currval", "lastval", "txid_current");
    /** Cap on OR branches turned into alternatives (each one is an interval checked per part). */
    private static final int MAX_ALTERNATIVES = 256;

    private final RexTranslator rex;
    private final RexBuilder rexBuilder;
    private final List<String> columnNames;
    private final int dataColumns;

    /**
     * @param columnNames names of the scan's fields (for EXPLAIN text)
     * @param dataColumns how many leading fields are table columns (a row id may follow)
     */
    public ScanRangeExtractor(RexTranslator rex, RexBuilder rexBuilder, List<String> columnNames, int dataColumns) {
        this.rex = Objects.requireNonNull(rex, "rex");
        this.rexBuilder = Objects.requireNonNull(rexBuilder, "rexBuilder");
        this.columnNames = List.copyOf(columnNames);
        this.dataColumns = dataColumns;
    }

    /**
     * A filter condition split for a scan: the terms the table read applies, and the conjuncts it does not apply
     * exactly (the filter that has to stay above the scan; empty when the read alone yields exactly the rows the
     * condition keeps).
     */
    public record Pushdown(ScanRanges ranges, List<RexNode> residual, String residualText) {
        public Pushdown {
            residual = List.copyOf(residual);
        }

        /** Nothing pushed, {@code condition} (may be null) left to the filter. */
        public static Pushdown none(RexNode condition) {
            return new Pushdown(ScanRanges.NONE, condition == null ? List.of() : List.of(condition), null);
        }
    }

    /** The range terms {@code condition} (over the scan's fields) implies. */
    public ScanRanges extract(RexNode condition) {
        return split(condition).ranges();
    }

    /**
     * The range terms {@code condition} (over the scan's fields) implies, and the conjuncts the read does not apply
     * exactly. Exact are: {@code col = v} (or an IN list) on a text column with a text value; comparisons of a plain
     * integer, date or timestamp column with a value of its own type (or one converted to it, as PostgreSQL
     * does), and ORs of such on one column. Float comparisons stay in the filter (the read keeps NaN rows), as does
     * anything under a cast or time_bucket (their bounds are widened, not exact).
     */
    public Pushdown split(RexNode condition) {
        RexNode expanded = RexUtil.expandSearch(rexBuilder, null, condition);
        List<RangeTerm> terms = new ArrayList<>();
        List<TextTerm> textTerms = new ArrayList<>();
        List<FloatTerm> floatTerms = new ArrayList<>();
        List<RexNode> residual = new ArrayList<>();
        for (RexNode c : RelOptUtil.conjunctions(expanded)) {
            if (c instanceof RexLiteral lit && (lit.isNull() || Boolean.FALSE.equals(lit.getValueAs(Boolean.class)))) {
                // the simplifier folded the condition (x > NULL, a = 1 AND a = 2): no part is read at all
                return new Pushdown(ScanRanges.NOTHING, List.of(condition), null);
            }
            TextTerm text = textTerm(c);
            if (text != null) {
                textTerms.add(text);
                if (!textValuesExact(c)) {
                    residual.add(c);
                }
                continue;
            }
            FloatTerm f = floatTerm(c);
            if (f != null) {
                floatTerms.add(f);
                residual.add(c);
                continue;
            }
            if (c.getKind() == SqlKind.OR) {
                List<RangeTerm> alternatives = orTerms(c);
                terms.addAll(alternatives);
                if (alternatives.size() != 1 || !orExact(c, alternatives.get(0).column())) {
                    residual.add(c);
                }
                continue;
            }
            Bound b = bound(c);
            if (b != null) {
                terms.add(new RangeTerm(b.column, b.columnType, List.of(List.of(b.bound)), b.text));
            }
            if (b == null || !b.exact()) {
                residual.add(c);
            }
        }
        String residualText = residual.isEmpty() ? null
            : residual.stream().map(this::renderForExplain).collect(Collectors.joining(" AND "));
        return new Pushdown(new ScanRanges(terms, textTerms, floatTerms), residual, residualText);
    }

    /**
     * Whether every value of a text term (see {@link #textTerm}) compares as the read compares it, byte for byte.
     * A bpchar value is compared as text without its trailing spaces; only a literal without them is taken as is.
     */
    private static boolean textValuesExact(RexNode term) {
        for (RexNode branch : RelOptUtil.disjunctions(term)) {
            RexCall call = (RexCall) branch;
            RexNode value = call.getOperands().get(0) instanceof RexInputRef ? call.getOperands().get(1)
                : call.getOperands().get(0);
            SqlType vt = TypeMapping.toColumnType(value.getType()).type();
            if (vt == SqlType.TEXT || vt == SqlType.VARCHAR || vt == SqlType.UNKNOWN) {
                continue;
            }
            if (!(value instanceof RexLiteral lit) || lit.isNull()) {
                return false;
            }
            String v = lit.getValueAs(String.class);
            if (v == null || !v.isEmpty() && v.charAt(v.length() - 1) == ' ') {
                return false;
            }
        }
        return true;
    }

    /** Whether every branch of {@code or} consists only of exact bounds on {@code column}. */
    private boolean orExact(RexNode or, int column) {
        for (RexNode branch : RelOptUtil.disjunctions(or)) {
            for (RexNode c : RelOptUtil.conjunctions(branch)) {
                Bound b = bound(c);
                if (b == null || !b.exact() || b.column != column) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * {@code col <op> v} on a float8 column with a constant of a numeric type, or null. PostgreSQL compares float8
     * with integers and numeric in float8, so the pushed bound is exact; float4 columns are left out (they compare
     * in float4 with some types).
     */
    private FloatTerm floatTerm(RexNode node) {
        Comparison op = comparison(node);
        if (op == null) {
            return null;
        }
        RexCall call = (RexCall) node;
        RexNode left = call.getOperands().get(0);
        RexNode right = call.getOperands().get(1);
        if (!(left instanceof RexInputRef) && right instanceof RexInputRef) {
            RexNode t = left;
            left = right;
            right = t;
            op = op.flip();
        }
        if (!(left instanceof RexInputRef ref) || ref.getIndex() >= dataColumns || !isConstant(right)) {
            return null;
        }
        SqlType ct = TypeMapping.toColumnType(ref.getType()).type();
        SqlType vt = TypeMapping.toColumnType(right.getType()).type();
        if (ct != SqlType.FLOAT8 || !(vt == SqlType.FLOAT8 || vt == SqlType.INT2 || vt == SqlType.INT4
            || vt == SqlType.INT8 || vt == SqlType.NUMERIC)) {
            return null;
        }
        try {
            Expr value = rex.translate(right);
            if (vt != SqlType.FLOAT8) {
                value = Functions.cast(value, ColumnType.of(SqlType.FLOAT8));
            }
            return new FloatTerm(ref.getIndex(), op, value, columnNames.get(ref.getIndex()) + " " + op.symbol() + " "
                + render(right));
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * {@code col = v} or an OR of such on one text column (what IN expands to), with constant values, or null.
     * Only TEXT and VARCHAR columns: their equality is byte equality, unlike bpchar's padding rules.
     */
    private TextTerm textTerm(RexNode node) {
        List<RexNode> branches = RelOptUtil.disjunctions(node);
        if (branches.size() > MAX_ALTERNATIVES) {
            return null;
        }
        int column = -1;
        List<Expr> values = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        for (RexNode b : branches) {
            if (b.getKind() != SqlKind.EQUALS || !(b instanceof RexCall call) || call.getOperands().size() != 2) {
                return null;
            }
            RexNode left = call.getOperands().get(0);
            RexNode right = call.getOperands().get(1);
            if (!(left instanceof RexInputRef) && right instanceof RexInputRef) {
                RexNode t = left;
                left = right;
                right = t;
            }
            if (!(left instanceof RexInputRef ref) || ref.getIndex() >= dataColumns || !isConstant(right)) {
                return null;
            }
            SqlType ct = TypeMapping.toColumnType(ref.getType()).type();
            SqlType vt = TypeMapping.toColumnType(right.getType()).type();
            if ((ct != SqlType.TEXT && ct != SqlType.VARCHAR) || !(vt.isText() || vt == SqlType.UNKNOWN)
                || vt == SqlType.BPCHAR && !(right instanceof RexLiteral)) {
                return null;
            }
            if (column >= 0 && column != ref.getIndex()) {
                return null;
            }
            column = ref.getIndex();
            try {
                values.add(rex.translate(right));
            } catch (RuntimeException e) {
                return null;
            }
            texts.add(columnNames.get(column) + " = " + render(right));
        }
        String text = texts.size() == 1 ? texts.get(0) : "(" + String.join(" OR ", texts) + ")";
        return column < 0 ? null : new TextTerm(column, values, text);
    }

    /** One term per column that every branch of the OR bounds. */
    private List<RangeTerm> orTerms(RexNode or) {
        List<RexNode> branches = RelOptUtil.disjunctions(or);
        if (branches.size() > MAX_ALTERNATIVES) {
            return List.of();
        }
        List<Map<Integer, List<Bound>>> perBranch = new ArrayList<>();
        for (RexNode branch : branches) {
            Map<Integer, List<Bound>> byColumn = new LinkedHashMap<>();
            for (RexNode c : RelOptUtil.conjunctions(branch)) {
                Bound b = bound(c);
                if (b != null) {
                    byColumn.computeIfAbsent(b.column, k -> new ArrayList<>()).add(b);
                }
            }
            if (byColumn.isEmpty()) {
                return List.of();
            }
            perBranch.add(byColumn);
        }
        List<RangeTerm> terms = new ArrayList<>();
        for (Integer column : perBranch.get(0).keySet()) {
            if (!perBranch.stream().allMatch(m -> m.containsKey(column))) {
                continue;
            }
            List<List<RangeBound>> alternatives = new ArrayList<>();
            List<String> texts = new ArrayList<>();
            for (Map<Integer, List<Bound>> m : perBranch) {
                List<Bound> bs = m.get(column);
                alternatives.add(bs.stream().map(b -> b.bound).toList());
                String t = bs.stream().map(b -> b.text).collect(Collectors.joining(" AND "));
                texts.add(bs.size() > 1 ? "(" + t + ")" : t);
            }
            SqlType type = perBranch.get(0).get(column).get(0).columnType;
            terms.add(new RangeTerm(column, type, alternatives, "(" + String.join(" OR ", texts) + ")"));
        }
        return terms;
    }

    /** The comparison of a binary {@code =, <, <=, >, >=} call, or null for anything else. */
    private static Comparison comparison(RexNode node) {
        if (!(node instanceof RexCall call) || call.getOperands().size() != 2) {
            return null;
        }
        return switch (node.getKind()) {
            case EQUALS -> Comparison.EQ;
            case LESS_THAN -> Comparison.LT;
            case LESS_THAN_OR_EQUAL -> Comparison.LE;
            case GREATER_THAN -> Comparison.GT;
            case GREATER_THAN_OR_EQUAL -> Comparison.GE;
            default -> null;
        };
    }

    /**
     * @param exact the read applies the bound exactly: the bare column is compared, in its own type (the value
     *     converted to it as PostgreSQL converts it), so the interval is the comparison's. Casts and time_bucket on
     *     the column side are inverted by widening, which is not exact; so is a cast that only changes the typmod.
     */
    private record Bound(int column, SqlType columnType, RangeBound bound, String text, boolean exact) {
    }

    /** The bound a comparison puts on a column, or null when it has the wrong shape. */
    Bound bound(RexNode node) {
        Comparison op = comparison(node);
        if (op == null) {
            return null;
        }
        RexCall call = (RexCall) node;
        RexNode left = call.getOperands().get(0);
        RexNode right = call.getOperands().get(1);
        ColumnSide side = isConstant(right) ? columnSide(left) : null;
        RexNode value = right;
        if (side == null && isConstant(left)) {
            side = columnSide(right);
            value = left;
            op = op.flip();
        }
        if (side == null) {
            return null;
        }
        SqlType valueType = TypeMapping.toColumnType(value.getType()).type();
        Expr valueExpr;
        List<ColumnStep> steps = side.steps;
        try {
            valueExpr = rex.translate(value);
            SqlType common = commonType(side.resultType, valueType);
            if (common == null) {
                return null;
            }
            if (valueType != common) {
                valueExpr = Functions.cast(valueExpr, ColumnType.of(common));
            }
            if (side.resultType != common) {
                List<ColumnStep> widened = new ArrayList<>();
                widened.add(new ColumnStep.Cast(side.resultType, common));
                widened.addAll(steps);
                steps = widened;
            }
        } catch (RuntimeException e) {
            return null; // a value exec cannot compute ahead: leave it to the filter
        }
        String text = side.text + " " + op.symbol() + " " + render(value);
        return new Bound(side.column, side.columnType, new RangeBound(op, valueExpr, steps), text,
            side.bare && steps.isEmpty());
    }

    /**
     * The type a comparison of {@code a} with {@code b} happens in (PostgreSQL converts the lower of
     * date < timestamp < timestamptz, or of int2 < int4 < int8 < numeric < float4 < float8, to the higher), or null.
     */
    static SqlType commonType(SqlType a, SqlType b) {
        if (a == b) {
            return a;
        }
        int ra = temporalRank(a);
        int rb = temporalRank(b);
        if (ra > 0 && rb > 0) {
            return ra > rb ? a : b;
        }
        ra = numericRank(a);
        rb = numericRank(b);
        if (ra > 0 && rb > 0) {
            return ra > rb ? a : b;
        }
        return null;
    }

    private static int temporalRank(SqlType t) {
        return switch (t) {
            case DATE -> 1;
            case TIMESTAMP -> 2;
            case TIMESTAMPTZ -> 3;
            default -> 0;
        };
    }

    private static int numericRank(SqlType t) {
        return switch (t) {
            case INT2 -> 1;
            case INT4 -> 2;
            case INT8 -> 3;
            case NUMERIC -> 4;
            case FLOAT4 -> 5;
            case FLOAT8 -> 6;
            default -> 0;
        };
    }

    /** The column a compared expression is a monotone function of, with the steps from the outside in. */
    private record ColumnSide(int column, SqlType columnType, List<ColumnStep> steps, SqlType resultType, String text,
                              boolean bare) {
    }

    private ColumnSide columnSide(RexNode n) {
        if (n instanceof RexInputRef ref) {
            if (ref.getIndex() >= dataColumns) {
                return null;
            }
            SqlType t = TypeMapping.toColumnType(ref.getType()).type();
            return RangeTerm.supportsColumnType(t) ? new ColumnSide(ref.getIndex(), t, List.of(), t, columnNames.get(ref.getIndex()), true) : null;
        }
        if (!(n instanceof RexCall call)) {
            return null;
        }
        if (call.getKind() == SqlKind.CAST && call.getOperands().size() == 1) {
            ColumnSide inner = columnSide(call.getOperands().get(0));
            if (inner == null) {
                return null;
            }
            SqlType to = TypeMapping.toColumnType(call.getType()).type();
            if (to == inner.resultType) {
                // the same type for bounds, but maybe another typmod (timestamp(0) rounds): no longer the bare column
                return new ColumnSide(inner.column, inner.columnType, inner.steps, inner.resultType, inner.text, false);
            }
            if (commonType(inner.resultType, to) == null) {
                return null;
            }
            return new ColumnSide(inner.column, inner.columnType, prepend(new ColumnStep.Cast(inner.resultType, to), inner.steps),
                to, inner.text + "::" + ColumnType.of(to).displayName(), false);
        }
        if (RexTranslator.functionName(call).equals("time_bucket") && call.getOperands().size() >= 2) {
            RexNode width = call.getOperands().get(0);
            ColumnSide inner = columnSide(call.getOperands().get(1));
            if (inner == null || !isConstant(width)) {
                return null;
            }
            for (int i = 2; i < call.getOperands().size(); i++) {
                RexNode extra = call.getOperands().get(i);
                boolean absent = extra instanceof RexLiteral lit && lit.isNull();
                SqlType et = TypeMapping.toColumnType(extra.getType()).type();
                // a text argument is a time zone: buckets follow local time and may start after the instant
                if (!absent && (!isConstant(extra) || et.isText() || et == SqlType.UNKNOWN)) {
                    return null;
                }
            }
            SqlType result = TypeMapping.toColumnType(call.getType()).type();
            if (result != inner.resultType) {
                return null;
            }
            Expr w;
            try {
                w = rex.translate(width);
            } catch (RuntimeException e) {
                return null;
            }
            return new ColumnSide(inner.column, inner.columnType, prepend(new ColumnStep.Bucket(result, w), inner.steps),
                result, "time_bucket(" + render(width) + ", " + inner.text + ")", false);
        }
        return null;
    }

    private static List<ColumnStep> prepend(ColumnStep s, List<ColumnStep> rest) {
        List<ColumnStep> out = new ArrayList<>(rest.size() + 1);
        out.add(s);
        out.addAll(rest);
        return out;
    }

    /** No column references, sub-queries or volatile functions: one value per execution. */
    static boolean isConstant(RexNode n) {
        if (n instanceof RexLiteral || n instanceof RexDynamicParam) {
            return true;
        }
        if (n instanceof RexCall call) {
            if (call.getKind() == SqlKind.OVER || call instanceof org.apache.calcite.rex.RexSubQuery) {
                return false;
            }
            String name = call.getOperator().getName().toLowerCase(Locale.ROOT);
            if (VOLATILE.contains(name)) {
                return false;
            }
            for (RexNode o : call.getOperands()) {
                if (!isConstant(o)) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    /** {@link #render} of any condition: Calcite's own text where a part has no PostgreSQL-like rendering. */
    private String renderForExplain(RexNode condition) {
        try {
            return render(condition);
        } catch (RuntimeException e) {
            return condition.toString();
        }
    }

    /** PostgreSQL-like text of a constant expression, for EXPLAIN. */
    private String render(RexNode n) {
        if (n instanceof RexDynamicParam) {
            Expr e = rex.translate(n);
            return e instanceof ParamRef p ? "$" + (p.index() + 1) : n.toString();
        }
        if (n instanceof RexLiteral lit) {
            if (lit.isNull()) {
                return "NULL";
            }
            if (lit.getTypeName() == org.apache.calcite.sql.type.SqlTypeName.SYMBOL) {
                return String.valueOf(lit.getValue()); // extract's field, trim's side, ...
            }
            ColumnType t = TypeMapping.toColumnType(lit.getType());
            if (t.type().isNumeric()) {
                java.math.BigDecimal d = lit.getValueAs(java.math.BigDecimal.class);
                return d == null ? lit.toString() : d.toPlainString();
            }
            if (t.type().isText() || t.type() == SqlType.UNKNOWN) {
                return "'" + String.valueOf(lit.getValue2()).replace("'", "''") + "'";
            }
            try {
                Object v = RexTranslator.literalValue(lit, t);
                return "'" + PgText.format(v, t, ZoneOffset.UTC).replace("'", "''") + "'::" + t.displayName();
            } catch (RuntimeException e) {
                return lit.toString();
            }
        }
        if (n instanceof RexInputRef ref) {
            return ref.getIndex() < columnNames.size() ? columnNames.get(ref.getIndex()) : ref.toString();
        }
        if (n instanceof RexCall call) {
            List<String> args = call.getOperands().stream().map(this::render).toList();
            if (call.getKind() == SqlKind.CAST && args.size() == 1) {
                return args.get(0) + "::" + TypeMapping.toColumnType(call.getType()).displayName();
            }
            String name = RexTranslator.functionName(call);
            if (args.size() == 2 && !Character.isLetter(name.charAt(0))) {
                return "(" + args.get(0) + " " + name + " " + args.get(1) + ")";
            }
            return name + "(" + String.join(", ", args) + ")";
        }
        return n.toString();
    }
}
