package io.epochdb.planner.schema;

import io.epochdb.storage.catalog.ColumnDef;
import io.epochdb.storage.catalog.TableDef;
import java.util.Objects;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.impl.AbstractTable;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * A user table as Calcite sees it: the catalog definition's columns. The DML variant adds a trailing
 * {@code ctid} BIGINT column carrying the storage row id, so UPDATE and DELETE can be planned as queries.
 */
public final class EpochTable extends AbstractTable {
    public static final String ROW_ID_COLUMN = "ctid";

    private final TableDef def;
    private final boolean withRowId;

    public EpochTable(TableDef def, boolean withRowId) {
        this.def = Objects.requireNonNull(def, "def");
        this.withRowId = withRowId;
    }

    public TableDef def() {
        return def;
    }

    public boolean withRowId() {
        return withRowId;
    }

    @Override
    public <C> C unwrap(Class<C> aClass) {
        if (aClass == org.apache.calcite.sql2rel.InitializerExpressionFactory.class) {
            return aClass.cast(new ColumnDefaults(def));
        }
        return super.unwrap(aClass);
    }

    @Override
    public RelDataType getRowType(RelDataTypeFactory f) {
        RelDataTypeFactory.Builder b = f.builder();
        for (ColumnDef c : def.columns()) {
            b.add(c.name(), TypeMapping.toRelType(f, c.type(), !c.notNull()));
        }
        if (withRowId) {
            b.add(ROW_ID_COLUMN, f.createSqlType(SqlTypeName.BIGINT));
        }
        return b.build();
    }
}
