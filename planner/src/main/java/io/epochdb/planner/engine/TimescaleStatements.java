package io.epochdb.planner.engine;

import io.epochdb.common.EpochException;
import io.epochdb.common.ErrorCode;
import io.epochdb.common.types.ColumnType;
import io.epochdb.common.types.SqlType;
import io.epochdb.exec.ExecContext;
import io.epochdb.planner.QueryResult;
import io.epochdb.planner.ResultColumn;
import io.epochdb.planner.catalog.CatalogFunctionLibrary;
import io.epochdb.planner.parse.Token;
import io.epochdb.planner.parse.Tokens;
import io.epochdb.planner.plan.PlannedQuery;
import io.epochdb.planner.timescale.CallStatement;
import io.epochdb.planner.timescale.FromCall;
import io.epochdb.planner.timescale.FunctionCallParser;
import io.epochdb.planner.timescale.HypertableFunctions;
import io.epochdb.planner.timescale.HypertableOptions;
import io.epochdb.planner.timescale.TimescaleContext;
import io.epochdb.storage.Storage;
import io.epochdb.storage.catalog.TableDef;
import io.epochdb.storage.vector.ArrowTypes;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Connects the TimescaleDB hypertable functions (package {@code timescale}) to sessions: recognises a statement
 * that calls one, runs it with the session as its {@link TimescaleContext}, and registers the scalar ones as
 * functions for ordinary queries.
 */
final class TimescaleStatements {
    private TimescaleStatements() {
    }

    /** A prepared hypertable function call, if {@code ps} is one. */
    static Optional<PreparedImpl> prepare(SessionImpl session, ParsedStatement ps, List<SqlType> declared) {
        Optional<CallStatement> call = FunctionCallParser.parse(ps.tokens(), HypertableFunctions.STATEMENT_FUNCTIONS);
        if (call.isEmpty()) {
            ParsedStatement query = FunctionCallParser.selectListAsFrom(ps.tokens(), HypertableFunctions.SET_FUNCTIONS)
                .map(tokens -> new ParsedStatement(ps.sql(), tokens)).orElse(ps);
            return FunctionCallParser.findInFrom(query.tokens(), HypertableFunctions.STATEMENT_FUNCTIONS)
                .map(from -> prepareInQuery(session, ps, query, declared, from));
        }
        CallStatement s = call.get();
        List<ResultColumn> columns = HypertableFunctions.columns(s);
        List<SqlType> paramTypes = new ArrayList<>();
        for (int i = 0; i < ps.parameterCount(); i++) {
            SqlType t = i < declared.size() ? declared.get(i) : null;
            paramTypes.add(t == null || t == SqlType.UNKNOWN ? SqlType.TEXT : t);
        }
        return Optional.of(new PreparedImpl(ps, paramTypes, columns, params -> {
            HypertableFunctions.Result r = HypertableFunctions.run(s, new Context(session, params, paramTypes));
            return Rows.result(session, r.columns(), r.rows(), "SELECT");
        }, false));
    }

    /**
     * A query using a hypertable function as a table: the function runs when the statement executes, and its rows
     * replace the call as a VALUES table, so the rest of the query (joins, WHERE, aggregates) is planned as usual.
     * Describe plans the query over an empty table of the same columns.
     */
    private static PreparedImpl prepareInQuery(SessionImpl session, ParsedStatement original, ParsedStatement ps,
                                               List<SqlType> declared, FromCall from) {
        CallStatement call = new CallStatement(from.call(), true, null);
        List<ResultColumn> fields = HypertableFunctions.columns(call);
        PlannedQuery described = session.planQuery(substitute(ps, from, fields, List.of(), session), declared);
        List<SqlType> paramTypes = new ArrayList<>(described.parameterTypes());
        while (paramTypes.size() < ps.parameterCount()) {
            paramTypes.add(SqlType.TEXT);
        }
        return new PreparedImpl(original, paramTypes, described.columns(), params -> {
            HypertableFunctions.Result r = HypertableFunctions.run(call, new Context(session, params, paramTypes));
            PlannedQuery q = session.planQuery(substitute(ps, from, fields, r.rows(), session), declared);
            return session.runQuery(q, params, "SELECT");
        }, false);
    }

    /** The statement with the call replaced by {@code (VALUES ...) AS alias(columns)} holding {@code rows}. */
    private static ParsedStatement substitute(ParsedStatement ps, FromCall from, List<ResultColumn> fields,
                                              List<List<Object>> rows, SessionImpl session) {
        String alias = from.alias() != null ? from.alias() : from.call().name();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < fields.size(); i++) {
            String n = fields.get(i).name();
            if (i < from.columnAliases().size()) {
                n = from.columnAliases().get(i);
            } else if (fields.size() == 1 && from.alias() != null) {
                n = from.alias(); // a scalar function's one column takes the table alias, as in PostgreSQL
            }
            names.add(n);
        }
        List<Token> values = new ArrayList<>();
        values.add(Tokens.word("values"));
        List<List<Object>> data = rows.isEmpty() ? List.of(java.util.Collections.nCopies(fields.size(), null)) : rows;
        for (int r = 0; r < data.size(); r++) {
            if (r > 0) {
                values.add(Tokens.symbol(","));
            }
            values.add(Tokens.symbol("("));
            for (int c = 0; c < fields.size(); c++) {
                if (c > 0) {
                    values.add(Tokens.symbol(","));
                }
                values.addAll(castLiteral(data.get(r).get(c), fields.get(c).type(), session));
            }
            values.add(Tokens.symbol(")"));
        }
        List<Token> table = new ArrayList<>();
        table.add(Tokens.symbol("("));
        table.addAll(values);
        table.add(Tokens.symbol(")"));
        table.add(Tokens.word("as"));
        table.add(Tokens.quoted(alias));
        table.add(Tokens.symbol("("));
        for (int i = 0; i < names.size(); i++) {
            if (i > 0) {
                table.add(Tokens.symbol(","));
            }
            table.add(Tokens.quoted(names.get(i)));
        }
        table.add(Tokens.symbol(")"));
        if (rows.isEmpty()) {
            // no rows: the one all-NULL row above, filtered out
            List<Token> wrapped = new ArrayList<>(List.of(Tokens.symbol("("), Tokens.word("select"), Tokens.symbol("*"),
                Tokens.word("from")));
            wrapped.addAll(table);
            wrapped.addAll(List.of(Tokens.word("where"), new Token(Token.Kind.NUMBER, "1", "1", 0, 0), Tokens.symbol("="),
                new Token(Token.Kind.NUMBER, "0", "0", 0, 0), Tokens.symbol(")"), Tokens.word("as"), Tokens.quoted(alias)));
            table = wrapped;
        }
        List<Token> tokens = new ArrayList<>(ps.tokens().subList(0, from.start()));
        tokens.addAll(table);
        tokens.addAll(ps.tokens().subList(from.end(), ps.tokens().size()));
        return new ParsedStatement(Tokens.text(tokens), tokens);
    }

    private static List<Token> castLiteral(Object value, ColumnType type, SessionImpl session) {
        ColumnType t = type.type() == SqlType.VOID || type.type() == SqlType.RECORD ? ColumnType.of(SqlType.TEXT) : type;
        List<Token> out = new ArrayList<>();
        out.add(Tokens.word("cast"));
        out.add(Tokens.symbol("("));
        if (value == null) {
            out.add(Tokens.word("null"));
        } else {
            String text = io.epochdb.exec.types.PgText.format(value, t, session.settings.zone());
            out.add(new Token(Token.Kind.STRING, "'" + text.replace("'", "''") + "'", text, 0, 0));
        }
        out.add(Tokens.word("as"));
        out.addAll(PgTypeTokens.of(t));
        out.add(Tokens.symbol(")"));
        return out;
    }

    /** CREATE TABLE ... WITH (tsdb.hypertable ...): called after the table was created. */
    static void applyTableOptions(SessionImpl session, TableDef table, HypertableOptions options) {
        if (options.hypertable()) {
            HypertableFunctions.createFromTableOptions(new Context(session, List.of(), List.of()), table,
                options.partitionColumn(), options.chunkInterval());
        }
    }

    /** hypertable_size and approximate_row_count as ordinary (row-at-a-time) functions. */
    static void registerScalars(SessionImpl session, Map<String, Function<Object[], Object>> functions) {
        functions.put("hypertable_size", a -> HypertableFunctions.hypertableSize(new Context(session, List.of(), List.of()), a[0]));
        functions.put("approximate_row_count",
            a -> HypertableFunctions.approximateRowCount(new Context(session, List.of(), List.of()), a[0]));
    }

    /** The session as the functions see it: its storage, notices, constant evaluation and name resolution. */
    private static final class Context implements TimescaleContext {
        private final SessionImpl session;
        private final List<Object> params;
        private final List<SqlType> paramTypes;
        private final long now = ExecContext.currentMicros();
        private Map<String, Function<Object[], Object>> catalogFunctions;

        Context(SessionImpl session, List<Object> params, List<SqlType> paramTypes) {
            this.session = session;
            this.params = params;
            this.paramTypes = paramTypes;
        }

        @Override
        public Storage storage() {
            return session.engine.storage();
        }

        @Override
        public void notice(String severityCodeMessage) {
            session.notice(severityCodeMessage);
        }

        @Override
        public Value evaluate(List<Token> expression) {
            if (expression.size() == 1 && expression.get(0).kind() == Token.Kind.PARAM) {
                int n = Integer.parseInt(expression.get(0).value());
                Object v = n - 1 < params.size() ? params.get(n - 1) : null;
                return new Value(v, v == null ? null : ColumnType.of(paramTypes.get(n - 1)));
            }
            List<Token> tokens = new ArrayList<>();
            tokens.add(Tokens.word("select"));
            tokens.addAll(expression);
            PlannedQuery q = session.planQuery(new ParsedStatement(Tokens.text(tokens), tokens), paramTypes);
            ColumnType type = q.columns().get(0).type();
            try (QueryResult r = session.runQuery(q, params, "SELECT")) {
                io.epochdb.exec.batch.Batch b = r.next();
                if (b == null) {
                    return new Value(null, type);
                }
                try (io.epochdb.exec.batch.Batch owned = b) {
                    Object v = ArrowTypes.get(owned.column(0), 0, type.type());
                    return new Value(v, v == null ? null : type);
                }
            }
        }

        @Override
        public TableDef relation(Object regclass) {
            int oid;
            if (regclass instanceof Number n) {
                oid = n.intValue();
            } else {
                if (catalogFunctions == null) {
                    catalogFunctions = new HashMap<>();
                    CatalogFunctionLibrary.register(SystemTables.catalogSession(session), SystemTables.CATALOG,
                        catalogFunctions);
                }
                oid = ((Number) catalogFunctions.get("text::regclass").apply(new Object[] {regclass.toString()})).intValue();
            }
            return storage().catalog().byOid(oid).orElseThrow(() -> regclass instanceof Number
                ? EpochException.of(ErrorCode.UNDEFINED_TABLE, "relation with OID %d does not exist", oid)
                : EpochException.of(ErrorCode.TS_HYPERTABLE_NOT_EXIST, "table \"%s\" is not a hypertable", regclass));
        }

        @Override
        public long nowMicros() {
            return now;
        }

        @Override
        public ZoneId zone() {
            return session.settings.zone();
        }
    }
}
