package io.epochdb.planner.catalog;

import io.epochdb.common.types.ColumnType;
import io.epochdb.common.types.SqlType;
import io.epochdb.exec.types.RowType;
import io.epochdb.planner.schema.SystemTable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Declares one virtual catalog table: its columns, then its row builder. Row values may be given loosely (any
 * Number for any numeric column, a char for a "char" column); they are converted to the Java class
 * {@link SqlType} documents for the column, so builders stay short.
 */
final class TableSpec {
    final String schema;
    final String name;
    private final List<RowType.Field> fields = new ArrayList<>();

    TableSpec(String schema, String name) {
        this.schema = Objects.requireNonNull(schema, "schema");
        this.name = Objects.requireNonNull(name, "name");
    }

    TableSpec col(String column, SqlType type) {
        // name columns are declared text: Calcite's validator re-creates character types with a charset and so
        // loses PgSqlType(NAME) (a plain VARCHAR reference over a NAME field fails its type checks)
        SqlType declared = type == SqlType.NAME ? SqlType.TEXT : type;
        fields.add(new RowType.Field(column, ColumnType.of(declared)));
        return this;
    }

    SystemTable rows(Function<CatalogSession, List<List<Object>>> rows, Function<io.epochdb.planner.schema.SystemContext, CatalogSession> adapt) {
        RowType rowType = new RowType(fields);
        return new SystemTable(name, rowType, ctx -> normalize(rowType, rows.apply(adapt.apply(ctx))));
    }

    static List<Object> row(Object... values) {
        return Arrays.asList(values);
    }

    private static List<List<Object>> normalize(RowType rowType, List<List<Object>> rows) {
        List<List<Object>> out = new ArrayList<>(rows.size());
        for (List<Object> r : rows) {
            if (r.size() != rowType.size()) {
                throw new IllegalStateException("catalog row has " + r.size() + " values, expected " + rowType.size());
            }
            Object[] v = new Object[r.size()];
            for (int i = 0; i < v.length; i++) {
                v[i] = convert(r.get(i), rowType.type(i).type());
            }
            out.add(Arrays.asList(v));
        }
        return out;
    }

    static Object convert(Object v, SqlType t) {
        if (v == null) {
            return null;
        }
        if (t.isArray()) {
            List<?> list = (List<?>) v;
            List<Object> conv = new ArrayList<>(list.size());
            for (Object e : list) {
                conv.add(convert(e, t.element()));
            }
            return conv;
        }
        return switch (t) {
            case INT2 -> ((Number) v).shortValue();
            case INT4, OID, REGCLASS, REGTYPE, REGPROC -> ((Number) v).intValue();
            case INT8 -> ((Number) v).longValue();
            case FLOAT4 -> ((Number) v).floatValue();
            case FLOAT8 -> ((Number) v).doubleValue();
            case TEXT, NAME, VARCHAR, BPCHAR -> v.toString();
            default -> v;
        };
    }
}
