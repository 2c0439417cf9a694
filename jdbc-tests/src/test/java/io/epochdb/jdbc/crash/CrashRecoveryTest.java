package io.epochdb.jdbc.crash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Kill -9 during ingest, restart on the same data directory, and check that every acknowledged batch survived
 * whole, that nothing else survived partially, and that reads over time ranges agree with the client's own count.
 *
 * <p>The random test runs rounds of six writers (COPY, INSERT transactions, autocommit INSERTs) killed 0.3-3 s after
 * the round's first acknowledgment; every other round also kills the next start-up (JVM start, recovery or the
 * checkpoint on open), every third round kills during a clean shutdown (SIGTERM, then SIGKILL), and a clean
 * restart ends the test. Round 0 stops the writers without a kill, which checks the harness itself.
 */
class CrashRecoveryTest {
    private static final String TABLE = "crash_t";
    /**
     * Without -Depochdb.crash.rounds, rounds run until this many seconds have passed, so the test takes about a
     * minute whatever the machine (server JVM start-up dominates a round: 5-17 s on 2 busy cores).
     */
    private static final int DEFAULT_SECONDS = 50;
    private static final int MIN_ROUNDS = 3;
    private static final int MAX_ROUNDS = 30;
    private static final List<WriteMode> WRITER_MODES = List.of(WriteMode.COPY, WriteMode.COPY,
        WriteMode.INSERT_TRANSACTION, WriteMode.INSERT_TRANSACTION, WriteMode.INSERT_AUTOCOMMIT,
        WriteMode.INSERT_AUTOCOMMIT);

    @Test
    void acknowledgedBatchesSurviveKillsDuringConcurrentIngest() throws Exception {
        Integer fixedRounds = Integer.getInteger("epochdb.crash.rounds");
        long seed = Long.getLong("epochdb.crash.seed", System.nanoTime());
        System.out.println("[crash] random kills: " + (fixedRounds != null ? fixedRounds + " rounds"
            : "rounds until " + DEFAULT_SECONDS + " s have passed (at least " + MIN_ROUNDS + ")") + ", seed " + seed
            + " (-Depochdb.crash.rounds, -Depochdb.crash.seed)");
        Random random = new Random(seed);
        Path data = CrashTables.newDataDir("random");
        Path log = CrashTables.newLogFile("random");
        ServerProcess server = null;
        boolean passed = false;
        long started = System.nanoTime();
        try {
            server = ServerProcess.start(data, log);
            try (Connection c = server.connect()) {
                CrashTables.createIngestTable(c, TABLE);
            }
            BatchLedger ledger = new BatchLedger();
            BatchWriter writer = new BatchWriter(TABLE, ledger);
            RecoveryCheck check = new RecoveryCheck(TABLE, ledger);

            // round 0 stops the writers without a kill: checks the harness (and concurrent ingest) on its own
            List<IngestWriter> warmup = ingest(server, writer, random, 2000, false, -1);
            RecoveryCheck.Result live;
            try (Connection c = server.connect("socketTimeout=300")) {
                live = check.run(c, random, 4);
            }
            System.out.printf("[crash] round 0 (no kill): batches acknowledged %s, %d rows%n", batchesByMode(warmup),
                live.rowsChecked());
            assertTrue(live.ok(), () -> "without any kill, " + live.summary(20));
            assertEquals(0, live.inDoubtFoundAbsent() + live.inDoubtFoundPresent(), "nothing in doubt without a kill");

            long rowsChecked = live.rowsChecked();
            int round = 0;
            while (fixedRounds != null ? round < fixedRounds
                : round < MIN_ROUNDS || (round < MAX_ROUNDS && System.nanoTime() - started < DEFAULT_SECONDS * 1e9)) {
                round++;
                long delayMs = 300 + random.nextInt(2701);
                // every third round, SIGTERM first and SIGKILL a moment later: a crash during the clean shutdown
                long shutdownKillMs = round % 3 == 0 ? 20 + random.nextInt(1000) : -1;
                List<IngestWriter> writers = ingest(server, writer, random, delayMs, true, shutdownKillMs);
                long earlyKillMs = -1;
                if (round % 2 == 0) {
                    // every other round, crash the restart too: during start-up, recovery or its checkpoint (late
                    // in the start-up time, where recovery runs, more often than early)
                    earlyKillMs = (long) (ServerProcess.lastStartMillis() * (0.4 + 0.6 * random.nextDouble()));
                    ServerProcess.startAndKillEarly(data, log, earlyKillMs);
                }
                server = ServerProcess.start(data, log);
                RecoveryCheck.Result result;
                try (Connection c = server.connect("socketTimeout=300")) {
                    result = check.run(c, random, 4);
                }
                rowsChecked += result.rowsChecked();
                System.out.printf("[crash] round %d: killed %d ms after the first acknowledgment%s; batches"
                        + " acknowledged %s; table now %d batches, %d rows; in doubt at the kill: %d present,"
                        + " %d absent%n", round, delayMs,
                    earlyKillMs < 0 ? "" : ", and the next start " + earlyKillMs + " ms after its launch",
                    batchesByMode(writers), result.batchesChecked(), result.rowsChecked(),
                    result.inDoubtFoundPresent(), result.inDoubtFoundAbsent());
                int r = round;
                assertTrue(result.ok(), () -> "after round " + r + ", " + result.summary(20));
            }
            // a clean shutdown and restart must keep everything too (checkpoint, WAL truncation)
            server.stop();
            server = ServerProcess.start(data, log);
            RecoveryCheck.Result afterCleanRestart;
            String chunks;
            try (Connection c = server.connect("socketTimeout=300")) {
                afterCleanRestart = check.run(c, random, 4);
                chunks = chunkCount(c);
            }
            assertTrue(afterCleanRestart.ok(), () -> "after a clean restart, " + afterCleanRestart.summary(20));
            rowsChecked += afterCleanRestart.rowsChecked();
            System.out.printf("[crash] done: %d kill rounds, %d batches (%d present, %d rolled back, %d lost in flight),"
                    + " %d rows in %s chunks, %d rows checked in all, %.1f s%n", round,
                ledger.entries().size(), ledger.count(BatchLedger.State.PRESENT),
                ledger.count(BatchLedger.State.ROLLED_BACK), ledger.count(BatchLedger.State.ABSENT),
                afterCleanRestart.rowsChecked(), chunks, rowsChecked, (System.nanoTime() - started) / 1e9);
            passed = true;
        } catch (Throwable t) {
            CrashTables.reportFailure(log, data);
            throw t;
        } finally {
            if (server != null) {
                server.close();
            }
            if (passed) {
                CrashTables.deleteRecursively(data);
            }
        }
    }

    /** The number of chunks of the ingest table, or "?" without timescaledb_information.chunks. */
    private static String chunkCount(Connection c) {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
            "SELECT count(*) FROM timescaledb_information.chunks WHERE hypertable_name = '" + TABLE + "'")) {
            return rs.next() ? rs.getString(1) : "?";
        } catch (SQLException e) {
            return "?";
        }
    }

    /** "12 {COPY=5, INSERT_TRANSACTION=3, INSERT_AUTOCOMMIT=4}": acknowledged batches, in all and per mode. */
    private static String batchesByMode(List<IngestWriter> writers) {
        Map<WriteMode, Integer> byMode = new EnumMap<>(WriteMode.class);
        for (IngestWriter w : writers) {
            byMode.merge(w.mode(), w.batches(), Integer::sum);
        }
        return writers.stream().mapToInt(IngestWriter::batches).sum() + " " + byMode;
    }

    /**
     * Runs one writer thread per mode in {@link #WRITER_MODES} against {@code server} until {@code delayMs} after the
     * first acknowledgment, then SIGKILLs the server ({@code kill}; with {@code shutdownKillMs >= 0}, SIGTERM and
     * SIGKILL that much later) or just tells the writers to stop after their current batch. Returns the finished writers; fails if any writer failed while the server was up.
     */
    private static List<IngestWriter> ingest(ServerProcess server, BatchWriter writer, Random random, long delayMs,
                                             boolean kill, long shutdownKillMs) throws InterruptedException {
        AtomicBoolean stop = new AtomicBoolean();
        AtomicBoolean killed = new AtomicBoolean();
        AtomicInteger acknowledged = new AtomicInteger();
        List<IngestWriter> writers = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (WriteMode mode : WRITER_MODES) {
            IngestWriter w = new IngestWriter(server.url("socketTimeout=120"), mode, writer, random.nextLong(), stop,
                killed, acknowledged);
            Thread t = new Thread(w, "crash-writer-" + writers.size() + "-" + mode);
            t.setDaemon(true);
            writers.add(w);
            threads.add(t);
            t.start();
        }
        // a freshly started server is slow for its first statements (cold JIT, first plans): count the delay from
        // the first acknowledgment so every round kills a server under load, not one still warming up
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (acknowledged.get() == 0 && System.nanoTime() < deadline && threads.stream().anyMatch(Thread::isAlive)) {
            Thread.sleep(10);
        }
        Thread.sleep(delayMs);
        if (kill) {
            killed.set(true);
            if (shutdownKillMs >= 0) {
                int status = server.terminateThenKill(shutdownKillMs);
                System.out.printf("[crash] SIGTERM, then SIGKILL %d ms later: %s%n", shutdownKillMs,
                    status == ServerProcess.SIGKILL_EXIT ? "killed during shutdown" : "shutdown finished first");
            } else {
                server.kill9();
            }
            assertFalse(server.isAlive(), "server still alive after SIGKILL");
        }
        stop.set(true);
        for (Thread t : threads) {
            t.join(120_000);
            assertFalse(t.isAlive(), () -> t.getName() + " still running 120 s after being told to stop");
        }
        for (IngestWriter w : writers) {
            if (w.unexpected() != null) {
                throw new AssertionError(w.mode() + " writer failed while the server was up", w.unexpected());
            }
        }
        return writers;
    }

    /**
     * Deterministic: batches in every mode, each acknowledged, then three committed at once (sharing a WAL flush),
     * then SIGKILL right after the last acknowledgment.
     * After restart every row is there with exactly the values written.
     */
    @Test
    void everyRowAcknowledgedJustBeforeAKillIsThere() throws Exception {
        Path data = CrashTables.newDataDir("immediate");
        Path log = CrashTables.newLogFile("immediate");
        ServerProcess server = null;
        boolean passed = false;
        try {
            server = ServerProcess.start(data, log);
            BatchLedger ledger = new BatchLedger();
            BatchWriter writer = new BatchWriter(TABLE, ledger);
            try (Connection copy = server.connect(); Connection txn = server.connect();
                 Connection auto = server.connect()) {
                CrashTables.createIngestTable(copy, TABLE);
                for (int i = 0; i < 10; i++) {
                    writer.copy(copy, i == 0 ? 1 : 500 * i);
                    writer.insertTransaction(txn, 30 + 40 * i, 1 + i % 4, i == 4);
                    writer.insertAutocommit(auto, i == 0 ? 1 : 11 * i);
                }
                writer.copy(copy, RowPlan.MAX_ROWS);
                commitTogether(writer, copy, txn, auto);
                server.kill9(); // at once after the last acknowledgment
            }
            server = ServerProcess.start(data, log);
            try (Connection c = server.connect("socketTimeout=300")) {
                RecoveryCheck.Result result = new RecoveryCheck(TABLE, ledger).run(c, new Random(7), 8);
                assertTrue(result.ok(), () -> result.summary(20));
                assertEquals(0, result.inDoubtFoundAbsent() + result.inDoubtFoundPresent(), "nothing was in doubt");
                assertEquals(33, result.batchesChecked(), "30 + 1 + 3 batches, one of them rolled back");
                assertEquals(1, ledger.count(BatchLedger.State.ROLLED_BACK));
                long rows = compareEveryRow(c, ledger);
                System.out.println("[crash] immediate kill: " + result.batchesChecked() + " batches, " + rows
                    + " rows compared value by value");
            }
            passed = true;
        } catch (Throwable t) {
            CrashTables.reportFailure(log, data);
            throw t;
        } finally {
            if (server != null) {
                server.close();
            }
            if (passed) {
                CrashTables.deleteRecursively(data);
            }
        }
    }

    /**
     * One batch per connection, all released at once so their commits share WAL flushes (group commit); returns
     * when every one is acknowledged.
     */
    private static void commitTogether(BatchWriter writer, Connection copy, Connection txn, Connection auto)
        throws Exception {
        CyclicBarrier start = new CyclicBarrier(3);
        List<Callable<BatchLedger.Entry>> tasks = List.of(
            () -> {
                start.await();
                return writer.copy(copy, 777);
            },
            () -> {
                start.await();
                return writer.insertTransaction(txn, 150, 3, false);
            },
            () -> {
                start.await();
                return writer.insertAutocommit(auto, 99);
            });
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        try {
            for (Future<BatchLedger.Entry> f : pool.invokeAll(tasks)) {
                f.get(); // rethrows a writer's failure
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Reads the whole table in id order and compares each row with {@link RowPlan}; returns the rows compared. */
    private static long compareEveryRow(Connection c, BatchLedger ledger) throws SQLException {
        List<BatchLedger.Entry> present = new ArrayList<>(ledger.present());
        present.sort(Comparator.comparingLong(e -> e.batch));
        long compared = 0;
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT id, batch, time, payload FROM " + TABLE + " ORDER BY id")) {
            for (BatchLedger.Entry e : present) {
                for (int r = 0; r < e.rows; r++) {
                    assertTrue(rs.next(), "result ends before " + e + " row " + r);
                    String where = e + " row " + r;
                    assertEquals(RowPlan.id(e.batch, r), rs.getLong(1), where);
                    assertEquals(e.batch, rs.getLong(2), where);
                    assertEquals(RowPlan.epochSecond(e.batch, r), rs.getTimestamp(3).toInstant().getEpochSecond(), where);
                    assertEquals(RowPlan.payload(e.batch, r), rs.getString(4), where);
                    compared++;
                }
            }
            assertFalse(rs.next(), "more rows than acknowledged");
        }
        return compared;
    }
}
