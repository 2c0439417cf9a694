package io.epochdb.storage.wal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32C;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Appends records to the current WAL file and makes them durable with group commit.
 *
 * <p>Positions are logical byte counts since this writer was opened, across file switches, so "durable up to
 * position p" is one comparison. {@link #append} writes to the file (the page cache) at once; {@link
 * #awaitDurable} waits until an fsync covered the position: the first waiter runs the fsync for everyone who
 * appended before it started, and waiters arriving meanwhile are served by the next one (group commit). Records
 * of asynchronous commits are made durable by a background flush every {@code asyncFlushMillis}, as PostgreSQL's
 * WAL writer does for {@code synchronous_commit = off}.
 */
public final class WalWriter implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WalWriter.class);

    private final Path walDir;
    private final boolean fsync;
    private final ScheduledExecutorService asyncFlusher;
    private final Object syncLock = new Object();

    // Guarded by this.
    private FileChannel channel;
    private long sequence;
    private long written;
    private final ByteBuffer header = ByteBuffer.allocate(WalFiles.RECORD_HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
    private final CRC32C crc = new CRC32C();
    private boolean closed;

    // Guarded by syncLock.
    private long durable;
    private IOException syncFailure;

    /**
     * Opens a new WAL file {@code sequence} in {@code walDir} (which must not exist yet).
     *
     * @param fsync false only for tests and benchmarks that measure without durability
     */
    public WalWriter(Path walDir, long sequence, boolean fsync, long asyncFlushMillis) throws IOException {
        this.walDir = Objects.requireNonNull(walDir, "walDir");
        this.fsync = fsync;
        openFile(sequence);
        this.asyncFlusher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "epochdb-wal-flush");
            t.setDaemon(true);
            return t;
        });
        asyncFlusher.scheduleWithFixedDelay(this::flushInBackground, asyncFlushMillis, asyncFlushMillis,
            TimeUnit.MILLISECONDS);
    }

    private void openFile(long seq) throws IOException {
        FileChannel ch = FileChannel.open(WalFiles.file(walDir, seq), StandardOpenOption.CREATE_NEW,
            StandardOpenOption.WRITE);
        writeFully(ch, WalFiles.header(seq));
        if (fsync) {
            ch.force(true);
            Durable.syncDirectory(walDir);
        }
        channel = ch;
        sequence = seq;
    }

    /** The sequence number of the file being written. */
    public synchronized long sequence() {
        return sequence;
    }

    /**
     * Appends one record (not yet durable).
     *
     * @return the position just after it, for {@link #awaitDurable}
     */
    public synchronized long append(byte type, byte[] body) {
        return append(type, body, 0, body.length);
    }

    /** Appends {@code body[offset, offset + length)} as one record. */
    public synchronized long append(byte type, byte[] body, int offset, int length) {
        if (closed) {
            throw new IllegalStateException("WAL is closed");
        }
        crc.reset();
        crc.update(type);
        crc.update(body, offset, length);
        header.clear();
        header.putInt(length).putInt((int) crc.getValue()).put(type).flip();
        boolean interrupted = Thread.interrupted(); // an interrupt during channel I/O would close the channel
        try {
            writeFully(channel, header);
            writeFully(channel, ByteBuffer.wrap(body, offset, length));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write WAL file " + WalFiles.file(walDir, sequence), e);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        written += WalFiles.RECORD_HEADER_BYTES + length;
        return written;
    }

    private static void writeFully(FileChannel ch, ByteBuffer b) throws IOException {
        while (b.hasRemaining()) {
            ch.write(b);
        }
    }

    /** Everything appended so far. */
    public synchronized long writtenPosition() {
        return written;
    }

    /**
     * Blocks until an fsync covered {@code position}. Group commit: the thread holding {@code syncLock} forces
     * everything written so far; committers arriving meanwhile queue on the lock and usually find their record
     * covered when they get it, so one fsync serves all of them.
     */
    public void awaitDurable(long position) {
        synchronized (syncLock) {
            if (durable >= position) {
                return;
            }
            if (syncFailure != null) {
                throw new UncheckedIOException("WAL fsync failed earlier; no further commits", syncFailure);
            }
            long target;
            FileChannel ch;
            synchronized (this) {
                target = written;
                ch = channel;
            }
            if (fsync) {
                boolean interrupted = Thread.interrupted(); // an interrupt would close the channel
                try {
                    ch.force(false);
                } catch (java.nio.channels.ClosedChannelException e) {
                    // rotated meanwhile: rotate() forced the old file before closing it
                } catch (IOException e) {
                    // As PostgreSQL PANICs on a failed fsync (the page cache state is unknown), we stop committing.
                    syncFailure = e;
                    throw new UncheckedIOException("WAL fsync failed", e);
                } finally {
                    if (interrupted) {
                        Thread.currentThread().interrupt();
                    }
                }
            }
            durable = Math.max(durable, target);
        }
    }

    private void flushInBackground() {
        try {
            long target = writtenPosition();
            boolean needed;
            synchronized (syncLock) {
                needed = durable < target;
            }
            if (needed) {
                awaitDurable(target);
            }
        } catch (RuntimeException e) {
            LOG.error("background WAL flush failed", e);
        }
    }

    /**
     * Makes everything durable, closes the current file and starts file {@code sequence + 1}.
     *
     * @return the new file's sequence number
     */
    public long rotate() throws IOException {
        long pos;
        long seq;
        synchronized (this) {
            channel.force(false);
            pos = written;
            channel.close();
            openFile(sequence + 1);
            seq = sequence;
        }
        synchronized (syncLock) {
            durable = Math.max(durable, pos);
        }
        return seq;
    }

    /** Closes the file without forcing it (crash simulation in tests). */
    public void abandon() {
        asyncFlusher.shutdownNow();
        synchronized (this) {
            closed = true;
            try {
                channel.close();
            } catch (IOException e) {
                LOG.warn("closing WAL file failed", e);
            }
        }
    }

    @Override
    public void close() {
        asyncFlusher.shutdownNow();
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            try {
                channel.force(false);
                channel.close();
            } catch (IOException e) {
                LOG.warn("closing WAL file failed", e);
            }
        }
    }
}
