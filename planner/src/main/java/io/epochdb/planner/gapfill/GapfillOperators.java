package io.epochdb.planner.gapfill;

import java.util.List;
import java.util.Locale;
import org.apache.calcite.avatica.util.TimeUnit;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlBasicFunction;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlCallBinding;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlIntervalQualifier;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;

/**
 * The gapfill functions as Calcite operators. Arguments are positional by the time validation sees them
 * ({@link GapfillSqlRewriter} resolves names); the exec layer gives them their scalar meaning and
 * {@link GapfillTranslator} their gapfill meaning.
 */
public final class GapfillOperators {
    private GapfillOperators() {
    }

    /** time_bucket_gapfill(width, ts [, timezone] [, start [, finish]]): the bucket, typed like ts. */
    public static final SqlFunction TIME_BUCKET_GAPFILL = SqlBasicFunction.create("time_bucket_gapfill",
        ReturnTypes.ARG1_NULLABLE, OperandTypes.VARIADIC, SqlFunctionCategory.USER_DEFINED_FUNCTION)
        .withOperandTypeInference(GapfillOperators::inferBucketOperands);
    /** locf(value [, prev [, treat_null_as_missing]]). */
    public static final SqlFunction LOCF = SqlBasicFunction.create("locf",
        ReturnTypes.ARG0_FORCE_NULLABLE, OperandTypes.VARIADIC, SqlFunctionCategory.USER_DEFINED_FUNCTION);
    /** interpolate(value [, prev_time, prev_value [, next_time, next_value]]) once records are split. */
    public static final SqlFunction INTERPOLATE = SqlBasicFunction.create("interpolate",
        ReturnTypes.ARG0_FORCE_NULLABLE, OperandTypes.VARIADIC, SqlFunctionCategory.USER_DEFINED_FUNCTION);

    /**
     * gapfill_having(condition): wraps the HAVING clause of a gapfill query ({@link GapfillSqlRewriter}) so the plan
     * tells it apart from an enclosing query's WHERE that lands on the same aggregation: HAVING filters before gaps
     * are filled, an outer WHERE after. Evaluates to its argument.
     */
    public static final SqlFunction HAVING = SqlBasicFunction.create("gapfill_having",
        ReturnTypes.ARG0, OperandTypes.BOOLEAN, SqlFunctionCategory.USER_DEFINED_FUNCTION);

    public static final List<SqlFunction> ALL = List.of(TIME_BUCKET_GAPFILL, LOCF, INTERPOLATE, HAVING);

    /**
     * Types for untyped parameters ({@code time_bucket_gapfill('1 hour', time, $1, $2)}): the width an interval (the
     * bucket type for integer buckets), start/finish/origin the bucket's type.
     */
    private static void inferBucketOperands(SqlCallBinding binding, RelDataType returnType, RelDataType[] operandTypes) {
        RelDataTypeFactory f = binding.getTypeFactory();
        RelDataType ts = binding.getOperandCount() > 1 ? binding.getOperandType(1) : null;
        for (int i = 0; i < operandTypes.length; i++) {
            RelDataType t = binding.getOperandType(i);
            if (t.getSqlTypeName() != SqlTypeName.UNKNOWN && t.getSqlTypeName() != SqlTypeName.NULL) {
                operandTypes[i] = t;
            } else if (i == 0) {
                operandTypes[i] = ts != null && SqlTypeName.INT_TYPES.contains(ts.getSqlTypeName()) ? ts
                    : f.createSqlIntervalType(new SqlIntervalQualifier(TimeUnit.DAY, TimeUnit.SECOND, SqlParserPos.ZERO));
            } else {
                operandTypes[i] = ts != null ? f.createTypeWithNullability(ts, true) : t;
            }
        }
    }

    static String name(RexNode n) {
        return n instanceof RexCall c ? c.getOperator().getName().toLowerCase(Locale.ROOT) : "";
    }

    static boolean isGapfillCall(RexNode n) {
        return name(n).equals("time_bucket_gapfill");
    }

    static boolean isHavingMarker(RexNode n) {
        return name(n).equals("gapfill_having");
    }

    static boolean isMarker(RexNode n) {
        String s = name(n);
        return s.equals("locf") || s.equals("interpolate");
    }
}
