package io.epochdb.exec.expr;

import io.epochdb.common.types.ColumnType;
import io.epochdb.common.types.SqlType;
import io.epochdb.exec.ExecContext;
import io.epochdb.exec.batch.Batch;
import io.epochdb.exec.types.PgText;
import io.epochdb.exec.types.PgValues;
import java.util.Objects;
import org.apache.arrow.vector.FieldVector;

/**
 * Bound parameter {@code $index+1}. A value whose class does not fit {@link #type()} (text sent by a client
 * for an integer parameter, an Integer for a bigint) is converted with PostgreSQL's input rules.
 */
public record ParamRef(int index, ColumnType type) implements Expr {
    public ParamRef {
        Objects.requireNonNull(type, "type");
    }

    /** The parameter's value converted to this expression's type. */
    public Object value(ExecContext ctx) {
        return convert(ctx.param(index), type, ctx);
    }

    static Object convert(Object v, ColumnType type, ExecContext ctx) {
        if (v == null) {
            return null;
        }
        SqlType t = type.type();
        boolean textType = t.isText() || t == SqlType.UNKNOWN || t == SqlType.JSON || t == SqlType.JSONB;
        if (v instanceof String s && !textType) {
            return PgText.parse(s, type, ctx.timeZone());
        }
        if (textType && !(v instanceof String)) {
            return Casts.castValue(v, guessType(v), type, ctx.timeZone(), true);
        }
        if (t.isArray() && v instanceof java.util.List<?>) {
            return v;
        }
        if (t == SqlType.NUMERIC || v instanceof Number || v instanceof Boolean) {
            SqlType from = guessType(v);
            if (from != null && from != t && from.isNumeric() && t.isNumeric()) {
                return Casts.castValue(v, from, type, ctx.timeZone(), true);
            }
        }
        return PgValues.coerce(v, t);
    }

    private static SqlType guessType(Object v) {
        if (v instanceof Integer) {
            return SqlType.INT4;
        }
        if (v instanceof Long) {
            return SqlType.INT8;
        }
        if (v instanceof Short) {
            return SqlType.INT2;
        }
        if (v instanceof Double) {
            return SqlType.FLOAT8;
        }
        if (v instanceof Float) {
            return SqlType.FLOAT4;
        }
        if (v instanceof java.math.BigDecimal) {
            return SqlType.NUMERIC;
        }
        if (v instanceof Boolean) {
            return SqlType.BOOL;
        }
        if (v instanceof byte[]) {
            return SqlType.BYTEA;
        }
        if (v instanceof java.util.UUID) {
            return SqlType.UUID;
        }
        if (v instanceof io.epochdb.common.types.Interval) {
            return SqlType.INTERVAL;
        }
        return SqlType.TEXT;
    }

    @Override
    public FieldVector evaluate(Batch input, ExecContext ctx) {
        return Vectors.constant(value(ctx), type, input.rowCount(), ctx.allocator());
    }

    @Override
    public String toString() {
        return "$" + (index + 1);
    }

    @Override
    public boolean canFail() {
        return false;
    }
}
