package io.epochdb.exec.types;

import io.epochdb.common.ErrorCode;
import io.epochdb.common.EpochException;
import io.epochdb.common.types.Interval;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * Interval text in PostgreSQL's {@code IntervalStyle = postgres} (output) and the input forms PostgreSQL and
 * Grafana write: {@code 1 day 02:03:04}, {@code 1.5 hours}, {@code @ 1 minute ago}, ISO 8601 {@code P1DT2H},
 * and compact units {@code 5m}, {@code 0.5s}, {@code 100ms}, {@code 1.0368e+06s}.
 */
public final class IntervalText {
    private static final BigDecimal MICROS_PER_SECOND = BigDecimal.valueOf(1_000_000L);
    private static final BigDecimal MICROS_PER_DAY = BigDecimal.valueOf(Interval.MICROS_PER_DAY);

    private IntervalText() {
    }

    public static String format(Interval iv) {
        StringBuilder sb = new StringBuilder();
        boolean[] zeroBefore = {true, false}; // is_zero, is_before
        int years = iv.months() / 12;
        int mons = iv.months() % 12;
        addPart(sb, years, "year", zeroBefore);
        addPart(sb, mons, "mon", zeroBefore);
        addPart(sb, iv.days(), "day", zeroBefore);
        long micros = iv.micros();
        if (zeroBefore[0] || micros != 0) {
            boolean minus = micros < 0;
            long abs = Math.abs(micros);
            long hours = abs / Interval.MICROS_PER_HOUR;
            long min = (abs / Interval.MICROS_PER_MINUTE) % 60;
            long sec = (abs / Interval.MICROS_PER_SECOND) % 60;
            long frac = abs % Interval.MICROS_PER_SECOND;
            if (!zeroBefore[0]) {
                sb.append(' ');
            }
            sb.append(minus ? "-" : (zeroBefore[1] ? "+" : ""));
            two(sb, hours).append(':');
            two(sb, min).append(':');
            two(sb, sec);
            appendFraction(sb, frac);
        }
        return sb.toString();
    }

    private static void addPart(StringBuilder sb, int value, String unit, boolean[] state) {
        if (value == 0) {
            return;
        }
        if (!state[0]) {
            sb.append(' ');
        }
        if (state[1] && value > 0) {
            sb.append('+');
        }
        sb.append(value).append(' ').append(unit);
        if (value != 1) {
            sb.append('s');
        }
        state[1] = value < 0;
        state[0] = false;
    }

    static StringBuilder two(StringBuilder sb, long v) {
        if (v < 10) {
            sb.append('0');
        }
        return sb.append(v);
    }

    /** Appends {@code .ffffff} without trailing zeros, nothing when zero. */
    static void appendFraction(StringBuilder sb, long micros) {
        if (micros == 0) {
            return;
        }
        String f = Long.toString(1_000_000L + micros).substring(1);
        int end = f.length();
        while (end > 0 && f.charAt(end - 1) == '0') {
            end--;
        }
        sb.append('.').append(f, 0, end);
    }

    public static Interval parse(String text) {
        String s = text.trim().toLowerCase(Locale.ROOT);
        if (s.isEmpty()) {
            throw bad(text);
        }
        try {
            if (s.charAt(0) == 'p') {
                return parseIso(s, text);
            }
            return parsePostgres(s, text);
        } catch (ArithmeticException | NumberFormatException e) {
            throw new EpochException(ErrorCode.DATETIME_FIELD_OVERFLOW, "interval field value out of range: \"" + text + "\"");
        }
    }

    private static EpochException bad(String text) {
        return new EpochException(ErrorCode.INVALID_DATETIME_FORMAT, "invalid input syntax for type interval: \"" + text + "\"");
    }

    private static final int MICRO = 1;
    private static final int MILLI = 2;
    private static final int SECOND = 4;
    private static final int MINUTE = 8;
    private static final int HOUR = 16;
    private static final int DAY = 32;
    private static final int WEEK = 64;
    private static final int MONTH = 128;
    private static final int YEAR = 256;
    private static final int DECADE = 512;
    private static final int CENTURY = 1024;
    private static final int MILLENNIUM = 2048;
    private static final int TIME = HOUR | MINUTE | SECOND | MILLI | MICRO;

    /** Accumulates fields as PostgreSQL does: fractions of months spill into days, of days into time. */
    private static final class Acc {
        long months;
        long days;
        BigDecimal micros = BigDecimal.ZERO;

        /** Adds one field's microseconds, rounding its fraction half toward zero as PostgreSQL does per field. */
        void addMicros(BigDecimal us) {
            micros = micros.add(us.setScale(0, RoundingMode.HALF_DOWN));
        }

        /** Fields already given: PostgreSQL rejects an interval that sets one twice ("1 hour 2 hours"). */
        int seen;

        void mark(int bits, String text) {
            if ((seen & bits) != 0) {
                throw bad(text);
            }
            seen |= bits;
        }

        void add(BigDecimal v, String unit, String text) {
            boolean fractional = v.stripTrailingZeros().scale() > 0;
            int bits = switch (unit) {
                case "us", "usec", "usecs", "microsecond", "microseconds", "useconds", "usecond" -> MICRO;
                case "ms", "msec", "msecs", "millisecond", "milliseconds", "mseconds", "msecond" -> MILLI;
                case "s", "sec", "secs", "second", "seconds" -> fractional ? SECOND | MILLI | MICRO : SECOND;
                case "m", "min", "mins", "minute", "minutes" -> MINUTE;
                case "h", "hr", "hrs", "hour", "hours" -> HOUR;
                case "d", "day", "days" -> DAY;
                case "w", "week", "weeks" -> WEEK;
                case "mon", "mons", "month", "months" -> MONTH;
                case "y", "yr", "yrs", "year", "years" -> YEAR;
                case "dec", "decs", "decade", "decades" -> DECADE;
                case "c", "cent", "century", "centuries" -> CENTURY;
                case "mil", "mils", "millennium", "millennia" -> MILLENNIUM;
                default -> throw bad(text);
            };
            mark(bits, text);
            switch (unit) {
                case "us", "usec", "usecs", "microsecond", "microseconds", "useconds", "usecond" -> addMicros(v);
                case "ms", "msec", "msecs", "millisecond", "milliseconds", "mseconds", "msecond" ->
                    addMicros(v.multiply(BigDecimal.valueOf(1000)));
                case "s", "sec", "secs", "second", "seconds" -> addMicros(v.multiply(MICROS_PER_SECOND));
                case "m", "min", "mins", "minute", "minutes" -> addMicros(v.multiply(BigDecimal.valueOf(Interval.MICROS_PER_MINUTE)));
                case "h", "hr", "hrs", "hour", "hours" -> addMicros(v.multiply(BigDecimal.valueOf(Interval.MICROS_PER_HOUR)));
                case "d", "day", "days" -> addDays(v);
                case "w", "week", "weeks" -> addDays(v.multiply(BigDecimal.valueOf(7)));
                case "mon", "mons", "month", "months" -> addMonths(v);
                case "y", "yr", "yrs", "year", "years" -> addYears(v, 1);
                case "dec", "decs", "decade", "decades" -> addYears(v, 10);
                case "c", "cent", "century", "centuries" -> addYears(v, 100);
                case "mil", "mils", "millennium", "millennia" -> addYears(v, 1000);
                default -> throw bad(text);
            }
        }

        void addDays(BigDecimal v) {
            BigDecimal whole = v.setScale(0, RoundingMode.DOWN);
            days = Math.addExact(days, whole.longValueExact());
            addMicros(v.subtract(whole).multiply(MICROS_PER_DAY));
        }

        void addMonths(BigDecimal v) {
            BigDecimal whole = v.setScale(0, RoundingMode.DOWN);
            months = Math.addExact(months, whole.longValueExact());
            addDays(v.subtract(whole).multiply(BigDecimal.valueOf(30)));
        }

        void addYears(BigDecimal v, int factor) {
            BigDecimal m = v.multiply(BigDecimal.valueOf(12L * factor));
            months = Math.addExact(months, m.setScale(0, RoundingMode.HALF_EVEN).longValueExact());
        }

        Interval build(boolean negate) {
            long us = micros.setScale(0, RoundingMode.HALF_EVEN).longValueExact();
            Interval iv = new Interval(Math.toIntExact(months), Math.toIntExact(days), us);
            return negate ? iv.negate() : iv;
        }
    }

    private static Interval parsePostgres(String s, String text) {
        Acc acc = new Acc();
        boolean ago = false;
        int i = 0;
        int n = s.length();
        BigDecimal pending = null; // a number waiting for its unit
        while (i < n) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c) || c == ',') {
                i++;
                continue;
            }
            if (c == '@') {
                i++;
                continue;
            }
            if (Character.isLetter(c)) {
                int j = i;
                while (j < n && Character.isLetter(s.charAt(j))) {
                    j++;
                }
                String word = s.substring(i, j);
                i = j;
                if (word.equals("ago")) {
                    if (pending != null) {
                        throw bad(text);
                    }
                    ago = true;
                    continue;
                }
                if (pending == null) {
                    throw bad(text);
                }
                acc.add(pending, word, text);
                pending = null;
                continue;
            }
            if (c == '+' || c == '-' || c == '.' || Character.isDigit(c)) {
                if (pending != null) {
                    // a bare number followed by another number: the first one is seconds
                    acc.add(pending, "s", text);
                    pending = null;
                }
                int j = i;
                if (s.charAt(j) == '+' || s.charAt(j) == '-') {
                    j++;
                }
                int numStart = j;
                while (j < n && (Character.isDigit(s.charAt(j)) || s.charAt(j) == '.' || s.charAt(j) == ':')) {
                    j++;
                }
                // exponent: 1.0368e+06s (Grafana); only when followed by digits
                if (j + 1 < n && s.charAt(j) == 'e' && (Character.isDigit(s.charAt(j + 1))
                        || ((s.charAt(j + 1) == '+' || s.charAt(j + 1) == '-') && j + 2 < n && Character.isDigit(s.charAt(j + 2))))) {
                    j += 2;
                    while (j < n && Character.isDigit(s.charAt(j))) {
                        j++;
                    }
                }
                String tok = s.substring(i, j);
                if (j == numStart) {
                    throw bad(text);
                }
                i = j;
                if (tok.indexOf(':') >= 0) {
                    acc.mark(TIME, text);
                    acc.micros = acc.micros.add(BigDecimal.valueOf(parseTime(tok, text)));
                } else {
                    try {
                        pending = new BigDecimal(tok);
                    } catch (NumberFormatException e) {
                        throw bad(text);
                    }
                }
                continue;
            }
            throw bad(text);
        }
        if (pending != null) {
            acc.add(pending, "s", text);
        }
        return acc.build(ago);
    }

    /** [-]HH:MM[:SS[.ffffff]] to microseconds. */
    private static long parseTime(String tok, String text) {
        boolean neg = tok.startsWith("-");
        String t = (neg || tok.startsWith("+")) ? tok.substring(1) : tok;
        String[] p = t.split(":", -1);
        if (p.length < 2 || p.length > 3) {
            throw bad(text);
        }
        try {
            long h = Long.parseLong(p[0]);
            long m = Long.parseLong(p[1]);
            BigDecimal sec = p.length == 3 ? new BigDecimal(p[2]) : BigDecimal.ZERO;
            if (m > 59 || sec.compareTo(BigDecimal.valueOf(60)) >= 0 || p[1].isEmpty()) {
                throw new EpochException(ErrorCode.DATETIME_FIELD_OVERFLOW, "interval field value out of range: \"" + text + "\"");
            }
            long us = h * Interval.MICROS_PER_HOUR + m * Interval.MICROS_PER_MINUTE
                + sec.multiply(MICROS_PER_SECOND).setScale(0, RoundingMode.HALF_EVEN).longValueExact();
            return neg ? -us : us;
        } catch (NumberFormatException e) {
            throw bad(text);
        }
    }

    private static Interval parseIso(String s, String text) {
        Acc acc = new Acc();
        boolean timePart = false;
        int i = 1;
        int n = s.length();
        if (n == 1) {
            throw bad(text);
        }
        while (i < n) {
            char c = s.charAt(i);
            if (c == 't') {
                timePart = true;
                i++;
                continue;
            }
            int j = i;
            if (j < n && (s.charAt(j) == '-' || s.charAt(j) == '+')) {
                j++;
            }
            while (j < n && (Character.isDigit(s.charAt(j)) || s.charAt(j) == '.')) {
                j++;
            }
            if (j == i || j >= n) {
                throw bad(text);
            }
            BigDecimal v;
            try {
                v = new BigDecimal(s.substring(i, j));
            } catch (NumberFormatException e) {
                throw bad(text);
            }
            char d = s.charAt(j);
            String unit = switch (d) {
                case 'y' -> timePart ? null : "years";
                case 'm' -> timePart ? "minutes" : "months";
                case 'w' -> timePart ? null : "weeks";
                case 'd' -> timePart ? null : "days";
                case 'h' -> timePart ? "hours" : null;
                case 's' -> timePart ? "seconds" : null;
                default -> null;
            };
            if (unit == null) {
                throw bad(text);
            }
            acc.add(v, unit, text);
            i = j + 1;
        }
        return acc.build(false);
    }
}
