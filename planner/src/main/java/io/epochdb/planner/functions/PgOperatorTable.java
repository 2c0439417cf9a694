package io.epochdb.planner.functions;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlAggFunction;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlOperatorBinding;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.SqlTableFunction;
import org.apache.calcite.sql.SqlBasicFunction;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlOperandTypeChecker;
import org.apache.calcite.sql.type.SqlReturnTypeInference;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.util.SqlOperatorTables;
import org.apache.calcite.util.Optionality;

/**
 * EpochDB's own functions as Calcite planning-time operators (signatures and result types only; the exec layer
 * implements them). Chained before Calcite's standard and PostgreSQL library tables.
 */
public final class PgOperatorTable {
    private PgOperatorTable() {
    }

    private static final List<SqlOperator> OPS = new ArrayList<>();

    private static SqlFunction fn(String name, SqlReturnTypeInference ret, SqlOperandTypeChecker operands) {
        SqlFunction f = SqlBasicFunction.create(name, ret, operands, SqlFunctionCategory.USER_DEFINED_FUNCTION);
        OPS.add(f);
        return f;
    }

    private static SqlFunction dynamicFn(String name, SqlReturnTypeInference ret, SqlOperandTypeChecker operands) {
        SqlFunction f = SqlBasicFunction.create(name, ret, operands, SqlFunctionCategory.USER_DEFINED_FUNCTION)
            .withDynamic(true).withDeterministic(false);
        OPS.add(f);
        return f;
    }

    private static SqlReturnTypeInference explicit(SqlTypeName t) {
        return ReturnTypes.explicit(t);
    }

    private static final SqlReturnTypeInference TIMESTAMPTZ = b -> b.getTypeFactory().createTypeWithNullability(
        b.getTypeFactory().createSqlType(SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE, 6), false);
    private static final SqlReturnTypeInference TIMESTAMPTZ_NULLABLE = ReturnTypes.cascade(TIMESTAMPTZ,
        org.apache.calcite.sql.type.SqlTypeTransforms.TO_NULLABLE);
    private static final SqlReturnTypeInference VARCHAR = b -> b.getTypeFactory().createSqlType(SqlTypeName.VARCHAR);
    private static final SqlReturnTypeInference VARCHAR_NULLABLE = ReturnTypes.cascade(VARCHAR,
        org.apache.calcite.sql.type.SqlTypeTransforms.TO_NULLABLE);
    private static final SqlReturnTypeInference VARCHAR_FORCE_NULLABLE = b -> b.getTypeFactory()
        .createTypeWithNullability(b.getTypeFactory().createSqlType(SqlTypeName.VARCHAR), true);

    // --- time functions -----------------------------------------------------------------------------------------
    public static final SqlFunction NOW = dynamicFn("now", TIMESTAMPTZ, OperandTypes.NILADIC);
    public static final SqlFunction TRANSACTION_TIMESTAMP = dynamicFn("transaction_timestamp", TIMESTAMPTZ, OperandTypes.NILADIC);
    public static final SqlFunction STATEMENT_TIMESTAMP = dynamicFn("statement_timestamp", TIMESTAMPTZ, OperandTypes.NILADIC);
    public static final SqlFunction CLOCK_TIMESTAMP = dynamicFn("clock_timestamp", TIMESTAMPTZ, OperandTypes.NILADIC);
    /** time_bucket: every TimescaleDB signature; the result has the time argument's type. */
    public static final SqlFunction TIME_BUCKET = fn("time_bucket", PgOperatorTable::timeBucketType,
        OperandTypes.or(
            OperandTypes.family(SqlTypeFamily.ANY, SqlTypeFamily.ANY),
            OperandTypes.family(SqlTypeFamily.ANY, SqlTypeFamily.ANY, SqlTypeFamily.ANY),
            OperandTypes.family(SqlTypeFamily.ANY, SqlTypeFamily.ANY, SqlTypeFamily.ANY, SqlTypeFamily.ANY),
            OperandTypes.family(SqlTypeFamily.ANY, SqlTypeFamily.ANY, SqlTypeFamily.ANY, SqlTypeFamily.ANY, SqlTypeFamily.ANY)));
    /**
     * time_bucket's result: the time argument's type; timestamptz for the timezone variant (a timestamp or date
     * is cast for it); for the integer forms the widest integer type among the arguments, as PostgreSQL picks
     * time_bucket(int4, int4) for (int4 literal, int2 column).
     */
    private static RelDataType timeBucketType(SqlOperatorBinding b) {
        RelDataTypeFactory f = b.getTypeFactory();
        RelDataType t = b.getOperandType(1);
        SqlTypeName tn = t.getSqlTypeName();
        if ((tn == SqlTypeName.TIMESTAMP || tn == SqlTypeName.DATE) && b.getOperandCount() >= 3
            && SqlTypeFamily.CHARACTER.contains(b.getOperandType(2))) {
            // the timezone variant, as exec's binder decides (PostgreSQL finds an untyped literal here ambiguous)
            return f.createTypeWithNullability(f.createSqlType(SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE, 6), true);
        }
        if (SqlTypeName.INT_TYPES.contains(t.getSqlTypeName())) {
            for (int i = 0; i < b.getOperandCount(); i++) {
                SqlTypeName n = b.getOperandType(i).getSqlTypeName();
                if (i != 1 && SqlTypeName.INT_TYPES.contains(n) && intRank(n) > intRank(t.getSqlTypeName())) {
                    t = f.createSqlType(n);
                }
            }
        }
        return f.createTypeWithNullability(t, true);
    }

    private static int intRank(SqlTypeName n) {
        return n == SqlTypeName.BIGINT ? 3 : n == SqlTypeName.INTEGER ? 2 : 1;
    }

    /** date_bin: the source's type; a date source is cast to the origin's timestamp type (timestamptz if a date). */
    public static final SqlFunction DATE_BIN = fn("date_bin", b -> {
        RelDataTypeFactory f = b.getTypeFactory();
        RelDataType source = b.getOperandType(1);
        RelDataType t = source;
        if (source.getSqlTypeName() == SqlTypeName.DATE) {
            RelDataType origin = b.getOperandType(2);
            t = origin.getSqlTypeName() == SqlTypeName.TIMESTAMP ? f.createSqlType(SqlTypeName.TIMESTAMP, 6)
                : f.createSqlType(SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE, 6);
        }
        return f.createTypeWithNullability(t, source.isNullable() || b.getOperandType(2).isNullable());
    },
        // an origin written as a plain string literal is read as the source's type, as PostgreSQL does
        OperandTypes.or(OperandTypes.family(SqlTypeFamily.ANY, SqlTypeFamily.DATETIME, SqlTypeFamily.DATETIME),
            OperandTypes.family(SqlTypeFamily.ANY, SqlTypeFamily.DATETIME, SqlTypeFamily.CHARACTER)));
    public static final SqlFunction DATE_TRUNC = fn("date_trunc", b -> {
        RelDataType t = b.getOperandType(1);
        RelDataTypeFactory f = b.getTypeFactory();
        if (t.getSqlTypeName() == SqlTypeName.DATE) {
            return f.createTypeWithNullability(f.createSqlType(SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE, 6), t.isNullable());
        }
        return t;
    }, OperandTypes.or(OperandTypes.family(SqlTypeFamily.CHARACTER, SqlTypeFamily.ANY),
        OperandTypes.family(SqlTypeFamily.CHARACTER, SqlTypeFamily.ANY, SqlTypeFamily.CHARACTER)));
    public static final SqlFunction DATE_PART = fn("date_part", ReturnTypes.DOUBLE_NULLABLE,
        OperandTypes.family(SqlTypeFamily.CHARACTER, SqlTypeFamily.ANY));
    /** AT TIME ZONE: timestamptz becomes timestamp and back. */
    public static final SqlFunction TIMEZONE = fn("timezone", b -> {
        RelDataType t = b.getOperandType(1);
        RelDataTypeFactory f = b.getTypeFactory();
        SqlTypeName out = t.getSqlTypeName() == SqlTypeName.TIMESTAMP ? SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE : SqlTypeName.TIMESTAMP;
        return f.createTypeWithNullability(f.createSqlType(out, 6), t.isNullable() || b.getOperandType(0).isNullable());
    }, OperandTypes.family(SqlTypeFamily.ANY, SqlTypeFamily.DATETIME));
    public static final SqlFunction TO_TIMESTAMP = fn("to_timestamp", TIMESTAMPTZ_NULLABLE,
        OperandTypes.or(OperandTypes.NUMERIC, OperandTypes.family(SqlTypeFamily.CHARACTER, SqlTypeFamily.CHARACTER)));
    public static final SqlFunction TO_CHAR = fn("to_char", VARCHAR_NULLABLE,
        OperandTypes.family(SqlTypeFamily.ANY, SqlTypeFamily.CHARACTER));
    public static final SqlFunction AGE = fn("age", b -> b.getTypeFactory().createSqlIntervalType(
            new org.apache.calcite.sql.SqlIntervalQualifier(org.apache.calcite.avatica.util.TimeUnit.DAY,
                org.apache.calcite.avatica.util.TimeUnit.SECOND, org.apache.calcite.sql.parser.SqlParserPos.ZERO)),
        OperandTypes.or(OperandTypes.family(SqlTypeFamily.DATETIME), OperandTypes.family(SqlTypeFamily.DATETIME, SqlTypeFamily.DATETIME)));
    public static final SqlFunction MAKE_INTERVAL = fn("make_interval", b -> b.getTypeFactory().createSqlIntervalType(
            new org.apache.calcite.sql.SqlIntervalQualifier(org.apache.calcite.avatica.util.TimeUnit.DAY,
                org.apache.calcite.avatica.util.TimeUnit.SECOND, org.apache.calcite.sql.parser.SqlParserPos.ZERO)),
        OperandTypes.VARIADIC);

    /** pg_typeof(x): the argument's type name (PostgreSQL returns regtype, which prints as the name). */
    public static final SqlFunction PG_TYPEOF = fn("pg_typeof", VARCHAR, OperandTypes.ANY);

    /**
     * EXTRACT with PostgreSQL's numeric result (14+): {@code extract(epoch from ts)} keeps its fraction. Validation
     * re-resolves EXTRACT by name, so this replaces Calcite's bigint-typed operator.
     */
    public static final SqlFunction EXTRACT = register(new org.apache.calcite.sql.fun.SqlExtractFunction("EXTRACT", false) {
        @Override
        public RelDataType inferReturnType(SqlOperatorBinding b) {
            RelDataTypeFactory f = b.getTypeFactory();
            return f.createTypeWithNullability(f.createSqlType(SqlTypeName.DECIMAL, f.getTypeSystem().getMaxPrecision(SqlTypeName.DECIMAL), 6),
                b.getOperandType(1).isNullable());
        }
    });

    // --- session and catalog information ----------------------------------------------------------------------
    public static final SqlFunction VERSION = fn("version", VARCHAR, OperandTypes.NILADIC);
    public static final SqlFunction CURRENT_DATABASE = fn("current_database", VARCHAR, OperandTypes.NILADIC);
    public static final SqlFunction CURRENT_SCHEMA = fn("current_schema", VARCHAR, OperandTypes.NILADIC);
    public static final SqlFunction CURRENT_SCHEMAS = fn("current_schemas", b -> b.getTypeFactory().createArrayType(
        b.getTypeFactory().createSqlType(SqlTypeName.VARCHAR), -1), OperandTypes.BOOLEAN);
    public static final SqlFunction CURRENT_SETTING = dynamicFn("current_setting", VARCHAR_FORCE_NULLABLE,
        OperandTypes.or(OperandTypes.STRING, OperandTypes.family(SqlTypeFamily.CHARACTER, SqlTypeFamily.BOOLEAN)));
    public static final SqlFunction SET_CONFIG = dynamicFn("set_config", VARCHAR_FORCE_NULLABLE,
        OperandTypes.family(SqlTypeFamily.CHARACTER, SqlTypeFamily.CHARACTER, SqlTypeFamily.BOOLEAN));
    public static final SqlFunction PG_BACKEND_PID = fn("pg_backend_pid", ReturnTypes.INTEGER, OperandTypes.NILADIC);
    public static final SqlFunction PG_POSTMASTER_START_TIME = fn("pg_postmaster_start_time", TIMESTAMPTZ, OperandTypes.NILADIC);
    public static final SqlFunction TXID_CURRENT = dynamicFn("txid_current", ReturnTypes.BIGINT, OperandTypes.NILADIC);
    public static final SqlFunction PG_SLEEP = dynamicFn("pg_sleep", VARCHAR_FORCE_NULLABLE, OperandTypes.NUMERIC);
    public static final SqlFunction NEXTVAL = dynamicFn("nextval", ReturnTypes.BIGINT, OperandTypes.ANY);
    public static final SqlFunction CURRVAL = dynamicFn("currval", ReturnTypes.BIGINT, OperandTypes.ANY);
    public static final SqlFunction SETVAL = dynamicFn("setval", ReturnTypes.BIGINT, OperandTypes.VARIADIC);
    public static final SqlFunction GEN_RANDOM_UUID = dynamicFn("gen_random_uuid",
        b -> b.getTypeFactory().createSqlType(SqlTypeName.UUID), OperandTypes.NILADIC);

    // --- aggregates ---------------------------------------------------------------------------------------------
    private static SqlAggFunction agg(String name, SqlReturnTypeInference ret, SqlOperandTypeChecker operands) {
        SqlAggFunction f = new SqlAggFunction(name, null, SqlKind.OTHER_FUNCTION, ret, null, operands,
            SqlFunctionCategory.USER_DEFINED_FUNCTION, false, false, Optionality.FORBIDDEN) {
        };
        OPS.add(f);
        return f;
    }

    public static final SqlAggFunction FIRST = agg("first", ReturnTypes.ARG0_FORCE_NULLABLE,
        OperandTypes.family(SqlTypeFamily.ANY, SqlTypeFamily.ANY));
    public static final SqlAggFunction LAST = agg("last", ReturnTypes.ARG0_FORCE_NULLABLE,
        OperandTypes.family(SqlTypeFamily.ANY, SqlTypeFamily.ANY));
    public static final SqlAggFunction HISTOGRAM = agg("histogram", b -> b.getTypeFactory().createTypeWithNullability(
            b.getTypeFactory().createArrayType(b.getTypeFactory().createSqlType(SqlTypeName.INTEGER), -1), true),
        OperandTypes.family(SqlTypeFamily.NUMERIC, SqlTypeFamily.NUMERIC, SqlTypeFamily.NUMERIC, SqlTypeFamily.INTEGER));
    public static final SqlAggFunction BOOL_AND = agg("bool_and", ReturnTypes.BOOLEAN_FORCE_NULLABLE, OperandTypes.BOOLEAN);
    public static final SqlAggFunction BOOL_OR = agg("bool_or", ReturnTypes.BOOLEAN_FORCE_NULLABLE, OperandTypes.BOOLEAN);
    public static final SqlAggFunction CORR = agg("corr", ReturnTypes.DOUBLE_NULLABLE,
        OperandTypes.family(SqlTypeFamily.NUMERIC, SqlTypeFamily.NUMERIC));
    public static final SqlAggFunction REGR_SLOPE = agg("regr_slope", ReturnTypes.DOUBLE_NULLABLE,
        OperandTypes.family(SqlTypeFamily.NUMERIC, SqlTypeFamily.NUMERIC));
    public static final SqlAggFunction REGR_INTERCEPT = agg("regr_intercept", ReturnTypes.DOUBLE_NULLABLE,
        OperandTypes.family(SqlTypeFamily.NUMERIC, SqlTypeFamily.NUMERIC));

    // --- table functions ----------------------------------------------------------------------------------------
    /** A set-returning function usable in FROM; its row type is computed from the operands. */
    public static final class TableFn extends SqlFunction implements SqlTableFunction {
        private final SqlReturnTypeInference rowType;

        TableFn(String name, SqlOperandTypeChecker checker, SqlReturnTypeInference rowType) {
            super(name, SqlKind.OTHER_FUNCTION, ReturnTypes.CURSOR, null, checker, SqlFunctionCategory.USER_DEFINED_TABLE_FUNCTION);
            this.rowType = rowType;
        }

        @Override
        public SqlReturnTypeInference getRowTypeInference() {
            return rowType;
        }
    }

    public static final TableFn GENERATE_SERIES = register(new TableFn("generate_series",
        OperandTypes.or(OperandTypes.family(SqlTypeFamily.EXACT_NUMERIC, SqlTypeFamily.EXACT_NUMERIC),
            OperandTypes.family(SqlTypeFamily.EXACT_NUMERIC, SqlTypeFamily.EXACT_NUMERIC, SqlTypeFamily.EXACT_NUMERIC),
            OperandTypes.family(SqlTypeFamily.DATETIME, SqlTypeFamily.DATETIME, SqlTypeFamily.ANY)),
        PgOperatorTable::generateSeriesRowType));

    private static RelDataType generateSeriesRowType(SqlOperatorBinding b) {
        RelDataTypeFactory f = b.getTypeFactory();
        RelDataType t = b.getOperandType(0);
        if (SqlTypeName.INT_TYPES.contains(t.getSqlTypeName())) {
            RelDataType t1 = b.getOperandType(1);
            boolean big = t.getSqlTypeName() == SqlTypeName.BIGINT || t1.getSqlTypeName() == SqlTypeName.BIGINT;
            t = f.createSqlType(big ? SqlTypeName.BIGINT : SqlTypeName.INTEGER);
        } else if (t.getSqlTypeName() == SqlTypeName.CHAR || t.getSqlTypeName() == SqlTypeName.VARCHAR
            || t.getSqlTypeName() == SqlTypeName.DATE) {
            t = f.createSqlType(SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE, 6);
        }
        return f.builder().add("generate_series", f.createTypeWithNullability(t, false)).build();
    }

    private static <T extends SqlOperator> T register(T op) {
        OPS.add(op);
        return op;
    }

    static {
        // before Calcite's: validation re-resolves + and - by name, and ours accept PostgreSQL's datetime forms
        OPS.add(PgArithmetic.PLUS);
        OPS.add(PgArithmetic.MINUS);
        OPS.addAll(io.epochdb.planner.gapfill.GapfillOperators.ALL); // time_bucket_gapfill, locf, interpolate
        // before Calcite's percentile/mode/covar/regr operators: PostgreSQL's forms and result types
        OPS.addAll(StatisticalAggregates.ALL);
    }

    public static SqlOperatorTable table() {
        return SqlOperatorTables.of(OPS);
    }
}
