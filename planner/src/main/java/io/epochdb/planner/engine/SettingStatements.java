package io.epochdb.planner.engine;

import io.epochdb.common.types.ColumnType;
import io.epochdb.common.types.SqlType;
import io.epochdb.planner.ResultColumn;
import io.epochdb.planner.parse.Token;
import io.epochdb.planner.result.CommandResult;
import io.epochdb.planner.utility.TokenStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** SET [SESSION|LOCAL], SET TIME ZONE, RESET, SHOW, DISCARD ALL. */
final class SettingStatements {
    private final SessionImpl session;

    SettingStatements(SessionImpl session) {
        this.session = session;
    }

    PreparedImpl prepare(ParsedStatement ps) {
        TokenStream ts = new TokenStream(ps.tokens(), ps.sql());
        String verb = ts.next().value();
        switch (verb) {
            case "set": {
                boolean local = ts.accept("local");
                ts.accept("session");
                if (ts.accept("transaction") || ts.accept("session", "characteristics")) {
                    ts.skipToEnd();
                    return command(ps, "SET", () -> { });
                }
                String name;
                String value;
                if (ts.accept("time", "zone")) {
                    name = "TimeZone";
                    value = ts.accept("local") || ts.accept("default") ? null : valueText(ts);
                } else if (ts.accept("names")) {
                    name = "client_encoding";
                    value = valueText(ts);
                } else if (ts.accept("role") || ts.accept("session", "authorization")) {
                    ts.skipToEnd();
                    return command(ps, "SET", () -> { });
                } else {
                    name = qualified(ts);
                    if (!ts.accept("to") && !ts.acceptSymbol("=")) {
                        throw ts.syntaxError();
                    }
                    value = ts.accept("default") ? null : valueText(ts);
                }
                String n = name;
                String v = value;
                return command(ps, "SET", () -> {
                    if (v == null) {
                        session.settings.reset(n);
                    } else {
                        session.settings.set(n, v, local && session.inBlock());
                    }
                });
            }
            case "reset": {
                if (ts.accept("all")) {
                    return command(ps, "RESET", session.settings::resetAll);
                }
                String name = ts.accept("time", "zone") ? "TimeZone" : qualified(ts);
                return command(ps, "RESET", () -> session.settings.reset(name));
            }
            case "discard": {
                ts.skipToEnd();
                return command(ps, "DISCARD ALL", () -> {
                    session.settings.resetAll();
                    session.cursors.closeAll();
                });
            }
            default:
                return show(ps, ts);
        }
    }

    private PreparedImpl show(ParsedStatement ps, TokenStream ts) {
        if (ts.accept("all")) {
            List<ResultColumn> cols = List.of(ResultColumn.of("name", ColumnType.of(SqlType.TEXT)),
                ResultColumn.of("setting", ColumnType.of(SqlType.TEXT)),
                ResultColumn.of("description", ColumnType.of(SqlType.TEXT)));
            return new PreparedImpl(ps, List.of(), cols, params -> {
                List<List<Object>> rows = new ArrayList<>();
                for (Map.Entry<String, String> e : session.settings.all().entrySet()) {
                    rows.add(List.of(e.getKey(), e.getValue(), ""));
                }
                return Rows.result(session, cols, rows, "SHOW");
            }, false);
        }
        String name;
        if (ts.accept("time", "zone")) {
            name = "TimeZone";
        } else if (ts.accept("transaction", "isolation", "level")) {
            name = "transaction_isolation";
        } else {
            name = qualified(ts);
        }
        String shown = Settings.canonical(name);
        String display = shown.equals("TimeZone") ? "TimeZone" : shown.equals("DateStyle") ? "DateStyle" : name.toLowerCase();
        List<ResultColumn> cols = List.of(ResultColumn.of(display, ColumnType.of(SqlType.TEXT)));
        session.settings.show(name); // fail at prepare time for unknown names, like PostgreSQL
        return new PreparedImpl(ps, List.of(), cols,
            params -> Rows.result(session, cols, List.of(List.of(session.settings.show(name))), "SHOW"), false);
    }

    private static String qualified(TokenStream ts) {
        StringBuilder sb = new StringBuilder(ts.identifier());
        while (ts.acceptSymbol(".")) {
            sb.append('.').append(ts.identifier());
        }
        return sb.toString();
    }

    /** The value list of SET: words, numbers and strings, comma-separated, as one text. */
    private static String valueText(TokenStream ts) {
        StringBuilder sb = new StringBuilder();
        while (!ts.atEnd()) {
            Token t = ts.next();
            if (t.isSymbol(",")) {
                sb.append(", ");
                continue;
            }
            if (t.kind() == Token.Kind.STRING || t.kind() == Token.Kind.QUOTED_IDENT) {
                sb.append(t.value());
            } else if (t.kind() == Token.Kind.WORD) {
                sb.append(t.value());
            } else {
                sb.append(t.text());
            }
        }
        if (sb.length() == 0) {
            throw ts.syntaxError();
        }
        return sb.toString();
    }

    private PreparedImpl command(ParsedStatement ps, String tag, Runnable action) {
        return new PreparedImpl(ps, List.of(), List.of(), params -> {
            action.run();
            return new CommandResult(tag);
        }, false);
    }
}
