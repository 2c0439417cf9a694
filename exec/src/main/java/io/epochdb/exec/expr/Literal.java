package io.epochdb.exec.expr;

import io.epochdb.common.types.ColumnType;
import io.epochdb.common.types.SqlType;
import io.epochdb.exec.ExecContext;
import io.epochdb.exec.batch.Batch;
import io.epochdb.exec.types.PgText;
import io.epochdb.exec.types.PgValues;
import java.time.ZoneOffset;
import java.util.Objects;
import org.apache.arrow.vector.FieldVector;

/**
 * A constant. The value is null or the Java object {@link SqlType} documents for the type; a String given for a
 * non-text type is parsed as PostgreSQL text (in UTC), a Number of another width is converted.
 */
public final class Literal implements Expr {
    private final Object value;
    private final ColumnType type;

    public Literal(Object value, ColumnType type) {
        this.type = Objects.requireNonNull(type, "type");
        this.value = normalize(value, type);
    }

    private static Object normalize(Object value, ColumnType type) {
        if (value == null) {
            return null;
        }
        SqlType t = type.type();
        if (value instanceof String s && !(t.isText() || t == SqlType.UNKNOWN || t == SqlType.JSON || t == SqlType.JSONB)) {
            return PgText.parse(s, type, ZoneOffset.UTC);
        }
        return PgValues.coerce(value, t);
    }

    public Object value() {
        return value;
    }

    @Override
    public ColumnType type() {
        return type;
    }

    @Override
    public FieldVector evaluate(Batch input, ExecContext ctx) {
        return Vectors.constant(value, type, input.rowCount(), ctx.allocator());
    }

    @Override
    public String toString() {
        return value == null ? "NULL::" + type : value + "::" + type;
    }

    @Override
    public boolean canFail() {
        return false;
    }
}
