package io.epochdb.jdbc.crash;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Every batch (= one transaction) any writer ever started, with what the server promised about it. A batch is
 * {@link State#ACKNOWLEDGED} only after its commit or COPY completion returned without error; a batch whose
 * outcome the client never learned is {@link State#IN_DOUBT} until a check after restart finds it
 * {@link State#PRESENT} (complete) or {@link State#ABSENT}; from then on it must stay that way.
 */
final class BatchLedger {
    enum State {
        /** Started; no acknowledgment received (yet). After a crash it may be complete or absent, never partial. */
        IN_DOUBT,
        /** Commit or COPY completion returned: must survive any crash. */
        ACKNOWLEDGED,
        /** Ended by ROLLBACK without a commit ever being sent: must never appear. */
        ROLLED_BACK,
        /** Found complete by a check after a restart: must stay complete. */
        PRESENT,
        /** Found absent by a check after a restart: must stay absent. */
        ABSENT
    }

    /** One batch: its id, its row count, and what is known about it. */
    static final class Entry {
        final long batch;
        final int rows;
        final WriteMode mode;
        private volatile State state = State.IN_DOUBT;

        Entry(long batch, int rows, WriteMode mode) {
            this.batch = batch;
            this.rows = rows;
            this.mode = mode;
        }

        State state() {
            return state;
        }

        /** Whether the rows of this batch must be in the table. */
        boolean mustBePresent() {
            return state == State.ACKNOWLEDGED || state == State.PRESENT;
        }

        /** Whether the rows of this batch must not be in the table. */
        boolean mustBeAbsent() {
            return state == State.ROLLED_BACK || state == State.ABSENT;
        }

        @Override
        public String toString() {
            return "batch " + batch + " (" + rows + " rows by " + mode + ", " + state + ")";
        }
    }

    private final Map<Long, Entry> entries = new ConcurrentHashMap<>();
    private final AtomicLong nextBatch = new AtomicLong(1);

    /** Registers a new batch as in doubt before any of its rows is sent. */
    Entry begin(int rows, WriteMode mode) {
        if (rows < 1 || rows > RowPlan.MAX_ROWS) {
            throw new IllegalArgumentException("rows: " + rows);
        }
        Entry e = new Entry(nextBatch.getAndIncrement(), rows, mode);
        entries.put(e.batch, e);
        return e;
    }

    void acknowledged(Entry e) {
        e.state = State.ACKNOWLEDGED;
    }

    void rolledBack(Entry e) {
        e.state = State.ROLLED_BACK;
    }

    /** Records what a check after restart found; only in-doubt batches may still change. */
    void resolved(Entry e, boolean present) {
        if (e.state == State.IN_DOUBT || e.state == State.ACKNOWLEDGED) {
            e.state = present ? State.PRESENT : State.ABSENT;
        }
    }

    Entry get(long batch) {
        return entries.get(batch);
    }

    Collection<Entry> entries() {
        return List.copyOf(entries.values());
    }

    long count(State state) {
        return entries.values().stream().filter(e -> e.state == state).count();
    }

    /** Rows that must be in the table now (after a check: every present batch). */
    long rowsThatMustBePresent() {
        long n = 0;
        for (Entry e : entries.values()) {
            if (e.mustBePresent()) {
                n += e.rows;
            }
        }
        return n;
    }

    /** The present batches, to compute expected answers client-side. */
    List<Entry> present() {
        List<Entry> out = new ArrayList<>();
        for (Entry e : entries.values()) {
            if (e.mustBePresent()) {
                out.add(e);
            }
        }
        return out;
    }
}
