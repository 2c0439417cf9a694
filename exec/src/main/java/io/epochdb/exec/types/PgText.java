package io.epochdb.exec.types;

import io.epochdb.common.ErrorCode;
import io.epochdb.common.EpochException;
import io.epochdb.common.types.ColumnType;
import io.epochdb.common.types.Interval;
import io.epochdb.common.types.SqlType;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * PostgreSQL 15's text input/output functions for every {@link SqlType} (DateStyle ISO, MDY; IntervalStyle
 * postgres; extra_float_digits 1). Values use the Java classes documented on {@link SqlType}. Used by casts,
 * pgwire's text format and COPY.
 */
public final class PgText {
    private static final Pattern FLOAT = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern NUMERIC = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private PgText() {
    }

    /** The text PostgreSQL prints for {@code value} (must not be null) of type {@code type}. */
    public static String format(Object value, ColumnType type, ZoneId sessionZone) {
        SqlType t = type.type();
        switch (t) {
            case BOOL:
                return ((Boolean) value) ? "t" : "f";
            case INT2:
            case INT4:
            case INT8:
            case OID:
            case REGCLASS:
            case REGTYPE:
            case REGPROC:
                return value.toString();
            case FLOAT4:
                return FloatText.format(((Number) value).floatValue());
            case FLOAT8:
                return FloatText.format(((Number) value).doubleValue());
            case NUMERIC:
                return value instanceof BigDecimal b ? b.toPlainString() : new BigDecimal(value.toString()).toPlainString();
            case BYTEA:
                return formatBytea((byte[]) value);
            case UUID:
                return value.toString();
            case DATE:
                return DateTimeText.formatDate(((Number) value).intValue());
            case TIME:
                return DateTimeText.formatTime(((Number) value).longValue());
            case TIMESTAMP:
                return DateTimeText.formatTimestamp(((Number) value).longValue());
            case TIMESTAMPTZ:
                return DateTimeText.formatTimestamptz(((Number) value).longValue(), sessionZone);
            case INTERVAL:
                return IntervalText.format((Interval) value);
            default:
                if (t.isArray()) {
                    return ArrayText.format((List<?>) value, t.element(), sessionZone);
                }
                return value.toString();
        }
    }

    /** Parses text as PostgreSQL's input function for {@code type} would; errors carry PostgreSQL's SQLSTATE. */
    public static Object parse(String text, ColumnType type, ZoneId sessionZone) {
        SqlType t = type.type();
        switch (t) {
            case BOOL:
                return parseBool(text);
            case INT2:
                return (short) parseInteger(text, Short.MIN_VALUE, Short.MAX_VALUE, "smallint");
            case INT4:
                return (int) parseInteger(text, Integer.MIN_VALUE, Integer.MAX_VALUE, "integer");
            case INT8:
                return parseInteger(text, Long.MIN_VALUE, Long.MAX_VALUE, "bigint");
            case OID:
            case REGCLASS:
            case REGTYPE:
            case REGPROC:
                return (int) parseInteger(text, Integer.MIN_VALUE, 0xFFFFFFFFL, "oid");
            case FLOAT4: {
                double d = parseFloat(text, "real");
                float f = (float) d;
                if (Float.isInfinite(f) && !Double.isInfinite(d)) {
                    throw new EpochException(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE, "\"" + text + "\" is out of range for type real");
                }
                return f;
            }
            case FLOAT8:
                return parseFloat(text, "double precision");
            case NUMERIC:
                return Numerics.applyTypmod(parseNumeric(text), type);
            case BYTEA:
                return parseBytea(text);
            case UUID:
                return parseUuid(text);
            case DATE:
                return DateTimeText.parseDate(text, sessionZone);
            case TIME:
                return DateTimeText.parseTime(text);
            case TIMESTAMP:
                return DateTimeText.parseTimestamp(text, sessionZone);
            case TIMESTAMPTZ:
                return DateTimeText.parseTimestamptz(text, sessionZone);
            case INTERVAL:
                return IntervalText.parse(text);
            case JSON:
                return JsonText.validateJson(text);
            case JSONB:
                return JsonText.normalizeJsonb(text);
            default:
                if (t.isArray()) {
                    return ArrayText.parse(text, t.element(), sessionZone);
                }
                return text;
        }
    }

    public static boolean parseBool(String text) {
        String s = text.trim().toLowerCase(Locale.ROOT);
        if (!s.isEmpty()) {
            if ("true".startsWith(s) || "yes".startsWith(s) || s.equals("on") || s.equals("1")) {
                return true;
            }
            if ("false".startsWith(s) || "no".startsWith(s) || s.equals("off") || s.equals("of") || s.equals("0")) {
                return false;
            }
        }
        throw new EpochException(ErrorCode.INVALID_TEXT_REPRESENTATION, "invalid input syntax for type boolean: \"" + text + "\"");
    }

    public static long parseInteger(String text, long min, long max, String typeName) {
        String s = text.strip();
        int i = 0;
        int n = s.length();
        boolean neg = false;
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            neg = s.charAt(i) == '-';
            i++;
        }
        if (i == n) {
            throw badInput(typeName, text);
        }
        long v = 0;
        boolean overflow = false;
        for (; i < n; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                throw badInput(typeName, text);
            }
            // accumulate negatively so Long.MIN_VALUE fits
            long nv = v * 10 - (c - '0');
            if (v < Long.MIN_VALUE / 10 || nv > v) {
                overflow = true;
            }
            v = nv;
        }
        if (!neg) {
            if (v == Long.MIN_VALUE) {
                overflow = true;
            }
            v = -v;
        }
        if (overflow || v < min || v > max) {
            throw new EpochException(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE,
                "value \"" + text + "\" is out of range for type " + typeName);
        }
        return v;
    }

    private static EpochException badInput(String typeName, String text) {
        return new EpochException(ErrorCode.INVALID_TEXT_REPRESENTATION, "invalid input syntax for type " + typeName + ": \"" + text + "\"");
    }

    public static double parseFloat(String text, String typeName) {
        if (isPlainDecimal(text)) {
            // The common case (COPY of sensor data): skip stripping, lower-casing and the regex.
            double d = Double.parseDouble(text);
            if (Double.isInfinite(d)) {
                throw new EpochException(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE, "\"" + text + "\" is out of range for type " + typeName);
            }
            return d;
        }
        String s = text.strip();
        String l = s.toLowerCase(Locale.ROOT);
        switch (l) {
            case "nan":
                return Double.NaN;
            case "infinity", "+infinity", "inf", "+inf":
                return Double.POSITIVE_INFINITY;
            case "-infinity", "-inf":
                return Double.NEGATIVE_INFINITY;
            default:
                break;
        }
        if (!FLOAT.matcher(s).matches()) {
            throw badInput(typeName, text);
        }
        double d = Double.parseDouble(s);
        if (Double.isInfinite(d)) {
            throw new EpochException(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE, "\"" + text + "\" is out of range for type " + typeName);
        }
        return d;
    }

    /** {@code [+-]digits[.digits][e[+-]digits]} with at least one mantissa digit, nothing else (what FLOAT accepts, unstripped). */
    static boolean isPlainDecimal(String s) {
        int n = s.length();
        int i = 0;
        if (i < n && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
            i++;
        }
        int digits = 0;
        while (i < n && isDigit(s.charAt(i))) {
            i++;
            digits++;
        }
        if (i < n && s.charAt(i) == '.') {
            i++;
            while (i < n && isDigit(s.charAt(i))) {
                i++;
                digits++;
            }
        }
        if (digits == 0) {
            return false;
        }
        if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            i++;
            if (i < n && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
                i++;
            }
            int exp = 0;
            while (i < n && isDigit(s.charAt(i))) {
                i++;
                exp++;
            }
            if (exp == 0) {
                return false;
            }
        }
        return i == n;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    public static BigDecimal parseNumeric(String text) {
        String s = text.strip();
        if (!NUMERIC.matcher(s).matches()) {
            if (s.equalsIgnoreCase("nan") || s.toLowerCase(Locale.ROOT).contains("inf")) {
                throw new EpochException(ErrorCode.FEATURE_NOT_SUPPORTED, "numeric value \"" + s + "\" is not supported");
            }
            throw badInput("numeric", text);
        }
        BigDecimal b = new BigDecimal(s);
        if (b.scale() < 0) {
            b = b.setScale(0);
        }
        return b;
    }

    public static String formatBytea(byte[] b) {
        char[] out = new char[2 + b.length * 2];
        out[0] = '\\';
        out[1] = 'x';
        for (int i = 0; i < b.length; i++) {
            out[2 + 2 * i] = HEX[(b[i] >> 4) & 0xF];
            out[3 + 2 * i] = HEX[b[i] & 0xF];
        }
        return new String(out);
    }

    public static byte[] parseBytea(String text) {
        if (text.startsWith("\\x") || text.startsWith("\\X")) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(text.length() / 2);
            int i = 2;
            while (i < text.length()) {
                char c = text.charAt(i);
                if (Character.isWhitespace(c)) {
                    i++;
                    continue;
                }
                int hi = Character.digit(c, 16);
                if (hi < 0) {
                    throw new EpochException(ErrorCode.INVALID_TEXT_REPRESENTATION, "invalid hexadecimal digit: \"" + c + "\"");
                }
                if (i + 1 >= text.length()) {
                    throw new EpochException(ErrorCode.INVALID_TEXT_REPRESENTATION, "invalid hexadecimal data: odd number of digits");
                }
                int lo = Character.digit(text.charAt(i + 1), 16);
                if (lo < 0) {
                    throw new EpochException(ErrorCode.INVALID_TEXT_REPRESENTATION, "invalid hexadecimal digit: \"" + text.charAt(i + 1) + "\"");
                }
                out.write(hi * 16 + lo);
                i += 2;
            }
            return out.toByteArray();
        }
        // escape format: \\ and \ooo; other bytes as themselves
        byte[] raw = text.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length);
        for (int i = 0; i < raw.length; i++) {
            byte c = raw[i];
            if (c != '\\') {
                out.write(c);
            } else if (i + 1 < raw.length && raw[i + 1] == '\\') {
                out.write('\\');
                i++;
            } else if (i + 3 < raw.length && isOctal(raw[i + 1]) && isOctal(raw[i + 2]) && isOctal(raw[i + 3]) && raw[i + 1] <= '3') {
                out.write(((raw[i + 1] - '0') << 6) | ((raw[i + 2] - '0') << 3) | (raw[i + 3] - '0'));
                i += 3;
            } else {
                throw new EpochException(ErrorCode.INVALID_TEXT_REPRESENTATION, "invalid input syntax for type bytea");
            }
        }
        return out.toByteArray();
    }

    private static boolean isOctal(byte b) {
        return b >= '0' && b <= '7';
    }

    public static UUID parseUuid(String text) {
        String s = text.strip();
        if (s.startsWith("{") && s.endsWith("}")) {
            s = s.substring(1, s.length() - 1);
        }
        StringBuilder hex = new StringBuilder(32);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '-') {
                continue;
            }
            if (Character.digit(c, 16) < 0) {
                throw badInput("uuid", text);
            }
            hex.append(c);
        }
        if (hex.length() != 32) {
            throw badInput("uuid", text);
        }
        long hi = Long.parseUnsignedLong(hex.substring(0, 16), 16);
        long lo = Long.parseUnsignedLong(hex.substring(16), 16);
        return new UUID(hi, lo);
    }
}
