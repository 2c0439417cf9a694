package io.epochdb.planner.gapfill;

import io.epochdb.common.ErrorCode;
import io.epochdb.common.EpochException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlBasicTypeNameSpec;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.util.SqlBasicVisitor;
import org.apache.calcite.sql.util.SqlShuttle;

/**
 * Rewrites gapfill calls after parsing, before validation:
 * <ul>
 *   <li>named arguments ({@code start => x}), which PostgreSQL allows after positional ones and Calcite does not,
 *       become positional: {@code time_bucket_gapfill} gets its six-argument form (bucket_width, ts, timezone,
 *       start, finish, origin), {@code locf} (value, prev, treat_null_as_missing), absent ones as typed NULLs;</li>
 *   <li>interpolate's {@code prev}/{@code next} records, {@code (SELECT (time, value) FROM ...)}, become two scalar
 *       subqueries each (time, then value), so interpolate takes (value, prev_time, prev_value, next_time,
 *       next_value) and Calcite plans the lookups as ordinary (possibly correlated) subqueries;</li>
 *   <li>the HAVING clause of a query grouping by time_bucket_gapfill is wrapped in
 *       {@link GapfillOperators#HAVING} so planning can tell it from a WHERE of an enclosing query.</li>
 * </ul>
 */
public final class GapfillSqlRewriter extends SqlShuttle {
    public static final GapfillSqlRewriter INSTANCE = new GapfillSqlRewriter();

    private static final List<String> BUCKET_PARAMS = List.of("bucket_width", "ts", "timezone", "start", "finish", "origin");
    private static final List<String> LOCF_PARAMS = List.of("value", "prev", "treat_null_as_missing");
    private static final List<String> INTERPOLATE_PARAMS = List.of("value", "prev", "next");

    private GapfillSqlRewriter() {
    }

    @Override
    public SqlNode visit(SqlCall call) {
        SqlNode visited = super.visit(call);
        if (visited instanceof SqlSelect select && select.getHaving() != null && mentionsGapfill(select)) {
            select.setHaving(GapfillOperators.HAVING.createCall(select.getHaving().getParserPosition(), select.getHaving()));
            return select;
        }
        if (!(visited instanceof SqlBasicCall c) || c.getKind() == SqlKind.ARGUMENT_ASSIGNMENT) {
            return visited;
        }
        String name = c.getOperator().getName().toLowerCase(Locale.ROOT);
        return switch (name) {
            case "time_bucket_gapfill" -> bucket(c);
            case "locf" -> locf(c);
            case "interpolate" -> interpolate(c);
            default -> visited;
        };
    }

    private static boolean mentionsGapfill(SqlSelect select) {
        boolean[] found = {false};
        SqlBasicVisitor<Void> finder = new SqlBasicVisitor<>() {
            @Override
            public Void visit(SqlCall call) {
                if (call.getOperator().getName().equalsIgnoreCase("time_bucket_gapfill")) {
                    found[0] = true;
                }
                return call instanceof SqlSelect ? null : super.visit(call); // not into subqueries
            }
        };
        select.getSelectList().accept(finder);
        if (select.getGroup() != null) {
            select.getGroup().accept(finder);
        }
        return found[0];
    }

    private static SqlNode bucket(SqlBasicCall c) {
        if (!hasNamed(c)) {
            return c;
        }
        List<SqlNode> positional = positional(c);
        SqlNode[] args = new SqlNode[6];
        // positional arguments before the named ones: a string literal third argument is the time zone
        int[] slots = positional.size() >= 3 && isStringLiteral(positional.get(2))
            ? new int[] {0, 1, 2, 3, 4, 5} : new int[] {0, 1, 3, 4, 5};
        if (positional.size() > slots.length) {
            throw notExists(c);
        }
        for (int i = 0; i < positional.size(); i++) {
            args[slots[i]] = positional.get(i);
        }
        assignNamed(c, BUCKET_PARAMS, args);
        for (int i = 2; i < args.length; i++) {
            if (args[i] == null) {
                args[i] = typedNull();
            }
        }
        if (args[0] == null || args[1] == null) {
            throw notExists(c);
        }
        return c.getOperator().createCall(c.getFunctionQuantifier(), c.getParserPosition(), args);
    }

    private static SqlNode locf(SqlBasicCall c) {
        if (!hasNamed(c)) {
            return c;
        }
        List<SqlNode> positional = positional(c);
        if (positional.size() > 3) {
            throw notExists(c);
        }
        SqlNode[] args = new SqlNode[3];
        for (int i = 0; i < positional.size(); i++) {
            args[i] = positional.get(i);
        }
        assignNamed(c, LOCF_PARAMS, args);
        if (args[0] == null) {
            throw notExists(c);
        }
        int n = args[2] != null ? 3 : args[1] != null ? 2 : 1;
        for (int i = 1; i < n; i++) {
            if (args[i] == null) {
                args[i] = typedNull();
            }
        }
        return c.getOperator().createCall(c.getFunctionQuantifier(), c.getParserPosition(), Arrays.copyOf(args, n));
    }

    private static SqlNode interpolate(SqlBasicCall c) {
        List<SqlNode> positional = positional(c);
        if (positional.size() > 3) {
            throw notExists(c);
        }
        SqlNode[] args = new SqlNode[3];
        for (int i = 0; i < positional.size(); i++) {
            args[i] = positional.get(i);
        }
        assignNamed(c, INTERPOLATE_PARAMS, args);
        if (args[0] == null) {
            throw notExists(c);
        }
        if (args[1] == null && args[2] == null && c.operandCount() == 1) {
            return c;
        }
        List<SqlNode> out = new ArrayList<>();
        out.add(args[0]);
        for (int i = 1; i <= 2; i++) {
            SqlNode[] split = args[i] == null || isNullLiteral(args[i]) ? new SqlNode[] {typedNull(), typedNull()} : split(args[i]);
            out.add(split[0]);
            out.add(split[1]);
        }
        return c.getOperator().createCall(c.getFunctionQuantifier(), c.getParserPosition(), out);
    }

    /** A (time, value) record argument as two expressions: a ROW(...) or a scalar subquery selecting one. */
    private static SqlNode[] split(SqlNode record) {
        if (record.getKind() == SqlKind.ROW) {
            List<SqlNode> fields = ((SqlCall) record).getOperandList();
            if (fields.size() != 2) {
                throw twoElements();
            }
            return new SqlNode[] {fields.get(0), fields.get(1)};
        }
        SqlSelect select = selectOf(record);
        if (select == null || select.getSelectList().size() != 1) {
            throw twoElements();
        }
        SqlNode item = select.getSelectList().get(0);
        if (item.getKind() == SqlKind.AS) {
            item = ((SqlCall) item).operand(0);
        }
        if (item.getKind() != SqlKind.ROW || ((SqlCall) item).operandCount() != 2) {
            throw twoElements();
        }
        SqlNode timeQuery = SqlCopier.copy(record);
        SqlNode valueQuery = SqlCopier.copy(record);
        selectOf(timeQuery).setSelectList(SqlNodeList.of(SqlCopier.copy(((SqlCall) item).operand(0))));
        selectOf(valueQuery).setSelectList(SqlNodeList.of(SqlCopier.copy(((SqlCall) item).operand(1))));
        return new SqlNode[] {timeQuery, valueQuery};
    }

    private static SqlSelect selectOf(SqlNode query) {
        if (query instanceof SqlSelect s) {
            return s;
        }
        if (query instanceof SqlOrderBy ob && ob.query instanceof SqlSelect s) {
            return s;
        }
        return null;
    }

    private static boolean hasNamed(SqlBasicCall c) {
        return c.getOperandList().stream().anyMatch(o -> o != null && o.getKind() == SqlKind.ARGUMENT_ASSIGNMENT);
    }

    private static List<SqlNode> positional(SqlBasicCall c) {
        List<SqlNode> out = new ArrayList<>();
        for (SqlNode o : c.getOperandList()) {
            if (o.getKind() == SqlKind.ARGUMENT_ASSIGNMENT) {
                break;
            }
            out.add(o);
        }
        return out;
    }

    private static void assignNamed(SqlBasicCall c, List<String> params, SqlNode[] args) {
        for (SqlNode o : c.getOperandList()) {
            if (o.getKind() != SqlKind.ARGUMENT_ASSIGNMENT) {
                continue;
            }
            SqlCall assign = (SqlCall) o;
            String param = ((SqlIdentifier) assign.operand(1)).getSimple().toLowerCase(Locale.ROOT);
            int i = params.indexOf(param);
            if (i < 0) {
                throw notExists(c);
            }
            if (args[i] != null) {
                throw new EpochException(ErrorCode.SYNTAX_ERROR,
                    "argument name \"" + param + "\" used more than once");
            }
            args[i] = assign.operand(0);
        }
    }

    private static boolean isStringLiteral(SqlNode n) {
        return n instanceof SqlLiteral lit && lit.getTypeName() == SqlTypeName.CHAR;
    }

    private static boolean isNullLiteral(SqlNode n) {
        return n instanceof SqlLiteral lit && lit.getTypeName() == SqlTypeName.NULL;
    }

    /** NULL typed as text: an absent argument (Calcite rejects an untyped NULL as a function argument). */
    private static SqlNode typedNull() {
        SqlParserPos pos = SqlParserPos.ZERO;
        return SqlStdOperatorTable.CAST.createCall(pos, SqlLiteral.createNull(pos),
            new SqlDataTypeSpec(new SqlBasicTypeNameSpec(SqlTypeName.VARCHAR, pos), pos));
    }

    private static EpochException twoElements() {
        return new EpochException(ErrorCode.INVALID_PARAMETER_VALUE, "interpolate RECORD arguments must have 2 elements");
    }

    private static EpochException notExists(SqlBasicCall c) {
        String name = c.getOperator().getName().toLowerCase(Locale.ROOT);
        return new EpochException(ErrorCode.UNDEFINED_FUNCTION, "function " + name + " does not exist")
            .withHint("No function matches the given name and argument types. You might need to add explicit type casts.");
    }
}
