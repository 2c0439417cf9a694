package io.epochdb.exec.types;

import io.epochdb.exec.time.DateTimes;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A fast path for the timestamp text machines write ({@code 2016-01-01 00:00:10[.123456][+00[:00]]}, also with
 * {@code T}): parsed by position without the general parser's tokenizing. Anything else, and any value needing
 * PostgreSQL's leniency (24:00:00, leap seconds, 5-digit years, BC), goes to the general parser.
 */
final class IsoTimestamps {
    /** Returned when the text is not in the plain form. */
    static final long NOT_PLAIN = Long.MIN_VALUE;
    private static final long MICROS_PER_DAY = 86_400_000_000L;

    private IsoTimestamps() {
    }

    static long tryParse(String s, ZoneId sessionZone) {
        int n = s.length();
        if (n < 19 || s.charAt(4) != '-' || s.charAt(7) != '-' || (s.charAt(10) != ' ' && s.charAt(10) != 'T')
            || s.charAt(13) != ':' || s.charAt(16) != ':') {
            return NOT_PLAIN;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        int hour = digits(s, 11, 2);
        int minute = digits(s, 14, 2);
        int second = digits(s, 17, 2);
        if (year < 1 || month < 0 || day < 0 || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0
            || second > 59) {
            return NOT_PLAIN;
        }
        int i = 19;
        long micros = 0;
        if (i < n && s.charAt(i) == '.') {
            i++;
            int start = i;
            while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                i++;
            }
            int len = i - start;
            if (len == 0 || len > 6) {
                return NOT_PLAIN; // PostgreSQL rounds longer fractions: leave that to the general parser
            }
            micros = digits(s, start, len);
            for (int k = len; k < 6; k++) {
                micros *= 10;
            }
        }
        Integer offsetSeconds = null;
        if (i < n) {
            char sign = s.charAt(i);
            if (sign == 'Z' && i + 1 == n) {
                offsetSeconds = 0;
            } else if ((sign == '+' || sign == '-') && (n - i == 3 || n - i == 6)) {
                int oh = digits(s, i + 1, 2);
                int om = 0;
                if (n - i == 6) {
                    if (s.charAt(i + 3) != ':') {
                        return NOT_PLAIN;
                    }
                    om = digits(s, i + 4, 2);
                }
                if (oh < 0 || om < 0 || oh > 15 || om > 59) {
                    return NOT_PLAIN;
                }
                offsetSeconds = (sign == '-' ? -1 : 1) * (oh * 3600 + om * 60);
            } else {
                return NOT_PLAIN;
            }
        }
        long epochDay;
        try {
            epochDay = LocalDate.of(year, month, day).toEpochDay();
        } catch (DateTimeException e) {
            return NOT_PLAIN; // the general parser reports it as PostgreSQL does
        }
        long local = epochDay * MICROS_PER_DAY + (hour * 3600L + minute * 60L + second) * 1_000_000L + micros;
        if (offsetSeconds != null) {
            return local - offsetSeconds * 1_000_000L;
        }
        if (sessionZone.getRules().isFixedOffset()) {
            ZoneOffset zo = sessionZone.getRules().getOffset(Instant.EPOCH);
            return local - zo.getTotalSeconds() * 1_000_000L;
        }
        LocalDateTime t = LocalDateTime.of(year, month, day, hour, minute, second, (int) micros * 1000);
        return DateTimes.toMicros(t, sessionZone);
    }

    /** The number in {@code s[from, from + len)}, or -1 if it is not all digits. */
    private static int digits(String s, int from, int len) {
        int v = 0;
        for (int k = from; k < from + len; k++) {
            char c = s.charAt(k);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }
}
