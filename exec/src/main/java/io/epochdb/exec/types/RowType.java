package io.epochdb.exec.types;

import io.epochdb.common.types.ColumnType;
import java.util.List;

/** Names and types of the columns an operator produces. */
public record RowType(List<Field> fields) {
    public RowType {
        fields = List.copyOf(fields);
    }

    public record Field(String name, ColumnType type) {
    }

    public int size() {
        return fields.size();
    }

    public Field field(int i) {
        return fields.get(i);
    }

    public ColumnType type(int i) {
        return fields.get(i).type();
    }
}
