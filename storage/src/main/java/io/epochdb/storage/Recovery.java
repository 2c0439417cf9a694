package io.epochdb.storage;

import io.epochdb.common.EpochException;
import io.epochdb.common.ErrorCode;
import io.epochdb.storage.catalog.CatalogImageCodec;
import io.epochdb.storage.catalog.IndexDef;
import io.epochdb.storage.catalog.MemoryCatalog;
import io.epochdb.storage.catalog.TableDef;
import io.epochdb.storage.persist.LogRecords;
import io.epochdb.storage.persist.Manifest;
import io.epochdb.storage.persist.SegmentFiles;
import io.epochdb.storage.table.HypertableTable;
import io.epochdb.storage.table.MemoryTable;
import io.epochdb.storage.table.Table;
import io.epochdb.storage.txn.Snapshot;
import io.epochdb.storage.txn.TransactionManager;
import io.epochdb.storage.wal.BatchCodec;
import io.epochdb.storage.wal.WalFiles;
import io.epochdb.storage.wal.WalReader;
import io.epochdb.storage.wal.WalRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the database back after a stop or crash: loads the last checkpoint (manifest, catalog image, segments,
 * MVCC ids), replays the WAL files after it in order (a torn last record is ignored: it was never acknowledged),
 * then settles every row: rows of transactions without a commit are rolled back, their deletions undone.
 */
final class Recovery {
    private static final Logger LOG = LoggerFactory.getLogger(Recovery.class);

    private final Path dataDirectory;
    private final MemoryCatalog catalog;
    private final TableRegistry registry;
    private final Sequences sequences;
    private final BufferAllocator allocator;
    private final Set<Long> committedInWal = new HashSet<>();
    private final Map<Long, FieldVector> pendingFills = new HashMap<>();
    private final Map<Integer, Map<Long, Integer>> pendingChunks = new HashMap<>();
    private long maxTxid;
    private long records;

    Recovery(Path dataDirectory, MemoryCatalog catalog, TableRegistry registry, Sequences sequences,
             BufferAllocator allocator) {
        this.dataDirectory = dataDirectory;
        this.catalog = catalog;
        this.registry = registry;
        this.sequences = sequences;
        this.allocator = allocator;
    }

    /** What recovery found: the manifest it started from (or null), the next free transaction id and WAL file. */
    record Result(Manifest manifest, long nextTxid, long nextWalSequence) {
    }

    Result run() throws IOException {
        Path manifestFile = dataDirectory.resolve(Manifest.FILE_NAME);
        Manifest m = Files.exists(manifestFile) ? Manifest.read(manifestFile) : null;
        if (m != null) {
            loadCheckpoint(m);
        }
        Path walDir = dataDirectory.resolve("wal");
        List<Long> files = WalFiles.sequences(walDir);
        long walStart = m == null ? 0 : m.walStart();
        long last = files.isEmpty() ? 0 : files.get(files.size() - 1);
        try {
            for (long seq : files) {
                if (seq < walStart) {
                    continue;
                }
                WalReader.End end = WalReader.read(walDir, seq, seq == last, this::apply);
                if (end.torn()) {
                    LOG.warn("WAL file {} ends with a torn record at offset {}: cut off (never acknowledged)",
                        WalFiles.file(walDir, seq), end.validBytes());
                    cutTornTail(WalFiles.file(walDir, seq), end.validBytes());
                }
            }
        } finally {
            pendingFills.values().forEach(FieldVector::close);
        }
        long ckptNext = m == null ? 0 : m.nextTxid();
        long[] ckptInProgress = m == null ? new long[0] : m.inProgress();
        java.util.function.LongPredicate committed = txid -> txid == TransactionManager.FROZEN
            || committedInWal.contains(txid)
            || (txid < ckptNext && txid != Snapshot.ABORTED && Arrays.binarySearch(ckptInProgress, txid) < 0);
        for (Map.Entry<Integer, Table> e : registry.all().entrySet()) {
            List<IndexDef> unique = catalog.indexes(e.getKey()).stream().filter(IndexDef::unique).toList();
            if (e.getValue() instanceof MemoryTable t) {
                t.finishRecovery(committed, unique);
            } else if (e.getValue() instanceof HypertableTable h) {
                for (HypertableTable.Chunk c : h.chunkList()) {
                    c.data().finishRecovery(committed, List.of());
                }
                for (IndexDef ix : unique) {
                    h.dropUniqueIndex(ix);
                    h.addUniqueIndex(h.def(), ix);
                }
            }
        }
        if (m != null || records > 0) {
            LOG.info("recovered {} tables from checkpoint {} and {} WAL records", registry.all().size(),
                m == null ? 0 : m.checkpoint(), records);
        }
        return new Result(m, Math.max(ckptNext, maxTxid + 1), last + 1);
    }

    private void loadCheckpoint(Manifest m) {
        Path catalogFile = dataDirectory.resolve(m.catalogFile());
        byte[] image = readChecked(catalogFile, m.catalogCrc());
        try {
            catalog.restore(CatalogImageCodec.fromBytes(image));
        } catch (RuntimeException e) {
            throw new EpochException(ErrorCode.DATA_CORRUPTED, "could not read catalog file \"" + catalogFile + "\": "
                + e.getMessage());
        }
        for (TableDef def : catalog.relations()) {
            if (!def.isView()) {
                registry.create(def, catalog.hypertable(def.oid()).orElse(null));
            }
        }
        registry.bumpChunkId(m.nextChunkId());
        m.sequences().forEach(sequences::restore);
        for (Manifest.TableFiles tf : m.tables()) {
            Table holder = registry.get(tf.oid());
            if (holder == null) {
                continue;
            }
            MemoryTable target = tf.chunkId() == 0 ? (MemoryTable) holder
                : ((HypertableTable) holder).addChunk(tf.chunkId(), tf.start(), tf.end()).data();
            List<long[][]> mvcc = SegmentFiles.readMvcc(dataDirectory.resolve(tf.mvccFile()), tf.mvccCrc());
            for (int i = 0; i < tf.segments().size(); i++) {
                Manifest.SegmentRef s = tf.segments().get(i);
                Path file = dataDirectory.resolve(s.file());
                try (SegmentFiles.Segment seg = SegmentFiles.readSegment(file, s.crc(), allocator)) {
                    if (seg.rowCount != s.rows() || i >= mvcc.size() || mvcc.get(i)[0].length != s.rows()) {
                        throw new EpochException(ErrorCode.DATA_CORRUPTED, "could not read data file \"" + file
                            + "\": " + seg.rowCount + " rows, the manifest says " + s.rows());
                    }
                    target.loadBlock(seg.vectors, s.rows(), mvcc.get(i)[0], mvcc.get(i)[1]);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }

    /**
     * Truncates a WAL file to its last whole record before anything else is written. New records go to a newer
     * file, after which this one is no longer the last: a torn tail left in it would make the next recovery (after a
     * crash before the checkpoint that ends this one) stop with a corrupt-WAL error.
     */
    static void cutTornTail(Path file, long validBytes) throws IOException {
        try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(file,
                java.nio.file.StandardOpenOption.WRITE)) {
            ch.truncate(validBytes);
            ch.force(true);
        }
    }

    private static byte[] readChecked(Path file, long crc) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            java.util.zip.CRC32C c = new java.util.zip.CRC32C();
            c.update(bytes);
            if (c.getValue() != crc) {
                throw new EpochException(ErrorCode.DATA_CORRUPTED, "could not read catalog file \"" + file
                    + "\": checksum mismatch (file damaged)");
            }
            return bytes;
        } catch (IOException e) {
            throw new EpochException(ErrorCode.DATA_CORRUPTED, "could not read catalog file \"" + file + "\": " + e);
        }
    }

    private void apply(WalRecord r) {
        records++;
        ByteBuffer b = ByteBuffer.wrap(r.body()).order(ByteOrder.LITTLE_ENDIAN);
        try {
            switch (r.type()) {
                case LogRecords.CATALOG -> {
                    catalog.restore(CatalogImageCodec.fromBytes(r.body()));
                    registry.reconcile(catalog, pendingFills, pendingChunks);
                }
                case LogRecords.INSERT -> {
                    long txid = b.getLong();
                    int oid = b.getInt();
                    int chunk = b.getInt();
                    long first = b.getLong();
                    int rows = b.getInt();
                    maxTxid = Math.max(maxTxid, txid);
                    MemoryTable t = target(oid, chunk);
                    if (t != null) {
                        try (BatchCodec.Rows batch = BatchCodec.read(r.body(), b.position(), b.remaining(), allocator)) {
                            t.replayInsert(txid, first, batch.columns(), rows);
                        }
                    }
                }
                case LogRecords.DELETE -> {
                    long txid = b.getLong();
                    int oid = b.getInt();
                    int chunk = b.getInt();
                    int n = b.getInt();
                    long[] ids = new long[n];
                    for (int i = 0; i < n; i++) {
                        ids[i] = b.getLong();
                    }
                    maxTxid = Math.max(maxTxid, txid);
                    MemoryTable t = target(oid, chunk);
                    if (t != null) {
                        t.replayDelete(txid, ids, n);
                    }
                }
                case LogRecords.COMMIT -> {
                    long txid = b.getLong();
                    committedInWal.add(txid);
                    maxTxid = Math.max(maxTxid, txid);
                }
                case LogRecords.ABORT -> maxTxid = Math.max(maxTxid, b.getLong());
                case LogRecords.CHUNK_CREATE -> {
                    int oid = b.getInt();
                    int id = b.getInt();
                    long start = b.getLong();
                    long end = b.getLong();
                    registry.bumpChunkId(id + 1);
                    Table t = registry.get(oid);
                    if (t instanceof HypertableTable h) {
                        h.addChunk(id, start, end);
                    } else {
                        pendingChunks.computeIfAbsent(oid, k -> new HashMap<>()).put(start, id);
                    }
                }
                case LogRecords.CHUNK_DROP -> {
                    int oid = b.getInt();
                    int n = b.getInt();
                    int[] ids = new int[n];
                    for (int i = 0; i < n; i++) {
                        ids[i] = b.getInt();
                    }
                    if (registry.get(oid) instanceof HypertableTable h) {
                        h.replayDropChunks(ids);
                    }
                }
                case LogRecords.COLUMN_FILL -> {
                    int oid = b.getInt();
                    int attnum = b.getInt();
                    try (BatchCodec.Rows one = BatchCodec.read(r.body(), b.position(), b.remaining(), allocator)) {
                        FieldVector v = one.columns().get(0);
                        org.apache.arrow.vector.util.TransferPair tp = v.getTransferPair(allocator);
                        tp.transfer();
                        FieldVector kept = (FieldVector) tp.getTo();
                        FieldVector old = pendingFills.put(TableRegistry.fillKey(oid, attnum), kept);
                        if (old != null) {
                            old.close();
                        }
                    }
                }
                case LogRecords.SEQUENCE -> {
                    long value = b.getLong();
                    String name = new String(r.body(), 8, r.body().length - 8, StandardCharsets.UTF_8);
                    sequences.restore(name, value);
                }
                default -> throw new IOException("unknown record type " + r.type());
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof EpochException ee && ee.code() == ErrorCode.DATA_CORRUPTED) {
                throw ee;
            }
            throw new EpochException(ErrorCode.DATA_CORRUPTED, "WAL file " + r.fileSequence() + " record at offset "
                + r.offset() + " cannot be replayed: " + e, null, null, 0, e);
        }
    }

    /** The table or chunk a data record is for; null if it was dropped later in the log (DDL is not transactional). */
    private MemoryTable target(int oid, int chunk) {
        Table t = registry.get(oid);
        if (t instanceof MemoryTable m && chunk == 0) {
            return m;
        }
        if (t instanceof HypertableTable h && chunk != 0) {
            return h.chunkList().stream().filter(c -> c.id() == chunk).map(HypertableTable.Chunk::data).findFirst()
                .orElse(null);
        }
        return null;
    }
}
