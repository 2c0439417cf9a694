package io.epochdb.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * 64 connections, each on its own thread, mix multi-row INSERTs with count(*) and aggregate queries on one table
 * for a bounded time ({@code -Depochdb.concurrency.seconds}, 20 by default). No statement may fail, every count
 * must include every insert acknowledged before it started, and at the end the row count must equal the sum of
 * acknowledged inserts. The extension then closes the engine, whose allocator must be empty.
 */
class ConcurrencyTest {
    @RegisterExtension
    static final EpochServer server = new EpochServer();

    private static final int CONNECTIONS = 64;

    @Test
    void sixtyFourConnectionsInsertAndAggregate() throws Exception {
        long seconds = Long.getLong("epochdb.concurrency.seconds", 20);
        try (Connection c = server.connect()) {
            Sql.exec(c, "CREATE TABLE load (ts timestamptz NOT NULL, worker int, seq bigint, v double precision)");
        }
        AtomicLong acknowledged = new AtomicLong();
        AtomicLong inserts = new AtomicLong();
        AtomicLong queries = new AtomicLong();
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        List<Connection> connections = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(CONNECTIONS);
        try {
            // connect in parallel: 64 startups at once are part of the test
            List<Future<Connection>> opening = new ArrayList<>();
            for (int i = 0; i < CONNECTIONS; i++) {
                String mode = i % 2 == 0 ? "prepareThreshold=5" : "prepareThreshold=1";
                opening.add(pool.submit(() -> server.connect(mode)));
            }
            for (Future<Connection> f : opening) {
                connections.add(f.get(60, TimeUnit.SECONDS));
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            CountDownLatch done = new CountDownLatch(CONNECTIONS);
            for (int w = 0; w < CONNECTIONS; w++) {
                int worker = w;
                Connection conn = connections.get(w);
                pool.execute(() -> {
                    try {
                        work(conn, worker, deadline, acknowledged, inserts, queries, failures);
                    } finally {
                        done.countDown();
                    }
                });
            }
            assertTrue(done.await(seconds + 120, TimeUnit.SECONDS), "workers did not finish");
        } finally {
            pool.shutdownNow();
            for (Connection conn : connections) {
                conn.close();
            }
        }
        assertTrue(failures.isEmpty(), failures.size() + " failures, first: " + failures.peek());
        // every worker starts with an insert; throughput itself is not asserted (bench/ measures it)
        assertTrue(inserts.get() >= CONNECTIONS && queries.get() > 0,
            "too little work done: " + inserts + " inserts, " + queries + " queries");
        System.out.printf("ConcurrencyTest: %d s, %d inserts (%d rows), %d queries%n", seconds, inserts.get(),
            acknowledged.get(), queries.get());
        try (Connection c = server.connect()) {
            assertEquals(acknowledged.get(), Sql.count(c, "load"));
            assertEquals(String.valueOf(CONNECTIONS), Sql.scalar(c, "SELECT count(DISTINCT worker) FROM load"));
        }
    }

    private static void work(Connection conn, int worker, long deadline, AtomicLong acknowledged, AtomicLong inserts,
                             AtomicLong queries, ConcurrentLinkedQueue<String> failures) {
        long seq = 0;
        try (Statement s = conn.createStatement();
             PreparedStatement byWorker = conn.prepareStatement(
                 "SELECT count(*), max(seq), avg(v) FROM load WHERE worker = ?")) {
            while (System.nanoTime() < deadline) {
                ThreadLocalRandom random = ThreadLocalRandom.current();
                int pick = random.nextInt(10);
                if (pick < 6 || seq == 0) {
                    int rows = 1 + random.nextInt(20);
                    StringBuilder sql = new StringBuilder("INSERT INTO load VALUES ");
                    for (int r = 0; r < rows; r++) {
                        seq++;
                        sql.append(r > 0 ? ", " : "").append("(TIMESTAMPTZ '2024-01-01 00:00:00+00' + INTERVAL '")
                            .append(seq).append(" seconds', ").append(worker).append(", ").append(seq).append(", ")
                            .append(random.nextDouble()).append(')');
                    }
                    int n = s.executeUpdate(sql.toString());
                    if (n != rows) {
                        failures.add("worker " + worker + ": insert of " + rows + " reported " + n);
                    }
                    acknowledged.addAndGet(n);
                    inserts.incrementAndGet();
                } else if (pick < 8) {
                    long before = acknowledged.get();
                    try (ResultSet rs = s.executeQuery("SELECT count(*) FROM load")) {
                        rs.next();
                        long count = rs.getLong(1);
                        if (count < before) {
                            failures.add("count(*) = " + count + " but " + before + " rows were acknowledged before it");
                        }
                    }
                    queries.incrementAndGet();
                } else if (pick < 9) {
                    byWorker.setInt(1, worker);
                    try (ResultSet rs = byWorker.executeQuery()) {
                        rs.next();
                        if (rs.getLong(1) != seq || rs.getLong(2) != seq) {
                            failures.add("worker " + worker + " sees " + rs.getLong(1) + " own rows, max seq "
                                + rs.getLong(2) + ", expected " + seq);
                        }
                    }
                    queries.incrementAndGet();
                } else {
                    try (ResultSet rs = s.executeQuery("SELECT worker % 4 AS g, count(*), sum(v), min(ts), max(ts)"
                        + " FROM load GROUP BY g ORDER BY g")) {
                        while (rs.next()) {
                            rs.getLong(2);
                        }
                    }
                    queries.incrementAndGet();
                }
            }
        } catch (SQLException | RuntimeException e) {
            failures.add("worker " + worker + ": " + e);
        }
    }
}
