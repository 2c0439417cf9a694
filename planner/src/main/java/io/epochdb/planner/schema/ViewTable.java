package io.epochdb.planner.schema;

import io.epochdb.storage.catalog.TableDef;
import java.util.List;
import java.util.Objects;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.TranslatableTable;
import org.apache.calcite.schema.impl.AbstractTable;

/** A view: its stored column list and SQL, expanded into the query that uses it at planning time. */
public final class ViewTable extends AbstractTable implements TranslatableTable {
    private final TableDef def;
    private final EpochTable shape;

    public ViewTable(TableDef def) {
        this.def = Objects.requireNonNull(def, "def");
        this.shape = new EpochTable(def, false);
    }

    public TableDef def() {
        return def;
    }

    @Override
    public RelDataType getRowType(RelDataTypeFactory f) {
        return shape.getRowType(f);
    }

    @Override
    public RelNode toRel(RelOptTable.ToRelContext context, RelOptTable relOptTable) {
        return context.expandView(relOptTable.getRowType(), def.viewSql(), List.of(def.schema()), List.of(def.schema(), def.name())).rel;
    }
}
