package io.epochdb.exec;

import io.epochdb.common.ErrorCode;
import io.epochdb.common.EpochException;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.arrow.memory.BufferAllocator;

/**
 * What a running query needs besides its operators: the memory it may use, the bound parameter values, the
 * session's time zone, the statement's start time ({@code now()} is constant within a statement, as in
 * PostgreSQL) and the cancel flag that operators check between batches.
 */
public final class ExecContext {
    private final BufferAllocator allocator;
    private final List<Object> params;
    private final ZoneId timeZone;
    private final long statementStartMicros;
    private final long transactionStartMicros;
    private final AtomicBoolean cancelled;
    private final long deadlineNanos;
    private final io.epochdb.exec.scan.ScanRegistry scans = new io.epochdb.exec.scan.ScanRegistry();

    public ExecContext(BufferAllocator allocator, List<Object> params, ZoneId timeZone, long statementStartMicros,
                       long transactionStartMicros, AtomicBoolean cancelled, long deadlineNanos) {
        this.allocator = Objects.requireNonNull(allocator, "allocator");
        this.params = params == null ? List.of() : params;
        this.timeZone = Objects.requireNonNull(timeZone, "timeZone");
        this.statementStartMicros = statementStartMicros;
        this.transactionStartMicros = transactionStartMicros;
        this.cancelled = Objects.requireNonNull(cancelled, "cancelled");
        this.deadlineNanos = deadlineNanos;
    }

    /** A context for tests and internal work: UTC, no parameters, never cancelled. */
    public static ExecContext simple(BufferAllocator allocator) {
        long now = currentMicros();
        return new ExecContext(allocator, List.of(), ZoneId.of("UTC"), now, now, new AtomicBoolean(), 0);
    }

    public static long currentMicros() {
        java.time.Instant i = java.time.Instant.now();
        return i.getEpochSecond() * 1_000_000L + i.getNano() / 1000;
    }

    public BufferAllocator allocator() {
        return allocator;
    }

    /** Value of parameter {@code $index+1}, in the Java representation described on {@code SqlType}. */
    public Object param(int index) {
        if (index >= params.size()) {
            throw new EpochException(ErrorCode.UNDEFINED_PARAMETER, "there is no parameter $" + (index + 1));
        }
        return params.get(index);
    }

    public List<Object> params() {
        return params;
    }

    public ZoneId timeZone() {
        return timeZone;
    }

    /** {@code statement_timestamp()} in microseconds since the epoch. */
    public long statementStartMicros() {
        return statementStartMicros;
    }

    /** {@code now()} / {@code transaction_timestamp()} in microseconds since the epoch. */
    public long transactionStartMicros() {
        return transactionStartMicros;
    }

    /** The table scans built for this execution (EXPLAIN reads their chunk and segment counts). */
    public io.epochdb.exec.scan.ScanRegistry scans() {
        return scans;
    }

    public AtomicBoolean cancelFlag() {
        return cancelled;
    }

    /** Throws 57014 when the query was cancelled or ran past statement_timeout. Call once per batch. */
    public void checkCancelled() {
        if (cancelled.get()) {
            throw new EpochException(ErrorCode.QUERY_CANCELED, "canceling statement due to user request");
        }
        if (deadlineNanos != 0 && System.nanoTime() - deadlineNanos > 0) {
            throw new EpochException(ErrorCode.QUERY_CANCELED, "canceling statement due to statement timeout");
        }
    }
}
