package io.epochdb.storage.table;

import io.epochdb.common.types.Interval;
import io.epochdb.common.types.SqlType;
import io.epochdb.storage.vector.ArrowTypes;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.FieldVector;

/**
 * Unique-key values as hash map keys: one normalized Java value for a one-column key, a list for several.
 * Normalizing makes equal SQL values equal Java objects (Integer 1 and Long 1, numeric 1.0 and 1.00, byte
 * arrays by content). A key with a NULL part is no key at all: NULLs never conflict, as in PostgreSQL.
 */
final class KeyValues {
    private KeyValues() {
    }

    /** The key of one stored or incoming row, or null if a part is NULL. */
    static Object fromRow(FieldVector[] keyColumns, SqlType[] types, int row) {
        if (keyColumns.length == 1) {
            return normalize(ArrowTypes.get(keyColumns[0], row, types[0]), types[0]);
        }
        List<Object> parts = new ArrayList<>(keyColumns.length);
        for (int i = 0; i < keyColumns.length; i++) {
            Object v = normalize(ArrowTypes.get(keyColumns[i], row, types[i]), types[i]);
            if (v == null) {
                return null;
            }
            parts.add(v);
        }
        return List.copyOf(parts);
    }

    /** The key of values a caller supplies (ON CONFLICT), or null if a part is NULL. */
    static Object fromValues(List<Object> values, SqlType[] types) {
        if (values.size() != types.length) {
            throw new IllegalArgumentException("expected " + types.length + " key values, got " + values.size());
        }
        if (types.length == 1) {
            return normalize(values.get(0), types[0]);
        }
        List<Object> parts = new ArrayList<>(types.length);
        for (int i = 0; i < types.length; i++) {
            Object v = normalize(values.get(i), types[i]);
            if (v == null) {
                return null;
            }
            parts.add(v);
        }
        return List.copyOf(parts);
    }

    static Object normalize(Object v, SqlType type) {
        if (v == null) {
            return null;
        }
        if (type.isInteger() || type == SqlType.DATE || type == SqlType.TIME || type == SqlType.TIMESTAMP
            || type == SqlType.TIMESTAMPTZ || type == SqlType.REGCLASS || type == SqlType.REGTYPE || type == SqlType.REGPROC) {
            return ((Number) v).longValue();
        }
        if (type == SqlType.FLOAT4 || type == SqlType.FLOAT8) {
            double d = ((Number) v).doubleValue();
            return d == 0.0 ? 0.0 : d; // -0 equals 0 in SQL; Double.equals already treats NaN as equal to NaN
        }
        if (type == SqlType.NUMERIC) {
            BigDecimal d = v instanceof BigDecimal b ? b : new BigDecimal(v.toString());
            return d.signum() == 0 ? BigDecimal.ZERO : d.stripTrailingZeros();
        }
        if (type == SqlType.INTERVAL) {
            // PostgreSQL compares intervals by their span with 30-day months and 24-hour days.
            Interval iv = (Interval) v;
            return iv.approximateMicros();
        }
        if (v instanceof byte[] bytes) {
            return ByteBuffer.wrap(bytes);
        }
        return v;
    }
}
