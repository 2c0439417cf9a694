package io.epochdb.pgwire.testing;

import io.epochdb.common.ErrorCode;
import io.epochdb.common.EpochException;
import io.epochdb.common.types.ColumnType;
import io.epochdb.common.types.SqlType;
import io.epochdb.exec.batch.Batch;
import io.epochdb.planner.CopyIn;
import io.epochdb.planner.Prepared;
import io.epochdb.planner.QueryResult;
import io.epochdb.planner.ResultColumn;
import io.epochdb.planner.Session;
import io.epochdb.planner.Statement;
import io.epochdb.storage.vector.ArrowTypes;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.FieldVector;

/**
 * Statements the fake understands (one per ';'-separated piece, case-insensitive keyword first):
 * <pre>
 * SELECT 1                      one INT4 column "?column?" with 1
 * GEN n                         INT8 column "n" with 1..n, batches of 1000 rows
 * ECHO type $1                  one column "v" of that type (typname) holding parameter $1
 * ROW type literal              one column "v" of that type with the literal parsed by the codec
 * ERROR sqlstate message        fails with that SQLSTATE
 * BOOM                          fails with an IllegalStateException (internal error)
 * SET TimeZone zone             changes a reported setting
 * BEGIN / COMMIT / ROLLBACK     transaction status
 * NOTICE text                   raises a notice, returns a command
 * COPY IN / COPY OUT            COPY FROM STDIN (collects lines) / COPY TO STDOUT (3 lines)
 * SLEEP ms                      waits, fails with 57014 when cancelled
 * </pre>
 */
public final class FakeSession implements Session {
    private final FakeEngine engine;
    private final int pid;
    private final int secret;
    private final Map<String, String> settings = new LinkedHashMap<>();
    private final Map<String, String> changed = new LinkedHashMap<>();
    private final List<String> notices = new ArrayList<>();
    private volatile boolean cancelled;
    private char tx = 'I';
    public final List<String> copied = new ArrayList<>();
    public final List<List<Object>> executedParams = new ArrayList<>();
    public volatile boolean closed;

    FakeSession(FakeEngine engine, int pid, int secret, Map<String, String> startup) {
        this.engine = engine;
        this.pid = pid;
        this.secret = secret;
        settings.put("server_version", "15.0 (EpochDB 0.1)");
        settings.put("server_encoding", "UTF8");
        settings.put("client_encoding", startup.getOrDefault("client_encoding", "UTF8"));
        settings.put("DateStyle", "ISO, MDY");
        settings.put("TimeZone", startup.getOrDefault("TimeZone", "UTC"));
        settings.put("integer_datetimes", "on");
        settings.put("standard_conforming_strings", "on");
        settings.put("application_name", startup.getOrDefault("application_name", ""));
        settings.put("is_superuser", "on");
    }

    record FakeStatement(String sql, boolean isEmpty, int parameterCount) implements Statement {
    }

    record FakePrepared(Statement statement, List<SqlType> parameterTypes, List<ResultColumn> columns) implements Prepared {
    }

    @Override
    public List<Statement> parse(String sql) {
        List<Statement> out = new ArrayList<>();
        String[] parts = sql.split(";", -1);
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i].trim();
            if (p.isEmpty() && (i > 0 || parts.length > 1)) {
                continue; // trailing ';'
            }
            if (p.toUpperCase().startsWith("SYNTAX")) {
                throw new EpochException(ErrorCode.SYNTAX_ERROR, "syntax error at or near \"SYNTAX\"", null, null, 1, null);
            }
            out.add(new FakeStatement(p, p.isEmpty() || p.startsWith("--"), p.contains("$1") ? 1 : 0));
        }
        return out;
    }

    private static String[] words(Statement s) {
        return s.sql().trim().split("\\s+", 3);
    }

    @Override
    public Prepared prepare(Statement statement, List<SqlType> paramTypes) {
        String[] w = words(statement);
        switch (w[0].toUpperCase()) {
            case "SELECT":
                return new FakePrepared(statement, List.of(), List.of(ResultColumn.of("?column?", ColumnType.of(SqlType.INT4))));
            case "GEN":
                return new FakePrepared(statement, List.of(), List.of(new ResultColumn("n", ColumnType.of(SqlType.INT8), 16384, 1)));
            case "ECHO": {
                SqlType t = typeNamed(w[1]);
                return new FakePrepared(statement, List.of(t), List.of(ResultColumn.of("v", ColumnType.of(t))));
            }
            case "ROW": {
                SqlType t = typeNamed(w[1]);
                return new FakePrepared(statement, List.of(), List.of(ResultColumn.of("v", ColumnType.of(t))));
            }
            default:
                return new FakePrepared(statement, List.of(), List.of());
        }
    }

    static SqlType typeNamed(String typname) {
        for (SqlType t : SqlType.values()) {
            if (t.typname().equalsIgnoreCase(typname)) {
                return t;
            }
        }
        throw new IllegalArgumentException(typname);
    }

    @Override
    public QueryResult execute(Prepared prepared, List<Object> params) {
        cancelled = false;
        executedParams.add(params);
        String[] w = words(prepared.statement());
        String kw = w[0].toUpperCase();
        switch (kw) {
            case "SELECT":
                return rows(prepared.columns(), List.of(List.of(1)), 1000);
            case "GEN": {
                int n = Integer.parseInt(w[1]);
                return new GenResult(prepared.columns(), n);
            }
            case "ECHO":
                return rows(prepared.columns(), List.of(java.util.Collections.singletonList(params.get(0))), 1000);
            case "ROW": {
                ColumnType t = prepared.columns().get(0).type();
                Object v = w[2].equals("NULL") ? null
                    : io.epochdb.pgwire.types.TextCodec.parse(w[2], t, java.time.ZoneOffset.UTC);
                return rows(prepared.columns(), List.of(java.util.Collections.singletonList(v)), 1000);
            }
            case "ERROR":
                throw new EpochException(ErrorCode.valueOf(errorName(w[1])), w.length > 2 ? w[2] : "failed",
                    "some detail", "some hint", 3, null);
            case "BOOM":
                throw new IllegalStateException("boom");
            case "SET":
                settings.put(w[1], w[2]);
                changed.put(w[1], w[2]);
                return command("SET");
            case "BEGIN":
                tx = 'T';
                return command("BEGIN");
            case "COMMIT":
                tx = 'I';
                return command("COMMIT");
            case "ROLLBACK":
                tx = 'I';
                return command("ROLLBACK");
            case "NOTICE":
                notices.add(w[1]);
                return command("DO");
            case "SLEEP": {
                long until = System.currentTimeMillis() + Long.parseLong(w[1]);
                while (System.currentTimeMillis() < until) {
                    if (cancelled) {
                        throw new EpochException(ErrorCode.QUERY_CANCELED, "canceling statement due to user request");
                    }
                    try {
                        Thread.sleep(5);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        break;
                    }
                }
                return command("SLEEP");
            }
            case "COPY":
                return w[1].equalsIgnoreCase("IN") ? copyIn() : copyOut();
            default:
                return command(kw);
        }
    }

    private static String errorName(String sqlState) {
        for (ErrorCode c : ErrorCode.values()) {
            if (c.sqlState().equals(sqlState)) {
                return c.name();
            }
        }
        return "INTERNAL_ERROR";
    }

    private QueryResult rows(List<ResultColumn> columns, List<List<Object>> values, int batchSize) {
        return new ListResult(columns, values);
    }

    private QueryResult command(String tag) {
        return new SimpleResult(QueryResult.Kind.COMMAND, List.of(), tag);
    }

    private QueryResult copyIn() {
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        List<ResultColumn> cols = List.of(ResultColumn.of("a", ColumnType.of(SqlType.INT4)), ResultColumn.of("b", ColumnType.of(SqlType.TEXT)));
        CopyIn sink = new CopyIn() {
            @Override
            public void write(byte[] bytes, int offset, int length) {
                data.write(bytes, offset, length);
            }

            @Override
            public String finish() {
                String text = data.toString(StandardCharsets.UTF_8);
                if (text.contains("bad")) {
                    throw new EpochException(ErrorCode.BAD_COPY_FILE_FORMAT, "bad line");
                }
                String[] lines = text.isEmpty() ? new String[0] : text.split("\n");
                copied.addAll(List.of(lines));
                return "COPY " + lines.length;
            }

            @Override
            public void abort(String reason) {
                copied.add("ABORTED: " + reason);
            }
        };
        return new SimpleResult(QueryResult.Kind.COPY_IN, cols, null) {
            @Override
            public CopyIn copyIn() {
                return sink;
            }
        };
    }

    private QueryResult copyOut() {
        List<ResultColumn> cols = List.of(ResultColumn.of("line", ColumnType.of(SqlType.TEXT)));
        List<List<Object>> lines = List.of(List.of("1\ta\n"), List.of("2\tb\n"), List.of("3\t\\N\n"));
        return new ListResult(cols, lines) {
            @Override
            public Kind kind() {
                return Kind.COPY_OUT;
            }

            @Override
            public String commandTag() {
                return "COPY 3";
            }
        };
    }

    private class SimpleResult implements QueryResult {
        private final Kind kind;
        private final List<ResultColumn> columns;
        private final String tag;

        SimpleResult(Kind kind, List<ResultColumn> columns, String tag) {
            this.kind = kind;
            this.columns = columns;
            this.tag = tag;
        }

        @Override
        public Kind kind() {
            return kind;
        }

        @Override
        public List<ResultColumn> columns() {
            return columns;
        }

        @Override
        public Batch next() {
            return null;
        }

        @Override
        public String commandTag() {
            return tag;
        }

        @Override
        public CopyIn copyIn() {
            return null;
        }

        @Override
        public void close() {
        }
    }

    /** Rows given as Java values, sent as one batch. */
    private class ListResult extends SimpleResult {
        private List<List<Object>> values;
        private final int count;

        ListResult(List<ResultColumn> columns, List<List<Object>> values) {
            super(Kind.ROWS, columns, null);
            this.values = values;
            this.count = values.size();
        }

        @Override
        public Batch next() {
            if (values == null) {
                return null;
            }
            List<FieldVector> vectors = new ArrayList<>();
            for (int c = 0; c < columns().size(); c++) {
                ResultColumn col = columns().get(c);
                FieldVector v = ArrowTypes.newVector(col.name(), col.type(), engine.allocator, values.size());
                for (int r = 0; r < values.size(); r++) {
                    ArrowTypes.set(v, r, values.get(r).get(c), col.type().type());
                }
                vectors.add(v);
            }
            int n = values.size();
            values = null;
            return new Batch(vectors, n);
        }

        @Override
        public String commandTag() {
            return "SELECT " + count;
        }
    }

    /** 1..n as INT8 in batches of 1000, produced lazily. */
    private class GenResult extends SimpleResult {
        private final int n;
        private int nextValue = 1;
        boolean closed;

        GenResult(List<ResultColumn> columns, int n) {
            super(Kind.ROWS, columns, null);
            this.n = n;
        }

        @Override
        public Batch next() {
            if (cancelled) {
                throw new EpochException(ErrorCode.QUERY_CANCELED, "canceling statement due to user request");
            }
            if (nextValue > n) {
                return null;
            }
            int rows = Math.min(1000, n - nextValue + 1);
            engine.generatedRows.addAndGet(rows);
            org.apache.arrow.vector.BigIntVector v = new org.apache.arrow.vector.BigIntVector("n", engine.allocator);
            v.allocateNew(rows);
            for (int i = 0; i < rows; i++) {
                v.set(i, nextValue++);
            }
            return new Batch(List.of(v), rows);
        }

        @Override
        public String commandTag() {
            return "SELECT " + (nextValue - 1);
        }
    }

    @Override
    public char transactionStatus() {
        return tx;
    }

    @Override
    public Map<String, String> drainParameterStatusChanges() {
        Map<String, String> m = new LinkedHashMap<>(changed);
        changed.clear();
        return m;
    }

    @Override
    public Map<String, String> reportedParameters() {
        return new LinkedHashMap<>(settings);
    }

    @Override
    public String setting(String name) {
        return settings.get(name);
    }

    @Override
    public List<String> drainNotices() {
        List<String> n = new ArrayList<>(notices);
        notices.clear();
        return n;
    }

    @Override
    public int processId() {
        return pid;
    }

    @Override
    public int secretKey() {
        return secret;
    }

    public boolean wasCancelled() {
        return cancelled;
    }

    @Override
    public void cancel() {
        cancelled = true;
    }

    @Override
    public void close() {
        closed = true;
        engine.closedSessions.incrementAndGet();
        engine.sessions.remove(pid);
    }
}
