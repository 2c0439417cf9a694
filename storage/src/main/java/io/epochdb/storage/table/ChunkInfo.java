package io.epochdb.storage.table;

import java.util.Objects;

/**
 * One chunk of a hypertable, as {@code timescaledb_information.chunks} shows it.
 *
 * @param id the chunk id, unique over all hypertables (TimescaleDB's {@code chunk_id})
 * @param schema always {@code _timescaledb_internal}
 * @param name {@code _hyper_<hypertable id>_<chunk id>_chunk}
 * @param rangeStart inclusive start, in the time column's internal unit (see {@code HypertableDef})
 * @param rangeEnd exclusive end, same unit
 * @param rowCount rows stored (live or not yet cleaned up)
 * @param diskBytes bytes of the chunk's segment files in the data directory
 * @param memoryBytes bytes of memory the chunk's data takes (head buffers and loaded segments)
 */
public record ChunkInfo(int id, String schema, String name, long rangeStart, long rangeEnd, long rowCount,
                        long diskBytes, long memoryBytes) {
    public static final String CHUNK_SCHEMA = "_timescaledb_internal";

    public ChunkInfo {
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(name, "name");
    }

    /** TimescaleDB's chunk name for chunk {@code chunkId} of hypertable {@code hypertableId}. */
    public static String chunkName(int hypertableId, int chunkId) {
        return "_hyper_" + hypertableId + "_" + chunkId + "_chunk";
    }
}
