package io.epochdb.exec.types;

import io.epochdb.common.ErrorCode;
import io.epochdb.common.EpochException;
import io.epochdb.exec.time.DateTimes;
import io.epochdb.exec.time.Zones;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;

/**
 * Date, time and timestamp text as PostgreSQL 15 prints it with {@code DateStyle = ISO, MDY}, and the input
 * forms clients commonly send (ISO with space or 'T', fractional seconds, offsets, zone names, BC, 'epoch',
 * 'now', 'today').
 */
public final class DateTimeText {
    private DateTimeText() {
    }

    // ---------------------------------------------------------------- output

    public static String formatDate(int days) {
        StringBuilder sb = new StringBuilder(13);
        LocalDate d = LocalDate.ofEpochDay(days);
        appendDate(sb, d.getYear(), d.getMonthValue(), d.getDayOfMonth());
        if (d.getYear() <= 0) {
            sb.append(" BC");
        }
        return sb.toString();
    }

    public static String formatTime(long micros) {
        StringBuilder sb = new StringBuilder(15);
        appendTime(sb, micros);
        return sb.toString();
    }

    public static String formatTimestamp(long micros) {
        LocalDateTime t = DateTimes.toLocal(micros);
        StringBuilder sb = new StringBuilder(26);
        appendDate(sb, t.getYear(), t.getMonthValue(), t.getDayOfMonth());
        sb.append(' ');
        appendTime(sb, Math.floorMod(micros, DateTimes.MICROS_PER_DAY));
        if (t.getYear() <= 0) {
            sb.append(" BC");
        }
        return sb.toString();
    }

    public static String formatTimestamptz(long micros, ZoneId zone) {
        int off = DateTimes.offsetSeconds(micros, zone);
        long local = micros + off * DateTimes.MICROS_PER_SECOND;
        LocalDateTime t = DateTimes.toLocal(local);
        StringBuilder sb = new StringBuilder(32);
        appendDate(sb, t.getYear(), t.getMonthValue(), t.getDayOfMonth());
        sb.append(' ');
        appendTime(sb, Math.floorMod(local, DateTimes.MICROS_PER_DAY));
        appendOffset(sb, off);
        if (t.getYear() <= 0) {
            sb.append(" BC");
        }
        return sb.toString();
    }

    /** {@code +HH}, {@code +HH:MM} or {@code +HH:MM:SS} as PostgreSQL prints offsets. */
    public static void appendOffset(StringBuilder sb, int offsetSeconds) {
        sb.append(offsetSeconds < 0 ? '-' : '+');
        int a = Math.abs(offsetSeconds);
        IntervalText.two(sb, a / 3600);
        if (a % 3600 != 0) {
            sb.append(':');
            IntervalText.two(sb, (a / 60) % 60);
            if (a % 60 != 0) {
                sb.append(':');
                IntervalText.two(sb, a % 60);
            }
        }
    }

    private static void appendDate(StringBuilder sb, int year, int month, int day) {
        int y = year <= 0 ? 1 - year : year;
        if (y < 1000) {
            sb.append(y < 10 ? "000" : y < 100 ? "00" : "0");
        }
        sb.append(y).append('-');
        IntervalText.two(sb, month).append('-');
        IntervalText.two(sb, day);
    }

    private static void appendTime(StringBuilder sb, long microsOfDay) {
        long sec = microsOfDay / 1_000_000L;
        IntervalText.two(sb, sec / 3600).append(':');
        IntervalText.two(sb, (sec / 60) % 60).append(':');
        IntervalText.two(sb, sec % 60);
        IntervalText.appendFraction(sb, microsOfDay % 1_000_000L);
    }

    // ---------------------------------------------------------------- input

    /** Pieces of a date/time literal. */
    private static final class Parsed {
        int year = Integer.MIN_VALUE;
        int month;
        int day;
        boolean hasTime;
        int hour;
        int minute;
        int second;
        long micros;
        ZoneId zone;
        boolean bc;
        String special;
        int pm = -1; // -1 none, 0 am, 1 pm
    }

    public static int parseDate(String text, ZoneId sessionZone) {
        Parsed p = parse(text, "date");
        if (p.special != null) {
            long now = special(p.special, "date", text, sessionZone);
            return (int) Math.floorDiv(now, DateTimes.MICROS_PER_DAY);
        }
        if (p.year == Integer.MIN_VALUE) {
            throw syntax("date", text);
        }
        return (int) toDate(p, text).toEpochDay();
    }

    public static long parseTimestamp(String text, ZoneId sessionZone) {
        Parsed p = parse(text, "timestamp without time zone");
        if (p.special != null) {
            long v = special(p.special, "timestamp without time zone", text, sessionZone);
            if (p.special.equals("now")) {
                return v + DateTimes.offsetSeconds(v, sessionZone) * DateTimes.MICROS_PER_SECOND;
            }
            return v;
        }
        if (p.year == Integer.MIN_VALUE) {
            throw syntax("timestamp without time zone", text);
        }
        return DateTimes.toMicros(toDateTime(p, text));
    }

    public static long parseTimestamptz(String text, ZoneId sessionZone) {
        long fast = IsoTimestamps.tryParse(text, sessionZone);
        if (fast != IsoTimestamps.NOT_PLAIN) {
            return fast;
        }
        Parsed p = parse(text, "timestamp with time zone");
        if (p.special != null) {
            long v = special(p.special, "timestamp with time zone", text, sessionZone);
            if (!p.special.equals("now") && !p.special.equals("epoch")) {
                // today/tomorrow/yesterday are midnights of the session zone
                return DateTimes.toMicros(DateTimes.toLocal(v), sessionZone);
            }
            return v;
        }
        if (p.year == Integer.MIN_VALUE) {
            throw syntax("timestamp with time zone", text);
        }
        LocalDateTime t = toDateTime(p, text);
        return DateTimes.toMicros(t, p.zone != null ? p.zone : sessionZone);
    }

    public static long parseTime(String text) {
        Parsed p = parse(text, "time without time zone");
        if (p.special != null || !p.hasTime) {
            if ("allballs".equals(p.special)) {
                return 0;
            }
            throw syntax("time without time zone", text);
        }
        checkTime(p, text);
        return ((p.hour * 60L + p.minute) * 60 + p.second) * DateTimes.MICROS_PER_SECOND + p.micros;
    }

    private static long special(String word, String type, String text, ZoneId zone) {
        switch (word) {
            case "epoch":
                return 0;
            case "now":
                return io.epochdb.exec.ExecContext.currentMicros();
            case "today":
            case "tomorrow":
            case "yesterday": {
                long now = io.epochdb.exec.ExecContext.currentMicros();
                LocalDate d = DateTimes.toLocal(now, zone).toLocalDate();
                d = word.equals("tomorrow") ? d.plusDays(1) : word.equals("yesterday") ? d.minusDays(1) : d;
                return d.toEpochDay() * DateTimes.MICROS_PER_DAY;
            }
            case "infinity":
            case "-infinity":
                throw new EpochException(ErrorCode.FEATURE_NOT_SUPPORTED, "infinite " + type + " values are not supported");
            default:
                throw syntax(type, text);
        }
    }

    private static LocalDate toDate(Parsed p, String text) {
        int y = p.bc ? 1 - p.year : p.year;
        try {
            return LocalDate.of(y, p.month, p.day);
        } catch (DateTimeException e) {
            throw range(text);
        }
    }

    private static void checkTime(Parsed p, String text) {
        if (p.pm >= 0) {
            if (p.hour > 12 || p.hour < 1) {
                throw range(text);
            }
            p.hour = p.hour % 12 + (p.pm == 1 ? 12 : 0);
        }
        if (p.hour > 24 || p.minute > 59 || p.second > 60
                || (p.hour == 24 && (p.minute != 0 || p.second != 0 || p.micros != 0))) {
            throw range(text);
        }
    }

    private static LocalDateTime toDateTime(Parsed p, String text) {
        LocalDate d = toDate(p, text);
        checkTime(p, text);
        long micros = ((p.hour * 60L + p.minute) * 60 + p.second) * DateTimes.MICROS_PER_SECOND + p.micros;
        return d.atStartOfDay().plusNanos(micros * 1000);
    }

    private static EpochException syntax(String type, String text) {
        // PostgreSQL names the input function's type: timestamp_in says "timestamp", time_in "time"
        String named = switch (type) {
            case "timestamp without time zone" -> "timestamp";
            case "time without time zone" -> "time";
            default -> type;
        };
        return new EpochException(ErrorCode.INVALID_DATETIME_FORMAT, "invalid input syntax for type " + named + ": \"" + text + "\"");
    }

    private static EpochException range(String text) {
        return new EpochException(ErrorCode.DATETIME_FIELD_OVERFLOW, "date/time field value out of range: \"" + text + "\"");
    }

    /** A small scanner over the commonly used ISO-like forms. */
    private static Parsed parse(String text, String type) {
        String s = text.trim();
        Parsed p = new Parsed();
        String lower = s.toLowerCase(Locale.ROOT);
        switch (lower) {
            case "epoch", "now", "today", "tomorrow", "yesterday", "infinity", "-infinity", "+infinity", "allballs" -> {
                p.special = lower.equals("+infinity") ? "infinity" : lower;
                return p;
            }
            default -> {
            }
        }
        int i = 0;
        int n = s.length();
        // date part: YYYY-MM-DD (also YYYY/MM/DD) or YYYYMMDD
        if (i < n && Character.isDigit(s.charAt(i))) {
            int j = digits(s, i);
            boolean dateAhead = j < n && (s.charAt(j) == '-' || s.charAt(j) == '/');
            if (dateAhead) {
                char sep = s.charAt(j);
                p.year = Integer.parseInt(s.substring(i, j));
                int k = digits(s, j + 1);
                if (k == j + 1 || k >= n || s.charAt(k) != sep) {
                    throw syntax(type, text);
                }
                p.month = Integer.parseInt(s.substring(j + 1, k));
                int l = digits(s, k + 1);
                if (l == k + 1) {
                    throw syntax(type, text);
                }
                p.day = Integer.parseInt(s.substring(k + 1, l));
                i = l;
            } else if (j - i == 8 && (j == n || s.charAt(j) == ' ' || s.charAt(j) == 'T' || s.charAt(j) == 't')) {
                p.year = Integer.parseInt(s.substring(i, i + 4));
                p.month = Integer.parseInt(s.substring(i + 4, i + 6));
                p.day = Integer.parseInt(s.substring(i + 6, i + 8));
                i = j;
            }
        }
        if (i < n && (s.charAt(i) == 'T' || s.charAt(i) == 't') && p.year != Integer.MIN_VALUE) {
            i++;
        }
        while (i < n && s.charAt(i) == ' ') {
            i++;
        }
        // time part HH:MM[:SS[.ffffff]]
        if (i < n && Character.isDigit(s.charAt(i))) {
            int j = digits(s, i);
            if (j < n && s.charAt(j) == ':') {
                p.hasTime = true;
                p.hour = Integer.parseInt(s.substring(i, j));
                int k = digits(s, j + 1);
                if (k == j + 1) {
                    throw syntax(type, text);
                }
                p.minute = Integer.parseInt(s.substring(j + 1, k));
                i = k;
                if (i < n && s.charAt(i) == ':') {
                    int l = digits(s, i + 1);
                    if (l == i + 1) {
                        throw syntax(type, text);
                    }
                    p.second = Integer.parseInt(s.substring(i + 1, l));
                    i = l;
                    if (i < n && s.charAt(i) == '.') {
                        int m = digits(s, i + 1);
                        String frac = s.substring(i + 1, m);
                        p.micros = fractionMicros(frac);
                        if (p.micros == 1_000_000L) {
                            p.micros = 0;
                            p.second++;
                        }
                        i = m;
                    }
                }
            } else {
                throw syntax(type, text);
            }
        }
        // the rest: zone, AM/PM, BC/AD, in any order separated by spaces
        while (i < n) {
            char c = s.charAt(i);
            if (c == ' ') {
                i++;
                continue;
            }
            if (c == '+' || c == '-') {
                int j = i + 1;
                while (j < n && (Character.isDigit(s.charAt(j)) || s.charAt(j) == ':')) {
                    j++;
                }
                ZoneOffset off = Zones.parseOffset(s.substring(i, j));
                if (off == null) {
                    throw syntax(type, text);
                }
                p.zone = off;
                i = j;
                continue;
            }
            int j = i;
            while (j < n && s.charAt(j) != ' ' && s.charAt(j) != '+' && (s.charAt(j) != '-' || j == i)) {
                j++;
            }
            String word = s.substring(i, j);
            String lw = word.toLowerCase(Locale.ROOT);
            i = j;
            switch (lw) {
                case "bc" -> p.bc = true;
                case "ad" -> p.bc = false;
                case "am" -> p.pm = 0;
                case "pm" -> p.pm = 1;
                default -> {
                    if (p.year == Integer.MIN_VALUE && !p.hasTime) {
                        throw syntax(type, text);
                    }
                    ZoneId z = Zones.lookup(word);
                    if (z == null) {
                        // e.g. "UTC+3" style falls through here; PostgreSQL reports an unknown zone as 22023
                        if (word.chars().allMatch(ch -> Character.isLetter(ch) || ch == '/' || ch == '_')) {
                            throw new EpochException(ErrorCode.INVALID_PARAMETER_VALUE, "time zone \"" + word + "\" not recognized");
                        }
                        throw syntax(type, text);
                    }
                    p.zone = z;
                }
            }
        }
        if (p.year == Integer.MIN_VALUE && !p.hasTime) {
            throw syntax(type, text);
        }
        return p;
    }

    private static int digits(String s, int i) {
        int j = i;
        while (j < s.length() && Character.isDigit(s.charAt(j))) {
            j++;
        }
        if (j - i > 9) {
            throw new EpochException(ErrorCode.DATETIME_FIELD_OVERFLOW, "date/time field value out of range: \"" + s + "\"");
        }
        return j;
    }

    /** Fraction digits rounded half-up to microseconds (may return 1_000_000). */
    private static long fractionMicros(String frac) {
        if (frac.isEmpty()) {
            return 0;
        }
        String f = frac.length() > 7 ? frac.substring(0, 7) : frac;
        long v = Long.parseLong((f + "0000000").substring(0, 7));
        return (v + 5) / 10;
    }
}
