package io.epochdb.exec.scan;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;

/**
 * The smallest and largest UTC offset a zone has within two days of an instant. Conversions between local and
 * absolute time are monotone but not exact around daylight-saving changes; bounding the offset over a window
 * wider than any offset (at most about 15 hours) keeps translated bounds safe.
 */
final class ZoneOffsets {
    private static final long WINDOW_SECONDS = 2 * 86_400L;

    private ZoneOffsets() {
    }

    /** {minOffset, maxOffset} in microseconds around {@code micros}. */
    static long[] rangeMicros(ZoneId zone, long micros) {
        ZoneRules rules = zone.getRules();
        if (zone instanceof ZoneOffset || rules.isFixedOffset()) {
            long o = rules.getOffset(Instant.EPOCH).getTotalSeconds() * 1_000_000L;
            return new long[] {o, o};
        }
        long seconds = Math.floorDiv(micros, 1_000_000L);
        // far outside java.time's range a zone's offset no longer changes; clamp to the range it supports
        seconds = Math.max(Instant.MIN.getEpochSecond() + WINDOW_SECONDS, Math.min(Instant.MAX.getEpochSecond() - WINDOW_SECONDS, seconds));
        Instant from = Instant.ofEpochSecond(seconds - WINDOW_SECONDS);
        Instant to = Instant.ofEpochSecond(seconds + WINDOW_SECONDS);
        int min = rules.getOffset(from).getTotalSeconds();
        int max = min;
        ZoneOffsetTransition t = rules.nextTransition(from);
        while (t != null && !t.getInstant().isAfter(to)) {
            int o = t.getOffsetAfter().getTotalSeconds();
            min = Math.min(min, o);
            max = Math.max(max, o);
            t = rules.nextTransition(t.getInstant());
        }
        return new long[] {min * 1_000_000L, max * 1_000_000L};
    }
}
