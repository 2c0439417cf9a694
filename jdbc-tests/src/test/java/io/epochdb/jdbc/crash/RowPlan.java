package io.epochdb.jdbc.crash;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * What every row of every batch holds, as a pure function of (batch id, row number), so a check after recovery can
 * recompute any row without the client having kept it. Batches come in three shapes, chosen by the batch id, so
 * each round writes rows in arrival order (crossing hour chunks when large), scattered out of order over three days,
 * and late rows two months in the past.
 */
final class RowPlan {
    /** A batch holds at most this many rows; ids are {@code batch * ID_STRIDE + row}, unique over every batch. */
    static final int MAX_ROWS = 5000;
    static final long ID_STRIDE = 10_000;
    static final long T0 = Instant.parse("2024-01-01T00:00:00Z").getEpochSecond();
    private static final long DAY = 86_400;
    private static final DateTimeFormatter TEXT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'+00'")
        .withZone(ZoneOffset.UTC);

    private RowPlan() {
    }

    static long id(long batch, int row) {
        return batch * ID_STRIDE + row;
    }

    /** Sum of the ids of a complete batch of {@code rows} rows, to catch a batch with the right count but wrong rows. */
    static long idSum(long batch, int rows) {
        return batch * ID_STRIDE * rows + (long) rows * (rows - 1) / 2;
    }

    static long epochSecond(long batch, int row) {
        int shape = (int) Math.floorMod(batch, 10L);
        if (shape <= 6) {
            return T0 + batch * 20 + row; // in arrival order
        }
        if (shape <= 8) {
            return T0 + Math.floorMod(batch * 7919 + row * 104_729L, 3 * DAY); // out of order over 72 chunks
        }
        return T0 - 60 * DAY + Math.floorMod(batch * 3600 + row * 37L, 2 * DAY); // late data
    }

    /** The time as PostgreSQL prints a timestamptz in UTC, accepted by INSERT literals and COPY text alike. */
    static String timeText(long epochSecond) {
        return TEXT.format(Instant.ofEpochSecond(epochSecond));
    }

    /** A short text of varying length made of letters and digits only, so neither COPY nor SQL needs escapes. */
    static String payload(long batch, int row) {
        StringBuilder s = new StringBuilder(32).append('b').append(batch).append('r').append(row);
        for (int i = (int) ((batch + row) % 17); i > 0; i--) {
            s.append((char) ('a' + i));
        }
        return s.toString();
    }
}
