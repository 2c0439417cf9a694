package io.epochdb.planner.schema;

import io.epochdb.exec.types.RowType;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.impl.AbstractTable;

/**
 * A virtual catalog table (pg_catalog, information_schema, timescaledb_information): a fixed row type and rows
 * built from the engine's catalog each time the table is scanned.
 */
public final class SystemTable extends AbstractTable {
    private final String name;
    private final RowType rowType;
    private final Function<SystemContext, List<List<Object>>> rows;

    public SystemTable(String name, RowType rowType, Function<SystemContext, List<List<Object>>> rows) {
        this.name = Objects.requireNonNull(name, "name");
        this.rowType = Objects.requireNonNull(rowType, "rowType");
        this.rows = Objects.requireNonNull(rows, "rows");
    }

    public String name() {
        return name;
    }

    public RowType columns() {
        return rowType;
    }

    public List<List<Object>> rows(SystemContext ctx) {
        return rows.apply(ctx);
    }

    @Override
    public RelDataType getRowType(RelDataTypeFactory f) {
        RelDataTypeFactory.Builder b = f.builder();
        for (RowType.Field field : rowType.fields()) {
            b.add(field.name(), TypeMapping.toRelType(f, field.type(), true));
        }
        return b.build();
    }
}
