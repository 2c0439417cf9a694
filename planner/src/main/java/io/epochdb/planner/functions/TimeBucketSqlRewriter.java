package io.epochdb.planner.functions;

import io.epochdb.common.ErrorCode;
import io.epochdb.common.EpochException;
import java.util.List;
import java.util.Locale;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlBasicTypeNameSpec;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.util.SqlShuttle;

/**
 * Named arguments of {@code time_bucket} ({@code origin =>}, {@code "offset" =>}, {@code timezone =>}), which
 * PostgreSQL allows after positional ones and Calcite does not: a call with any named argument becomes the
 * positional five-argument form (bucket_width, ts, timezone, origin, offset) that exec's binder resolves, absent
 * arguments as typed NULLs. Only TimescaleDB's timezone variant has both origin and offset, so a third positional
 * argument of such a call is the time zone. Runs after parsing, before validation.
 */
public final class TimeBucketSqlRewriter extends SqlShuttle {
    public static final TimeBucketSqlRewriter INSTANCE = new TimeBucketSqlRewriter();

    private static final List<String> PARAMS = List.of("bucket_width", "ts", "timezone", "origin", "offset");

    private TimeBucketSqlRewriter() {
    }

    @Override
    public SqlNode visit(SqlCall call) {
        SqlNode visited = super.visit(call);
        if (!(visited instanceof SqlBasicCall c) || c.getKind() == SqlKind.ARGUMENT_ASSIGNMENT
            || !c.getOperator().getName().toLowerCase(Locale.ROOT).equals("time_bucket")
            || c.getOperandList().stream().noneMatch(o -> o != null && o.getKind() == SqlKind.ARGUMENT_ASSIGNMENT)) {
            return visited;
        }
        SqlNode[] args = new SqlNode[PARAMS.size()];
        int next = 0;
        boolean named = false;
        for (SqlNode o : c.getOperandList()) {
            if (o.getKind() == SqlKind.ARGUMENT_ASSIGNMENT) {
                named = true;
                SqlCall assign = (SqlCall) o;
                String param = ((SqlIdentifier) assign.operand(1)).getSimple().toLowerCase(Locale.ROOT);
                int i = PARAMS.indexOf(param);
                if (i < 0) {
                    throw new EpochException(ErrorCode.UNDEFINED_FUNCTION, "function time_bucket(" + param
                        + " => ...) does not exist", null,
                        "No function matches the given name and argument types. You might need to add explicit type casts.",
                        0, null);
                }
                if (args[i] != null) {
                    throw new EpochException(ErrorCode.SYNTAX_ERROR, "argument name \"" + param + "\" used more than once");
                }
                args[i] = assign.operand(0);
            } else {
                if (named) {
                    throw new EpochException(ErrorCode.SYNTAX_ERROR, "positional argument cannot follow named argument");
                }
                if (next >= args.length) {
                    throw new EpochException(ErrorCode.UNDEFINED_FUNCTION, "function time_bucket does not exist");
                }
                args[next++] = o;
            }
        }
        if (args[0] == null || args[1] == null) {
            throw new EpochException(ErrorCode.UNDEFINED_FUNCTION, "function time_bucket does not exist", null,
                "No function matches the given name and argument types. You might need to add explicit type casts.", 0, null);
        }
        for (int i = 2; i < args.length; i++) {
            if (args[i] == null) {
                args[i] = typedNull();
            }
        }
        return c.getOperator().createCall(c.getFunctionQuantifier(), c.getParserPosition(), args);
    }

    /** An absent argument: NULL typed as text (Calcite rejects an untyped NULL argument); the binder skips it. */
    private static SqlNode typedNull() {
        SqlParserPos pos = SqlParserPos.ZERO;
        return SqlStdOperatorTable.CAST.createCall(pos, SqlLiteral.createNull(pos),
            new SqlDataTypeSpec(new SqlBasicTypeNameSpec(SqlTypeName.VARCHAR, pos), pos));
    }
}
