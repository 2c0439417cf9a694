package io.epochdb.storage.catalog;

import io.epochdb.common.types.SqlType;
import java.util.Objects;

/**
 * A table partitioned by time into chunks, as TimescaleDB's {@code _timescaledb_catalog.hypertable} plus its one
 * time dimension.
 *
 * @param tableOid the table's oid
 * @param id the hypertable id (1, 2, ...: TimescaleDB's {@code hypertable_id}, used in chunk names)
 * @param timeColumn the partitioning column
 * @param timeType its type: TIMESTAMPTZ, TIMESTAMP, DATE, INT2, INT4 or INT8
 * @param chunkInterval the width of a chunk in the time column's internal unit: microseconds for TIMESTAMPTZ,
 *     TIMESTAMP and DATE (dates are routed as midnight UTC in microseconds), the integer itself otherwise.
 *     Chunks are aligned to 0 (the Unix epoch), as TimescaleDB aligns them.
 */
public record HypertableDef(int tableOid, int id, String timeColumn, SqlType timeType, long chunkInterval) {
    public HypertableDef {
        Objects.requireNonNull(timeColumn, "timeColumn");
        Objects.requireNonNull(timeType, "timeType");
        if (chunkInterval <= 0) {
            throw new IllegalArgumentException("chunk interval must be positive: " + chunkInterval);
        }
    }

    /** Whether the time column holds integers (its chunk interval is then an integer too). */
    public boolean integerTime() {
        return timeType == SqlType.INT2 || timeType == SqlType.INT4 || timeType == SqlType.INT8;
    }

    public HypertableDef withChunkInterval(long newInterval) {
        return new HypertableDef(tableOid, id, timeColumn, timeType, newInterval);
    }
}
