package io.epochdb.storage.table;

import java.util.List;

/** A hypertable's data: a {@link Table} whose rows live in time chunks. */
public interface ChunkedTable extends Table {
    /** The chunks, ordered by range start. */
    List<ChunkInfo> chunks();

    /**
     * Drops whole chunks with their data (not transactional, as in TimescaleDB: the space is freed at once).
     * A chunk is dropped when its whole range lies before {@code olderThan} ({@code rangeEnd <= olderThan}) and,
     * if given, at or after {@code newerThan} ({@code rangeStart >= newerThan}); null means no bound, but at
     * least one bound must be given. Bounds are in the time column's internal unit.
     *
     * @return the dropped chunks
     */
    List<ChunkInfo> dropChunks(Long olderThan, Long newerThan);
}
