package io.epochdb.planner.engine;

import io.epochdb.common.ErrorCode;
import io.epochdb.common.EpochException;
import io.epochdb.common.types.SqlType;
import io.epochdb.exec.ExecContext;
import io.epochdb.exec.batch.Batch;
import io.epochdb.planner.QueryResult;
import io.epochdb.planner.ResultColumn;
import io.epochdb.planner.parse.Token;
import io.epochdb.planner.plan.PlannedQuery;
import io.epochdb.planner.result.BatchListOperator;
import io.epochdb.planner.result.CommandResult;
import io.epochdb.planner.result.OperatorResult;
import io.epochdb.planner.translate.RelTranslator;
import io.epochdb.planner.utility.TokenStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;

/** SQL-level cursors: DECLARE ... CURSOR [WITH HOLD] FOR, FETCH, MOVE, CLOSE. Forward-only. */
final class Cursors {
    private final SessionImpl session;
    private final Map<String, Cursor> open = new HashMap<>();

    /** An open cursor: the streaming result and the unread rest of its current batch. */
    private static final class Cursor {
        final QueryResult result;
        final List<ResultColumn> columns;
        final boolean hold;
        final io.epochdb.exec.types.RowType rowType;
        Batch current;
        int offset;
        boolean exhausted;

        Cursor(QueryResult result, List<ResultColumn> columns, boolean hold, io.epochdb.exec.types.RowType rowType) {
            this.result = result;
            this.columns = columns;
            this.hold = hold;
            this.rowType = rowType;
        }

        void close() {
            if (current != null) {
                current.close();
                current = null;
            }
            result.close();
        }
    }

    Cursors(SessionImpl session) {
        this.session = session;
    }

    PreparedImpl prepare(ParsedStatement ps, List<SqlType> declared) {
        TokenStream ts = new TokenStream(ps.tokens(), ps.sql());
        String verb = ts.next().value();
        switch (verb) {
            case "declare":
                return declare(ps, ts, declared);
            case "close": {
                boolean all = ts.accept("all");
                String name = all ? null : ts.identifier();
                return new PreparedImpl(ps, List.of(), List.of(), params -> {
                    if (all) {
                        closeAll();
                    } else {
                        Cursor c = open.remove(name);
                        if (c == null) {
                            throw noCursor(name);
                        }
                        c.close();
                    }
                    return new CommandResult("CLOSE CURSOR");
                }, false);
            }
            default:
                return fetch(ps, ts, verb.equals("move"));
        }
    }

    private PreparedImpl declare(ParsedStatement ps, TokenStream ts, List<SqlType> declared) {
        String name = ts.identifier();
        boolean hold = false;
        while (!ts.isWord("cursor")) {
            ts.next();
        }
        ts.expect("cursor");
        if (ts.accept("with", "hold")) {
            hold = true;
        } else {
            ts.accept("without", "hold");
        }
        ts.expect("for");
        ParsedStatement query = new ParsedStatement(ts.rest(), ts.remainingTokens());
        PlannedQuery q = session.planQuery(query, declared);
        boolean withHold = hold;
        return new PreparedImpl(ps, q.parameterTypes(), List.of(), params -> {
            if (!session.inBlock() && !withHold) {
                throw new EpochException(ErrorCode.NO_ACTIVE_SQL_TRANSACTION, "DECLARE CURSOR can only be used in transaction blocks");
            }
            if (open.containsKey(name)) {
                throw new EpochException(ErrorCode.DUPLICATE_CURSOR, "cursor \"" + name + "\" already exists");
            }
            QueryResult r = session.runQuery(q, params, "SELECT");
            open.put(name, new Cursor(r, q.columns(), withHold, RelTranslator.rowType(q.rel().getRowType())));
            return new CommandResult("DECLARE CURSOR");
        }, false);
    }

    private PreparedImpl fetch(ParsedStatement ps, TokenStream ts, boolean move) {
        long count = 1;
        if (ts.accept("all") || ts.accept("forward", "all")) {
            count = Long.MAX_VALUE;
        } else if (ts.accept("next") || ts.accept("forward")) {
            if (ts.peek() != null && ts.peek().kind() == Token.Kind.NUMBER) {
                count = Long.parseLong(ts.next().text());
            } else if (ts.accept("all")) {
                count = Long.MAX_VALUE;
            }
        } else if (ts.peek() != null && ts.peek().kind() == Token.Kind.NUMBER) {
            count = Long.parseLong(ts.next().text());
        } else if (ts.isWord("prior") || ts.isWord("backward") || ts.isWord("first") || ts.isWord("last")
            || ts.isWord("absolute") || ts.isWord("relative")) {
            throw new EpochException(ErrorCode.FEATURE_NOT_SUPPORTED, "cursor can only scan forward");
        }
        if (!ts.accept("from")) {
            ts.accept("in");
        }
        String name = ts.identifier();
        Cursor c = open.get(name);
        if (c == null) {
            throw noCursor(name);
        }
        long n = count;
        List<ResultColumn> columns = move ? List.of() : c.columns;
        return new PreparedImpl(ps, List.of(), columns, params -> {
            Cursor cur = open.get(name);
            if (cur == null) {
                throw noCursor(name);
            }
            BufferAllocator allocator = session.newQueryAllocator();
            List<Batch> rows = new ArrayList<>();
            long got;
            try {
                got = take(cur, n, move ? null : rows, allocator);
            } catch (RuntimeException e) {
                rows.forEach(Batch::close);
                allocator.close();
                throw e;
            }
            if (move) {
                allocator.close();
                return new CommandResult("MOVE " + got);
            }
            ExecContext ctx = session.newContext(allocator, List.of());
            long total = got;
            return new OperatorResult(new BatchListOperator(cur.rowType, rows), cur.columns, ctx,
                x -> "FETCH " + total, failure -> allocator.close());
        }, false);
    }

    /** Moves up to {@code n} rows out of the cursor, copying them into {@code out} unless it is null. */
    private static long take(Cursor c, long n, List<Batch> out, BufferAllocator allocator) {
        long got = 0;
        while (got < n && !c.exhausted) {
            if (c.current == null || c.offset >= c.current.rowCount()) {
                if (c.current != null) {
                    c.current.close();
                    c.current = null;
                }
                Batch b = c.result.next();
                if (b == null) {
                    c.exhausted = true;
                    break;
                }
                c.current = b;
                c.offset = 0;
            }
            int take = (int) Math.min(n - got, c.current.rowCount() - c.offset);
            if (out != null) {
                List<FieldVector> slice = new ArrayList<>();
                for (FieldVector v : c.current.columns()) {
                    org.apache.arrow.vector.util.TransferPair tp = v.getTransferPair(allocator);
                    tp.splitAndTransfer(c.offset, take);
                    slice.add((FieldVector) tp.getTo());
                }
                out.add(new Batch(slice, take));
            }
            c.offset += take;
            got += take;
        }
        return got;
    }

    private static EpochException noCursor(String name) {
        return new EpochException(ErrorCode.INVALID_CURSOR_NAME, "cursor \"" + name + "\" does not exist");
    }

    /** At COMMIT/ROLLBACK: cursors without HOLD close. */
    void transactionEnded() {
        open.entrySet().removeIf(e -> {
            if (!e.getValue().hold) {
                e.getValue().close();
                return true;
            }
            return false;
        });
    }

    void closeAll() {
        for (Cursor c : open.values()) {
            c.close();
        }
        open.clear();
    }
}
