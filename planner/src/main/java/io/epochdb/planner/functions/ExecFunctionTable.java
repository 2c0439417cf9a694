package io.epochdb.planner.functions;

import io.epochdb.common.ErrorCode;
import io.epochdb.common.EpochException;
import io.epochdb.common.types.ColumnType;
import io.epochdb.exec.expr.Functions;
import io.epochdb.planner.schema.TypeMapping;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlBasicFunction;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlOperatorBinding;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.SqlSyntax;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.validate.SqlNameMatcher;

/**
 * Every scalar function exec implements, offered to Calcite with exec's own PostgreSQL result types
 * ({@link Functions#resultType}), so a function added to exec's library is usable in SQL without a planner change.
 * Aggregates and names Calcite's grammar owns stay with Calcite.
 */
public final class ExecFunctionTable implements SqlOperatorTable {
    public static final ExecFunctionTable INSTANCE = new ExecFunctionTable();

    /** Names whose Calcite operator carries semantics the validator relies on (aggregates, rewrites). */
    private static final Set<String> CALCITE_OWNED = Set.of("count", "sum", "avg", "min", "max", "cast", "case",
        "coalesce", "nullif", "extract", "trim", "substring", "position", "overlay", "row", "array", "item",
        "grouping", "every", "any_value", "stddev", "variance");

    private final Map<String, SqlFunction> functions = new ConcurrentHashMap<>();

    private ExecFunctionTable() {
    }

    @Override
    public void lookupOperatorOverloads(SqlIdentifier opName, SqlFunctionCategory category, SqlSyntax syntax,
                                        List<SqlOperator> operatorList, SqlNameMatcher nameMatcher) {
        if (syntax != SqlSyntax.FUNCTION || !opName.isSimple()) {
            return;
        }
        String name = opName.getSimple().toLowerCase(Locale.ROOT);
        if (CALCITE_OWNED.contains(name) || !Functions.exists(name)) {
            return;
        }
        operatorList.add(functions.computeIfAbsent(name, n -> SqlBasicFunction.create(n, b -> resultType(n, b),
            OperandTypes.VARIADIC, SqlFunctionCategory.USER_DEFINED_FUNCTION)));
    }

    private static RelDataType resultType(String name, SqlOperatorBinding b) {
        List<ColumnType> args = new ArrayList<>();
        boolean nullable = false;
        for (int i = 0; i < b.getOperandCount(); i++) {
            RelDataType t = b.getOperandType(i);
            args.add(TypeMapping.toColumnType(t));
            nullable |= t.isNullable();
        }
        ColumnType result = Functions.resultType(name, args);
        if (result == null) {
            StringBuilder sig = new StringBuilder();
            for (ColumnType c : args) {
                sig.append(sig.length() > 0 ? ", " : "").append(c.displayName());
            }
            throw new EpochException(ErrorCode.UNDEFINED_FUNCTION, "function " + name + "(" + sig + ") does not exist",
                null, "No function matches the given name and argument types. You might need to add explicit type casts.", 0, null);
        }
        return TypeMapping.toRelType(b.getTypeFactory(), result, true);
    }

    @Override
    public List<SqlOperator> getOperatorList() {
        return List.of();
    }
}
