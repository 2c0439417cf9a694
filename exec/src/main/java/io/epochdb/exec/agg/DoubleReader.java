package io.epochdb.exec.agg;

import io.epochdb.common.types.SqlType;
import io.epochdb.exec.batch.KeyType;
import io.epochdb.storage.vector.ArrowTypes;
import org.apache.arrow.vector.FieldVector;

/** Reads a non-null numeric value of any numeric SQL type as a double (float8 aggregates after implicit casts). */
final class DoubleReader {
    private final SqlType type;
    private final KeyType longs;

    DoubleReader(SqlType type) {
        this.type = type;
        KeyType kt = KeyType.of(type);
        this.longs = kt.isLong() ? kt : null;
    }

    double get(FieldVector v, int row) {
        if (type == SqlType.FLOAT8) {
            return v.getDataBuffer().getDouble(row * 8L);
        }
        if (type == SqlType.FLOAT4) {
            return v.getDataBuffer().getFloat(row * 4L);
        }
        if (longs != null) {
            return longs.longValue(v, row);
        }
        return ((Number) ArrowTypes.get(v, row, type)).doubleValue();
    }
}
