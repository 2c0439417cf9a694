package io.epochdb.planner.functions;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.SqlBasicFunction;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.SqlOperandTypeChecker;
import org.apache.calcite.sql.type.SqlReturnTypeInference;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.util.SqlOperatorTables;

/**
 * Planning-time signatures of the catalog-introspection functions (format_type, pg_get_indexdef, ...). They are
 * evaluated by the planner's catalog function library, so arguments are loosely typed (an oid may arrive as an
 * integer, an oid column or a quoted literal) and results are nullable.
 */
public final class CatalogOperatorTable {
    private CatalogOperatorTable() {
    }

    private static final List<SqlOperator> OPS = new ArrayList<>();

    private static final SqlReturnTypeInference TEXT = b -> b.getTypeFactory().createTypeWithNullability(
        b.getTypeFactory().createSqlType(SqlTypeName.VARCHAR), true);
    private static final SqlReturnTypeInference BOOL = b -> b.getTypeFactory().createTypeWithNullability(
        b.getTypeFactory().createSqlType(SqlTypeName.BOOLEAN), true);
    private static final SqlReturnTypeInference BIGINT = b -> b.getTypeFactory().createTypeWithNullability(
        b.getTypeFactory().createSqlType(SqlTypeName.BIGINT), true);
    private static final SqlReturnTypeInference INTEGER = b -> b.getTypeFactory().createTypeWithNullability(
        b.getTypeFactory().createSqlType(SqlTypeName.INTEGER), true);
    private static final SqlReturnTypeInference TEXT_ARRAY = b -> b.getTypeFactory().createTypeWithNullability(
        b.getTypeFactory().createArrayType(b.getTypeFactory().createSqlType(SqlTypeName.VARCHAR), -1), true);

    private static void fn(String name, SqlReturnTypeInference ret, SqlOperandTypeChecker operands) {
        SqlFunction f = SqlBasicFunction.create(name, ret, operands, SqlFunctionCategory.USER_DEFINED_FUNCTION)
            .withDynamic(true).withDeterministic(false);
        OPS.add(f);
    }

    private static SqlOperandTypeChecker args(int min, int max) {
        return OperandTypes.variadic(org.apache.calcite.sql.type.SqlOperandCountRanges.between(min, max));
    }

    static {
        fn("pg_table_is_visible", BOOL, args(1, 1));
        fn("pg_type_is_visible", BOOL, args(1, 1));
        fn("pg_function_is_visible", BOOL, args(1, 1));
        fn("format_type", TEXT, args(2, 2));
        fn("pg_get_userbyid", TEXT, args(1, 1));
        fn("pg_get_indexdef", TEXT, args(1, 3));
        fn("pg_get_constraintdef", TEXT, args(1, 2));
        fn("pg_get_expr", TEXT, args(2, 3));
        fn("pg_get_viewdef", TEXT, args(1, 2));
        fn("obj_description", TEXT, args(1, 2));
        fn("col_description", TEXT, args(2, 2));
        fn("shobj_description", TEXT, args(2, 2));
        fn("pg_size_pretty", TEXT, args(1, 1));
        fn("pg_total_relation_size", BIGINT, args(1, 1));
        fn("pg_relation_size", BIGINT, args(1, 2));
        fn("pg_table_size", BIGINT, args(1, 1));
        fn("pg_indexes_size", BIGINT, args(1, 1));
        fn("pg_encoding_to_char", TEXT, args(1, 1));
        fn("pg_database_size", BIGINT, args(1, 1));
        fn("pg_tablespace_size", BIGINT, args(1, 1));
        fn("to_regclass", INTEGER, args(1, 1));
        fn("to_regtype", INTEGER, args(1, 1));
        fn("getdatabaseencoding", TEXT, args(0, 0));
        fn("pg_client_encoding", TEXT, args(0, 0));
        fn("pg_get_triggerdef", TEXT, args(1, 2));
        fn("pg_get_ruledef", TEXT, args(1, 2));
        fn("pg_char_to_encoding", INTEGER, args(1, 1));
        fn("has_table_privilege", BOOL, args(2, 3));
        fn("has_schema_privilege", BOOL, args(2, 3));
        fn("has_database_privilege", BOOL, args(2, 3));
        fn("has_any_column_privilege", BOOL, args(2, 3));
        fn("has_column_privilege", BOOL, args(3, 4));
        fn("has_function_privilege", BOOL, args(2, 3));
        fn("has_sequence_privilege", BOOL, args(2, 3));
        fn("pg_has_role", BOOL, args(2, 3));
        fn("pg_get_function_result", TEXT, args(1, 1));
        fn("pg_get_function_arguments", TEXT, args(1, 1));
        fn("pg_get_function_identity_arguments", TEXT, args(1, 1));
        fn("pg_relation_is_publishable", BOOL, args(1, 1));
        fn("pg_get_statisticsobjdef_columns", TEXT, args(1, 1));
        fn("pg_get_partkeydef", TEXT, args(1, 1));
        fn("pg_get_serial_sequence", TEXT, args(2, 2));
        fn("pg_tablespace_location", TEXT, args(1, 1));
        fn("pg_is_in_recovery", BOOL, args(0, 0));
        fn("inet_server_addr", TEXT, args(0, 0));
        fn("inet_client_addr", TEXT, args(0, 0));
        fn("parse_ident", TEXT_ARRAY, args(1, 2));
        // string and array functions exec implements that client catalog queries use (psql, Grafana, pgjdbc)
        fn("quote_ident", TEXT, args(1, 1));
        fn("array_to_string", TEXT, args(2, 3));
        fn("string_to_array", TEXT_ARRAY, args(2, 3));
        fn("array_upper", INTEGER, args(2, 2));
        fn("array_lower", INTEGER, args(2, 2));
        fn("array_length", INTEGER, args(2, 2));
        fn("array_position", INTEGER, args(2, 3));
        // TimescaleDB's scalar hypertable functions (package timescale; the set-returning ones run as statements)
        fn("hypertable_size", BIGINT, args(1, 1));
        fn("approximate_row_count", BIGINT, args(1, 1));
    }

    public static SqlOperatorTable table() {
        return SqlOperatorTables.of(OPS);
    }
}
