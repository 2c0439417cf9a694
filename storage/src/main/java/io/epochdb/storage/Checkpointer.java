package io.epochdb.storage;

import io.epochdb.storage.catalog.CatalogImageCodec;
import io.epochdb.storage.catalog.MemoryCatalog;
import io.epochdb.storage.persist.DurableLog;
import io.epochdb.storage.persist.Manifest;
import io.epochdb.storage.persist.SegmentFiles;
import io.epochdb.storage.table.HypertableTable;
import io.epochdb.storage.table.MemoryTable;
import io.epochdb.storage.table.Table;
import io.epochdb.storage.txn.TransactionManager;
import io.epochdb.storage.wal.Durable;
import io.epochdb.storage.wal.WalFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.CRC32C;
import org.apache.arrow.memory.BufferAllocator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a checkpoint: switches to a new WAL file and, in the same instant (under the log's barrier and the
 * catalog's lock), captures the catalog image, the transaction state, sequences and every block's row count; then,
 * while writers go on, writes what it captured — blocks as Arrow segment files (a full block already written is
 * reused), creator/deleter ids per table, the catalog image — and finally replaces the manifest atomically and
 * deletes the WAL files and data files nothing refers to any more.
 */
final class Checkpointer {
    private static final Logger LOG = LoggerFactory.getLogger(Checkpointer.class);

    private final Path dataDirectory;
    private final MemoryCatalog catalog;
    private final TransactionManager transactions;
    private final TableRegistry registry;
    private final Sequences sequences;
    private final BufferAllocator scratch;
    /** Segments written earlier, by "oid/chunk/block": reused while the block's rows and columns are unchanged. */
    private final Map<String, Manifest.SegmentRef> written = new HashMap<>();
    private long checkpointNumber;

    Checkpointer(Path dataDirectory, MemoryCatalog catalog, TransactionManager transactions, TableRegistry registry,
                 Sequences sequences, BufferAllocator scratch, Manifest previous) {
        this.dataDirectory = dataDirectory;
        this.catalog = catalog;
        this.transactions = transactions;
        this.registry = registry;
        this.sequences = sequences;
        this.scratch = scratch;
        if (previous != null) {
            checkpointNumber = previous.checkpoint();
            for (Manifest.TableFiles tf : previous.tables()) {
                for (Manifest.SegmentRef s : tf.segments()) {
                    written.put(key(tf.oid(), tf.chunkId(), s.block()), s);
                }
            }
        }
    }

    static Path tableDir(Path dataDirectory, int oid, int chunkId) {
        return dataDirectory.resolve("tables").resolve(oid + "_" + chunkId);
    }

    private static String key(int oid, int chunk, int block) {
        return oid + "/" + chunk + "/" + block;
    }

    private record Captured(int oid, int chunkId, long start, long end, MemoryTable data, int[] rowCounts) {
    }

    private record Capture(long walStart, byte[] catalogImage, TransactionManager.State txState,
                           Map<String, Long> sequences, int nextChunkId, List<Captured> tables) {
    }

    /** Takes a checkpoint; only one runs at a time. */
    synchronized void checkpoint(DurableLog log) {
        Capture cap;
        synchronized (catalog) {
            cap = log.exclusive(() -> {
                try {
                    long walStart = log.rotate();
                    List<Captured> tables = new ArrayList<>();
                    for (Map.Entry<Integer, Table> e : registry.all().entrySet()) {
                        if (e.getValue() instanceof MemoryTable m) {
                            tables.add(new Captured(e.getKey(), 0, 0, 0, m, m.blockRowCounts()));
                        } else if (e.getValue() instanceof HypertableTable h) {
                            for (HypertableTable.Chunk c : h.chunkList()) {
                                tables.add(new Captured(e.getKey(), c.id(), c.start(), c.end(), c.data(),
                                    c.data().blockRowCounts()));
                            }
                        }
                    }
                    return new Capture(walStart, CatalogImageCodec.toBytes(catalog.image()), transactions.state(),
                        sequences.reservedValues(), registry.nextChunkId(), tables);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot start a new WAL file", e);
                }
            });
        }
        try {
            write(cap);
        } catch (IOException e) {
            throw new UncheckedIOException("checkpoint failed", e);
        }
    }

    private void write(Capture cap) throws IOException {
        long n = ++checkpointNumber;
        Path catalogFile = dataDirectory.resolve("catalog-" + n + ".json");
        Files.write(catalogFile, cap.catalogImage());
        Durable.syncFile(catalogFile);
        CRC32C crc = new CRC32C();
        crc.update(cap.catalogImage());
        List<Manifest.TableFiles> files = new ArrayList<>();
        for (Captured t : cap.tables()) {
            if (t.data().isClosed()) {
                continue; // dropped after the capture: the log after the checkpoint drops it again
            }
            try {
                files.add(writeTable(t, n));
            } catch (io.epochdb.common.EpochException e) {
                if (!t.data().isClosed()) {
                    throw e;
                }
            }
        }
        Durable.syncDirectory(dataDirectory.resolve("tables"));
        Manifest m = new Manifest(Manifest.FORMAT_VERSION, n, cap.walStart(), cap.txState().nextId(),
            cap.txState().inProgress(), cap.nextChunkId(), catalogFile.getFileName().toString(), crc.getValue(),
            cap.sequences(), files);
        Durable.replace(dataDirectory.resolve(Manifest.FILE_NAME), m.toBytes());
        cleanUp(m);
    }

    private Manifest.TableFiles writeTable(Captured t, long n) throws IOException {
        Path dir = tableDir(dataDirectory, t.oid(), t.chunkId());
        Files.createDirectories(dir);
        List<Manifest.SegmentRef> segments = new ArrayList<>();
        List<long[][]> mvcc = new ArrayList<>();
        for (int b = 0; b < t.rowCounts().length; b++) {
            int rows = t.rowCounts()[b];
            int[] attnums = t.data().blockAttnums(b);
            String k = key(t.oid(), t.chunkId(), b);
            Manifest.SegmentRef prev = written.get(k);
            if (prev != null && prev.rows() == rows && Arrays.equals(prev.attnums(), attnums)) {
                segments.add(prev);
            } else {
                String name = "b" + b + "-" + n + ".arrow";
                Path file = dir.resolve(name);
                long[] crc = new long[1];
                int block = b;
                t.data().withBlock(block, vectors -> {
                    try {
                        crc[0] = SegmentFiles.writeSegment(file, vectors, rows, scratch);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
                Manifest.SegmentRef ref = new Manifest.SegmentRef(b, dataDirectory.relativize(file).toString(), rows,
                    crc[0], attnums);
                written.put(k, ref);
                segments.add(ref);
            }
            mvcc.add(t.data().blockMvcc(b, rows));
        }
        Path mvccFile = dir.resolve("mvcc-" + n + ".bin");
        long mvccCrc = SegmentFiles.writeMvcc(mvccFile, mvcc);
        Durable.syncDirectory(dir);
        return new Manifest.TableFiles(t.oid(), t.chunkId(), t.start(), t.end(), segments,
            dataDirectory.relativize(mvccFile).toString(), mvccCrc);
    }

    /** Deletes WAL files before the checkpoint's start and data files the manifest does not name. */
    private void cleanUp(Manifest m) {
        try {
            Path walDir = dataDirectory.resolve("wal");
            for (long seq : WalFiles.sequences(walDir)) {
                if (seq < m.walStart()) {
                    Files.deleteIfExists(WalFiles.file(walDir, seq));
                }
            }
            Set<Path> keep = new HashSet<>();
            keep.add(dataDirectory.resolve(m.catalogFile()));
            for (Manifest.TableFiles tf : m.tables()) {
                keep.add(dataDirectory.resolve(tf.mvccFile()));
                tf.segments().forEach(s -> keep.add(dataDirectory.resolve(s.file())));
            }
            written.keySet().removeIf(k -> !keep.contains(dataDirectory.resolve(written.get(k).file())));
            try (Stream<Path> all = Files.list(dataDirectory)) {
                for (Path p : (Iterable<Path>) all::iterator) {
                    String name = p.getFileName().toString();
                    if (name.startsWith("catalog-") && !keep.contains(p)) {
                        Files.deleteIfExists(p);
                    }
                }
            }
            Path tables = dataDirectory.resolve("tables");
            if (Files.isDirectory(tables)) {
                try (Stream<Path> dirs = Files.list(tables)) {
                    for (Path dir : (Iterable<Path>) dirs::iterator) {
                        try (Stream<Path> fs = Files.list(dir)) {
                            for (Path f : (Iterable<Path>) fs::iterator) {
                                if (!keep.contains(f)) {
                                    Files.deleteIfExists(f);
                                }
                            }
                        }
                        try (Stream<Path> fs = Files.list(dir)) {
                            if (fs.findAny().isEmpty()) {
                                Files.deleteIfExists(dir);
                            }
                        }
                    }
                }
            }
        } catch (IOException e) {
            LOG.warn("cleaning up after checkpoint {} failed", m.checkpoint(), e);
        }
    }
}
