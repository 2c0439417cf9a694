package io.epochdb.planner.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The token-level bridge between PostgreSQL's SQL dialect and Calcite's Babel parser (see DESIGN.md, "Planning"):
 * the one place that rewrites query text, always on tokens, never with regular expressions.
 *
 * <ul>
 *   <li>{@code $n} becomes {@code ?}; {@link Result#paramNumbers} maps each {@code ?} back to n;</li>
 *   <li>every string form (E'', $$..$$, U&amp;'') becomes a standard literal;</li>
 *   <li>{@code INTERVAL '5 minutes'} and {@code type 'literal'} become {@code CAST('...' AS type)}, so that
 *       PostgreSQL's input syntax is parsed by EpochDB's own value parser, not Calcite's;</li>
 *   <li>words PostgreSQL does not reserve but Calcite does ({@code time}, {@code date}, {@code timestamp},
 *       {@code value}, ...) are quoted where they are used as names;</li>
 *   <li>{@code first(}, {@code last(}, {@code date_trunc(} become quoted function names, because Calcite's grammar
 *       binds them to other meanings;</li>
 *   <li>{@code x AT TIME ZONE z} becomes {@code timezone(z, x)}; {@code type[]} becomes {@code type ARRAY};
 *       {@code timestamp with time zone} becomes {@code timestamptz}; {@code !=} becomes {@code <>}.</li>
 * </ul>
 */
public final class CalciteSqlRewriter {
    /** Words reserved in Calcite that PostgreSQL users use as column names. */
    private static final Set<String> NAME_WORDS = Set.of("value", "year", "month", "day", "hour", "minute", "second",
        "result");
    private static final Set<String> DATETIME_WORDS = Set.of("time", "date", "timestamp");
    private static final Set<String> QUOTED_FUNCTIONS = Set.of("first", "last", "date_trunc", "date_part",
        "percentile_cont", "percentile_disc", "mode");
    /** Type names that may prefix a string literal ({@code timestamptz '2024-01-01'}). */
    private static final Set<String> LITERAL_TYPES = Set.of("timestamptz", "timestamp", "date", "time", "interval",
        "int", "int2", "int4", "int8", "integer", "bigint", "smallint", "numeric", "decimal", "text", "varchar",
        "boolean", "bool", "float4", "float8", "real", "uuid", "json", "jsonb", "bytea", "name", "oid", "regclass",
        "regtype", "inet", "char", "bpchar");
    private static final Set<String> INTERVAL_UNITS = Set.of("year", "month", "day", "hour", "minute", "second");

    /** Rewritten text and, for each {@code ?} in it, the PostgreSQL parameter number it stands for. */
    public record Result(String sql, List<Integer> paramNumbers) {
    }

    private final List<Token> tokens;
    private final java.util.function.IntFunction<String> paramCast;
    private final StringBuilder out = new StringBuilder();
    private final List<Integer> paramNumbers = new ArrayList<>();
    /** Paren depth at which an open CAST( sits, innermost last. */
    private final List<Integer> castDepths = new ArrayList<>();
    private int depth;

    private CalciteSqlRewriter(List<Token> tokens, java.util.function.IntFunction<String> paramCast) {
        this.tokens = tokens;
        this.paramCast = paramCast;
    }

    public static Result rewrite(String sql) {
        return rewrite(PgLexer.tokenize(sql), n -> null);
    }

    /**
     * @param paramCast for parameter number n, the Calcite type name the client declared for it (the parameter is
     *     then written as {@code CAST(? AS type)}), or null to let Calcite infer it
     */
    public static Result rewrite(List<Token> tokens, java.util.function.IntFunction<String> paramCast) {
        CalciteSqlRewriter r = new CalciteSqlRewriter(significant(tokens), paramCast);
        r.run();
        return new Result(r.out.toString(), List.copyOf(r.paramNumbers));
    }

    private static List<Token> significant(List<Token> all) {
        List<Token> out = new ArrayList<>();
        for (Token t : all) {
            if (t.kind() != Token.Kind.SPACE) {
                out.add(t);
            }
        }
        return out;
    }

    private void run() {
        List<Token> rewritten = rewritePower(rewriteAtTimeZone(rewriteCasts(stripCatalogQualifiers(
            io.epochdb.planner.catalog.CatalogQueryShims.apply(tokens)))));
        for (int i = 0; i < rewritten.size(); i++) {
            i = emit(rewritten, i);
        }
    }

    /** Emits token i (and possibly following ones it absorbs); returns the index of the last token consumed. */
    private int emit(List<Token> ts, int i) {
        Token t = ts.get(i);
        Token prev = i > 0 ? ts.get(i - 1) : null;
        Token next = i + 1 < ts.size() ? ts.get(i + 1) : null;
        switch (t.kind()) {
            case PARAM -> {
                int n = Integer.parseInt(t.value());
                paramNumbers.add(n);
                // Calcite's grammar takes only a bare ? after LIMIT/OFFSET/FETCH FIRST: no declared-type cast there
                boolean rowCount = prev != null && (prev.isWord("limit") || prev.isWord("offset") || prev.isWord("first")
                    || prev.isWord("next"));
                String type = rowCount ? null : paramCast.apply(n);
                append(type == null ? "?" : "CAST(? AS " + type + ")");
                return i;
            }
            case STRING -> {
                appendLiteral(t.value());
                return i;
            }
            case BIT_STRING -> {
                append(t.value().startsWith("x") ? "X'" + t.value().substring(1) + "'" : "'" + t.value().substring(1) + "'");
                return i;
            }
            case QUOTED_IDENT -> {
                append('"' + t.value().replace("\"", "\"\"") + '"');
                return i;
            }
            case NUMBER -> {
                append(t.text());
                return i;
            }
            case SYMBOL -> {
                return emitSymbol(ts, i);
            }
            default -> {
            }
        }
        String w = t.value();
        boolean afterDot = prev != null && prev.isSymbol(".");
        boolean typeContext = isTypeContext(prev);
        // timestamp/time with[out] time zone
        if ((w.equals("timestamp") || w.equals("time")) && next != null && (next.isWord("with") || next.isWord("without"))
            && i + 3 < ts.size() && ts.get(i + 2).isWord("time") && ts.get(i + 3).isWord("zone")) {
            boolean with = next.isWord("with");
            String type = w.equals("timestamp") ? (with ? "timestamptz" : "timestamp") : "time";
            if (i + 4 < ts.size() && ts.get(i + 4).kind() == Token.Kind.STRING && !typeContext) {
                appendCast(ts.get(i + 4).value(), type);
                return i + 4;
            }
            append(type.equals("timestamptz") ? "timestamptz" : type.toUpperCase());
            return i + 3;
        }
        if (!afterDot && !typeContext && LITERAL_TYPES.contains(w) && next != null && next.kind() == Token.Kind.STRING) {
            if (w.equals("interval")) {
                // INTERVAL '1' DAY [TO SECOND]: fold the qualifier into the string, PostgreSQL-style
                StringBuilder text = new StringBuilder(next.value());
                int j = i + 2;
                if (j < ts.size() && ts.get(j).kind() == Token.Kind.WORD && INTERVAL_UNITS.contains(ts.get(j).value())) {
                    String unit = ts.get(j).value();
                    if (j + 2 < ts.size() && ts.get(j + 1).isWord("to") && INTERVAL_UNITS.contains(ts.get(j + 2).value())) {
                        j += 2; // '1 02:00' DAY TO MINUTE: PostgreSQL's input syntax already says it
                    } else if (isBareNumber(next.value())) {
                        text.append(' ').append(unit);
                    }
                    return emitCast(text.toString(), "interval", j);
                }
                return emitCast(text.toString(), "interval", i + 1);
            }
            return emitCast(next.value(), w, i + 1);
        }
        if (w.equals("interval") && !(next != null && next.kind() == Token.Kind.STRING)) {
            append("pginterval");
            return i;
        }
        if (afterDot && (DATETIME_WORDS.contains(w) || NAME_WORDS.contains(w))) {
            // a qualified column: cpu.time, t.value
            append('"' + w + '"');
            return i;
        }
        if (DATETIME_WORDS.contains(w) && !afterDot) {
            if (typeContext || (next != null && (next.isWord("with") || next.isWord("without")))
                || (prev != null && prev.isWord("at"))) {
                append(w.toUpperCase());
            } else if (next != null && next.isSymbol("(") && !w.equals("time")) {
                append('"' + w + '"');
            } else {
                append('"' + w + '"');
            }
            return i;
        }
        if (next != null && next.isSymbol("=>") && !afterDot) {
            // a named argument (interpolate's next => ...): the name may be a word Calcite reserves
            append('"' + w + '"');
            return i;
        }
        if (next != null && next.isSymbol("(") && QUOTED_FUNCTIONS.contains(w) && !afterDot) {
            append('"' + w + '"');
            return i;
        }
        if ((w.equals("left") || w.equals("right")) && next != null && next.isSymbol("(") && !isJoinContext(prev)) {
            append('"' + w + '"');
            return i;
        }
        if (NAME_WORDS.contains(w) && !(next != null && next.isSymbol("(")) && !isKeywordUse(w, prev, next)) {
            append('"' + w + '"');
            return i;
        }
        if (w.equals("cast") && next != null && next.isSymbol("(")) {
            append("CAST");
            castDepths.add(depth + 1);
            return i;
        }
        if (w.equals("limit") && next != null && (next.isWord("all") || next.isWord("null"))) {
            return i + 1;
        }
        append(t.text().equals(w) || t.text().toLowerCase().equals(w) ? t.text() : w);
        return i;
    }

    private static boolean isBareNumber(String s) {
        String trimmed = s.trim();
        if (trimmed.isEmpty()) {
            return false;
        }
        for (int k = 0; k < trimmed.length(); k++) {
            char c = trimmed.charAt(k);
            if (!(Character.isDigit(c) || c == '.' || c == '-' || c == '+')) {
                return false;
            }
        }
        return true;
    }

    private static boolean isJoinContext(Token prev) {
        return prev != null && prev.kind() == Token.Kind.WORD && (prev.value().equals("natural"));
    }

    /** The few places Calcite's grammar uses these words as keywords. */
    private static boolean isKeywordUse(String w, Token prev, Token next) {
        if (w.equals("value") && prev != null && prev.isWord("next")) {
            return true;
        }
        if (INTERVAL_UNITS.contains(w)) {
            // EXTRACT(YEAR FROM x), INTERVAL ... DAY TO SECOND, time_bucket units
            if (next != null && (next.isWord("from") || next.isWord("to"))) {
                return true;
            }
            if (prev != null && prev.isWord("to")) {
                return true;
            }
        }
        return false;
    }

    private boolean isTypeContext(Token prev) {
        if (prev == null) {
            return false;
        }
        if (prev.isSymbol("::")) {
            return true;
        }
        return prev.isWord("as") && !castDepths.isEmpty() && castDepths.get(castDepths.size() - 1) == depth;
    }

    private int emitSymbol(List<Token> ts, int i) {
        Token t = ts.get(i);
        String s = t.text();
        switch (s) {
            case "(" -> depth++;
            case ")" -> {
                if (!castDepths.isEmpty() && castDepths.get(castDepths.size() - 1) == depth) {
                    castDepths.remove(castDepths.size() - 1);
                }
                depth--;
            }
            case "!=" -> s = "<>";
            case "[" -> {
                if (i + 1 < ts.size() && ts.get(i + 1).isSymbol("]") && i > 0
                    && (ts.get(i - 1).kind() == Token.Kind.WORD || ts.get(i - 1).isSymbol(")"))) {
                    append(" ARRAY");
                    return i + 1;
                }
            }
            default -> {
            }
        }
        append(s);
        return i;
    }

    private int emitCast(String literal, String type, int lastConsumed) {
        appendCast(literal, type);
        return lastConsumed;
    }

    private void appendCast(String literal, String type) {
        String calciteType = switch (type) {
            case "interval" -> "pginterval";
            case "time", "date", "timestamp", "int", "integer", "bigint", "smallint", "numeric", "decimal",
                 "varchar", "boolean", "real", "char" -> type.toUpperCase();
            default -> type;
        };
        append("CAST(");
        appendLiteral(literal);
        append(" AS " + calciteType + ")");
    }

    private void appendLiteral(String value) {
        append("'" + value.replace("'", "''") + "'");
    }

    private void append(String s) {
        if (out.length() > 0) {
            char last = out.charAt(out.length() - 1);
            boolean glue = s.equals(".") || s.equals(",") || s.equals(")") || s.equals("::") || last == '.'
                || last == '(' || s.equals("(") && (Character.isLetterOrDigit(last) || last == '"');
            if (s.equals("(") && !(Character.isLetterOrDigit(last) || last == '"' || last == '_')) {
                glue = false;
            }
            if (!glue && last != ' ') {
                out.append(' ');
            }
            if (last == ':' && s.equals("::")) {
                out.append(' ');
            }
        }
        out.append(s);
    }

    /**
     * (catalog work) Client catalog queries (psql's \\d, pgjdbc, DBeaver) spell built-ins fully qualified. On the
     * token list: {@code OPERATOR(pg_catalog.~)} becomes {@code ~}; {@code COLLATE pg_catalog.default} and
     * {@code COLLATE "C"} are dropped (EpochDB has one collation); {@code pg_catalog.} is dropped before a function
     * name ({@code pg_catalog.format_type(}) and before a type name after {@code ::}, so the operator table and the
     * type aliases resolve them; {@code ::regnamespace} and {@code ::regrole} become {@code ::oid}.
     */
    static List<Token> stripCatalogQualifiers(List<Token> in) {
        List<Token> out = new ArrayList<>(in.size());
        for (int i = 0; i < in.size(); i++) {
            Token t = in.get(i);
            // OPERATOR ( [schema .] op )
            if (t.isWord("operator") && i + 1 < in.size() && in.get(i + 1).isSymbol("(")) {
                int j = i + 2;
                if (j + 1 < in.size() && in.get(j).kind() == Token.Kind.WORD && in.get(j + 1).isSymbol(".")) {
                    j += 2;
                }
                if (j + 1 < in.size() && in.get(j).kind() == Token.Kind.SYMBOL && in.get(j + 1).isSymbol(")")) {
                    out.add(in.get(j));
                    i = j + 1;
                    continue;
                }
            }
            // COLLATE [schema .] name
            if (t.isWord("collate") && i + 1 < in.size()) {
                int j = i + 1;
                if (j + 2 < in.size() && in.get(j).kind() == Token.Kind.WORD && in.get(j + 1).isSymbol(".")) {
                    j += 2;
                }
                Token name = in.get(j);
                if (name.kind() == Token.Kind.WORD || name.kind() == Token.Kind.QUOTED_IDENT) {
                    i = j;
                    continue;
                }
            }
            // pg_catalog . fn (    and    :: pg_catalog . type
            if (t.isWord("pg_catalog") && i + 2 < in.size() && in.get(i + 1).isSymbol(".")
                && in.get(i + 2).kind() == Token.Kind.WORD) {
                boolean call = i + 3 < in.size() && in.get(i + 3).isSymbol("(");
                boolean type = i > 0 && in.get(i - 1).isSymbol("::");
                if (call || type) {
                    i += 1;
                    continue;
                }
            }
            if (t.kind() == Token.Kind.WORD && (t.value().equals("regnamespace") || t.value().equals("regrole"))
                && !out.isEmpty() && out.get(out.size() - 1).isSymbol("::")) {
                out.add(new Token(Token.Kind.WORD, "oid", "oid", t.start(), t.end()));
                continue;
            }
            out.add(t);
        }
        return out;
    }

    /**
     * Rewrites {@code a ^ b} into {@code power(a, b)}: Calcite has no exponent operator. Both operands are primary
     * expressions (PostgreSQL gives {@code ^} a higher precedence than {@code *} and {@code /}); chains associate
     * to the left, as in PostgreSQL.
     */
    static List<Token> rewritePower(List<Token> in) {
        List<Token> ts = new ArrayList<>(in);
        for (int i = 1; i + 1 < ts.size(); i++) {
            if (!ts.get(i).isSymbol("^")) {
                continue;
            }
            int leftStart = primaryStart(ts, i - 1);
            int rightStart = i + 1;
            boolean negative = ts.get(rightStart).isSymbol("-");
            int rightEnd = primaryEnd(ts, negative ? rightStart + 1 : rightStart);
            if (leftStart < 0 || rightEnd < 0) {
                continue;
            }
            List<Token> call = new ArrayList<>();
            call.add(new Token(Token.Kind.WORD, "power", "power", 0, 0));
            call.add(new Token(Token.Kind.SYMBOL, "(", "(", 0, 0));
            call.addAll(ts.subList(leftStart, i));
            call.add(new Token(Token.Kind.SYMBOL, ",", ",", 0, 0));
            call.addAll(ts.subList(rightStart, rightEnd + 1));
            call.add(new Token(Token.Kind.SYMBOL, ")", ")", 0, 0));
            ts.subList(leftStart, rightEnd + 1).clear();
            ts.addAll(leftStart, call);
            i = leftStart;
        }
        return ts;
    }

    /**
     * Rewrites {@code x::type} into {@code CAST(x AS type)}: in PostgreSQL {@code ::} binds tighter than any
     * operator, but Babel's grammar gives it a lower precedence ({@code a - b::date} would cast {@code a - b}).
     */
    static List<Token> rewriteCasts(List<Token> in) {
        List<Token> ts = new ArrayList<>(in);
        for (int i = 1; i < ts.size(); i++) {
            if (!ts.get(i).isSymbol("::")) {
                continue;
            }
            int opStart = primaryStart(ts, i - 1);
            int typeEnd = typeEnd(ts, i + 1);
            if (opStart < 0 || typeEnd < 0) {
                continue;
            }
            List<Token> operand = new ArrayList<>(ts.subList(opStart, i));
            List<Token> type = new ArrayList<>(ts.subList(i + 1, typeEnd + 1));
            List<Token> cast = new ArrayList<>();
            cast.add(new Token(Token.Kind.WORD, "cast", "cast", 0, 0));
            cast.add(new Token(Token.Kind.SYMBOL, "(", "(", 0, 0));
            cast.addAll(operand);
            cast.add(new Token(Token.Kind.WORD, "as", "as", 0, 0));
            cast.addAll(type);
            cast.add(new Token(Token.Kind.SYMBOL, ")", ")", 0, 0));
            ts.subList(opStart, typeEnd + 1).clear();
            ts.addAll(opStart, cast);
            i = opStart;
        }
        return ts;
    }

    /** The last token of a type name starting at {@code start} ({@code double precision}, {@code numeric(10,2)}, {@code int[]}). */
    private static int typeEnd(List<Token> ts, int start) {
        int i = start;
        if (i >= ts.size()) {
            return -1;
        }
        if (i + 2 < ts.size() && ts.get(i).isWord("pg_catalog") && ts.get(i + 1).isSymbol(".")) {
            i += 2;
        }
        Token t = ts.get(i);
        if (t.kind() != Token.Kind.WORD && t.kind() != Token.Kind.QUOTED_IDENT) {
            return -1;
        }
        String w = t.value();
        if ((w.equals("double") && i + 1 < ts.size() && ts.get(i + 1).isWord("precision"))
            || ((w.equals("character") || w.equals("char")) && i + 1 < ts.size() && ts.get(i + 1).isWord("varying"))) {
            i++;
        }
        if ((w.equals("timestamp") || w.equals("time")) && i + 3 < ts.size()
            && (ts.get(i + 1).isWord("with") || ts.get(i + 1).isWord("without"))
            && ts.get(i + 2).isWord("time") && ts.get(i + 3).isWord("zone")) {
            i += 3;
        }
        if (i + 1 < ts.size() && ts.get(i + 1).isSymbol("(")) {
            int d = 0;
            for (int j = i + 1; j < ts.size(); j++) {
                if (ts.get(j).isSymbol("(")) {
                    d++;
                } else if (ts.get(j).isSymbol(")")) {
                    d--;
                    if (d == 0) {
                        i = j;
                        break;
                    }
                }
            }
        }
        while (i + 2 < ts.size() && ts.get(i + 1).isSymbol("[") && ts.get(i + 2).isSymbol("]")) {
            i += 2;
        }
        return i;
    }

    /**
     * Rewrites {@code <operand> AT TIME ZONE <zone>} into {@code timezone(<zone>, <operand>)} on the token list, where
     * the operand is the primary expression just before AT: a parenthesised expression or function call, a
     * (qualified) name, a literal, each with trailing {@code ::type} casts.
     */
    static List<Token> rewriteAtTimeZone(List<Token> in) {
        List<Token> ts = new ArrayList<>(in);
        for (int i = 0; i + 3 < ts.size(); i++) {
            if (!(ts.get(i).isWord("at") && ts.get(i + 1).isWord("time") && ts.get(i + 2).isWord("zone"))) {
                continue;
            }
            int opStart = primaryStart(ts, i - 1);
            int zoneEnd = primaryEnd(ts, i + 3);
            if (opStart < 0 || zoneEnd < 0) {
                continue;
            }
            List<Token> operand = new ArrayList<>(ts.subList(opStart, i));
            List<Token> zone = new ArrayList<>(ts.subList(i + 3, zoneEnd + 1));
            List<Token> call = new ArrayList<>();
            call.add(new Token(Token.Kind.WORD, "timezone", "timezone", 0, 0));
            call.add(new Token(Token.Kind.SYMBOL, "(", "(", 0, 0));
            call.addAll(zone);
            call.add(new Token(Token.Kind.SYMBOL, ",", ",", 0, 0));
            call.addAll(operand);
            call.add(new Token(Token.Kind.SYMBOL, ")", ")", 0, 0));
            ts.subList(opStart, zoneEnd + 1).clear();
            ts.addAll(opStart, call);
            i = opStart;
        }
        return ts;
    }

    /** Keywords that may precede a parenthesised expression and are never a function's name. */
    private static final java.util.Set<String> NOT_FUNCTION_NAMES = java.util.Set.of("select", "where", "and", "or",
        "not", "when", "then", "else", "in", "by", "on", "having", "return", "returning", "as", "distinct", "all",
        "any", "some", "from", "using", "is", "like", "ilike", "between", "case", "set", "values", "limit", "offset");

    private static int primaryStart(List<Token> ts, int end) {
        int i = end;
        if (i < 0) {
            return -1;
        }
        // trailing ::type casts
        while (i >= 2 && ts.get(i - 1).isSymbol("::") && ts.get(i).kind() == Token.Kind.WORD) {
            i -= 2;
        }
        Token t = ts.get(i);
        // an array constructor or subscript: ARRAY[1,2]::int[], a[1]::text
        while (i > 0 && ts.get(i).isSymbol("]")) {
            int d = 0;
            for (; i >= 0; i--) {
                if (ts.get(i).isSymbol("]")) {
                    d++;
                } else if (ts.get(i).isSymbol("[")) {
                    d--;
                    if (d == 0) {
                        break;
                    }
                }
            }
            if (i > 0) {
                i--;
            }
            t = ts.get(i);
        }
        if (t.isSymbol(")")) {
            int d = 0;
            for (; i >= 0; i--) {
                if (ts.get(i).isSymbol(")")) {
                    d++;
                } else if (ts.get(i).isSymbol("(")) {
                    d--;
                    if (d == 0) {
                        break;
                    }
                }
            }
            // a function call f(...)::type, but not a keyword before a parenthesised operand: SELECT (x)::type
            if (i > 0 && (ts.get(i - 1).kind() == Token.Kind.QUOTED_IDENT
                || (ts.get(i - 1).kind() == Token.Kind.WORD && !NOT_FUNCTION_NAMES.contains(ts.get(i - 1).value())))) {
                i--;
            }
        }
        while (i >= 2 && ts.get(i - 1).isSymbol(".")) {
            i -= 2;
        }
        // a typed literal: timestamptz '2024-01-01'
        if (i >= 1 && ts.get(i).kind() == Token.Kind.STRING && ts.get(i - 1).kind() == Token.Kind.WORD
            && LITERAL_TYPES.contains(ts.get(i - 1).value())) {
            i--;
        }
        return i;
    }

    private static int primaryEnd(List<Token> ts, int start) {
        if (start >= ts.size()) {
            return -1;
        }
        int i = start;
        Token t = ts.get(i);
        if (t.isSymbol("(")) {
            int d = 0;
            for (; i < ts.size(); i++) {
                if (ts.get(i).isSymbol("(")) {
                    d++;
                } else if (ts.get(i).isSymbol(")")) {
                    d--;
                    if (d == 0) {
                        break;
                    }
                }
            }
        }
        while (i + 2 < ts.size() && ts.get(i + 1).isSymbol(".")) {
            i += 2;
        }
        while (i + 2 < ts.size() && ts.get(i + 1).isSymbol("::") && ts.get(i + 2).kind() == Token.Kind.WORD) {
            i += 2;
        }
        return i;
    }
}
