package io.epochdb.jdbc.crash;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One writer thread's loop: batches in one {@link WriteMode} over one connection until the server dies (or
 * {@code stop}). A failure while {@code killed} is still false is a real error and is kept for the test to report;
 * failures after the kill are the expected end of the loop.
 */
final class IngestWriter implements Runnable {
    private final String url;
    private final WriteMode mode;
    private final BatchWriter writer;
    private final Random random;
    private final AtomicBoolean stop;
    private final AtomicBoolean killed;
    private final AtomicInteger acknowledged;
    private volatile Throwable unexpected;
    private volatile int batches;

    /** {@code acknowledged} counts the acknowledged batches of every writer of the round. */
    IngestWriter(String url, WriteMode mode, BatchWriter writer, long seed, AtomicBoolean stop, AtomicBoolean killed,
                 AtomicInteger acknowledged) {
        this.url = requireNonNull(url, "url");
        this.mode = requireNonNull(mode, "mode");
        this.writer = requireNonNull(writer, "writer");
        this.random = new Random(seed);
        this.stop = requireNonNull(stop, "stop");
        this.killed = requireNonNull(killed, "killed");
        this.acknowledged = requireNonNull(acknowledged, "acknowledged");
    }

    @Override
    public void run() {
        try (Connection c = DriverManager.getConnection(url)) {
            while (!stop.get()) {
                writer.random(c, mode, random);
                batches++;
                acknowledged.incrementAndGet();
            }
        } catch (SQLException | RuntimeException | Error e) {
            if (!killed.get()) {
                unexpected = e;
            }
        }
    }

    /** A failure that happened while the server was supposed to be up, or null. */
    Throwable unexpected() {
        return unexpected;
    }

    int batches() {
        return batches;
    }

    WriteMode mode() {
        return mode;
    }
}
