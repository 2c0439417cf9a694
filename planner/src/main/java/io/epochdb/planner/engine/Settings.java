package io.epochdb.planner.engine;

import io.epochdb.common.ErrorCode;
import io.epochdb.common.EpochException;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A session's run-time parameters (SET/SHOW/RESET, SET LOCAL, startup parameters), with PostgreSQL's names,
 * defaults and the subset that is reported to the client with ParameterStatus.
 */
public final class Settings {
    public static final String SERVER_VERSION = "15.0 (EpochDB 0.1)";
    static final Set<String> REPORTED = Set.of("server_version", "server_encoding", "client_encoding", "application_name",
        "DateStyle", "TimeZone", "integer_datetimes", "standard_conforming_strings", "is_superuser",
        "session_authorization", "IntervalStyle", "default_transaction_read_only", "in_hot_standby");

    private static final Map<String, String> DEFAULTS = new LinkedHashMap<>();

    static {
        DEFAULTS.put("server_version", SERVER_VERSION);
        DEFAULTS.put("server_version_num", "150000");
        DEFAULTS.put("server_encoding", "UTF8");
        DEFAULTS.put("client_encoding", "UTF8");
        DEFAULTS.put("application_name", "");
        DEFAULTS.put("DateStyle", "ISO, MDY");
        DEFAULTS.put("IntervalStyle", "postgres");
        DEFAULTS.put("TimeZone", "UTC");
        DEFAULTS.put("integer_datetimes", "on");
        DEFAULTS.put("standard_conforming_strings", "on");
        DEFAULTS.put("is_superuser", "on");
        DEFAULTS.put("session_authorization", "postgres");
        DEFAULTS.put("default_transaction_read_only", "off");
        DEFAULTS.put("in_hot_standby", "off");
        DEFAULTS.put("search_path", "\"$user\", public");
        DEFAULTS.put("statement_timeout", "0");
        DEFAULTS.put("lock_timeout", "0");
        DEFAULTS.put("idle_in_transaction_session_timeout", "0");
        DEFAULTS.put("extra_float_digits", "1");
        DEFAULTS.put("client_min_messages", "notice");
        DEFAULTS.put("transaction_isolation", "read committed");
        DEFAULTS.put("default_transaction_isolation", "read committed");
        DEFAULTS.put("synchronous_commit", "on");
        DEFAULTS.put("max_identifier_length", "63");
        DEFAULTS.put("max_connections", "100");
        DEFAULTS.put("lc_collate", "C");
        DEFAULTS.put("lc_ctype", "C");
        DEFAULTS.put("lc_messages", "C");
        DEFAULTS.put("lc_monetary", "C");
        DEFAULTS.put("lc_numeric", "C");
        DEFAULTS.put("lc_time", "C");
        DEFAULTS.put("bytea_output", "hex");
        DEFAULTS.put("timezone_abbreviations", "Default");
        DEFAULTS.put("block_size", "8192");
        DEFAULTS.put("work_mem", "4MB");
        DEFAULTS.put("jit", "off");
        DEFAULTS.put("row_security", "on");
        DEFAULTS.put("escape_string_warning", "on");
        DEFAULTS.put("backslash_quote", "safe_encoding");
        DEFAULTS.put("datestyle", "ISO, MDY");
        DEFAULTS.put("timescaledb.max_background_workers", "8");
    }

    /** Canonical spelling of each known name, looked up case-insensitively. */
    private static final Map<String, String> CANONICAL = new HashMap<>();

    static {
        for (String k : DEFAULTS.keySet()) {
            CANONICAL.put(k.toLowerCase(Locale.ROOT), k);
        }
        CANONICAL.put("datestyle", "DateStyle");
        CANONICAL.put("timezone", "TimeZone");
        CANONICAL.put("intervalstyle", "IntervalStyle");
    }

    private final Map<String, String> values = new HashMap<>();
    /** Values before SET LOCAL in the current transaction, restored at its end. */
    private final Map<String, String> localSaved = new HashMap<>();
    private final Map<String, String> changed = new LinkedHashMap<>();
    private ZoneId zone = ZoneId.of("UTC");

    public static String canonical(String name) {
        String c = CANONICAL.get(name.toLowerCase(Locale.ROOT));
        return c != null ? c : name.toLowerCase(Locale.ROOT);
    }

    public String get(String name) {
        String c = canonical(name);
        String v = values.get(c);
        if (v != null) {
            return v;
        }
        return DEFAULTS.get(c);
    }

    /** The value, or throws 42704 like PostgreSQL for an unknown parameter without a dot. */
    public String show(String name) {
        String v = get(name);
        if (v == null) {
            throw new EpochException(ErrorCode.UNDEFINED_OBJECT, "unrecognized configuration parameter \"" + name + "\"");
        }
        return v;
    }

    public void set(String name, String value, boolean local) {
        String c = canonical(name);
        if (!DEFAULTS.containsKey(c) && !c.contains(".")) {
            throw new EpochException(ErrorCode.UNDEFINED_OBJECT, "unrecognized configuration parameter \"" + name + "\"");
        }
        String v = normalize(c, value);
        if (local && !localSaved.containsKey(c)) {
            localSaved.put(c, get(c));
        }
        values.put(c, v);
        if (c.equals("TimeZone")) {
            zone = parseZone(v);
        }
        if (REPORTED.contains(c)) {
            changed.put(c, v);
        }
    }

    public void reset(String name) {
        String c = canonical(name);
        String d = DEFAULTS.get(c);
        values.remove(c);
        if (c.equals("TimeZone")) {
            zone = ZoneId.of("UTC");
        }
        if (REPORTED.contains(c) && d != null) {
            changed.put(c, d);
        }
    }

    public void resetAll() {
        for (String k : new java.util.ArrayList<>(values.keySet())) {
            if (!k.equals("session_authorization") && !k.equals("is_superuser")) {
                reset(k);
            }
        }
    }

    /** At transaction end: undo SET LOCAL. */
    public void endTransaction() {
        for (Map.Entry<String, String> e : localSaved.entrySet()) {
            if (e.getValue() == null) {
                reset(e.getKey());
            } else {
                set(e.getKey(), e.getValue(), false);
            }
        }
        localSaved.clear();
    }

    public ZoneId zone() {
        return zone;
    }

    public Map<String, String> drainChanged() {
        Map<String, String> out = new LinkedHashMap<>(changed);
        changed.clear();
        return out;
    }

    public Map<String, String> reported() {
        Map<String, String> out = new TreeMap<>();
        for (String k : REPORTED) {
            out.put(k, get(k));
        }
        return out;
    }

    public Map<String, String> all() {
        Map<String, String> out = new TreeMap<>();
        for (String k : DEFAULTS.keySet()) {
            if (!k.equals("datestyle")) {
                out.put(k, get(k));
            }
        }
        for (Map.Entry<String, String> e : values.entrySet()) {
            out.put(e.getKey(), e.getValue());
        }
        return out;
    }

    private static String normalize(String name, String value) {
        switch (name) {
            case "TimeZone": {
                parseZone(value);
                if (value.equalsIgnoreCase("utc")) {
                    return "UTC";
                }
                return value;
            }
            case "DateStyle": {
                String v = value.toUpperCase(Locale.ROOT).replace(" ", "");
                if (v.contains("ISO") || v.equals("MDY") || v.equals("ISO,MDY") || v.isEmpty()) {
                    return "ISO, MDY";
                }
                throw new EpochException(ErrorCode.FEATURE_NOT_SUPPORTED, "DateStyle \"" + value + "\" is not supported; EpochDB outputs ISO");
            }
            case "statement_timeout":
            case "lock_timeout":
            case "idle_in_transaction_session_timeout":
                return String.valueOf(parseMillis(name, value)) .equals("0") ? "0" : value.trim();
            case "extra_float_digits": {
                try {
                    int d = Integer.parseInt(value.trim());
                    if (d < -15 || d > 3) {
                        throw new EpochException(ErrorCode.INVALID_PARAMETER_VALUE,
                            d + " is outside the valid range for parameter \"extra_float_digits\" (-15 .. 3)");
                    }
                    return String.valueOf(d);
                } catch (NumberFormatException e) {
                    throw new EpochException(ErrorCode.INVALID_PARAMETER_VALUE, "invalid value for parameter \"extra_float_digits\": \"" + value + "\"");
                }
            }
            case "client_encoding": {
                String v = value.toUpperCase(Locale.ROOT).replace("-", "");
                if (v.equals("UTF8") || v.equals("UNICODE")) {
                    return "UTF8";
                }
                if (v.equals("SQL_ASCII")) {
                    return "SQL_ASCII";
                }
                throw new EpochException(ErrorCode.FEATURE_NOT_SUPPORTED, "client encoding \"" + value + "\" is not supported; use UTF8");
            }
            default:
                return value;
        }
    }

    /** statement_timeout and friends in milliseconds ('5s', '100ms', '1min', plain number = ms). */
    public static long parseMillis(String name, String value) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        int i = 0;
        while (i < v.length() && (Character.isDigit(v.charAt(i)) || v.charAt(i) == '.')) {
            i++;
        }
        try {
            double n = Double.parseDouble(v.substring(0, i));
            String unit = v.substring(i).trim();
            double factor = switch (unit) {
                case "", "ms" -> 1;
                case "s" -> 1000;
                case "min" -> 60_000;
                case "h" -> 3_600_000;
                case "d" -> 86_400_000;
                case "us" -> 0.001;
                default -> throw new NumberFormatException(unit);
            };
            return Math.round(n * factor);
        } catch (NumberFormatException e) {
            throw new EpochException(ErrorCode.INVALID_PARAMETER_VALUE, "invalid value for parameter \"" + name + "\": \"" + value + "\"");
        }
    }

    public long statementTimeoutMillis() {
        return parseMillis("statement_timeout", get("statement_timeout"));
    }

    public static ZoneId parseZone(String value) {
        String v = value.trim();
        if (v.equalsIgnoreCase("utc") || v.equalsIgnoreCase("gmt") || v.equalsIgnoreCase("z")) {
            return ZoneId.of("UTC");
        }
        try {
            return ZoneId.of(v);
        } catch (DateTimeException e) {
            try {
                return ZoneId.of(v, ZoneId.SHORT_IDS);
            } catch (DateTimeException e2) {
                throw new EpochException(ErrorCode.INVALID_PARAMETER_VALUE, "invalid value for parameter \"TimeZone\": \"" + value + "\"");
            }
        }
    }
}
