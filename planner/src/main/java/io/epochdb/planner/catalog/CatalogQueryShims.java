package io.epochdb.planner.catalog;

import io.epochdb.planner.parse.PgLexer;
import io.epochdb.planner.parse.Token;
import java.util.ArrayList;
import java.util.List;

/**
 * Token rewrites for constructs that well-known clients put in their catalog queries and that the planner cannot
 * run as written. Each rule is keyed on a distinctive token sequence and replaces one bounded fragment (a
 * parenthesised group or a CASE ... END); none looks at SQL text with regular expressions.
 *
 * <ul>
 *   <li>pgjdbc's {@code information_schema._pg_expandarray(arr)} (a set-returning function in the select list
 *       of getPrimaryKeys and getIndexInfo) becomes a join with {@code VALUES (1) .. (32)} (INDEX_MAX_KEYS)
 *       limited by {@code array_length(arr, 1)}: {@code (...).n} is the position, {@code (...).x} the element;</li>
 *   <li>Grafana's {@code string_to_array(current_setting('search_path'), ',') s} in FROM (a scalar function
 *       used as a one-row table) becomes a sub-select;</li>
 *   <li>{@code x = ANY(array)} (not over a sub-query) becomes an {@code array_position} test;</li>
 *   <li>{@code generate_series(f(x), ...)} gets its first argument parenthesised (Calcite's grammar);</li>
 *   <li>psql 15 fragments over catalogs that are always empty here (policies, publications, role membership,
 *       TOAST options) become constants of the same type, because they need correlated array sub-queries the
 *       planner does not support; pgjdbc's indoption bit test becomes 0 (no descending index keys).</li>
 * </ul>
 */
public final class CatalogQueryShims {
    private CatalogQueryShims() {
    }

    private record Rule(List<Token> pattern, List<Token> replacement) {
    }

    private static final List<Rule> RULES = new ArrayList<>();

    private static void rule(String pattern, String replacement) {
        RULES.add(new Rule(tokens(pattern), tokens(replacement)));
    }

    static {
        // psql \d+: TOAST reloptions
        rule("c.reloptions || array(select 'toast.' || x from pg_catalog.unnest(tc.reloptions) x)", "c.reloptions");
        // psql \du: role membership (EpochDB has none)
        rule("ARRAY(SELECT b.rolname FROM pg_catalog.pg_auth_members m", "CAST('{}' AS text[])");
        // psql \d: row-level security policies (always empty)
        rule("CASE WHEN pol.polroles = '{0}'", "CAST(NULL AS text)");
        // psql \d: publication column lists (always empty)
        rule("(CASE WHEN pr.prattrs IS NOT NULL THEN", "CAST(NULL AS text)");
        // pgjdbc getIndexInfo: descending-key bit of indoption (EpochDB indexes are ascending)
        rule("tmp.I_INDOPTION[tmp.ORDINAL_POSITION - 1] & 1::smallint", "0");
        // Grafana: the search path as a one-row table
        rule(", string_to_array(current_setting('search_path'),',') s",
            ", (SELECT string_to_array(current_setting('search_path'),',') AS s) s");
    }

    private static List<Token> tokens(String sql) {
        List<Token> out = new ArrayList<>();
        for (Token t : PgLexer.tokenize(sql)) {
            if (t.kind() != Token.Kind.SPACE) {
                out.add(t);
            }
        }
        return out;
    }

    /** Applies every rule to a statement's significant tokens (no whitespace tokens). */
    public static List<Token> apply(List<Token> in) {
        if (!mayNeedShim(in)) {
            return in;
        }
        List<Token> ts = in;
        for (Rule r : RULES) {
            ts = applyRule(ts, r);
        }
        return expandArrays(rewriteAnyOfArray(parenthesizeSeriesStart(ts)));
    }

    /**
     * {@code x = ANY(array_expression)} (not a sub-query) becomes {@code (array_position(array_expression, x) IS
     * NOT NULL)}: Calcite plans {@code = ANY} only over sub-queries (pgjdbc's TypeInfoCache, DBeaver). The left
     * operand is a literal or a possibly qualified name.
     */
    private static List<Token> rewriteAnyOfArray(List<Token> ts) {
        List<Token> out = new ArrayList<>(ts);
        for (int i = 1; i + 2 < out.size(); i++) {
            if (!(out.get(i).isSymbol("=") && out.get(i + 1).isWord("any") && out.get(i + 2).isSymbol("("))) {
                continue;
            }
            if (i + 3 < out.size() && (out.get(i + 3).isWord("select") || out.get(i + 3).isWord("values"))) {
                continue;
            }
            int close = closeParen(out, i + 2);
            int left = i - 1;
            Token l = out.get(left);
            if (l.kind() == Token.Kind.WORD || l.kind() == Token.Kind.QUOTED_IDENT) {
                while (left >= 2 && out.get(left - 1).isSymbol(".")
                    && (out.get(left - 2).kind() == Token.Kind.WORD || out.get(left - 2).kind() == Token.Kind.QUOTED_IDENT)) {
                    left -= 2;
                }
            } else if (l.kind() != Token.Kind.STRING && l.kind() != Token.Kind.NUMBER && l.kind() != Token.Kind.PARAM) {
                continue;
            }
            if (close < 0) {
                continue;
            }
            List<Token> replacement = new ArrayList<>(tokens("(array_position("));
            replacement.addAll(out.subList(i + 3, close));
            replacement.addAll(tokens(","));
            replacement.addAll(out.subList(left, i));
            replacement.addAll(tokens(") IS NOT NULL)"));
            List<Token> next = new ArrayList<>(out.subList(0, left));
            next.addAll(replacement);
            next.addAll(out.subList(close + 1, out.size()));
            out = next;
            i = left + replacement.size() - 1;
        }
        return out;
    }

    /**
     * {@code generate_series(f(x), ...)} in FROM: Calcite's grammar rejects a function call as the first argument
     * of a table function, so that argument is parenthesised.
     */
    private static List<Token> parenthesizeSeriesStart(List<Token> ts) {
        List<Token> out = new ArrayList<>(ts);
        for (int i = 0; i + 3 < out.size(); i++) {
            if (out.get(i).isWord("generate_series") && out.get(i + 1).isSymbol("(")
                && out.get(i + 2).kind() == Token.Kind.WORD && out.get(i + 3).isSymbol("(")) {
                int close = closeParen(out, i + 3);
                if (close > 0) {
                    out.add(close + 1, tokens(")").get(0));
                    out.add(i + 2, tokens("(").get(0));
                }
            }
        }
        return out;
    }

    /** Cheap pre-check so ordinary queries pay nothing. */
    private static boolean mayNeedShim(List<Token> ts) {
        for (Token t : ts) {
            if (t.kind() == Token.Kind.WORD && (t.value().equals("pg_catalog") || t.value().equals("information_schema")
                || t.value().equals("string_to_array")
                || t.value().equals("generate_series") || t.value().equals("any"))) {
                return true;
            }
        }
        return false;
    }

    private static boolean same(Token a, Token b) {
        if (a.kind() != b.kind()) {
            return false;
        }
        return a.kind() == Token.Kind.SYMBOL ? a.text().equals(b.text()) : a.value().equals(b.value());
    }

    private static boolean matchesAt(List<Token> ts, int i, List<Token> pattern) {
        if (i + pattern.size() > ts.size()) {
            return false;
        }
        for (int k = 0; k < pattern.size(); k++) {
            if (!same(ts.get(i + k), pattern.get(k))) {
                return false;
            }
        }
        return true;
    }

    private static List<Token> applyRule(List<Token> ts, Rule r) {
        List<Token> out = null;
        for (int i = 0; i < ts.size(); i++) {
            if (matchesAt(ts, i, r.pattern)) {
                int end = fragmentEnd(ts, i, r.pattern);
                if (end < 0) {
                    continue;
                }
                out = new ArrayList<>(ts.subList(0, i));
                out.addAll(r.replacement);
                out.addAll(ts.subList(end + 1, ts.size()));
                ts = out;
                i += r.replacement.size() - 1;
            }
        }
        return ts;
    }

    /**
     * Last token of the fragment a rule replaces: the END of a CASE the pattern starts with, else the close of the
     * first parenthesis the pattern opens, else the pattern itself.
     */
    private static int fragmentEnd(List<Token> ts, int start, List<Token> pattern) {
        int offset = pattern.get(0).isSymbol("(") ? 1 : 0;
        if (pattern.get(offset).isWord("case")) {
            int depth = 0;
            for (int j = start + offset; j < ts.size(); j++) {
                if (ts.get(j).isWord("case")) {
                    depth++;
                } else if (ts.get(j).isWord("end")) {
                    depth--;
                    if (depth == 0) {
                        return offset == 1 ? closeParen(ts, start) : j;
                    }
                }
            }
            return -1;
        }
        int end = start + pattern.size() - 1;
        for (int k = 0; k < pattern.size(); k++) {
            if (pattern.get(k).isSymbol("(")) {
                int close = closeParen(ts, start + k);
                return close < 0 ? -1 : Math.max(close, end);
            }
        }
        return end;
    }

    /** Index of the parenthesis closing the one at {@code open}, or -1. */
    private static int closeParen(List<Token> ts, int open) {
        int depth = 0;
        for (int j = open; j < ts.size(); j++) {
            if (ts.get(j).isSymbol("(")) {
                depth++;
            } else if (ts.get(j).isSymbol(")")) {
                depth--;
                if (depth == 0) {
                    return j;
                }
            }
        }
        return -1;
    }

    // --- pgjdbc's information_schema._pg_expandarray ---------------------------------------------------------------

    private static final String ALIAS = "_pg_expandarray_keys";

    private static boolean isExpandArrayAt(List<Token> ts, int i) {
        return i + 3 < ts.size() && ts.get(i).isWord("information_schema") && ts.get(i + 1).isSymbol(".")
            && ts.get(i + 2).isWord("_pg_expandarray") && ts.get(i + 3).isSymbol("(");
    }

    static List<Token> expandArrays(List<Token> ts) {
        int at = -1;
        for (int i = 0; i < ts.size(); i++) {
            if (isExpandArrayAt(ts, i)) {
                at = i;
                break;
            }
        }
        if (at < 0) {
            return ts;
        }
        int argClose = closeParen(ts, at + 3);
        if (argClose < 0) {
            return ts;
        }
        List<Token> array = new ArrayList<>(ts.subList(at + 4, argClose));
        int select = enclosingSelect(ts, at);
        if (select < 0) {
            return ts;
        }
        int from = findAtDepth(ts, select, "from");
        if (from < 0) {
            return ts;
        }
        int where = findAtDepth(ts, from, "where");
        int clauseEnd = clauseEnd(ts, where >= 0 ? where : from);
        List<Token> out = new ArrayList<>();
        // select list: replace the calls
        int i = 0;
        while (i < from) {
            if (i >= select && ts.get(i).isSymbol("(") && isExpandArrayAt(ts, i + 1)) {
                int inner = closeParen(ts, i + 4);
                if (inner > 0 && inner + 3 < ts.size() && ts.get(inner + 1).isSymbol(")") && ts.get(inner + 2).isSymbol(".")) {
                    String field = ts.get(inner + 3).value();
                    out.addAll(field.equals("n") ? position() : element(array));
                    i = inner + 4;
                    continue;
                }
            }
            if (i >= select && isExpandArrayAt(ts, i)) {
                out.addAll(element(array));
                i = closeParen(ts, i + 3) + 1;
                continue;
            }
            out.add(ts.get(i));
            i++;
        }
        // FROM list, then the join with the key positions and its condition
        int fromEnd = where >= 0 ? where : clauseEnd;
        out.addAll(ts.subList(from, fromEnd));
        out.addAll(tokens("CROSS JOIN (VALUES (1),(2),(3),(4),(5),(6),(7),(8),(9),(10),(11),(12),(13),(14),(15),(16),"
            + "(17),(18),(19),(20),(21),(22),(23),(24),(25),(26),(27),(28),(29),(30),(31),(32)) AS " + ALIAS + " (n)"));
        out.addAll(tokens("WHERE " + ALIAS + ".n <= array_length("));
        out.addAll(array);
        out.addAll(tokens(", 1)"));
        if (where >= 0) {
            out.addAll(tokens("AND ("));
            out.addAll(ts.subList(where + 1, clauseEnd));
            out.addAll(tokens(")"));
        }
        out.addAll(ts.subList(clauseEnd, ts.size()));
        return expandArrays(unwrapFieldAccess(out));
    }

    private static List<Token> position() {
        return tokens(ALIAS + ".n");
    }

    private static List<Token> element(List<Token> array) {
        List<Token> out = new ArrayList<>(array);
        out.addAll(tokens("[" + ALIAS + ".n]"));
        return out;
    }

    /** {@code (result.keys).x} becomes {@code result.keys}: the composite is now the element itself. */
    private static List<Token> unwrapFieldAccess(List<Token> ts) {
        List<Token> out = new ArrayList<>();
        for (int i = 0; i < ts.size(); i++) {
            if (i + 6 < ts.size() && ts.get(i).isSymbol("(") && ts.get(i + 1).kind() == Token.Kind.WORD
                && ts.get(i + 2).isSymbol(".") && ts.get(i + 3).kind() == Token.Kind.WORD && ts.get(i + 4).isSymbol(")")
                && ts.get(i + 5).isSymbol(".") && ts.get(i + 6).isWord("x")) {
                out.addAll(ts.subList(i + 1, i + 4));
                i += 6;
                continue;
            }
            out.add(ts.get(i));
        }
        return out;
    }

    /** The SELECT keyword of the query block containing token {@code at}. */
    private static int enclosingSelect(List<Token> ts, int at) {
        // walking back, groups passed over whole have depth > 0; leaving an enclosing group makes it negative
        int depth = 0;
        for (int j = at; j >= 0; j--) {
            Token t = ts.get(j);
            if (t.isSymbol(")")) {
                depth++;
            } else if (t.isSymbol("(")) {
                depth--;
            } else if (depth <= 0 && t.isWord("select")) {
                return j;
            }
        }
        return -1;
    }

    /** The first {@code word} after {@code start} at the same parenthesis depth, or -1. */
    private static int findAtDepth(List<Token> ts, int start, String word) {
        int depth = 0;
        for (int j = start + 1; j < ts.size(); j++) {
            Token t = ts.get(j);
            if (t.isSymbol("(")) {
                depth++;
            } else if (t.isSymbol(")")) {
                depth--;
                if (depth < 0) {
                    return -1;
                }
            } else if (depth == 0 && t.isWord(word)) {
                return j;
            }
        }
        return -1;
    }

    /** Where the FROM or WHERE clause starting at {@code start} ends (exclusive). */
    private static int clauseEnd(List<Token> ts, int start) {
        int depth = 0;
        for (int j = start + 1; j < ts.size(); j++) {
            Token t = ts.get(j);
            if (t.isSymbol("(")) {
                depth++;
            } else if (t.isSymbol(")")) {
                depth--;
                if (depth < 0) {
                    return j;
                }
            } else if (depth == 0 && (t.isWord("group") || t.isWord("order") || t.isWord("limit") || t.isWord("having")
                || t.isWord("union") || t.isWord("except") || t.isWord("intersect") || t.isWord("offset")
                || t.isWord("window") || t.isSymbol(";"))) {
                return j;
            }
        }
        return ts.size();
    }
}
