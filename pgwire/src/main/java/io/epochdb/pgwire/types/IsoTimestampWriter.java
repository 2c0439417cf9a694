package io.epochdb.pgwire.types;

import io.netty.buffer.ByteBuf;

/**
 * Writes timestamps as PostgreSQL's ISO DateStyle text ({@code 2016-01-02 04:54:13.31314+00}) straight into the
 * output buffer, for a zone with a fixed offset (UTC, the usual server setting): calendar fields by integer
 * arithmetic, no java.time objects per value. Years outside 1..9999 return false and go the general way.
 */
final class IsoTimestampWriter {
    private static final long MICROS_PER_DAY = 86_400_000_000L;

    private IsoTimestampWriter() {
    }

    /**
     * Appends {@code micros} (since 1970-01-01, already shifted to local time) and, when {@code withOffset}, the
     * zone offset as {@code +HH[:MM[:SS]]}; false (nothing written) when the year is outside 1..9999.
     */
    static boolean write(ByteBuf out, long micros, boolean withOffset, int offsetSeconds) {
        long days = Math.floorDiv(micros, MICROS_PER_DAY);
        long timeOfDay = micros - days * MICROS_PER_DAY;
        // civil date from days since the epoch (Howard Hinnant's algorithm)
        long z = days + 719_468;
        long era = Math.floorDiv(z, 146_097);
        long doe = z - era * 146_097;
        long yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        long mp = (5 * doy + 2) / 153;
        int day = (int) (doy - (153 * mp + 2) / 5 + 1);
        int month = (int) (mp < 10 ? mp + 3 : mp - 9);
        long year = yoe + era * 400 + (month <= 2 ? 1 : 0);
        if (year < 1 || year > 9999) {
            return false;
        }
        digits(out, (int) year, 4);
        out.writeByte('-');
        digits(out, month, 2);
        out.writeByte('-');
        digits(out, day, 2);
        out.writeByte(' ');
        long seconds = timeOfDay / 1_000_000;
        int fraction = (int) (timeOfDay % 1_000_000);
        digits(out, (int) (seconds / 3600), 2);
        out.writeByte(':');
        digits(out, (int) (seconds / 60 % 60), 2);
        out.writeByte(':');
        digits(out, (int) (seconds % 60), 2);
        if (fraction != 0) {
            out.writeByte('.');
            int width = 6;
            while (fraction % 10 == 0) {
                fraction /= 10;
                width--;
            }
            digits(out, fraction, width);
        }
        if (withOffset) {
            int a = Math.abs(offsetSeconds);
            out.writeByte(offsetSeconds < 0 ? '-' : '+');
            digits(out, a / 3600, 2);
            if (a % 3600 != 0) {
                out.writeByte(':');
                digits(out, a / 60 % 60, 2);
                if (a % 60 != 0) {
                    out.writeByte(':');
                    digits(out, a % 60, 2);
                }
            }
        }
        return true;
    }

    /** {@code value} as exactly {@code width} decimal digits (zero-padded). */
    private static void digits(ByteBuf out, int value, int width) {
        int at = out.writerIndex();
        out.ensureWritable(width);
        for (int i = width - 1; i >= 0; i--) {
            out.setByte(at + i, '0' + value % 10);
            value /= 10;
        }
        out.writerIndex(at + width);
    }
}
