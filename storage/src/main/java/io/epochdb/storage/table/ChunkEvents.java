package io.epochdb.storage.table;

/**
 * What a {@link HypertableTable} needs from the durable storage around it: chunk ids, logging of chunk creation and
 * removal, the log of each chunk's rows, and disk sizes.
 */
public interface ChunkEvents {
    /** A fresh chunk id, unique over all hypertables. */
    int allocateChunkId();

    /** Runs {@code action} so that no checkpoint starts in the middle of it (log record plus in-memory change). */
    void logged(Runnable action);

    /** Logs that chunk {@code chunkId} of table {@code tableOid} covering {@code [start, end)} was created. */
    void chunkCreated(int tableOid, int chunkId, long start, long end);

    /** Logs that chunks were dropped. */
    void chunksDropped(int tableOid, int[] chunkIds);

    /** The log the chunk's rows go to. */
    TableLog logFor(int tableOid, int chunkId);

    /** Bytes of the chunk's files on disk. */
    long diskBytes(int tableOid, int chunkId);

    /** No durability (tests). */
    static ChunkEvents inMemory() {
        java.util.concurrent.atomic.AtomicInteger ids = new java.util.concurrent.atomic.AtomicInteger(1);
        return new ChunkEvents() {
            @Override
            public int allocateChunkId() {
                return ids.getAndIncrement();
            }

            @Override
            public void logged(Runnable action) {
                action.run();
            }

            @Override
            public void chunkCreated(int tableOid, int chunkId, long start, long end) {
            }

            @Override
            public void chunksDropped(int tableOid, int[] chunkIds) {
            }

            @Override
            public TableLog logFor(int tableOid, int chunkId) {
                return TableLog.NONE;
            }

            @Override
            public long diskBytes(int tableOid, int chunkId) {
                return 0;
            }
        };
    }
}
