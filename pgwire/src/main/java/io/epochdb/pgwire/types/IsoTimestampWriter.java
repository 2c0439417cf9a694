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

    /** Longest text {@link #format} writes: {@code 9999-12-31 23:59:59.999999+15:59:59}. */
    static final int MAX_LENGTH = 35;

    /** Appends the text of {@link #format} to {@code out}; false (nothing written) when the year is out of range. */
    static boolean write(ByteBuf out, byte[] scratch, long micros, boolean withOffset, int offsetSeconds) {
        int n = format(scratch, micros, withOffset, offsetSeconds);
        if (n < 0) {
            return false;
        }
        out.writeBytes(scratch, 0, n);
        return true;
    }

    /**
     * Writes {@code micros} (since 1970-01-01, already shifted to local time) and, when {@code withOffset}, the
     * zone offset as {@code +HH[:MM[:SS]]} into {@code into} (at least {@link #MAX_LENGTH} bytes) and returns the
     * length; -1 (nothing written) when the year is outside 1..9999. Writing into an array and copying it once
     * beats a bounds-checked ByteBuf call per character.
     */
    static int format(byte[] into, long micros, boolean withOffset, int offsetSeconds) {
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
            return -1;
        }
        digits(into, 0, (int) year, 4);
        into[4] = '-';
        digits(into, 5, month, 2);
        into[7] = '-';
        digits(into, 8, day, 2);
        into[10] = ' ';
        long seconds = timeOfDay / 1_000_000;
        int fraction = (int) (timeOfDay % 1_000_000);
        digits(into, 11, (int) (seconds / 3600), 2);
        into[13] = ':';
        digits(into, 14, (int) (seconds / 60 % 60), 2);
        into[16] = ':';
        digits(into, 17, (int) (seconds % 60), 2);
        int n = 19;
        if (fraction != 0) {
            into[n++] = '.';
            int width = 6;
            while (fraction % 10 == 0) {
                fraction /= 10;
                width--;
            }
            digits(into, n, fraction, width);
            n += width;
        }
        if (withOffset) {
            int a = Math.abs(offsetSeconds);
            into[n++] = (byte) (offsetSeconds < 0 ? '-' : '+');
            digits(into, n, a / 3600, 2);
            n += 2;
            if (a % 3600 != 0) {
                into[n++] = ':';
                digits(into, n, a / 60 % 60, 2);
                n += 2;
                if (a % 60 != 0) {
                    into[n++] = ':';
                    digits(into, n, a % 60, 2);
                    n += 2;
                }
            }
        }
        return n;
    }

    /** {@code value} as exactly {@code width} decimal digits (zero-padded) at {@code at}. */
    private static void digits(byte[] into, int at, int value, int width) {
        for (int i = width - 1; i >= 0; i--) {
            into[at + i] = (byte) ('0' + value % 10);
            value /= 10;
        }
    }
}
