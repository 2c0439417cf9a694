package io.epochdb.exec.time;

import io.epochdb.common.ErrorCode;
import io.epochdb.common.EpochException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Time zone names as PostgreSQL accepts them: IANA names case-insensitively, UTC/GMT/Z, common abbreviations,
 * numeric offsets ({@code +05:30}; in a zone <em>name</em> PostgreSQL reads POSIX signs, see
 * {@link #resolvePosix}).
 */
public final class Zones {
    private static final Map<String, ZoneId> BY_LOWER_NAME = new HashMap<>();

    static {
        for (String id : ZoneId.getAvailableZoneIds()) {
            BY_LOWER_NAME.put(id.toLowerCase(Locale.ROOT), ZoneId.of(id));
        }
        BY_LOWER_NAME.put("utc", ZoneOffset.UTC);
        BY_LOWER_NAME.put("gmt", ZoneOffset.UTC);
        BY_LOWER_NAME.put("z", ZoneOffset.UTC);
        BY_LOWER_NAME.put("zulu", ZoneOffset.UTC);
        BY_LOWER_NAME.put("est", ZoneOffset.ofHours(-5));
        BY_LOWER_NAME.put("edt", ZoneOffset.ofHours(-4));
        BY_LOWER_NAME.put("cst", ZoneOffset.ofHours(-6));
        BY_LOWER_NAME.put("cdt", ZoneOffset.ofHours(-5));
        BY_LOWER_NAME.put("mst", ZoneOffset.ofHours(-7));
        BY_LOWER_NAME.put("mdt", ZoneOffset.ofHours(-6));
        BY_LOWER_NAME.put("pst", ZoneOffset.ofHours(-8));
        BY_LOWER_NAME.put("pdt", ZoneOffset.ofHours(-7));
        BY_LOWER_NAME.put("cet", ZoneOffset.ofHours(1));
        BY_LOWER_NAME.put("cest", ZoneOffset.ofHours(2));
        BY_LOWER_NAME.put("eet", ZoneOffset.ofHours(2));
        BY_LOWER_NAME.put("eest", ZoneOffset.ofHours(3));
        BY_LOWER_NAME.put("wet", ZoneOffset.UTC);
        BY_LOWER_NAME.put("bst", ZoneOffset.ofHours(1));
        BY_LOWER_NAME.put("jst", ZoneOffset.ofHours(9));
        BY_LOWER_NAME.put("msk", ZoneOffset.ofHours(3));
    }

    private Zones() {
    }

    /** The zone for a name, or null if unknown. Accepts ISO offsets (+05, +05:30, -0800) with ISO signs. */
    public static ZoneId lookup(String name) {
        String n = name.trim();
        ZoneId z = BY_LOWER_NAME.get(n.toLowerCase(Locale.ROOT));
        if (z != null) {
            return z;
        }
        ZoneOffset off = parseOffset(n);
        return off;
    }

    /** A zone name as PostgreSQL resolves it in SET TIME ZONE / AT TIME ZONE / timezone(): errors 22023. */
    public static ZoneId resolve(String name) {
        ZoneId z = resolvePosix(name);
        if (z == null) {
            throw new EpochException(ErrorCode.INVALID_PARAMETER_VALUE, "time zone \"" + name + "\" not recognized");
        }
        return z;
    }

    /**
     * Like {@link #lookup} but a bare numeric offset in a zone name follows POSIX (positive = west of
     * Greenwich), as PostgreSQL's {@code AT TIME ZONE '+05'} does; {@code UTC+3} likewise.
     */
    public static ZoneId resolvePosix(String name) {
        String n = name.trim();
        ZoneId z = BY_LOWER_NAME.get(n.toLowerCase(Locale.ROOT));
        if (z != null) {
            return z;
        }
        String lower = n.toLowerCase(Locale.ROOT);
        String rest = null;
        if (lower.startsWith("utc") || lower.startsWith("gmt")) {
            rest = n.substring(3);
        } else if (!n.isEmpty() && (n.charAt(0) == '+' || n.charAt(0) == '-' || Character.isDigit(n.charAt(0)))) {
            rest = n;
        }
        if (rest != null && !rest.isEmpty()) {
            String r = Character.isDigit(rest.charAt(0)) ? "+" + rest : rest;
            ZoneOffset off = parseOffset(r);
            if (off != null) {
                return ZoneOffset.ofTotalSeconds(-off.getTotalSeconds());
            }
        }
        return null;
    }

    /** Parses +HH, +HHMM, +HH:MM, +HH:MM:SS (ISO sign); null when it is not an offset. */
    public static ZoneOffset parseOffset(String s) {
        if (s.length() < 2 || (s.charAt(0) != '+' && s.charAt(0) != '-')) {
            return null;
        }
        int sign = s.charAt(0) == '-' ? -1 : 1;
        String body = s.substring(1);
        int h;
        int m = 0;
        int sec = 0;
        try {
            if (body.contains(":")) {
                String[] p = body.split(":", -1);
                if (p.length > 3) {
                    return null;
                }
                h = Integer.parseInt(p[0]);
                m = p.length > 1 ? Integer.parseInt(p[1]) : 0;
                sec = p.length > 2 ? Integer.parseInt(p[2]) : 0;
            } else if (body.length() <= 2) {
                h = Integer.parseInt(body);
            } else if (body.length() == 4) {
                h = Integer.parseInt(body.substring(0, 2));
                m = Integer.parseInt(body.substring(2));
            } else if (body.length() == 6) {
                h = Integer.parseInt(body.substring(0, 2));
                m = Integer.parseInt(body.substring(2, 4));
                sec = Integer.parseInt(body.substring(4));
            } else {
                return null;
            }
        } catch (NumberFormatException e) {
            return null;
        }
        if (h > 15 || m > 59 || sec > 59 || body.chars().anyMatch(c -> c != ':' && !Character.isDigit(c))) {
            return null;
        }
        return ZoneOffset.ofTotalSeconds(sign * (h * 3600 + m * 60 + sec));
    }
}
