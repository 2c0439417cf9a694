package io.epochdb.exec.operator;

import io.epochdb.common.ErrorCode;
import io.epochdb.common.EpochException;
import io.epochdb.exec.batch.Batch;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs a batch sink on a second thread while the caller keeps pulling the input pipeline (scan, filter,
 * project), so a blocking operator uses both cores without splitting its state: the sink sees batches in order,
 * one at a time, exactly as if it ran inline. Batches handed over are owned (and closed) by this class.
 */
final class BackgroundConsumer implements AutoCloseable {
    private static final ExecutorService POOL = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "epochdb-exec-consumer");
        t.setDaemon(true);
        return t;
    });
    private static final Batch END = new Batch(java.util.List.of(), 0);

    /** Off with -Depochdb.exec.background=false. */
    static final boolean ENABLED = !"false".equals(System.getProperty("epochdb.exec.background"));

    private final BlockingQueue<Batch> queue = new ArrayBlockingQueue<>(4);
    private final Future<?> task;
    private volatile Throwable failure;
    private volatile boolean stopped;

    BackgroundConsumer(Consumer<Batch> sink) {
        task = POOL.submit(() -> {
            try {
                while (true) {
                    Batch b = queue.take();
                    if (b == END) {
                        return;
                    }
                    try (b) {
                        if (failure == null && !stopped) {
                            sink.accept(b);
                        }
                    }
                }
            } catch (Throwable t) {
                failure = t;
                drain();
            }
        });
    }

    /** Hands a batch to the sink; rethrows the sink's failure, if any. */
    void accept(Batch b) {
        rethrow();
        try {
            while (!queue.offer(b, 100, TimeUnit.MILLISECONDS)) {
                if (failure != null || task.isDone()) {
                    b.close();
                    rethrow();
                    throw new EpochException(ErrorCode.INTERNAL_ERROR, "background consumer stopped");
                }
            }
        } catch (InterruptedException e) {
            b.close();
            Thread.currentThread().interrupt();
            throw new EpochException(ErrorCode.QUERY_CANCELED, "canceling statement due to user request");
        }
    }

    /** Waits until every handed-over batch went through the sink; rethrows its failure. */
    void finish() {
        try {
            while (!queue.offer(END, 100, TimeUnit.MILLISECONDS)) {
                if (task.isDone()) {
                    break;
                }
            }
            task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EpochException(ErrorCode.QUERY_CANCELED, "canceling statement due to user request");
        } catch (java.util.concurrent.ExecutionException e) {
            failure = e.getCause();
        }
        rethrow();
    }

    private void rethrow() {
        Throwable t = failure;
        if (t instanceof RuntimeException re) {
            throw re;
        }
        if (t instanceof Error err) {
            throw err;
        }
        if (t != null) {
            throw new EpochException(ErrorCode.INTERNAL_ERROR, String.valueOf(t.getMessage()), t);
        }
    }

    private void drain() {
        Batch b;
        while ((b = queue.poll()) != null) {
            if (b != END) {
                b.close();
            }
        }
    }

    /** Stops the sink (after an error on the caller's side) and releases queued batches. */
    @Override
    public void close() {
        if (task.isDone()) {
            drain();
            return;
        }
        stopped = true;
        try {
            while (!task.isDone()) {
                drain();
                queue.offer(END, 10, TimeUnit.MILLISECONDS);
                try {
                    task.get(10, TimeUnit.MILLISECONDS);
                } catch (java.util.concurrent.TimeoutException e) {
                    // loop: keep draining until the consumer sees END
                } catch (java.util.concurrent.ExecutionException e) {
                    break;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        drain();
    }
}
