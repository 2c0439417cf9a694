package io.epochdb.planner.functions;

import io.epochdb.common.ErrorCode;
import io.epochdb.common.EpochException;
import io.epochdb.common.types.ColumnType;
import io.epochdb.common.types.SqlType;
import io.epochdb.planner.schema.TypeMapping;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlAggFunction;
import org.apache.calcite.sql.SqlCallBinding;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperatorBinding;
import org.apache.calcite.sql.fun.SqlBasicAggFunction;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlOperandTypeChecker;
import org.apache.calcite.sql.type.SqlReturnTypeInference;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.util.Optionality;

/**
 * PostgreSQL's ordered-set aggregates ({@code percentile_cont}, {@code percentile_disc}, {@code mode} WITHIN GROUP),
 * the two-argument statistics Calcite lacks or types differently (regr_*, covar_*), and sum/avg over interval, with
 * PostgreSQL's result types. Calcite's own percentile operators accept only a numeric literal fraction and numeric ORDER BY keys; these
 * take any fraction expression, an array of fractions, and any sortable key (percentile_disc) as PostgreSQL does.
 */
public final class StatisticalAggregates {
    private StatisticalAggregates() {
    }

    public static final SqlAggFunction PERCENTILE_CONT = new OrderedSetAggregate("percentile_cont",
        SqlKind.PERCENTILE_CONT, percentileType(true), OperandTypes.or(OperandTypes.NUMERIC, OperandTypes.ARRAY));
    public static final SqlAggFunction PERCENTILE_DISC = new OrderedSetAggregate("percentile_disc",
        SqlKind.PERCENTILE_DISC, percentileType(false), OperandTypes.or(OperandTypes.NUMERIC, OperandTypes.ARRAY));
    /** mode() WITHIN GROUP (ORDER BY x): the ORDER BY key's type. */
    public static final SqlAggFunction MODE = new OrderedSetAggregate("mode", SqlKind.PERCENTILE_DISC,
        b -> nullable(b.getTypeFactory(), b.getCollationType()), OperandTypes.NILADIC);

    /**
     * An aggregate with a mandatory WITHIN GROUP (ORDER BY key). The kind must be PERCENTILE_CONT/DISC: only for
     * those does Calcite hand the key's type to return-type inference ({@link SqlOperatorBinding#getCollationType()}),
     * in the validator and again when an AggregateCall is re-typed, where it also asserts {@link #isPercentile()}.
     * The validator however reads {@code isPercentile()} as "Calcite's percentile rules apply" (one numeric key,
     * exactly one direct argument), which are not PostgreSQL's: so the flag is false for the validator only.
     */
    private static final class OrderedSetAggregate extends SqlAggFunction {
        OrderedSetAggregate(String name, SqlKind kind, SqlReturnTypeInference type, SqlOperandTypeChecker operands) {
            super(name, null, kind, knownWhenNoKey(type), null, operands, SqlFunctionCategory.USER_DEFINED_FUNCTION,
                false, false, Optionality.MANDATORY);
        }

        /**
         * FILTER (WHERE ...) re-infers the aggregate's type through a binding that cannot see the WITHIN GROUP key;
         * by then the WITHIN GROUP operand has been validated and its type recorded, so that one is used.
         */
        private static SqlReturnTypeInference knownWhenNoKey(SqlReturnTypeInference type) {
            return b -> {
                try {
                    return type.inferReturnType(b);
                } catch (UnsupportedOperationException e) {
                    if (b instanceof SqlCallBinding cb) {
                        RelDataType known = cb.getValidator().getValidatedNodeTypeIfKnown(cb.getCall());
                        if (known != null) {
                            return known;
                        }
                    }
                    throw withoutWithinGroup(b);
                }
            };
        }

        @Override
        public boolean isPercentile() {
            return !calledByValidator();
        }

        private static boolean calledByValidator() {
            return StackWalker.getInstance().walk(frames -> frames.skip(2).limit(1)
                .anyMatch(f -> f.getClassName().startsWith("org.apache.calcite.sql.validate.")));
        }
    }

    private static final SqlReturnTypeInference DOUBLE = ReturnTypes.explicit(SqlTypeName.DOUBLE)
        .andThen(org.apache.calcite.sql.type.SqlTypeTransforms.FORCE_NULLABLE);
    private static final SqlReturnTypeInference BIGINT = ReturnTypes.explicit(SqlTypeName.BIGINT);

    private static SqlAggFunction twoArg(String name, SqlReturnTypeInference type) {
        return SqlBasicAggFunction.create(name, SqlKind.OTHER_FUNCTION, type,
                OperandTypes.family(SqlTypeFamily.NUMERIC, SqlTypeFamily.NUMERIC))
            .withFunctionType(SqlFunctionCategory.USER_DEFINED_FUNCTION);
    }

    /** float8 results for every input type (PostgreSQL casts the arguments to float8), regr_count bigint. */
    public static final List<SqlAggFunction> REGRESSION = List.of(
        twoArg("covar_pop", DOUBLE), twoArg("covar_samp", DOUBLE), twoArg("regr_count", BIGINT),
        twoArg("regr_r2", DOUBLE), twoArg("regr_avgx", DOUBLE), twoArg("regr_avgy", DOUBLE),
        twoArg("regr_sxx", DOUBLE), twoArg("regr_syy", DOUBLE), twoArg("regr_sxy", DOUBLE));

    /** sum: Calcite's (kind SUM, its result types) that also accepts interval, as PostgreSQL's interval_pl does. */
    public static final SqlAggFunction SUM = new org.apache.calcite.sql.fun.SqlSumAggFunction(null) {
        @Override
        public boolean checkOperandTypes(SqlCallBinding binding, boolean throwOnFailure) {
            return isInterval(binding) || super.checkOperandTypes(binding, throwOnFailure);
        }
    };

    /** avg: Calcite's, also over interval (interval_avg). */
    public static final SqlAggFunction AVG = new org.apache.calcite.sql.fun.SqlAvgAggFunction(SqlKind.AVG) {
        @Override
        public boolean checkOperandTypes(SqlCallBinding binding, boolean throwOnFailure) {
            return isInterval(binding) || super.checkOperandTypes(binding, throwOnFailure);
        }
    };

    /** Every operator here; each replaces Calcite's operators of the same name (see ShadowingOperatorTable). */
    public static final List<SqlAggFunction> ALL = java.util.stream.Stream.concat(
        java.util.stream.Stream.of(PERCENTILE_CONT, PERCENTILE_DISC, MODE, SUM, AVG), REGRESSION.stream()).toList();

    private static boolean isInterval(SqlCallBinding binding) {
        return binding.getOperandCount() == 1
            && org.apache.calcite.sql.type.SqlTypeUtil.isInterval(binding.getOperandType(0));
    }

    /**
     * PostgreSQL's errors for an ordered-set aggregate called without WITHIN GROUP: its direct arguments alone
     * match no function (percentile_cont(numeric), mode()), while mode(x) is told it needs WITHIN GROUP.
     */
    private static EpochException withoutWithinGroup(SqlOperatorBinding b) {
        String name = b.getOperator().getName();
        if (!name.equals("mode") || b.getOperandCount() == 0) {
            StringBuilder args = new StringBuilder();
            for (int i = 0; i < b.getOperandCount(); i++) {
                args.append(i > 0 ? ", " : "").append(pgName(b.getOperandType(i)));
            }
            return new EpochException(ErrorCode.UNDEFINED_FUNCTION, "function " + name + "(" + args + ") does not exist",
                null, "No function matches the given name and argument types. You might need to add explicit type casts.",
                0, null);
        }
        return new EpochException(ErrorCode.WRONG_OBJECT_TYPE, "WITHIN GROUP is required for ordered-set aggregate " + name);
    }

    private static RelDataType nullable(RelDataTypeFactory f, RelDataType t) {
        return f.createTypeWithNullability(t, true);
    }

    /**
     * percentile_cont: float8 for numeric keys, interval for interval keys (anything else does not exist, as in
     * PostgreSQL); percentile_disc: the key's type. An array of fractions gives an array of those.
     */
    private static SqlReturnTypeInference percentileType(boolean cont) {
        return b -> {
            RelDataTypeFactory f = b.getTypeFactory();
            RelDataType key = b.getCollationType();
            RelDataType fraction = b.getOperandType(0);
            RelDataType element;
            if (!cont) {
                element = key;
            } else if (SqlTypeName.NUMERIC_TYPES.contains(key.getSqlTypeName())) {
                element = f.createSqlType(SqlTypeName.DOUBLE);
            } else if (SqlTypeFamily.INTERVAL_DAY_TIME.contains(key) || SqlTypeFamily.INTERVAL_YEAR_MONTH.contains(key)) {
                element = key;
            } else {
                throw new EpochException(ErrorCode.UNDEFINED_FUNCTION, "function percentile_cont("
                    + pgName(fraction) + ", " + pgName(key) + ") does not exist", null,
                    "No function matches the given name and argument types. You might need to add explicit type casts.",
                    0, null);
            }
            element = nullable(f, element);
            if (fraction.getSqlTypeName() == SqlTypeName.ARRAY) {
                return nullable(f, f.createArrayType(element, -1));
            }
            return element;
        };
    }

    private static String pgName(RelDataType t) {
        ColumnType c = TypeMapping.toColumnType(t);
        return ColumnType.of(c.type() == SqlType.VARCHAR ? SqlType.TEXT : c.type()).displayName();
    }
}
