package io.epochdb.exec.expr.string;

import io.epochdb.common.ErrorCode;
import io.epochdb.common.EpochException;
import io.epochdb.common.types.ColumnType;
import io.epochdb.common.types.SqlType;
import io.epochdb.exec.expr.Expr;
import io.epochdb.exec.expr.FunctionRegistry;
import io.epochdb.exec.expr.Functions;
import io.epochdb.exec.expr.RowFunctionExpr;
import io.epochdb.exec.expr.Sig;
import io.epochdb.exec.types.PgText;
import io.epochdb.exec.types.PgValues;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Registers the text functions, {@code ||}, LIKE/ILIKE/SIMILAR TO and the POSIX regex operators. */
public final class StringFunctions {
    private static final ColumnType TEXT = ColumnType.of(SqlType.TEXT);
    private static final ColumnType INT4 = ColumnType.of(SqlType.INT4);
    private static final ColumnType BOOL = ColumnType.of(SqlType.BOOL);
    private static final Set<String> RESERVED = Set.of("all", "analyse", "analyze", "and", "any", "array", "as", "asc",
        "asymmetric", "both", "case", "cast", "check", "collate", "column", "constraint", "create", "current_catalog",
        "current_date", "current_role", "current_time", "current_timestamp", "current_user", "default", "deferrable", "desc",
        "distinct", "do", "else", "end", "except", "false", "fetch", "for", "foreign", "from", "grant", "group", "having", "in",
        "initially", "intersect", "into", "lateral", "leading", "limit", "localtime", "localtimestamp", "not", "null", "offset",
        "on", "only", "or", "order", "placing", "primary", "references", "returning", "select", "session_user", "some",
        "symmetric", "table", "then", "to", "trailing", "true", "union", "unique", "user", "using", "variadic", "when", "where",
        "window", "with", "authorization", "binary", "collation", "concurrently", "cross", "current_schema", "freeze", "full",
        "ilike", "inner", "is", "isnull", "join", "left", "like", "natural", "notnull", "outer", "overlaps", "right", "similar",
        "tablesample", "verbose");

    private StringFunctions() {
    }

    private static Sig s(int n) {
        List<java.util.function.Predicate<SqlType>> p = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            p.add(Sig.TEXT);
        }
        return new Sig(p, null);
    }

    public static void register(FunctionRegistry r) {
        for (String name : List.of("length", "char_length", "character_length")) {
            r.add(name, (args, rt) -> {
                if (args.size() != 1) {
                    return null;
                }
                SqlType t = args.get(0).type().type();
                if (t == SqlType.BYTEA) {
                    return new RowFunctionExpr(name, args, INT4, true, (v, c) -> ((byte[]) v[0]).length);
                }
                if (!Sig.TEXT.test(t)) {
                    return null;
                }
                boolean bpchar = t == SqlType.BPCHAR;
                return new RowFunctionExpr(name, args, INT4, true, (v, c) -> {
                    String x = bpchar ? PgValues.rtrim((String) v[0]) : (String) v[0];
                    return x.codePointCount(0, x.length());
                });
            });
        }
        r.add("octet_length", (args, rt) -> args.size() == 1 ? new RowFunctionExpr("octet_length", args, INT4, true,
            (v, c) -> v[0] instanceof byte[] b ? b.length : ((String) v[0]).getBytes(StandardCharsets.UTF_8).length) : null);
        r.add("bit_length", (args, rt) -> args.size() == 1 ? new RowFunctionExpr("bit_length", args, INT4, true,
            (v, c) -> 8 * (v[0] instanceof byte[] b ? b.length : ((String) v[0]).getBytes(StandardCharsets.UTF_8).length)) : null);
        text(r, "lower", s(1), v -> str(v[0]).toLowerCase(Locale.ROOT));
        text(r, "upper", s(1), v -> str(v[0]).toUpperCase(Locale.ROOT));
        text(r, "initcap", s(1), v -> initcap(str(v[0])));
        for (String name : List.of("substring", "substr")) {
            r.add(name, (args, rt) -> {
                if (args.size() < 2 || args.size() > 3 || !Sig.TEXT.test(args.get(0).type().type())) {
                    return null;
                }
                if (args.size() == 2 && Sig.TEXT.test(args.get(1).type().type()) && args.get(1).type().type() != SqlType.UNKNOWN
                        || args.size() == 2 && args.get(1).type().type() == SqlType.UNKNOWN) {
                    return new RowFunctionExpr(name, castText(args), TEXT, true, (v, c) -> regexSubstring(str(v[0]), str(v[1])));
                }
                List<Expr> a = new ArrayList<>();
                a.add(Functions.cast(args.get(0), TEXT));
                for (int i = 1; i < args.size(); i++) {
                    if (!args.get(i).type().type().isNumeric() && args.get(i).type().type() != SqlType.UNKNOWN) {
                        return null;
                    }
                    a.add(Functions.cast(args.get(i), INT4));
                }
                return new RowFunctionExpr(name, a, TEXT, true,
                    (v, c) -> substr(str(v[0]), (Integer) v[1], v.length > 2 ? (Integer) v[2] : null));
            });
        }
        r.add("position", (args, rt) -> s(2).matches(args)
            ? new RowFunctionExpr("position", castText(args), INT4, true, (v, c) -> strpos(str(v[1]), str(v[0]))) : null);
        r.add("strpos", (args, rt) -> s(2).matches(args)
            ? new RowFunctionExpr("strpos", castText(args), INT4, true, (v, c) -> strpos(str(v[0]), str(v[1]))) : null);
        for (String name : List.of("btrim", "trim", "ltrim", "rtrim")) {
            boolean left = !name.equals("rtrim");
            boolean right = !name.equals("ltrim");
            text(r, name, s(1), v -> trim(str(v[0]), " ", left, right));
            text(r, name, s(2), v -> trim(str(v[0]), str(v[1]), left, right));
        }
        text(r, "replace", s(3), v -> str(v[1]).isEmpty() ? str(v[0]) : str(v[0]).replace(str(v[1]), str(v[2])));
        r.add("concat", (args, rt) -> new RowFunctionExpr("concat", args, TEXT, false, (v, c) -> {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < v.length; i++) {
                if (v[i] != null) {
                    sb.append(asText(v[i], args.get(i).type(), c.timeZone()));
                }
            }
            return sb.toString();
        }));
        r.add("concat_ws", (args, rt) -> args.isEmpty() ? null : new RowFunctionExpr("concat_ws", args, TEXT, false, (v, c) -> {
            if (v[0] == null) {
                return null;
            }
            String sep = asText(v[0], args.get(0).type(), c.timeZone());
            StringBuilder sb = new StringBuilder();
            boolean first = true;
            for (int i = 1; i < v.length; i++) {
                if (v[i] != null) {
                    if (!first) {
                        sb.append(sep);
                    }
                    sb.append(asText(v[i], args.get(i).type(), c.timeZone()));
                    first = false;
                }
            }
            return sb.toString();
        }));
        textInt(r, "left", (x, n) -> {
            int len = x.codePointCount(0, x.length());
            int k = n >= 0 ? Math.min(n, len) : Math.max(len + n, 0);
            return x.substring(0, x.offsetByCodePoints(0, k));
        });
        textInt(r, "right", (x, n) -> {
            int len = x.codePointCount(0, x.length());
            int k = n >= 0 ? Math.min(n, len) : Math.max(len + n, 0);
            return x.substring(x.offsetByCodePoints(0, len - k));
        });
        textInt(r, "repeat", (x, n) -> n <= 0 ? "" : x.repeat(n));
        for (String name : List.of("lpad", "rpad")) {
            boolean leftPad = name.equals("lpad");
            r.add(name, (args, rt) -> {
                if ((args.size() != 2 && args.size() != 3) || !Sig.TEXT.test(args.get(0).type().type())) {
                    return null;
                }
                List<Expr> a = new ArrayList<>(List.of(Functions.cast(args.get(0), TEXT), Functions.cast(args.get(1), INT4)));
                if (args.size() == 3) {
                    a.add(Functions.cast(args.get(2), TEXT));
                }
                return new RowFunctionExpr(name, a, TEXT, true, (v, c) -> pad(str(v[0]), (Integer) v[1], v.length > 2 ? str(v[2]) : " ", leftPad));
            });
        }
        text(r, "reverse", s(1), v -> new StringBuilder(str(v[0])).reverse().toString());
        r.add("split_part", (args, rt) -> args.size() == 3 && Sig.TEXT.test(args.get(0).type().type())
            ? new RowFunctionExpr("split_part", List.of(Functions.cast(args.get(0), TEXT), Functions.cast(args.get(1), TEXT),
                Functions.cast(args.get(2), INT4)), TEXT, true, (v, c) -> splitPart(str(v[0]), str(v[1]), (Integer) v[2])) : null);
        r.add("starts_with", (args, rt) -> s(2).matches(args)
            ? new RowFunctionExpr("starts_with", castText(args), BOOL, true, (v, c) -> str(v[0]).startsWith(str(v[1]))) : null);
        r.add("md5", (args, rt) -> args.size() == 1 ? new RowFunctionExpr("md5", args, TEXT, true,
            (v, c) -> md5(v[0] instanceof byte[] b ? b : str(v[0]).getBytes(StandardCharsets.UTF_8))) : null);
        r.add("to_hex", (args, rt) -> args.size() == 1 && args.get(0).type().type().isInteger()
            ? new RowFunctionExpr("to_hex", args, TEXT, true, (v, c) -> v[0] instanceof Long l ? Long.toHexString(l)
                : Integer.toHexString(((Number) v[0]).intValue())) : null);
        r.add("ascii", (args, rt) -> s(1).matches(args)
            ? new RowFunctionExpr("ascii", castText(args), INT4, true, (v, c) -> str(v[0]).isEmpty() ? 0 : str(v[0]).codePointAt(0)) : null);
        r.add("chr", (args, rt) -> args.size() == 1 && args.get(0).type().type().isInteger()
            ? new RowFunctionExpr("chr", List.of(Functions.cast(args.get(0), INT4)), TEXT, true, (v, c) -> chr((Integer) v[0])) : null);
        text(r, "translate", s(3), v -> translate(str(v[0]), str(v[1]), str(v[2])));
        text(r, "regexp_replace", s(3), v -> regexpReplace(str(v[0]), str(v[1]), str(v[2]), ""));
        text(r, "regexp_replace", s(4), v -> regexpReplace(str(v[0]), str(v[1]), str(v[2]), str(v[3])));
        text(r, "quote_ident", s(1), v -> quoteIdent(str(v[0])));
        r.add("quote_literal", (args, rt) -> args.size() == 1 ? new RowFunctionExpr("quote_literal", args, TEXT, true,
            (v, c) -> quoteLiteral(asText(v[0], args.get(0).type(), c.timeZone()))) : null);
        r.add("quote_nullable", (args, rt) -> args.size() == 1 ? new RowFunctionExpr("quote_nullable", args, TEXT, false,
            (v, c) -> v[0] == null ? "NULL" : quoteLiteral(asText(v[0], args.get(0).type(), c.timeZone()))) : null);
        r.add("format", (args, rt) -> args.isEmpty() || !Sig.TEXT.test(args.get(0).type().type()) ? null
            : new RowFunctionExpr("format", args, TEXT, false, (v, c) -> {
                if (v[0] == null) {
                    return null;
                }
                List<String> texts = new ArrayList<>();
                for (int i = 1; i < v.length; i++) {
                    texts.add(v[i] == null ? null : asText(v[i], args.get(i).type(), c.timeZone()));
                }
                return format(str(v[0]), texts);
            }));
        r.add("||", StringFunctions::concatOperator);
        r.add("like", (args, rt) -> like(args, false, false));
        r.add("not like", (args, rt) -> like(args, false, true));
        r.add("ilike", (args, rt) -> like(args, true, false));
        r.add("not ilike", (args, rt) -> like(args, true, true));
        r.add("similar to", (args, rt) -> similar(args, false));
        r.add("not similar to", (args, rt) -> similar(args, true));
        r.add("~", (args, rt) -> regex(args, false, false));
        r.add("~*", (args, rt) -> regex(args, true, false));
        r.add("!~", (args, rt) -> regex(args, false, true));
        r.add("!~*", (args, rt) -> regex(args, true, true));
    }

    private interface TextFn {
        String apply(Object[] v);
    }

    private static void text(FunctionRegistry r, String name, Sig sig, TextFn fn) {
        r.add(name, (args, rt) -> sig.matches(args) ? new RowFunctionExpr(name, castText(args), TEXT, true, (v, c) -> fn.apply(v)) : null);
    }

    private interface TextIntFn {
        String apply(String s, int n);
    }

    private static void textInt(FunctionRegistry r, String name, TextIntFn fn) {
        r.add(name, (args, rt) -> args.size() == 2 && Sig.TEXT.test(args.get(0).type().type())
            && (args.get(1).type().type().isInteger() || args.get(1).type().type() == SqlType.UNKNOWN)
            ? new RowFunctionExpr(name, List.of(Functions.cast(args.get(0), TEXT), Functions.cast(args.get(1), INT4)), TEXT, true,
                (v, c) -> fn.apply(str(v[0]), (Integer) v[1])) : null);
    }

    static List<Expr> castText(List<Expr> args) {
        return args.stream().map(a -> Functions.cast(a, TEXT)).toList();
    }

    private static String str(Object o) {
        return (String) o;
    }

    /** A value's text form for concat/format: text as is, others through their output function. */
    static String asText(Object v, ColumnType t, java.time.ZoneId zone) {
        if (v instanceof String s) {
            return t.type() == SqlType.BPCHAR ? PgValues.rtrim(s) : s;
        }
        return PgText.format(v, t, zone);
    }

    static String initcap(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        boolean wordStart = true;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                sb.append(wordStart ? Character.toUpperCase(c) : Character.toLowerCase(c));
                wordStart = false;
            } else {
                sb.append(c);
                wordStart = true;
            }
        }
        return sb.toString();
    }

    static String substr(String s, int start, Integer count) {
        if (count != null && count < 0) {
            throw new EpochException(ErrorCode.SUBSTRING_ERROR, "negative substring length not allowed");
        }
        int len = s.codePointCount(0, s.length());
        long from = start;
        long to = count == null ? Long.MAX_VALUE : (long) start + count;
        long f = Math.max(from, 1);
        long t2 = Math.min(to, len + 1L);
        if (t2 <= f) {
            return "";
        }
        int a = s.offsetByCodePoints(0, (int) (f - 1));
        int b = s.offsetByCodePoints(a, (int) (t2 - f));
        return s.substring(a, b);
    }

    static String regexSubstring(String s, String pattern) {
        Matcher m = Patterns.posix(pattern, false).matcher(s);
        if (!m.find()) {
            return null;
        }
        return m.groupCount() > 0 ? m.group(1) : m.group();
    }

    static int strpos(String hay, String needle) {
        int i = hay.indexOf(needle);
        return i < 0 ? 0 : hay.codePointCount(0, i) + 1;
    }

    static String trim(String s, String chars, boolean left, boolean right) {
        int a = 0;
        int b = s.length();
        if (left) {
            while (a < b && chars.indexOf(s.charAt(a)) >= 0) {
                a++;
            }
        }
        if (right) {
            while (b > a && chars.indexOf(s.charAt(b - 1)) >= 0) {
                b--;
            }
        }
        return s.substring(a, b);
    }

    static String pad(String s, int len, String fill, boolean left) {
        int n = s.codePointCount(0, s.length());
        if (len <= 0) {
            return "";
        }
        if (n >= len) {
            return s.substring(0, s.offsetByCodePoints(0, len));
        }
        if (fill.isEmpty()) {
            return s;
        }
        StringBuilder p = new StringBuilder();
        int need = len - n;
        int[] cps = fill.codePoints().toArray();
        for (int i = 0; i < need; i++) {
            p.appendCodePoint(cps[i % cps.length]);
        }
        return left ? p + s : s + p;
    }

    static String splitPart(String s, String delim, int n) {
        if (n == 0) {
            throw new EpochException(ErrorCode.INVALID_PARAMETER_VALUE, "field position must not be zero");
        }
        List<String> parts = new ArrayList<>();
        if (delim.isEmpty()) {
            parts.add(s);
        } else {
            int from = 0;
            while (true) {
                int i = s.indexOf(delim, from);
                if (i < 0) {
                    parts.add(s.substring(from));
                    break;
                }
                parts.add(s.substring(from, i));
                from = i + delim.length();
            }
        }
        if (s.isEmpty()) {
            return "";
        }
        int idx = n > 0 ? n - 1 : parts.size() + n;
        return idx >= 0 && idx < parts.size() ? parts.get(idx) : "";
    }

    static String md5(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(b));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String chr(int code) {
        if (code == 0) {
            throw new EpochException(ErrorCode.PROGRAM_LIMIT_EXCEEDED, "null character not permitted");
        }
        if (code < 0 || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) {
            throw new EpochException(ErrorCode.PROGRAM_LIMIT_EXCEEDED, "requested character too large for encoding: " + code);
        }
        return new String(Character.toChars(code));
    }

    static String translate(String s, String from, String to) {
        int[] f = from.codePoints().toArray();
        int[] t = to.codePoints().toArray();
        StringBuilder sb = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> {
            int idx = -1;
            for (int i = 0; i < f.length; i++) {
                if (f[i] == cp) {
                    idx = i;
                    break;
                }
            }
            if (idx < 0) {
                sb.appendCodePoint(cp);
            } else if (idx < t.length) {
                sb.appendCodePoint(t[idx]);
            }
        });
        return sb.toString();
    }

    static String regexpReplace(String s, String pattern, String replacement, String flags) {
        boolean global = flags.indexOf('g') >= 0;
        boolean ci = flags.indexOf('i') >= 0;
        for (char f : flags.toCharArray()) {
            if ("gicnpswx".indexOf(f) < 0) {
                throw new EpochException(ErrorCode.INVALID_PARAMETER_VALUE, "invalid regular expression option: \"" + f + "\"");
            }
        }
        Matcher m = Patterns.posix(pattern, ci).matcher(s);
        String rep = Patterns.replacement(replacement);
        return global ? m.replaceAll(rep) : m.replaceFirst(rep);
    }

    public static String quoteIdent(String s) {
        boolean safe = !s.isEmpty() && (Character.isLowerCase(s.charAt(0)) || s.charAt(0) == '_') && !RESERVED.contains(s);
        for (int i = 0; i < s.length() && safe; i++) {
            char c = s.charAt(i);
            safe = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
        }
        return safe ? s : "\"" + s.replace("\"", "\"\"") + "\"";
    }

    public static String quoteLiteral(String s) {
        String q = "'" + s.replace("'", "''") + "'";
        if (s.indexOf('\\') >= 0) {
            return "E" + q.replace("\\", "\\\\");
        }
        return q;
    }

    static String format(String fmt, List<String> args) {
        StringBuilder sb = new StringBuilder();
        int next = 0;
        for (int i = 0; i < fmt.length(); i++) {
            char c = fmt.charAt(i);
            if (c != '%') {
                sb.append(c);
                continue;
            }
            if (++i >= fmt.length()) {
                throw new EpochException(ErrorCode.INVALID_PARAMETER_VALUE, "unterminated format() type specifier")
                    .withHint("For a single \"%\" use \"%%\".");
            }
            char k = fmt.charAt(i);
            if (k == '%') {
                sb.append('%');
                continue;
            }
            int argIndex = -1;
            int j = i;
            while (j < fmt.length() && Character.isDigit(fmt.charAt(j))) {
                j++;
            }
            if (j > i && j < fmt.length() && fmt.charAt(j) == '$') {
                argIndex = Integer.parseInt(fmt.substring(i, j)) - 1;
                i = j + 1;
            }
            boolean leftAlign = false;
            if (i < fmt.length() && fmt.charAt(i) == '-') {
                leftAlign = true;
                i++;
            }
            int w = i;
            while (i < fmt.length() && Character.isDigit(fmt.charAt(i))) {
                i++;
            }
            int width = i > w ? Integer.parseInt(fmt.substring(w, i)) : 0;
            if (i >= fmt.length()) {
                throw new EpochException(ErrorCode.INVALID_PARAMETER_VALUE, "unterminated format() type specifier")
                    .withHint("For a single \"%\" use \"%%\".");
            }
            k = fmt.charAt(i);
            int idx = argIndex >= 0 ? argIndex : next;
            next = idx + 1;
            if (idx >= args.size()) {
                throw new EpochException(ErrorCode.INVALID_PARAMETER_VALUE, "too few arguments for format()");
            }
            String a = args.get(idx);
            String out = switch (k) {
                case 's' -> a == null ? "" : a;
                case 'I' -> {
                    if (a == null) {
                        throw new EpochException(ErrorCode.NULL_VALUE_NOT_ALLOWED, "null values cannot be formatted as an SQL identifier");
                    }
                    yield quoteIdent(a);
                }
                case 'L' -> a == null ? "NULL" : quoteLiteral(a);
                default -> throw new EpochException(ErrorCode.INVALID_PARAMETER_VALUE, "unrecognized format() type specifier \"" + k + "\"")
                    .withHint("For a single \"%\" use \"%%\".");
            };
            if (out.length() < width) {
                out = leftAlign ? out + " ".repeat(width - out.length()) : " ".repeat(width - out.length()) + out;
            }
            sb.append(out);
        }
        return sb.toString();
    }

    private static Expr concatOperator(List<Expr> args, ColumnType rt) {
        if (args.size() != 2) {
            return null;
        }
        SqlType a = args.get(0).type().type();
        SqlType b = args.get(1).type().type();
        if (a.isArray() || b.isArray() || rt.type().isArray()) {
            return null; // array concatenation lives with the array functions
        }
        if (a == SqlType.BYTEA && b == SqlType.BYTEA) {
            return new RowFunctionExpr("||", args, ColumnType.of(SqlType.BYTEA), true, (v, c) -> {
                byte[] x = (byte[]) v[0];
                byte[] y = (byte[]) v[1];
                byte[] out = Arrays.copyOf(x, x.length + y.length);
                System.arraycopy(y, 0, out, x.length, y.length);
                return out;
            });
        }
        if (!(Sig.TEXT.test(a) || Sig.TEXT.test(b)) && !(a == SqlType.JSONB || a == SqlType.JSON)) {
            return null;
        }
        List<ColumnType> types = List.of(args.get(0).type(), args.get(1).type());
        return new RowFunctionExpr("||", args, TEXT, true,
            (v, c) -> asText(v[0], types.get(0), c.timeZone()) + asText(v[1], types.get(1), c.timeZone()));
    }

    /** Remembers the last compiled pattern of one expression: patterns are almost always the same on every row. */
    private static final class LastPattern {
        private record Entry(String key, Pattern pattern) {
        }

        private volatile Entry last = new Entry(null, null);

        Pattern get(String key, java.util.function.Supplier<Pattern> compile) {
            Entry e = last;
            if (key.equals(e.key)) {
                return e.pattern;
            }
            Pattern p = compile.get();
            last = new Entry(key, p);
            return p;
        }
    }

    private static Expr like(List<Expr> args, boolean ci, boolean negate) {
        if ((args.size() != 2 && args.size() != 3) || !args.stream().allMatch(e -> Sig.TEXT.test(e.type().type()))) {
            return null;
        }
        List<Expr> a = castText(args);
        LastPattern cache = new LastPattern();
        return new RowFunctionExpr(ci ? "ilike" : "like", a, BOOL, true, (v, c) -> {
            String esc = v.length > 2 ? str(v[2]) : null;
            Pattern p = cache.get(str(v[1]) + (esc == null ? "" : "\u0000" + esc), () -> Patterns.like(str(v[1]), esc, ci));
            return p.matcher(str(v[0])).matches() != negate;
        });
    }

    private static Expr similar(List<Expr> args, boolean negate) {
        if ((args.size() != 2 && args.size() != 3) || !args.stream().allMatch(e -> Sig.TEXT.test(e.type().type()))) {
            return null;
        }
        return new RowFunctionExpr("similar to", castText(args), BOOL, true, (v, c) ->
            Patterns.similar(str(v[1]), v.length > 2 ? str(v[2]) : null).matcher(str(v[0])).matches() != negate);
    }

    private static Expr regex(List<Expr> args, boolean ci, boolean negate) {
        if (!s(2).matches(args)) {
            return null;
        }
        LastPattern cache = new LastPattern();
        return new RowFunctionExpr("~", castText(args), BOOL, true, (v, c) ->
            cache.get(str(v[1]), () -> Patterns.posix(str(v[1]), ci)).matcher(str(v[0])).find() != negate);
    }
}
