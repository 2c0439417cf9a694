package io.epochdb.planner.timescale;

import io.epochdb.planner.parse.Token;
import io.epochdb.planner.parse.Tokens;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Recognises the statement shapes that call a hypertable function on the token list: {@code SELECT fn(...) [[AS]
 * alias]} and {@code SELECT * FROM fn(...) [[AS] alias]}, with the function optionally qualified by {@code public}.
 * Anything else (the function inside a larger query) is left to the query planner.
 */
public final class FunctionCallParser {
    /** Functions whose argument may be a dimension builder call. */
    private static final Set<String> DIMENSION_BUILDERS = Set.of("by_range", "by_hash");

    private FunctionCallParser() {
    }

    /** The call if {@code tokens} is one of the recognised shapes calling a function in {@code names}. */
    public static Optional<CallStatement> parse(List<Token> tokens, Set<String> names) {
        List<Token> t = withoutTrailingSemicolon(tokens);
        if (t.size() < 4 || !t.get(0).isWord("select")) {
            return Optional.empty();
        }
        int pos = 1;
        boolean from = false;
        if (t.get(1).isSymbol("*") && t.size() > 2 && t.get(2).isWord("from")) {
            from = true;
            pos = 3;
        }
        if (pos + 2 < t.size() && t.get(pos).isWord("public") && t.get(pos + 1).isSymbol(".")) {
            pos += 2;
        }
        Token name = t.get(pos);
        if (name.kind() != Token.Kind.WORD || !names.contains(name.value()) || pos + 1 >= t.size()
            || !t.get(pos + 1).isSymbol("(")) {
            return Optional.empty();
        }
        int close = matchingParen(t, pos + 1);
        if (close < 0) {
            return Optional.empty();
        }
        FunctionCall call = call(name.value(), t.subList(pos + 2, close));
        String alias = null;
        int rest = close + 1;
        if (rest < t.size() && t.get(rest).isWord("as")) {
            rest++;
        }
        if (rest < t.size()) {
            Token a = t.get(rest);
            if (a.kind() != Token.Kind.WORD && a.kind() != Token.Kind.QUOTED_IDENT) {
                return Optional.empty();
            }
            alias = a.value();
            rest++;
        }
        if (rest != t.size()) {
            return Optional.empty();
        }
        return Optional.of(new CallStatement(call, from, alias));
    }

    /**
     * {@code SELECT fn(...) [[AS] alias] ORDER BY ... / LIMIT ...} (a set-returning function in the select list
     * followed by clauses) as the equivalent {@code SELECT alias FROM fn(...) AS alias ORDER BY ...}, so the clauses
     * apply to the function's rows; empty for any other statement.
     */
    public static Optional<List<Token>> selectListAsFrom(List<Token> tokens, Set<String> names) {
        List<Token> t = withoutTrailingSemicolon(tokens);
        if (t.size() < 4 || !t.get(0).isWord("select") || t.get(1).kind() != Token.Kind.WORD
            || !names.contains(t.get(1).value()) || !t.get(2).isSymbol("(")) {
            return Optional.empty();
        }
        int close = matchingParen(t, 2);
        if (close < 0) {
            return Optional.empty();
        }
        int rest = close + 1;
        String alias = t.get(1).value();
        if (rest < t.size() && t.get(rest).isWord("as")) {
            rest++;
        }
        if (rest < t.size() && isName(t.get(rest)) && !isClauseWord(t.get(rest))) {
            alias = t.get(rest).value();
            rest++;
        }
        if (rest >= t.size() || !(t.get(rest).isWord("order") || t.get(rest).isWord("limit")
            || t.get(rest).isWord("offset") || t.get(rest).isWord("fetch"))) {
            return Optional.empty();
        }
        List<Token> out = new ArrayList<>();
        out.add(t.get(0));
        out.add(Tokens.quoted(alias));
        out.add(Tokens.word("from"));
        out.addAll(t.subList(1, close + 1));
        out.add(Tokens.word("as"));
        out.add(Tokens.quoted(alias));
        out.addAll(t.subList(rest, t.size()));
        return Optional.of(out);
    }

    /**
     * The first hypertable function in {@code names} used as a table ({@code FROM fn(...)} or {@code JOIN fn(...)})
     * anywhere in a SELECT, with its alias; empty if there is none.
     */
    public static Optional<FromCall> findInFrom(List<Token> tokens, Set<String> names) {
        List<Token> t = withoutTrailingSemicolon(tokens);
        for (int i = 0; i + 2 < t.size(); i++) {
            if (!(t.get(i).isWord("from") || t.get(i).isWord("join") || t.get(i).isWord("lateral"))) {
                continue;
            }
            int start = i + 1;
            int pos = start;
            if (pos + 2 < t.size() && t.get(pos).isWord("public") && t.get(pos + 1).isSymbol(".")) {
                pos += 2;
            }
            Token name = t.get(pos);
            if (name.kind() != Token.Kind.WORD || !names.contains(name.value()) || pos + 1 >= t.size()
                || !t.get(pos + 1).isSymbol("(")) {
                continue;
            }
            int close = matchingParen(t, pos + 1);
            if (close < 0) {
                return Optional.empty();
            }
            FunctionCall call = call(name.value(), t.subList(pos + 2, close));
            int end = close + 1;
            String alias = null;
            List<String> columns = new ArrayList<>();
            boolean as = end < t.size() && t.get(end).isWord("as");
            int aliasAt = as ? end + 1 : end;
            if (aliasAt < t.size() && isName(t.get(aliasAt)) && (as || !isClauseWord(t.get(aliasAt)))) {
                alias = t.get(aliasAt).value();
                end = aliasAt + 1;
                if (end < t.size() && t.get(end).isSymbol("(")) {
                    int closeCols = matchingParen(t, end);
                    if (closeCols < 0) {
                        return Optional.empty();
                    }
                    for (List<Token> c : Tokens.splitTopLevel(t.subList(end + 1, closeCols))) {
                        if (c.size() == 1 && isName(c.get(0))) {
                            columns.add(c.get(0).value());
                        }
                    }
                    end = closeCols + 1;
                }
            }
            return Optional.of(new FromCall(call, start, end, alias, columns));
        }
        return Optional.empty();
    }

    /** Words that may follow a table in FROM and so are not an alias without AS. */
    private static boolean isClauseWord(Token t) {
        return t.kind() == Token.Kind.WORD && Set.of("where", "group", "order", "limit", "offset", "having", "join",
            "inner", "left", "right", "full", "cross", "natural", "on", "using", "union", "intersect", "except",
            "window", "fetch", "for", "lateral").contains(t.value());
    }

    /** Parses the argument list of a call (the tokens between its parentheses). */
    static FunctionCall call(String name, List<Token> inside) {
        List<FunctionCall.Arg> args = new ArrayList<>();
        if (!inside.isEmpty()) {
            for (List<Token> a : Tokens.splitTopLevel(inside)) {
                args.add(arg(a));
            }
        }
        return new FunctionCall(name, args);
    }

    private static FunctionCall.Arg arg(List<Token> a) {
        String paramName = null;
        List<Token> value = a;
        if (a.size() >= 3 && isName(a.get(0)) && a.get(1).isSymbol("=>")) {
            paramName = a.get(0).value();
            value = a.subList(2, a.size());
        } else if (a.size() >= 4 && isName(a.get(0)) && a.get(1).isSymbol(":") && a.get(2).isSymbol("=")) {
            paramName = a.get(0).value();
            value = a.subList(3, a.size());
        }
        FunctionCall nested = null;
        if (value.size() >= 3 && value.get(0).kind() == Token.Kind.WORD
            && DIMENSION_BUILDERS.contains(value.get(0).value()) && value.get(1).isSymbol("(")
            && matchingParen(value, 1) == value.size() - 1) {
            nested = call(value.get(0).value(), value.subList(2, value.size() - 1));
        }
        return new FunctionCall.Arg(paramName, value, nested);
    }

    private static boolean isName(Token t) {
        return t.kind() == Token.Kind.WORD || t.kind() == Token.Kind.QUOTED_IDENT;
    }

    private static int matchingParen(List<Token> t, int open) {
        int depth = 0;
        for (int i = open; i < t.size(); i++) {
            if (t.get(i).isSymbol("(")) {
                depth++;
            } else if (t.get(i).isSymbol(")")) {
                depth--;
                if (depth == 0) {
                    return i;
                }
            }
        }
        return -1;
    }

    private static List<Token> withoutTrailingSemicolon(List<Token> tokens) {
        int n = tokens.size();
        while (n > 0 && tokens.get(n - 1).isSymbol(";")) {
            n--;
        }
        return tokens.subList(0, n);
    }
}
