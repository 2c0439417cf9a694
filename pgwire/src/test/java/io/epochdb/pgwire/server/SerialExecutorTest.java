package io.epochdb.pgwire.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SerialExecutorTest {
    @Test
    void tasksRunInOrderOneAtATime() throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            int connections = 8;
            int tasks = 2000;
            List<List<Integer>> seen = new ArrayList<>();
            CountDownLatch done = new CountDownLatch(connections * tasks);
            AtomicInteger overlaps = new AtomicInteger();
            for (int c = 0; c < connections; c++) {
                SerialExecutor serial = new SerialExecutor(pool);
                List<Integer> order = Collections.synchronizedList(new ArrayList<>());
                seen.add(order);
                AtomicInteger running = new AtomicInteger();
                for (int i = 0; i < tasks; i++) {
                    int n = i;
                    serial.execute(() -> {
                        if (running.incrementAndGet() > 1) {
                            overlaps.incrementAndGet();
                        }
                        order.add(n);
                        running.decrementAndGet();
                        done.countDown();
                    });
                }
            }
            assertTrue(done.await(20, TimeUnit.SECONDS));
            assertEquals(0, overlaps.get());
            for (List<Integer> order : seen) {
                for (int i = 0; i < tasks; i++) {
                    assertEquals(i, order.get(i));
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aFailingTaskDoesNotStopTheQueue() throws InterruptedException {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            SerialExecutor serial = new SerialExecutor(pool);
            CountDownLatch after = new CountDownLatch(1);
            serial.execute(() -> {
                throw new IllegalStateException("expected in test");
            });
            serial.execute(after::countDown);
            assertTrue(after.await(5, TimeUnit.SECONDS));
        } finally {
            pool.shutdownNow();
        }
    }
}
