package io.epochdb.planner.engine;

import io.epochdb.common.ErrorCode;
import io.epochdb.common.EpochException;
import io.epochdb.common.types.ColumnType;
import io.epochdb.common.types.SqlType;
import io.epochdb.planner.QueryResult;
import io.epochdb.planner.ResultColumn;
import io.epochdb.planner.plan.PlannedQuery;
import io.epochdb.planner.result.CommandResult;
import io.epochdb.planner.translate.ExplainText;
import io.epochdb.planner.utility.TokenStream;
import java.util.List;
import java.util.Map;

/**
 * Decides what kind of statement a parsed statement is and prepares it: queries are planned with Calcite now
 * (so Describe can answer), utility statements are parsed now and run at execution.
 */
final class StatementPreparer {
    private final SessionImpl session;

    StatementPreparer(SessionImpl session) {
        this.session = session;
    }

    PreparedImpl prepare(ParsedStatement ps, List<SqlType> declared) {
        String first = ps.firstWord();
        switch (first) {
            case "select", "with", "values", "(", "table":
                // TimescaleDB's hypertable functions (create_hypertable, show_chunks ...) run as statements
                return TimescaleStatements.prepare(session, ps, declared).orElseGet(() -> query(ps, declared));
            case "insert", "update", "delete":
                return new DmlStatements(session).prepare(ps, declared);
            case "explain":
                return explain(ps, declared);
            case "begin", "start":
                return simple(ps, () -> {
                    session.begin();
                    return "BEGIN";
                }, false);
            case "commit", "end":
                return simple(ps, session::commit, true);
            case "rollback", "abort":
                return rollback(ps);
            case "savepoint", "release":
                return simple(ps, () -> {
                    if (!session.inBlock()) {
                        throw new EpochException(ErrorCode.NO_ACTIVE_SQL_TRANSACTION,
                            first.toUpperCase() + " can only be used in transaction blocks");
                    }
                    return first.equals("savepoint") ? "SAVEPOINT" : "RELEASE";
                }, false);
            case "set", "reset", "show", "discard":
                return new SettingStatements(session).prepare(ps);
            case "create", "drop", "alter", "truncate", "comment", "grant", "revoke":
                return new DdlStatements(session).prepare(ps);
            case "declare", "fetch", "move", "close":
                return session.cursors.prepare(ps, declared);
            case "copy":
                return new CopyStatements(session).prepare(ps);
            case "deallocate", "listen", "unlisten", "notify", "analyze", "vacuum", "checkpoint", "load", "lock":
                String tag = switch (first) {
                    case "deallocate" -> "DEALLOCATE";
                    case "listen" -> "LISTEN";
                    case "unlisten" -> "UNLISTEN";
                    case "notify" -> "NOTIFY";
                    case "analyze" -> "ANALYZE";
                    case "vacuum" -> "VACUUM";
                    case "checkpoint" -> "CHECKPOINT";
                    case "lock" -> "LOCK TABLE";
                    default -> "LOAD";
                };
                return simple(ps, () -> tag, false);
            default:
                throw new TokenStream(ps.tokens(), ps.sql()).syntaxError();
        }
    }

    private PreparedImpl rollback(ParsedStatement ps) {
        TokenStream ts = new TokenStream(ps.tokens(), ps.sql());
        ts.next();
        ts.accept("work");
        ts.accept("transaction");
        if (ts.accept("to")) {
            throw new EpochException(ErrorCode.FEATURE_NOT_SUPPORTED, "ROLLBACK TO SAVEPOINT is not supported");
        }
        return simple(ps, session::rollback, true);
    }

    private PreparedImpl query(ParsedStatement ps, List<SqlType> declared) {
        long version = session.engine.storage().catalog().version();
        PlanCache.Key key = new PlanCache.Key(ps.sql(), declared, session.settings.get("search_path"), session.user, version);
        PlannedQuery q = session.engine.planCache().get(key, () -> session.planQuery(ps, declared));
        PlannedQuery[] current = {q};
        long[] planVersion = {version};
        return new PreparedImpl(ps, q.parameterTypes(), q.columns(), params -> {
            // re-plan when DDL changed the catalog since planning (a table altered, dropped or re-created)
            long now = session.engine.storage().catalog().version();
            if (now != planVersion[0]) {
                current[0] = session.planQuery(ps, declared);
                planVersion[0] = now;
            }
            return session.runQuery(current[0], params, "SELECT");
        }, false);
    }

    private PreparedImpl explain(ParsedStatement ps, List<SqlType> declared) {
        TokenStream ts = new TokenStream(ps.tokens(), ps.sql());
        ts.next();
        boolean analyze = false;
        if (ts.acceptSymbol("(")) {
            while (!ts.acceptSymbol(")")) {
                if (ts.accept("analyze")) {
                    analyze = !ts.accept("false") && !ts.accept("off");
                } else {
                    ts.next();
                }
            }
        } else {
            analyze = ts.accept("analyze");
            ts.accept("verbose");
        }
        ParsedStatement inner = new ParsedStatement(ts.rest(), ts.remainingTokens());
        String w = inner.firstWord();
        if (!(w.equals("select") || w.equals("with") || w.equals("values") || w.equals("("))) {
            throw new EpochException(ErrorCode.FEATURE_NOT_SUPPORTED, "EXPLAIN is supported for queries only");
        }
        PlannedQuery q = session.planQuery(inner, declared);
        boolean runIt = analyze;
        ResultColumn col = ResultColumn.of("QUERY PLAN", ColumnType.of(SqlType.TEXT));
        return new PreparedImpl(ps, q.parameterTypes(), List.of(col), params -> {
            List<List<Object>> rows = new java.util.ArrayList<>();
            if (runIt) {
                long start = System.nanoTime();
                long count = 0;
                io.epochdb.exec.scan.ScanRegistry scans;
                try (QueryResult r = session.runQuery(q, params, "SELECT")) {
                    scans = session.currentContext.scans();
                    io.epochdb.exec.batch.Batch b;
                    while ((b = r.next()) != null) {
                        count += b.rowCount();
                        b.close();
                    }
                }
                double millis = (System.nanoTime() - start) / 1e6;
                for (String line : ExplainText.lines(q.rel(), scans, io.epochdb.exec.scan.PrunableScan::report, true)) {
                    rows.add(List.of(line));
                }
                rows.add(List.of(String.format("Execution Time: %.3f ms (%d rows)", millis, count)));
            } else {
                // the scans are built (not opened) to show what chunk exclusion keeps for these values
                List<String> lines;
                try (QueryResult r = session.runQuery(q, params, "SELECT")) {
                    io.epochdb.exec.ExecContext ctx = session.currentContext;
                    lines = ExplainText.lines(q.rel(), ctx.scans(), scan -> scan.prune(ctx));
                } catch (RuntimeException e) {
                    lines = ExplainText.lines(q.rel(), null, null);
                }
                for (String line : lines) {
                    rows.add(List.of(line));
                }
            }
            return Rows.result(session, List.of(col), rows, "EXPLAIN");
        }, false);
    }

    private PreparedImpl simple(ParsedStatement ps, java.util.function.Supplier<String> action, boolean allowedWhenFailed) {
        return new PreparedImpl(ps, List.of(), List.of(), params -> new CommandResult(action.get()), allowedWhenFailed);
    }

    static Map<String, String> none() {
        return Map.of();
    }
}
