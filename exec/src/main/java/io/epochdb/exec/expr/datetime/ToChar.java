package io.epochdb.exec.expr.datetime;

import io.epochdb.common.ErrorCode;
import io.epochdb.common.EpochException;
import io.epochdb.common.types.Interval;
import io.epochdb.exec.time.DateTimes;
import io.epochdb.exec.types.DateTimeText;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.util.Locale;

/** {@code to_char} for timestamps, intervals and numbers with PostgreSQL's common template patterns. */
public final class ToChar {
    static final String[] MONTHS = {"January", "February", "March", "April", "May", "June", "July", "August", "September",
        "October", "November", "December"};
    static final String[] DAYS = {"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"};
    /** Template keywords, longest first so that e.g. HH24 wins over HH. */
    static final String[] KEYWORDS = {"Y,YYY", "HH24", "HH12", "SSSSS", "SSSS", "IYYY", "IDDD", "YYYY", "MONTH", "Month", "month",
        "A.M.", "P.M.", "a.m.", "p.m.", "B.C.", "A.D.", "b.c.", "a.d.", "IYY", "YYY", "DDD", "MON", "Mon", "mon", "DAY", "Day",
        "day", "TZH", "TZM", "HH", "MI", "SS", "MS", "US", "AM", "PM", "am", "pm", "BC", "AD", "bc", "ad", "IY", "YY", "MM",
        "DY", "Dy", "dy", "DD", "ID", "WW", "IW", "CC", "TZ", "tz", "OF", "RM", "rm", "I", "Y", "D", "W", "J", "Q"};

    private ToChar() {
    }

    /** Finds the keyword at position i, or null. */
    static String keywordAt(String fmt, int i) {
        for (String k : KEYWORDS) {
            if (fmt.startsWith(k, i)) {
                return k;
            }
        }
        return null;
    }

    /** Formats a wall-clock time; {@code offsetSeconds}/{@code zone} are null for timestamp without time zone. */
    public static String format(long localMicros, Integer offsetSeconds, ZoneId zone, String fmt) {
        LocalDateTime t = DateTimes.toLocal(localMicros);
        long micros = Math.floorMod(localMicros, 1_000_000L);
        StringBuilder sb = new StringBuilder();
        int i = 0;
        while (i < fmt.length()) {
            char c = fmt.charAt(i);
            if (c == '"') {
                int j = i + 1;
                while (j < fmt.length() && fmt.charAt(j) != '"') {
                    if (fmt.charAt(j) == '\\' && j + 1 < fmt.length()) {
                        j++;
                    }
                    sb.append(fmt.charAt(j));
                    j++;
                }
                i = j + 1;
                continue;
            }
            if (c == '\\' && i + 1 < fmt.length()) {
                sb.append(fmt.charAt(i + 1));
                i += 2;
                continue;
            }
            boolean fm = false;
            if (fmt.startsWith("FM", i) || fmt.startsWith("fm", i)) {
                fm = true;
                i += 2;
            }
            String k = keywordAt(fmt, i);
            if (k == null) {
                if (!fm) {
                    sb.append(c);
                    i++;
                }
                continue;
            }
            i += k.length();
            boolean th = false;
            boolean upperTh = false;
            if (fmt.startsWith("TH", i) || fmt.startsWith("th", i)) {
                th = true;
                upperTh = fmt.charAt(i) == 'T';
                i += 2;
            }
            int year = t.getYear() <= 0 ? 1 - t.getYear() : t.getYear();
            int hour12 = t.getHour() % 12 == 0 ? 12 : t.getHour() % 12;
            String out;
            long num = Long.MIN_VALUE;
            int width = 2;
            switch (k) {
                case "Y,YYY" -> out = String.format("%d,%03d", year / 1000, year % 1000);
                case "YYYY" -> { num = year; width = 4; out = null; }
                case "YYY" -> { num = year % 1000; width = 3; out = null; }
                case "YY" -> { num = year % 100; width = 2; out = null; }
                case "Y" -> { num = year % 10; width = 1; out = null; }
                case "IYYY" -> { num = t.get(IsoFields.WEEK_BASED_YEAR); width = 4; out = null; }
                case "IYY" -> { num = t.get(IsoFields.WEEK_BASED_YEAR) % 1000; width = 3; out = null; }
                case "IY" -> { num = t.get(IsoFields.WEEK_BASED_YEAR) % 100; width = 2; out = null; }
                case "I" -> { num = t.get(IsoFields.WEEK_BASED_YEAR) % 10; width = 1; out = null; }
                case "HH24" -> { num = t.getHour(); out = null; }
                case "HH12", "HH" -> { num = hour12; out = null; }
                case "MI" -> { num = t.getMinute(); out = null; }
                case "SS" -> { num = t.getSecond(); out = null; }
                case "SSSS", "SSSSS" -> { num = t.toLocalTime().toSecondOfDay(); width = 1; out = null; }
                case "MS" -> { num = micros / 1000; width = 3; out = null; }
                case "US" -> { num = micros; width = 6; out = null; }
                case "AM", "PM" -> out = t.getHour() < 12 ? "AM" : "PM";
                case "am", "pm" -> out = t.getHour() < 12 ? "am" : "pm";
                case "A.M.", "P.M." -> out = t.getHour() < 12 ? "A.M." : "P.M.";
                case "a.m.", "p.m." -> out = t.getHour() < 12 ? "a.m." : "p.m.";
                case "BC", "AD" -> out = t.getYear() <= 0 ? "BC" : "AD";
                case "bc", "ad" -> out = t.getYear() <= 0 ? "bc" : "ad";
                case "B.C.", "A.D." -> out = t.getYear() <= 0 ? "B.C." : "A.D.";
                case "b.c.", "a.d." -> out = t.getYear() <= 0 ? "b.c." : "a.d.";
                case "MONTH", "Month", "month" -> out = name(MONTHS[t.getMonthValue() - 1], k, fm, 9);
                case "MON", "Mon", "mon" -> out = name(MONTHS[t.getMonthValue() - 1].substring(0, 3), k, true, 3);
                case "MM" -> { num = t.getMonthValue(); out = null; }
                case "DAY", "Day", "day" -> out = name(DAYS[t.getDayOfWeek().getValue() % 7], k, fm, 9);
                case "DY", "Dy", "dy" -> out = name(DAYS[t.getDayOfWeek().getValue() % 7].substring(0, 3), k, true, 3);
                case "DDD" -> { num = t.getDayOfYear(); width = 3; out = null; }
                case "IDDD" -> { num = (t.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR) - 1) * 7 + t.getDayOfWeek().getValue(); width = 3; out = null; }
                case "DD" -> { num = t.getDayOfMonth(); out = null; }
                case "D" -> { num = t.getDayOfWeek().getValue() % 7 + 1; width = 1; out = null; }
                case "ID" -> { num = t.getDayOfWeek().getValue(); width = 1; out = null; }
                case "W" -> { num = (t.getDayOfMonth() - 1) / 7 + 1; width = 1; out = null; }
                case "WW" -> { num = (t.getDayOfYear() - 1) / 7 + 1; out = null; }
                case "IW" -> { num = t.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR); out = null; }
                case "CC" -> { num = (year + 99) / 100; out = null; }
                case "J" -> { num = Math.floorDiv(localMicros, DateTimes.MICROS_PER_DAY) + 2440588; width = 1; out = null; }
                case "Q" -> { num = (t.getMonthValue() - 1) / 3 + 1; width = 1; out = null; }
                case "RM", "rm" -> {
                    String[] rm = {"I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"};
                    String r = rm[t.getMonthValue() - 1];
                    r = fm ? r : String.format("%-4s", r);
                    out = k.equals("rm") ? r.toLowerCase(Locale.ROOT) : r;
                }
                case "TZ", "tz" -> {
                    String abbr = zone == null || offsetSeconds == null ? "" : abbreviation(zone, localMicros, offsetSeconds);
                    out = k.equals("tz") ? abbr.toLowerCase(Locale.ROOT) : abbr;
                }
                case "OF" -> {
                    StringBuilder o = new StringBuilder();
                    if (offsetSeconds != null) {
                        DateTimeText.appendOffset(o, offsetSeconds);
                    }
                    out = o.toString();
                }
                case "TZH" -> out = offsetSeconds == null ? "" : String.format("%s%02d", offsetSeconds < 0 ? "-" : "+", Math.abs(offsetSeconds) / 3600);
                case "TZM" -> out = offsetSeconds == null ? "" : String.format("%02d", Math.abs(offsetSeconds) / 60 % 60);
                default -> out = k;
            }
            if (out == null) {
                String s = Long.toString(Math.abs(num));
                if (!fm && s.length() < width) {
                    s = "0".repeat(width - s.length()) + s;
                }
                out = num < 0 ? "-" + s : s;
                if (th) {
                    out = out + ordinal(num, upperTh);
                }
            }
            sb.append(out);
        }
        return sb.toString();
    }

    private static String abbreviation(ZoneId zone, long localMicros, int offsetSeconds) {
        if (offsetSeconds == 0 && (zone.getId().equals("UTC") || zone.getId().equals("Z") || zone.getId().equals("Etc/UTC"))) {
            return "UTC";
        }
        String name = zone.getRules().isDaylightSavings(java.time.Instant.ofEpochSecond(Math.floorDiv(localMicros, 1_000_000L) - offsetSeconds))
            ? java.time.format.TextStyle.SHORT.name() : null;
        java.time.format.DateTimeFormatter f = java.time.format.DateTimeFormatter.ofPattern("zzz", Locale.ROOT);
        String abbr = f.format(java.time.ZonedDateTime.ofInstant(
            java.time.Instant.ofEpochSecond(Math.floorDiv(localMicros, 1_000_000L) - offsetSeconds), zone));
        if (name == null && abbr.startsWith("GMT")) {
            StringBuilder o = new StringBuilder();
            DateTimeText.appendOffset(o, offsetSeconds);
            return o.toString();
        }
        return abbr;
    }

    private static String ordinal(long n, boolean upper) {
        long a = Math.abs(n);
        String s = (a % 100 >= 11 && a % 100 <= 13) ? "th" : switch ((int) (a % 10)) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        };
        return upper ? s.toUpperCase(Locale.ROOT) : s;
    }

    private static String name(String base, String keyword, boolean fm, int pad) {
        String s;
        if (Character.isUpperCase(keyword.charAt(0)) && Character.isUpperCase(keyword.charAt(1))) {
            s = base.toUpperCase(Locale.ROOT);
        } else if (Character.isLowerCase(keyword.charAt(0))) {
            s = base.toLowerCase(Locale.ROOT);
        } else {
            s = base;
        }
        return fm || s.length() >= pad ? s : s + " ".repeat(pad - s.length());
    }

    /** to_char(interval, fmt): time fields from the interval, days as DD, months as MM, years as YYYY. */
    public static String format(Interval iv, String fmt) {
        // PostgreSQL formats an interval through the same code with the fields in place of a date
        long us = iv.micros();
        long hours = us / 3_600_000_000L;
        int years = iv.months() / 12;
        int months = iv.months() % 12;
        StringBuilder sb = new StringBuilder();
        int i = 0;
        while (i < fmt.length()) {
            boolean fm = false;
            if (fmt.startsWith("FM", i) || fmt.startsWith("fm", i)) {
                fm = true;
                i += 2;
            }
            String k = keywordAt(fmt, i);
            if (k == null) {
                if (i < fmt.length()) {
                    if (fmt.charAt(i) == '"') {
                        int j = fmt.indexOf('"', i + 1);
                        j = j < 0 ? fmt.length() : j;
                        sb.append(fmt, i + 1, j);
                        i = j + 1;
                    } else {
                        sb.append(fmt.charAt(i++));
                    }
                }
                continue;
            }
            i += k.length();
            long num;
            int width = 2;
            switch (k) {
                case "HH24" -> num = hours;
                case "HH", "HH12" -> num = hours % 12 == 0 ? 12 : hours % 12;
                case "MI" -> num = us / 60_000_000L % 60;
                case "SS" -> num = us / 1_000_000L % 60;
                case "MS" -> { num = us / 1000 % 1000; width = 3; }
                case "US" -> { num = us % 1_000_000L; width = 6; }
                case "DD" -> num = iv.days();
                case "D" -> { num = iv.days(); width = 1; }
                case "MM" -> num = months;
                case "YYYY" -> { num = years; width = 4; }
                case "YY" -> num = years % 100;
                case "SSSS", "SSSSS" -> { num = us / 1_000_000L; width = 1; }
                default -> {
                    sb.append(k);
                    continue;
                }
            }
            String s = Long.toString(Math.abs(num));
            if (!fm && s.length() < width) {
                s = "0".repeat(width - s.length()) + s;
            }
            sb.append(num < 0 ? "-" : "").append(s);
        }
        return sb.toString();
    }

    /**
     * to_char(number, fmt) for the patterns 9 0 . D , G S MI PL SG FM and literal text, following PostgreSQL's
     * NUM_processor: digits right-aligned into the integer positions, blanks (or zeros from the first 0 on) in
     * front, the sign just before the first printed character, {@code #} in every digit position on overflow.
     */
    public static String format(BigDecimal value, String fmt) {
        boolean fm = fmt.contains("FM") || fmt.contains("fm");
        String f = fmt.replace("FM", "").replace("fm", "");
        int pre = 0;
        int post = 0;
        int firstZero = -1; // index among integer positions of the first '0'
        boolean point = false;
        boolean sLeading = f.startsWith("S") && !f.startsWith("SG");
        boolean sTrailing = !sLeading && f.endsWith("S") && !f.endsWith("PLS");
        boolean mi = f.contains("MI");
        boolean sg = f.contains("SG");
        boolean pl = f.contains("PL");
        for (int i = 0; i < f.length(); i++) {
            char c = f.charAt(i);
            if (c == '9' || c == '0') {
                if (point) {
                    post++;
                } else {
                    if (c == '0' && firstZero < 0) {
                        firstZero = pre;
                    }
                    pre++;
                }
            } else if ((c == '.' || c == 'D') && !point) {
                point = true;
            }
        }
        BigDecimal r = value.setScale(post, RoundingMode.HALF_UP);
        boolean neg = r.signum() < 0;
        String num = r.abs().toPlainString();
        String ip = num.contains(".") ? num.substring(0, num.indexOf('.')) : num;
        String fp = num.contains(".") ? num.substring(num.indexOf('.') + 1) : "";
        boolean overflow = ip.length() > pre;
        if (overflow) {
            ip = "#".repeat(pre);
            fp = "#".repeat(post);
        }
        // a lone leading zero before fraction digits prints as blank when the format has no 0 (PostgreSQL: '  .50')
        boolean predecSpace = !overflow && firstZero < 0 && ip.equals("0") && post > 0;
        int lastRelevant = fp.length(); // FM: '9' positions after this fraction index are dropped
        if (fm && !overflow) {
            lastRelevant = 0;
            for (int i = fp.length() - 1; i >= 0; i--) {
                if (fp.charAt(i) != '0') {
                    lastRelevant = i + 1;
                    break;
                }
            }
        }
        int pad = pre - ip.length();
        boolean defaultSign = !mi && !sg && !sLeading && !sTrailing;
        String signText = sLeading ? (neg ? "-" : "+") : defaultSign ? (neg ? "-" : fm ? "" : " ") : "";
        boolean signWritten = !(sLeading || defaultSign);
        boolean digitSeen = false;
        StringBuilder sb = new StringBuilder();
        int intPos = 0;
        int fracPos = 0;
        boolean afterPoint = false;
        for (int i = 0; i < f.length(); i++) {
            char c = f.charAt(i);
            if ((c == '9' || c == '0') && !afterPoint) {
                int pos = intPos++;
                String out;
                if (pos < pad) {
                    boolean zero = firstZero >= 0 && pos >= firstZero;
                    out = zero ? "0" : (fm ? "" : " ");
                    if (zero && !signWritten) {
                        sb.append(signText);
                        signWritten = true;
                    }
                } else {
                    char d = ip.charAt(pos - pad);
                    boolean isLastInt = pos == pre - 1;
                    if (predecSpace && isLastInt) {
                        out = fm ? (lastRelevant == 0 ? "0" : "") : " ";
                        if (fm && lastRelevant == 0 && !signWritten) {
                            sb.append(signText);
                            signWritten = true;
                        }
                    } else {
                        if (!signWritten) {
                            sb.append(signText);
                            signWritten = true;
                        }
                        out = String.valueOf(d);
                        digitSeen = true;
                    }
                }
                sb.append(out);
            } else if ((c == '.' || c == 'D') && !afterPoint) {
                afterPoint = true;
                if (!signWritten) {
                    sb.append(signText);
                    signWritten = true;
                }
                sb.append('.');
            } else if (c == '9' || c == '0') {
                int pos = fracPos++;
                if (fm && c == '9' && pos >= lastRelevant) {
                    continue;
                }
                sb.append(pos < fp.length() ? fp.charAt(pos) : '0');
            } else if (c == ',' || c == 'G') {
                if (digitSeen) {
                    sb.append(',');
                } else if (!fm) {
                    sb.append(' ');
                }
            } else if (f.startsWith("SG", i)) {
                sb.append(neg ? '-' : '+');
                i++;
            } else if (c == 'S' && (i == 0 || i == f.length() - 1)) {
                if (sTrailing) {
                    sb.append(neg ? '-' : '+');
                }
            } else if (f.startsWith("MI", i)) {
                sb.append(neg ? "-" : fm ? "" : " ");
                i++;
            } else if (f.startsWith("PL", i)) {
                sb.append(neg ? (fm ? "" : " ") : "+");
                i++;
            } else {
                sb.append(c);
            }
        }
        if (!signWritten) {
            sb.insert(0, signText);
        }
        return sb.toString();
    }

    /** Parses text against a template (to_timestamp/to_date); returns the wall-clock microseconds. */
    public static long parse(String text, String fmt, String typeName) {
        int year = 1;
        int month = 1;
        int day = 1;
        int hour = 0;
        int minute = 0;
        int second = 0;
        long micros = 0;
        int pm = -1;
        boolean bc = false;
        Integer doy = null;
        int ti = 0;
        int i = 0;
        while (i < fmt.length()) {
            if (fmt.startsWith("FM", i) || fmt.startsWith("fm", i)) {
                i += 2;
                continue;
            }
            String k = keywordAt(fmt, i);
            if (k == null) {
                char c = fmt.charAt(i);
                if (c == '"') {
                    int j = fmt.indexOf('"', i + 1);
                    j = j < 0 ? fmt.length() : j;
                    ti += j - i - 1;
                    i = j + 1;
                    continue;
                }
                // separators in the template skip one character of input (PostgreSQL skips any non-alnum)
                if (ti < text.length() && !Character.isLetterOrDigit(text.charAt(ti))) {
                    ti++;
                } else if (ti < text.length() && Character.isWhitespace(c)) {
                    // nothing
                } else if (ti < text.length() && text.charAt(ti) == c) {
                    ti++;
                }
                i++;
                continue;
            }
            i += k.length();
            while (ti < text.length() && text.charAt(ti) == ' ' && !k.equals("Y,YYY")) {
                ti++;
            }
            switch (k) {
                case "MONTH", "Month", "month", "MON", "Mon", "mon" -> {
                    int found = -1;
                    for (int m = 0; m < 12; m++) {
                        String full = MONTHS[m];
                        if (text.regionMatches(true, ti, full, 0, full.length()) && k.length() > 3) {
                            found = m;
                            ti += full.length();
                            break;
                        }
                        if (text.regionMatches(true, ti, full, 0, 3)) {
                            found = m;
                            ti += 3;
                            break;
                        }
                    }
                    if (found < 0) {
                        throw bad("invalid value \"" + rest(text, ti) + "\" for \"" + k + "\"");
                    }
                    month = found + 1;
                }
                case "DAY", "Day", "day", "DY", "Dy", "dy" -> {
                    boolean ok = false;
                    for (String d : DAYS) {
                        if (k.length() > 2 && text.regionMatches(true, ti, d, 0, d.length())) {
                            ti += d.length();
                            ok = true;
                            break;
                        }
                        if (text.regionMatches(true, ti, d, 0, 3)) {
                            ti += 3;
                            ok = true;
                            break;
                        }
                    }
                    if (!ok) {
                        throw bad("invalid value \"" + rest(text, ti) + "\" for \"" + k + "\"");
                    }
                }
                case "AM", "PM", "am", "pm", "A.M.", "P.M.", "a.m.", "p.m." -> {
                    String s = text.substring(ti, Math.min(text.length(), ti + k.length())).toUpperCase(Locale.ROOT);
                    if (s.startsWith("A")) {
                        pm = 0;
                    } else if (s.startsWith("P")) {
                        pm = 1;
                    } else {
                        throw bad("invalid value \"" + rest(text, ti) + "\" for \"" + k + "\"");
                    }
                    ti += k.length();
                }
                case "BC", "AD", "bc", "ad", "B.C.", "A.D.", "b.c.", "a.d." -> {
                    String s = text.substring(ti, Math.min(text.length(), ti + k.length())).toUpperCase(Locale.ROOT);
                    bc = s.startsWith("B");
                    ti += k.length();
                }
                case "TZ", "tz", "OF", "TZH", "TZM" -> {
                    while (ti < text.length() && !Character.isWhitespace(text.charAt(ti))) {
                        ti++;
                    }
                }
                default -> {
                    int maxLen = switch (k) {
                        case "YYYY", "IYYY" -> Integer.MAX_VALUE;
                        case "Y,YYY" -> Integer.MAX_VALUE;
                        case "YYY", "DDD", "MS", "IYY", "IDDD" -> 3;
                        case "US" -> 6;
                        case "Y", "D", "ID", "I", "Q", "W" -> 1;
                        case "J", "SSSS", "SSSSS" -> Integer.MAX_VALUE;
                        default -> 2;
                    };
                    int start = ti;
                    if (ti < text.length() && (text.charAt(ti) == '-' || text.charAt(ti) == '+')) {
                        ti++;
                    }
                    while (ti < text.length() && ti - start < maxLen && (Character.isDigit(text.charAt(ti))
                            || (k.equals("Y,YYY") && text.charAt(ti) == ','))) {
                        ti++;
                    }
                    String digits = text.substring(start, ti).replace(",", "");
                    if (digits.isEmpty() || digits.equals("-") || digits.equals("+")) {
                        throw bad("invalid value \"" + rest(text, start) + "\" for \"" + k + "\"")
                            .withDetail("Value must be an integer.");
                    }
                    long v = Long.parseLong(digits);
                    switch (k) {
                        case "YYYY", "Y,YYY", "IYYY" -> year = (int) v;
                        case "YYY", "IYY" -> year = (int) (v < 100 ? v + 2000 : v + 1000);
                        case "YY", "IY" -> year = (int) (v < 70 ? v + 2000 : v + 1900);
                        case "Y", "I" -> year = (int) (v + 2000);
                        case "MM" -> month = (int) v;
                        case "DD" -> day = (int) v;
                        case "DDD" -> doy = (int) v;
                        case "HH24", "HH", "HH12" -> hour = (int) v;
                        case "MI" -> minute = (int) v;
                        case "SS" -> second = (int) v;
                        case "MS" -> micros = v * 1000 * (long) Math.pow(10, 3 - digits.length());
                        case "US" -> micros = v * (long) Math.pow(10, 6 - digits.length());
                        case "J" -> {
                            LocalDate d = LocalDate.ofEpochDay(v - 2440588);
                            year = d.getYear();
                            month = d.getMonthValue();
                            day = d.getDayOfMonth();
                        }
                        case "SSSS", "SSSSS" -> {
                            hour = (int) (v / 3600);
                            minute = (int) (v / 60 % 60);
                            second = (int) (v % 60);
                        }
                        default -> {
                        }
                    }
                }
            }
        }
        if (pm >= 0) {
            if (hour < 1 || hour > 12) {
                throw new EpochException(ErrorCode.INVALID_DATETIME_FORMAT, "hour \"" + hour + "\" is invalid for the 12-hour clock")
                    .withHint("Use the 24-hour clock, or give an hour between 1 and 12.");
            }
            hour = hour % 12 + (pm == 1 ? 12 : 0);
        }
        if (bc) {
            year = 1 - year;
        }
        try {
            LocalDate d = doy != null ? LocalDate.ofYearDay(year, doy) : LocalDate.of(year, month, day);
            if (hour > 24 || minute > 59 || second > 60) {
                throw new java.time.DateTimeException("range");
            }
            return DateTimes.toMicros(d.atStartOfDay()) + ((hour * 60L + minute) * 60 + second) * 1_000_000L + micros;
        } catch (java.time.DateTimeException e) {
            throw new EpochException(ErrorCode.DATETIME_FIELD_OVERFLOW, "date/time field value out of range: \"" + text + "\"");
        }
    }

    private static String rest(String s, int i) {
        return i >= s.length() ? "" : s.substring(i);
    }

    private static EpochException bad(String msg) {
        return new EpochException(ErrorCode.INVALID_DATETIME_FORMAT, msg);
    }
}
