package io.epochdb.planner.engine;

import io.epochdb.common.ErrorCode;
import io.epochdb.common.EpochException;
import io.epochdb.common.types.SqlType;
import io.epochdb.exec.ExecContext;
import io.epochdb.exec.operator.Operator;
import io.epochdb.planner.Prepared;
import io.epochdb.planner.QueryResult;
import io.epochdb.planner.Session;
import io.epochdb.planner.Statement;
import io.epochdb.planner.parse.CalciteSqlRewriter;
import io.epochdb.planner.parse.StatementSplitter;
import io.epochdb.planner.plan.PlannedQuery;
import io.epochdb.planner.plan.QueryPlanner;
import io.epochdb.planner.result.CommandResult;
import io.epochdb.planner.result.OperatorResult;
import io.epochdb.planner.schema.RootSchemas;
import io.epochdb.planner.schema.SystemContext;
import io.epochdb.planner.translate.RelTranslator;
import io.epochdb.planner.translate.RexTranslator;
import io.epochdb.storage.Storage;
import io.epochdb.storage.txn.Transaction;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.calcite.sql.SqlNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client session: statement dispatch, transaction state (idle, in block, failed block), settings, cursors.
 * Statements run on the caller's thread; only {@link #cancel()} is called from other threads.
 */
public final class SessionImpl implements Session, SystemContext {
    private static final Logger LOG = LoggerFactory.getLogger(SessionImpl.class);

    final EngineImpl engine;
    final String user;
    final String database;
    final Settings settings = new Settings();
    private final int pid;
    private final int secret;
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final List<String> notices = new ArrayList<>();
    final Cursors cursors = new Cursors(this);
    private final SessionFunctions functions = new SessionFunctions(this);

    /** The explicit transaction block (BEGIN ... COMMIT), or null in autocommit. */
    private Transaction blockTx;
    private boolean failed;
    private long blockStartMicros;
    /** The context of the statement running now (pg_sleep and cancel look at it). */
    volatile ExecContext currentContext;

    SessionImpl(EngineImpl engine, String user, String database, int pid, int secret, Map<String, String> startup) {
        this.engine = engine;
        this.user = user;
        this.database = database;
        this.pid = pid;
        this.secret = secret;
        settings.set("session_authorization", user, false);
        boolean superuser = engine.storage().catalog().role(user).map(r -> r.superuser()).orElse(false);
        settings.set("is_superuser", superuser ? "on" : "off", false);
        if (startup != null) {
            for (Map.Entry<String, String> e : startup.entrySet()) {
                applyStartupParameter(e.getKey(), e.getValue());
            }
        }
        settings.drainChanged();
    }

    private void applyStartupParameter(String name, String value) {
        switch (name) {
            case "user", "database", "replication" -> {
            }
            case "options" -> {
                // -c name=value pairs, as libpq passes PGOPTIONS
                String[] parts = value.trim().split("\\s+");
                for (int i = 0; i < parts.length; i++) {
                    String p = parts[i];
                    if (p.equals("-c") && i + 1 < parts.length) {
                        p = parts[++i];
                    } else if (p.startsWith("-c")) {
                        p = p.substring(2);
                    } else if (p.startsWith("--")) {
                        p = p.substring(2);
                    } else {
                        continue;
                    }
                    int eq = p.indexOf('=');
                    if (eq > 0) {
                        settings.set(p.substring(0, eq).replace('-', '_'), p.substring(eq + 1), false);
                    }
                }
            }
            default -> {
                try {
                    settings.set(name, value, false);
                } catch (EpochException e) {
                    LOG.debug("ignoring startup parameter {}={}: {}", name, value, e.getMessage());
                }
            }
        }
    }

    // --- Session --------------------------------------------------------------------------------------------

    @Override
    public List<Statement> parse(String sql) {
        List<Statement> out = new ArrayList<>();
        for (StatementSplitter.Part part : StatementSplitter.split(sql)) {
            out.add(new ParsedStatement(part.sql(), part.significant()));
        }
        return out;
    }

    @Override
    public Prepared prepare(Statement statement, List<SqlType> paramTypes) {
        ParsedStatement ps = (ParsedStatement) statement;
        if (failed && !isTransactionEnd(ps)) {
            throw abortedError();
        }
        try {
            return new StatementPreparer(this).prepare(ps, paramTypes == null ? List.of() : paramTypes);
        } catch (RuntimeException e) {
            if (blockTx != null && !(e instanceof EpochException ee && ee.code() == ErrorCode.IN_FAILED_SQL_TRANSACTION)) {
                // PostgreSQL: an error while parsing/planning also aborts the block (simple protocol)
                failed = true;
            }
            throw wrap(e);
        }
    }

    @Override
    public QueryResult execute(Prepared prepared, List<Object> params) {
        PreparedImpl p = (PreparedImpl) prepared;
        if (failed && !p.allowedWhenFailed()) {
            throw abortedError();
        }
        cancelled.set(false);
        notices.clear();
        try {
            return p.runner().run(params == null ? List.of() : params);
        } catch (RuntimeException e) {
            if (blockTx != null) {
                failed = true;
            }
            throw wrap(e);
        }
    }

    private static boolean isTransactionEnd(ParsedStatement ps) {
        String w = ps.firstWord();
        return w.equals("rollback") || w.equals("abort") || w.equals("commit") || w.equals("end");
    }

    private static EpochException abortedError() {
        return new EpochException(ErrorCode.IN_FAILED_SQL_TRANSACTION,
            "current transaction is aborted, commands ignored until end of transaction block");
    }

    static EpochException wrap(RuntimeException e) {
        if (e instanceof EpochException ee) {
            return ee;
        }
        LOG.warn("internal error", e);
        String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return new EpochException(ErrorCode.INTERNAL_ERROR, msg, e);
    }

    @Override
    public char transactionStatus() {
        if (blockTx == null) {
            return 'I';
        }
        return failed ? 'E' : 'T';
    }

    @Override
    public Map<String, String> drainParameterStatusChanges() {
        return settings.drainChanged();
    }

    @Override
    public Map<String, String> reportedParameters() {
        return settings.reported();
    }

    @Override
    public String setting(String name) {
        return settings.get(name);
    }

    @Override
    public List<String> drainNotices() {
        List<String> out = List.copyOf(notices);
        notices.clear();
        return out;
    }

    void notice(String message) {
        notices.add(message);
    }

    @Override
    public int processId() {
        return pid;
    }

    @Override
    public int secretKey() {
        return secret;
    }

    @Override
    public void cancel() {
        cancelled.set(true);
    }

    @Override
    public void close() {
        try {
            cursors.closeAll();
            if (blockTx != null) {
                engine.storage().transactions().rollback(blockTx);
                blockTx = null;
            }
        } finally {
            engine.sessionClosed(this);
        }
    }

    // --- SystemContext ----------------------------------------------------------------------------------------

    @Override
    public Storage storage() {
        return engine.storage();
    }

    @Override
    public String currentUser() {
        return user;
    }

    @Override
    public String currentDatabase() {
        return database;
    }

    // --- transactions ---------------------------------------------------------------------------------------

    boolean inBlock() {
        return blockTx != null;
    }

    /** The open transaction block's transaction (null in autocommit). */
    Transaction blockTransaction() {
        return blockTx;
    }

    void begin() {
        if (blockTx != null) {
            notice("WARNING:25001:there is already a transaction in progress");
            return;
        }
        blockTx = engine.storage().transactions().begin();
        blockStartMicros = ExecContext.currentMicros();
        failed = false;
    }

    /** COMMIT: returns the tag (ROLLBACK when the block had failed). */
    String commit() {
        if (blockTx == null) {
            notice("WARNING:25P01:there is no transaction in progress");
            return "COMMIT";
        }
        Transaction tx = blockTx;
        boolean wasFailed = failed;
        endBlock();
        if (wasFailed) {
            engine.storage().transactions().rollback(tx);
            return "ROLLBACK";
        }
        commitTransaction(tx);
        return "COMMIT";
    }

    /**
     * Commits {@code tx}; with {@code synchronous_commit = off} the commit returns before its WAL record is on
     * disk (a crash may lose the last few hundred milliseconds of such commits, never part of one), as in
     * PostgreSQL.
     */
    void commitTransaction(Transaction tx) {
        tx.setSynchronousCommit(!"off".equalsIgnoreCase(settings.get("synchronous_commit")));
        engine.storage().transactions().commit(tx);
    }

    String rollback() {
        if (blockTx == null) {
            notice("WARNING:25P01:there is no transaction in progress");
            return "ROLLBACK";
        }
        Transaction tx = blockTx;
        endBlock();
        engine.storage().transactions().rollback(tx);
        return "ROLLBACK";
    }

    /** An error outside {@link #execute} (a COPY FROM failing mid-stream) in the block {@code tx} aborts it. */
    void markBlockFailed(Transaction tx) {
        if (blockTx != null && blockTx == tx) {
            failed = true;
        }
    }

    private void endBlock() {
        blockTx = null;
        failed = false;
        cursors.transactionEnded();
        settings.endTransaction();
    }

    /**
     * Runs one eager statement (DML, DDL) in the block's transaction or in its own autocommit transaction, which
     * is committed on success and rolled back on failure.
     */
    <T> T inTransaction(java.util.function.Function<Transaction, T> body) {
        if (blockTx != null) {
            blockTx.beginStatement();
            return body.apply(blockTx);
        }
        Transaction tx = engine.storage().transactions().begin();
        try {
            tx.beginStatement();
            T result = body.apply(tx);
            commitTransaction(tx);
            return result;
        } catch (RuntimeException | Error e) {
            engine.storage().transactions().rollback(tx);
            throw e;
        }
    }

    /** A new execution context with its own memory, for one statement. */
    ExecContext newContext(BufferAllocator allocator, List<Object> params) {
        long now = ExecContext.currentMicros();
        long timeout = settings.statementTimeoutMillis();
        long deadline = timeout > 0 ? System.nanoTime() + timeout * 1_000_000L : 0;
        if (deadline == 0 && timeout > 0) {
            deadline = 1;
        }
        ExecContext ctx = new ExecContext(allocator, params, settings.zone(), now,
            blockTx != null ? blockStartMicros : now, cancelled, deadline);
        currentContext = ctx;
        return ctx;
    }

    BufferAllocator newQueryAllocator() {
        return engine.rootAllocator().newChildAllocator("query-" + pid, 0, Long.MAX_VALUE);
    }

    // --- planning helpers -------------------------------------------------------------------------------------

    QueryPlanner queryPlanner() {
        return new QueryPlanner(RootSchemas.build(engine.storage().catalog(), SystemTables.forSession()), searchPath());
    }

    /** Schemas to resolve unqualified names in: pg_catalog first, then search_path, then the root. */
    List<List<String>> searchPath() {
        List<List<String>> paths = new ArrayList<>();
        paths.add(List.of("pg_catalog"));
        for (String s : schemaSearchList()) {
            paths.add(List.of(s));
        }
        paths.add(List.of());
        return paths;
    }

    /** The existing schemas of search_path, in order ($user expanded). */
    List<String> schemaSearchList() {
        List<String> out = new ArrayList<>();
        for (String raw : settings.get("search_path").split(",")) {
            String s = raw.trim();
            if (s.startsWith("\"") && s.endsWith("\"") && s.length() >= 2) {
                s = s.substring(1, s.length() - 1);
            }
            if (s.equals("$user")) {
                s = user;
            }
            if (!s.isEmpty() && engine.storage().catalog().schema(s).isPresent() && !out.contains(s)) {
                out.add(s);
            }
        }
        return out;
    }

    /** The schema CREATE statements use for unqualified names. */
    String creationSchema() {
        List<String> list = schemaSearchList();
        for (String s : list) {
            if (!s.equals("pg_catalog") && !s.equals("information_schema")) {
                return s;
            }
        }
        throw new EpochException(ErrorCode.UNDEFINED_SCHEMA, "no schema has been selected to create in");
    }

    PlannedQuery planQuery(ParsedStatement ps, List<SqlType> declared) {
        io.epochdb.planner.parse.DistinctOnRewrite.Result don = io.epochdb.planner.parse.DistinctOnRewrite.apply(ps.tokens());
        List<io.epochdb.planner.parse.Token> tokens = don == null ? ps.tokens() : don.tokens();
        CalciteSqlRewriter.Result r = CalciteSqlRewriter.rewrite(tokens, n -> declaredCast(declared, n));
        SqlNode node = QueryPlanner.parse(r.sql(), ps.sql());
        PlannedQuery q = queryPlanner().plan(node, r.paramNumbers(), declared);
        return don == null ? q : q.withDistinctOn(new PlannedQuery.DistinctOn(don.keys(), don.offset(), don.fetch()));
    }

    static String declaredCast(List<SqlType> declared, int n) {
        if (n - 1 >= declared.size()) {
            return null;
        }
        SqlType t = declared.get(n - 1);
        if (t == null || t == SqlType.UNKNOWN) {
            return null;
        }
        return switch (t) {
            case INT2 -> "SMALLINT";
            case INT4 -> "INTEGER";
            case INT8 -> "BIGINT";
            case FLOAT4 -> "REAL";
            case FLOAT8 -> "DOUBLE";
            case NUMERIC -> "DECIMAL";
            case BOOL -> "BOOLEAN";
            case TEXT, VARCHAR, BPCHAR, NAME -> "VARCHAR";
            case DATE -> "DATE";
            case TIME -> "TIME";
            case TIMESTAMP -> "TIMESTAMP";
            case TIMESTAMPTZ -> "timestamptz";
            case INTERVAL -> "pginterval";
            case BYTEA -> "bytea";
            case UUID -> "uuid";
            case JSON -> "json";
            case JSONB -> "jsonb";
            case OID -> "oid";
            default -> null;
        };
    }

    /** Builds the operator tree of a planned query for one execution. */
    Operator translate(PlannedQuery q, Transaction tx, ExecContext ctx) {
        RexTranslator rex = new RexTranslator(q.rel().getCluster().getRexBuilder(), q.paramOfPlaceholder(), functions.all());
        RelTranslator translator = new RelTranslator(engine.storage(), tx, this, rex, ctx);
        Operator op = translator.translate(q.rel());
        PlannedQuery.DistinctOn don = q.distinctOn();
        if (don == null) {
            return op;
        }
        int width = op.rowType().size();
        int[] keys = java.util.stream.IntStream.range(width - don.keys(), width).toArray();
        org.apache.calcite.rel.RelNode rel = q.rel();
        if (op instanceof io.epochdb.exec.operator.ProjectOperator trim && trim.keepsLeadingColumns()
            && trim.input() instanceof io.epochdb.exec.operator.SortOperator
            && rel instanceof org.apache.calcite.rel.core.Project p && p.getInput() instanceof org.apache.calcite.rel.core.Sort) {
            // ORDER BY on columns the SELECT list leaves out: the sort's row has them after the DISTINCT ON keys,
            // which sit at the same positions, and the final projection below keeps only the leading columns
            op = trim.input();
            rel = p.getInput();
        }
        List<io.epochdb.exec.operator.SortKey> order = List.of();
        Operator input = op;
        if (op instanceof io.epochdb.exec.operator.SortOperator sort && sort.isFullSort()) {
            order = sort.keys();
            input = sort.input();
        }
        checkOrderStartsWithDistinctKeys(rel, keys, !order.isEmpty());
        if (order.isEmpty() && op instanceof io.epochdb.exec.operator.SortOperator) {
            op = new io.epochdb.exec.operator.DistinctOnOperator(op, keys); // a sort with a fetch: rows stay adjacent
        } else {
            // one row per key without sorting the input: each key's first row in ORDER BY order; then sort those
            // by the ORDER BY followed by the keys it leaves out (what PostgreSQL's sort for DISTINCT ON does)
            List<io.epochdb.exec.operator.SortKey> outputOrder = new ArrayList<>(order);
            for (int k : keys) {
                outputOrder.add(new io.epochdb.exec.operator.SortKey(k, false, false));
            }
            io.epochdb.exec.operator.FirstPerGroupOperator first =
                new io.epochdb.exec.operator.FirstPerGroupOperator(input, keys, order);
            LatestPerSeries.apply(rel, translator, first, keys, order);
            op = new io.epochdb.exec.operator.SortOperator(first, outputOrder, 0, -1);
        }
        List<io.epochdb.exec.expr.Expr> keep = new ArrayList<>();
        List<io.epochdb.exec.types.RowType.Field> fields = new ArrayList<>();
        for (int i = 0; i < width - don.keys(); i++) {
            keep.add(new io.epochdb.exec.expr.ColumnRef(i, op.rowType().type(i)));
            fields.add(op.rowType().field(i));
        }
        op = new io.epochdb.exec.operator.ProjectOperator(op, keep, new io.epochdb.exec.types.RowType(fields));
        if (don.fetch() >= 0 || don.offset() > 0) {
            op = new io.epochdb.exec.operator.LimitOperator(op, don.offset(), don.fetch());
        }
        return op;
    }

    /**
     * PostgreSQL's rule: the leading ORDER BY expressions (as many as there are DISTINCT ON expressions, or all when
     * fewer) must be DISTINCT ON expressions (the fields at {@code keys}); 42P10 otherwise. Then rows with equal
     * keys are adjacent in the sort, and each key's first row in sort order is the one DISTINCT ON keeps.
     */
    private static void checkOrderStartsWithDistinctKeys(org.apache.calcite.rel.RelNode rel, int[] keys, boolean sorted) {
        if (!sorted || !(rel instanceof org.apache.calcite.rel.core.Sort sort)) {
            return;
        }
        List<org.apache.calcite.rex.RexNode> projects = sort.getInput() instanceof org.apache.calcite.rel.core.Project p
            ? p.getProjects() : null;
        java.util.Set<String> distinct = new java.util.HashSet<>();
        for (int d : keys) {
            distinct.add(projects == null ? "$" + d : projects.get(d).toString());
        }
        List<org.apache.calcite.rel.RelFieldCollation> collations = sort.getCollation().getFieldCollations();
        for (int i = 0; i < Math.min(keys.length, collations.size()); i++) {
            int f = collations.get(i).getFieldIndex();
            if (!distinct.contains(projects == null ? "$" + f : projects.get(f).toString())) {
                throw new io.epochdb.common.EpochException(io.epochdb.common.ErrorCode.INVALID_COLUMN_REFERENCE,
                    "SELECT DISTINCT ON expressions must match initial ORDER BY expressions");
            }
        }
    }

    RexTranslator rexTranslator(PlannedQuery q) {
        return new RexTranslator(q.rel().getCluster().getRexBuilder(), q.paramOfPlaceholder(), functions.all());
    }

    /**
     * Runs a query, streaming: the transaction (block or autocommit) stays open until the result is closed.
     */
    QueryResult runQuery(PlannedQuery q, List<Object> params, String tagPrefix) {
        Transaction tx;
        boolean autocommit = blockTx == null;
        tx = autocommit ? engine.storage().transactions().begin() : blockTx;
        BufferAllocator allocator = newQueryAllocator();
        try {
            tx.beginStatement();
            ExecContext ctx = newContext(allocator, params);
            Operator op = translate(q, tx, ctx);
            Consumer<Throwable> finish = failure -> {
                try {
                    allocator.close();
                } catch (RuntimeException e) {
                    LOG.warn("query memory not released: {}", e.getMessage());
                }
                if (autocommit) {
                    if (failure == null) {
                        commitTransaction(tx);
                    } else {
                        engine.storage().transactions().rollback(tx);
                    }
                } else if (failure != null && blockTx == tx) {
                    // a cursor closed by COMMIT/ROLLBACK, or a WITH HOLD cursor closed after its block ended,
                    // must not fail the session's next block
                    failed = true;
                }
            };
            return new OperatorResult(op, q.columns(), ctx, n -> tagPrefix + " " + n, finish);
        } catch (RuntimeException e) {
            try {
                if (autocommit) {
                    engine.storage().transactions().rollback(tx);
                }
            } finally {
                allocator.close();
            }
            throw e;
        }
    }

    /** Evaluates a constant SQL expression (a column DEFAULT) as a value of the given type. */
    Object evaluateConstant(String sql, io.epochdb.common.types.ColumnType type) {
        List<io.epochdb.planner.parse.Token> tokens = new ArrayList<>();
        tokens.add(DmlStatements.word("select"));
        tokens.add(DmlStatements.word("cast"));
        tokens.add(DmlStatements.symbol("("));
        tokens.add(DmlStatements.symbol("("));
        for (io.epochdb.planner.parse.Token t : io.epochdb.planner.parse.PgLexer.tokenize(sql)) {
            if (t.kind() != io.epochdb.planner.parse.Token.Kind.SPACE) {
                tokens.add(t);
            }
        }
        tokens.add(DmlStatements.symbol(")"));
        tokens.add(DmlStatements.word("as"));
        tokens.addAll(PgTypeTokens.of(type));
        tokens.add(DmlStatements.symbol(")"));
        PlannedQuery q = planQuery(new ParsedStatement(DmlStatements.text(tokens), tokens), List.of());
        try (QueryResult r = runQuery(q, List.of(), "SELECT")) {
            io.epochdb.exec.batch.Batch b = r.next();
            if (b == null) {
                return null;
            }
            try (io.epochdb.exec.batch.Batch owned = b) {
                return io.epochdb.storage.vector.ArrowTypes.get(b.column(0), 0, type.type());
            }
        }
    }

    CommandResult command(String tag) {
        return new CommandResult(tag);
    }
}
