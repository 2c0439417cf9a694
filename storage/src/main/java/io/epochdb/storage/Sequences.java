package io.epochdb.storage;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

/**
 * Sequences (serial columns, nextval). As in PostgreSQL, a value handed out is never handed out again, even after a
 * crash: the log records a value {@link #RESERVE} ahead of the one returned, so after recovery the sequence
 * continues past everything it may have returned (leaving a gap, as PostgreSQL does).
 */
public final class Sequences {
    static final long RESERVE = 32;

    /** One sequence. */
    public static final class Sequence {
        private final String name;
        private final BiConsumer<String, Long> log;
        private long value;
        private long reserved;

        Sequence(String name, long value, BiConsumer<String, Long> log) {
            this.name = name;
            this.value = value;
            this.reserved = value;
            this.log = log;
        }

        /** nextval. */
        public synchronized long incrementAndGet() {
            value++;
            if (value > reserved) {
                reserved = value + RESERVE;
                log.accept(name, reserved);
            }
            return value;
        }

        /** currval (the last value handed out, 0 before the first). */
        public synchronized long get() {
            return value;
        }

        /** setval. */
        public synchronized void set(long v) {
            value = v;
            reserved = v;
            log.accept(name, v);
        }

        synchronized long reserved() {
            return reserved;
        }
    }

    private final Map<String, Sequence> byName = new ConcurrentHashMap<>();
    private volatile BiConsumer<String, Long> log = (n, v) -> { };

    void setLog(BiConsumer<String, Long> log) {
        this.log = Objects.requireNonNull(log, "log");
    }

    /** The sequence named {@code name}, created at 0 if new. */
    public Sequence get(String name) {
        return byName.computeIfAbsent(name, n -> new Sequence(n, 0, (s, v) -> log.accept(s, v)));
    }

    /** Recovery: the sequence may have handed out values up to {@code value}. */
    void restore(String name, long value) {
        byName.put(name, new Sequence(name, value, (s, v) -> log.accept(s, v)));
    }

    /** Values to record in a checkpoint: the highest each sequence may have handed out. */
    Map<String, Long> reservedValues() {
        Map<String, Long> out = new java.util.TreeMap<>();
        byName.forEach((n, s) -> out.put(n, s.reserved()));
        return out;
    }
}
