package io.epochdb.planner.engine;

import io.epochdb.common.ErrorCode;
import io.epochdb.common.EpochException;
import io.epochdb.common.types.ColumnType;
import io.epochdb.common.types.SqlType;
import io.epochdb.exec.ExecContext;
import io.epochdb.exec.batch.Batch;
import io.epochdb.exec.expr.Expr;
import io.epochdb.exec.expr.Functions;
import io.epochdb.exec.operator.Operator;
import io.epochdb.exec.operator.ProjectOperator;
import io.epochdb.exec.types.RowType;
import io.epochdb.planner.ResultColumn;
import io.epochdb.planner.parse.Token;
import io.epochdb.planner.plan.PlannedQuery;
import io.epochdb.planner.result.BatchListOperator;
import io.epochdb.planner.result.CommandResult;
import io.epochdb.planner.result.OperatorResult;
import io.epochdb.planner.schema.RootSchemas;
import io.epochdb.planner.translate.RelTranslator;
import io.epochdb.storage.catalog.ColumnDef;
import io.epochdb.storage.catalog.ConstraintDef;
import io.epochdb.storage.catalog.TableDef;
import io.epochdb.storage.table.ScanPart;
import io.epochdb.storage.table.Table;
import io.epochdb.storage.table.TableSnapshot;
import io.epochdb.storage.txn.Transaction;
import io.epochdb.storage.vector.ArrowTypes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.core.TableModify;
import org.apache.calcite.rel.core.TableScan;

/**
 * INSERT, UPDATE and DELETE, with RETURNING and ON CONFLICT. INSERT is planned by Calcite as a whole (so parameter
 * types and column defaults come from the target table); UPDATE and DELETE are planned as a SELECT of the target
 * rows' {@code ctid} plus the new values, then applied as delete + insert under the statement's transaction.
 */
final class DmlStatements {
    private final SessionImpl session;

    DmlStatements(SessionImpl session) {
        this.session = session;
    }

    /** The parts of a DML statement EpochDB handles itself rather than Calcite. */
    private record Clauses(List<Token> main, List<Token> returning, OnConflict onConflict) {
    }

    /** ON CONFLICT [(cols) | ON CONSTRAINT name] DO NOTHING | DO UPDATE SET ... [WHERE ...]. */
    record OnConflict(List<String> targetColumns, String constraintName, boolean doUpdate, List<Token> setTokens,
                      List<Token> whereTokens) {
    }

    PreparedImpl prepare(ParsedStatement ps, List<SqlType> declared) {
        Clauses c = splitClauses(ps.tokens());
        String verb = ps.firstWord();
        return switch (verb) {
            case "insert" -> prepareInsert(ps, c, declared);
            case "update" -> prepareUpdateOrDelete(ps, c, declared, true);
            default -> prepareUpdateOrDelete(ps, c, declared, false);
        };
    }

    // --- clause splitting -------------------------------------------------------------------------------------

    private static Clauses splitClauses(List<Token> tokens) {
        int depth = 0;
        int returningAt = -1;
        int conflictAt = -1;
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.isSymbol("(")) {
                depth++;
            } else if (t.isSymbol(")")) {
                depth--;
            } else if (depth == 0 && t.isWord("returning") && returningAt < 0) {
                returningAt = i;
            } else if (depth == 0 && t.isWord("on") && i + 1 < tokens.size() && tokens.get(i + 1).isWord("conflict")
                && conflictAt < 0) {
                conflictAt = i;
            }
        }
        int mainEnd = tokens.size();
        if (conflictAt >= 0) {
            mainEnd = conflictAt;
        } else if (returningAt >= 0) {
            mainEnd = returningAt;
        }
        List<Token> returning = returningAt >= 0 ? tokens.subList(returningAt + 1, tokens.size()) : null;
        OnConflict oc = null;
        if (conflictAt >= 0) {
            int end = returningAt > conflictAt ? returningAt : tokens.size();
            oc = parseOnConflict(tokens.subList(conflictAt + 2, end));
        }
        return new Clauses(tokens.subList(0, mainEnd), returning, oc);
    }

    private static OnConflict parseOnConflict(List<Token> t) {
        int i = 0;
        List<String> cols = null;
        String constraint = null;
        if (i < t.size() && t.get(i).isSymbol("(")) {
            cols = new ArrayList<>();
            i++;
            while (i < t.size() && !t.get(i).isSymbol(")")) {
                if (!t.get(i).isSymbol(",")) {
                    cols.add(t.get(i).value());
                }
                i++;
            }
            i++;
        } else if (i + 2 < t.size() && t.get(i).isWord("on") && t.get(i + 1).isWord("constraint")) {
            constraint = t.get(i + 2).value();
            i += 3;
        }
        if (i >= t.size() || !t.get(i).isWord("do")) {
            throw new EpochException(ErrorCode.SYNTAX_ERROR, "syntax error at or near \"ON\"");
        }
        i++;
        if (t.get(i).isWord("nothing")) {
            return new OnConflict(cols, constraint, false, null, null);
        }
        if (!(t.get(i).isWord("update") && i + 1 < t.size() && t.get(i + 1).isWord("set"))) {
            throw new EpochException(ErrorCode.SYNTAX_ERROR, "syntax error at or near \"" + t.get(i).text() + "\"");
        }
        if (cols == null && constraint == null) {
            throw new EpochException(ErrorCode.SYNTAX_ERROR,
                "ON CONFLICT DO UPDATE requires inference specification or constraint name", null,
                "For example, ON CONFLICT (column_name).", 0, null);
        }
        i += 2;
        int depth = 0;
        int whereAt = -1;
        for (int j = i; j < t.size(); j++) {
            if (t.get(j).isSymbol("(")) {
                depth++;
            } else if (t.get(j).isSymbol(")")) {
                depth--;
            } else if (depth == 0 && t.get(j).isWord("where")) {
                whereAt = j;
                break;
            }
        }
        List<Token> set = t.subList(i, whereAt >= 0 ? whereAt : t.size());
        List<Token> where = whereAt >= 0 ? t.subList(whereAt + 1, t.size()) : null;
        return new OnConflict(cols, constraint, true, set, where);
    }

    // --- INSERT -----------------------------------------------------------------------------------------------

    private PreparedImpl prepareInsert(ParsedStatement ps, Clauses c, List<SqlType> declared) {
        ParsedStatement main = new ParsedStatement(ps.sql(), c.main());
        PlannedQuery q = session.planQuery(main, declared);
        if (!(q.rel() instanceof TableModify tm)) {
            throw new EpochException(ErrorCode.INTERNAL_ERROR, "INSERT did not plan as a table modification");
        }
        TableDef def = tm.getTable().unwrap(io.epochdb.planner.schema.EpochTable.class).def();
        Returning returning = c.returning() == null ? null : planReturning(def, c.returning(), alias(c.main()), declared);
        List<ResultColumn> columns = returning == null ? List.of() : returning.q.columns();
        List<SqlType> paramTypes = mergeParamTypes(q.parameterTypes(), returning == null ? List.of() : returning.q.parameterTypes());
        ConflictPlan conflict = c.onConflict() == null ? null : planConflict(def, c.onConflict(), alias(c.main()), declared);
        return new PreparedImpl(ps, paramTypes, columns,
            params -> runInsert(def, q, tm.getInput(), returning, conflict, params), false);
    }

    /** The alias of INSERT INTO t AS alias, else the table name. */
    private static String alias(List<Token> main) {
        for (int i = 0; i + 1 < main.size(); i++) {
            if (main.get(i).isWord("as") && i > 2 && main.get(i + 1).kind() != Token.Kind.SYMBOL) {
                return main.get(i + 1).value();
            }
            if (main.get(i).isWord("values") || main.get(i).isWord("select") || main.get(i).isSymbol("(")) {
                break;
            }
        }
        return null;
    }

    private io.epochdb.planner.QueryResult runInsert(TableDef def, PlannedQuery q, RelNode input, Returning returning,
                                                     ConflictPlan conflict, List<Object> params) {
        BufferAllocator allocator = session.newQueryAllocator();
        List<Batch> returned = new ArrayList<>();
        try {
            long count = session.inTransaction(tx -> {
                if (conflict != null) {
                    conflict.updated = 0; // the plan is reused by every execution of the prepared statement
                }
                ExecContext ctx = session.newContext(allocator, params);
                Operator op = new RelTranslator(session.storage(), tx, session, session.rexTranslator(q), ctx).translate(input);
                Table table = session.storage().table(def.oid());
                long n = 0;
                try (op) {
                    op.open(ctx);
                    Batch b;
                    while ((b = op.next()) != null) {
                        try (Batch owned = b) {
                            ctx.checkCancelled();
                            Batch toInsert = conflict == null ? null : conflict.filter(b, table, tx, ctx, returning, returned);
                            Batch source = conflict == null ? b : toInsert;
                            if (source == null) {
                                continue;
                            }
                            try {
                                if (source.rowCount() > 0) {
                                    n += table.insert(tx, source.columns(), source.rowCount());
                                    if (returning != null) {
                                        returned.add(returning.apply(source, ctx));
                                    }
                                }
                            } finally {
                                if (source != b) {
                                    source.close();
                                }
                            }
                        }
                    }
                }
                if (conflict != null) {
                    n += conflict.updated;
                }
                return n;
            });
            return returningResult(returning, returned, allocator, "INSERT 0 " + count);
        } catch (RuntimeException e) {
            returned.forEach(Batch::close);
            allocator.close();
            throw e;
        }
    }

    /** The statement's result: its tag, plus the RETURNING rows when there is a RETURNING list. */
    private io.epochdb.planner.QueryResult returningResult(Returning returning, List<Batch> batches, BufferAllocator allocator, String tag) {
        if (returning == null) {
            allocator.close();
            return new CommandResult(tag);
        }
        ExecContext ctx = session.newContext(allocator, List.of());
        Operator op = new BatchListOperator(RelTranslator.rowType(returning.q.rel().getRowType()), batches);
        return new OperatorResult(op, returning.q.columns(), ctx, n -> tag, failure -> allocator.close());
    }

    /** Inserts every row of a planned query into a table (CREATE TABLE AS). */
    long insertQueryResult(TableDef def, PlannedQuery q) {
        BufferAllocator allocator = session.newQueryAllocator();
        try {
            return session.inTransaction(tx -> {
                ExecContext ctx = session.newContext(allocator, List.of());
                Operator op = session.translate(q, tx, ctx);
                Table table = session.storage().table(def.oid());
                long n = 0;
                try (op) {
                    op.open(ctx);
                    Batch b;
                    while ((b = op.next()) != null) {
                        try (Batch owned = b) {
                            n += table.insert(tx, b.columns(), b.rowCount());
                        }
                    }
                }
                return n;
            });
        } finally {
            allocator.close();
        }
    }

    // --- RETURNING --------------------------------------------------------------------------------------------

    /** RETURNING expressions planned as {@code SELECT <list> FROM table}: a projection over the table's columns. */
    private final class Returning {
        final PlannedQuery q;
        final List<Expr> exprs;

        Returning(PlannedQuery q, List<Expr> exprs) {
            this.q = q;
            this.exprs = exprs;
        }

        /** Projects rows laid out like the table (all columns in order) through the RETURNING list. */
        Batch apply(Batch tableRows, ExecContext ctx) {
            List<FieldVector> out = new ArrayList<>();
            try {
                for (Expr e : exprs) {
                    out.add(e.evaluate(tableRows, ctx));
                }
                return new Batch(out, tableRows.rowCount());
            } catch (RuntimeException e) {
                out.forEach(FieldVector::close);
                throw e;
            }
        }
    }

    private Returning planReturning(TableDef def, List<Token> list, String alias, List<SqlType> declared) {
        PlannedQuery q = planProjection(def, list, alias, declared);
        RelNode rel = q.rel();
        List<Expr> exprs;
        if (rel instanceof TableScan) {
            exprs = new ArrayList<>();
            for (int i = 0; i < def.columns().size(); i++) {
                exprs.add(new io.epochdb.exec.expr.ColumnRef(i, def.columns().get(i).type()));
            }
        } else if (rel instanceof Project p && p.getInput() instanceof TableScan) {
            exprs = session.rexTranslator(q).translateAll(p.getProjects());
        } else {
            throw new EpochException(ErrorCode.FEATURE_NOT_SUPPORTED, "RETURNING with subqueries is not supported");
        }
        return new Returning(q, exprs);
    }

    /** Plans {@code SELECT <tokens> FROM schema.table [AS alias]}. */
    private PlannedQuery planProjection(TableDef def, List<Token> list, String alias, List<SqlType> declared) {
        List<Token> tokens = new ArrayList<>();
        tokens.add(word("select"));
        tokens.addAll(list);
        tokens.add(word("from"));
        tokens.add(quoted(def.schema()));
        tokens.add(symbol("."));
        tokens.add(quoted(def.name()));
        if (alias != null) {
            tokens.add(word("as"));
            tokens.add(quoted(alias));
        }
        return session.planQuery(new ParsedStatement(text(tokens), tokens), declared);
    }

    // --- ON CONFLICT ------------------------------------------------------------------------------------------

    private ConflictPlan planConflict(TableDef def, OnConflict oc, String alias, List<SqlType> declared) {
        ConstraintDef constraint = null;
        if (oc.constraintName() != null) {
            constraint = def.constraint(oc.constraintName()).orElseThrow(() -> new EpochException(ErrorCode.UNDEFINED_OBJECT,
                "constraint \"" + oc.constraintName() + "\" for table \"" + def.name() + "\" does not exist"));
        } else if (oc.targetColumns() != null) {
            for (ConstraintDef c : def.constraints()) {
                if (new HashSet<>(c.columns()).equals(new HashSet<>(oc.targetColumns()))) {
                    constraint = c;
                }
            }
            if (constraint == null) {
                throw new EpochException(ErrorCode.INVALID_COLUMN_REFERENCE,
                    "there is no unique or exclusion constraint matching the ON CONFLICT specification");
            }
        }
        List<ConstraintDef> checked = constraint != null ? List.of(constraint) : def.constraints();
        if (!oc.doUpdate()) {
            return new ConflictPlan(def, checked, null);
        }
        // SET col = expr, ... planned as SELECT <new row> FROM t AS alias CROSS JOIN t AS excluded
        String a = alias != null ? alias : def.name();
        List<List<Token>> assignments = splitTopLevel(oc.setTokens());
        List<Token> select = new ArrayList<>();
        java.util.Map<String, List<Token>> setExpr = new java.util.HashMap<>();
        for (List<Token> asg : assignments) {
            if (asg.size() < 3 || !asg.get(1).isSymbol("=")) {
                throw new EpochException(ErrorCode.SYNTAX_ERROR, "syntax error in ON CONFLICT DO UPDATE SET");
            }
            String col = asg.get(0).value();
            if (def.columnIndex(col) < 0) {
                throw new EpochException(ErrorCode.UNDEFINED_COLUMN, "column \"" + col + "\" of relation \"" + def.name() + "\" does not exist");
            }
            setExpr.put(col, asg.subList(2, asg.size()));
        }
        for (ColumnDef cd : def.columns()) {
            if (!select.isEmpty()) {
                select.add(symbol(","));
            }
            List<Token> e = setExpr.get(cd.name());
            if (e == null) {
                select.add(quoted(a));
                select.add(symbol("."));
                select.add(quoted(cd.name()));
            } else {
                select.add(word("cast"));
                select.add(symbol("("));
                select.add(symbol("("));
                select.addAll(e);
                select.add(symbol(")"));
                select.add(word("as"));
                select.addAll(PgTypeTokens.of(cd.type()));
                select.add(symbol(")"));
            }
        }
        List<Token> tokens = new ArrayList<>();
        tokens.add(word("select"));
        tokens.addAll(select);
        tokens.addAll(List.of(word("from"), quoted(def.schema()), symbol("."), quoted(def.name()), word("as"), quoted(a),
            word("cross"), word("join"), quoted(def.schema()), symbol("."), quoted(def.name()), word("as"), quoted("excluded")));
        if (oc.whereTokens() != null) {
            tokens.add(word("where"));
            tokens.addAll(oc.whereTokens());
        }
        PlannedQuery q = session.planQuery(new ParsedStatement(text(tokens), tokens), declared);
        return new ConflictPlan(def, checked, q);
    }

    /** Splits rows that conflict with a unique constraint off an INSERT batch, and updates or skips them. */
    private final class ConflictPlan {
        final TableDef def;
        final List<ConstraintDef> constraints;
        final PlannedQuery update;
        long updated;

        ConflictPlan(TableDef def, List<ConstraintDef> constraints, PlannedQuery update) {
            this.def = def;
            this.constraints = constraints;
            this.update = update;
        }

        /** Returns the rows to insert normally; conflicting rows are skipped or updated here. */
        Batch filter(Batch b, Table table, Transaction tx, ExecContext ctx, Returning returning, List<Batch> returned) {
            int n = b.rowCount();
            boolean[] conflicting = new boolean[n];
            long[] existing = new long[n];
            Set<List<Object>> seen = new HashSet<>();
            int conflicts = 0;
            for (int r = 0; r < n; r++) {
                for (ConstraintDef c : constraints) {
                    List<Object> key = new ArrayList<>();
                    for (String col : c.columns()) {
                        int idx = def.columnIndex(col);
                        key.add(ArrowTypes.get(b.column(idx), r, def.columns().get(idx).type().type()));
                    }
                    if (key.contains(null)) {
                        continue;
                    }
                    OptionalLong hit = table.findConflict(tx, c, key);
                    List<Object> tagged = new ArrayList<>(key);
                    tagged.add(c.name());
                    if (hit.isPresent() || !seen.add(tagged)) {
                        if (!hit.isPresent() && update != null) {
                            throw new EpochException(ErrorCode.CARDINALITY_VIOLATION,
                                "ON CONFLICT DO UPDATE command cannot affect row a second time", null,
                                "Ensure that no rows proposed for insertion within the same command have duplicate constrained values.", 0, null);
                        }
                        conflicting[r] = true;
                        existing[r] = hit.orElse(-1);
                        conflicts++;
                        break;
                    }
                }
            }
            if (conflicts == 0) {
                return copyAll(b, ctx);
            }
            if (update != null) {
                applyUpdates(b, conflicting, existing, table, tx, ctx, returning, returned);
            }
            return select(b, conflicting, false, ctx);
        }

        private void applyUpdates(Batch proposed, boolean[] conflicting, long[] existing, Table table, Transaction tx,
                                  ExecContext ctx, Returning returning, List<Batch> returned) {
            int count = 0;
            for (boolean c : conflicting) {
                if (c) {
                    count++;
                }
            }
            long[] ids = new long[count];
            int k = 0;
            for (int r = 0; r < conflicting.length; r++) {
                if (conflicting[r]) {
                    ids[k++] = existing[r];
                }
            }
            int[] allColumns = java.util.stream.IntStream.range(0, def.columns().size()).toArray();
            try (ScanPart old = table.fetch(ids, count, allColumns, ctx.allocator());
                 Batch excluded = select(proposed, conflicting, true, ctx)) {
                // the update query's input is the existing row's columns followed by the proposed (excluded) ones
                List<FieldVector> joined = new ArrayList<>();
                for (FieldVector v : old.columns()) {
                    joined.add(v);
                }
                joined.addAll(excluded.columns());
                Batch input = new Batch(joined, count);
                RelNode rel = update.rel();
                Expr where = null;
                List<org.apache.calcite.rex.RexNode> projects;
                if (rel instanceof Project p) {
                    projects = p.getProjects();
                    RelNode in = p.getInput();
                    if (in instanceof org.apache.calcite.rel.core.Filter f) {
                        where = session.rexTranslator(update).translate(f.getCondition());
                    }
                } else {
                    throw new EpochException(ErrorCode.FEATURE_NOT_SUPPORTED, "this ON CONFLICT DO UPDATE form is not supported");
                }
                List<Expr> exprs = session.rexTranslator(update).translateAll(projects);
                boolean[] apply = new boolean[count];
                java.util.Arrays.fill(apply, true);
                if (where != null) {
                    try (FieldVector w = where.evaluate(input, ctx)) {
                        for (int r = 0; r < count; r++) {
                            apply[r] = Boolean.TRUE.equals(ArrowTypes.get(w, r, SqlType.BOOL));
                        }
                    }
                }
                List<FieldVector> newValues = new ArrayList<>();
                try {
                    for (Expr e : exprs) {
                        newValues.add(e.evaluate(input, ctx));
                    }
                    try (Batch newRows = new Batch(newValues, count)) {
                        newValues = List.of();
                        try (Batch chosen = select(newRows, apply, true, ctx)) {
                            long[] chosenIds = new long[chosen.rowCount()];
                            int j = 0;
                            for (int r = 0; r < count; r++) {
                                if (apply[r]) {
                                    chosenIds[j++] = ids[r];
                                }
                            }
                            if (chosen.rowCount() > 0) {
                                table.delete(tx, chosenIds, chosenIds.length);
                                table.insert(tx, chosen.columns(), chosen.rowCount());
                                updated += chosen.rowCount();
                                if (returning != null) {
                                    returned.add(returning.apply(chosen, ctx));
                                }
                            }
                        }
                    }
                } finally {
                    newValues.forEach(FieldVector::close);
                }
            }
        }
    }

    private static Batch copyAll(Batch b, ExecContext ctx) {
        boolean[] all = new boolean[b.rowCount()];
        java.util.Arrays.fill(all, true);
        return select(b, all, true, ctx);
    }

    /** A new batch with the rows whose flag equals {@code keep}. */
    static Batch select(Batch b, boolean[] flags, boolean keep, ExecContext ctx) {
        return select(b.columns(), b.rowCount(), flags, keep, ctx);
    }

    /** A new batch with the rows of {@code columns} whose flag equals {@code keep}; the input is not consumed. */
    static Batch select(List<FieldVector> columns, int rowCount, boolean[] flags, boolean keep, ExecContext ctx) {
        int n = 0;
        for (boolean f : flags) {
            if (f == keep) {
                n++;
            }
        }
        List<FieldVector> out = new ArrayList<>();
        try {
            for (FieldVector v : columns) {
                FieldVector copy = v.getField().createVector(ctx.allocator());
                copy.setInitialCapacity(Math.max(n, 1));
                copy.allocateNew();
                int j = 0;
                for (int r = 0; r < flags.length; r++) {
                    if (flags[r] == keep) {
                        copy.copyFromSafe(r, j++, v);
                    }
                }
                copy.setValueCount(n);
                out.add(copy);
            }
            return new Batch(out, n);
        } catch (RuntimeException e) {
            out.forEach(FieldVector::close);
            throw e;
        }
    }

    // --- UPDATE / DELETE --------------------------------------------------------------------------------------

    private PreparedImpl prepareUpdateOrDelete(ParsedStatement ps, Clauses c, List<SqlType> declared, boolean update) {
        if (c.onConflict() != null) {
            throw new EpochException(ErrorCode.SYNTAX_ERROR, "syntax error at or near \"ON\"");
        }
        List<Token> t = c.main();
        int i = 1;
        if (!update) {
            if (i >= t.size() || !t.get(i).isWord("from")) {
                throw new EpochException(ErrorCode.SYNTAX_ERROR, "syntax error at or near \"" + (i < t.size() ? t.get(i).text() : "") + "\"");
            }
            i++;
        }
        if (i < t.size() && t.get(i).isWord("only")) {
            i++;
        }
        // table name
        String schema = null;
        String name = t.get(i++).value();
        if (i + 1 < t.size() && t.get(i).isSymbol(".")) {
            schema = name;
            name = t.get(i + 1).value();
            i += 2;
        }
        TableDef def = new DdlStatements(session).resolveTable(new String[] {schema, name});
        if (def.isView()) {
            throw new EpochException(ErrorCode.OBJECT_NOT_IN_PREREQUISITE_STATE, "cannot " + (update ? "update" : "delete from") + " view \"" + def.name() + "\"");
        }
        String alias = def.name();
        if (i < t.size() && t.get(i).isWord("as")) {
            alias = t.get(i + 1).value();
            i += 2;
        } else if (i < t.size() && (t.get(i).kind() == Token.Kind.WORD || t.get(i).kind() == Token.Kind.QUOTED_IDENT)
            && !t.get(i).isWord("set") && !t.get(i).isWord("where") && !t.get(i).isWord("using")) {
            alias = t.get(i).value();
            i++;
        }
        java.util.Map<String, List<Token>> sets = new java.util.LinkedHashMap<>();
        if (update) {
            if (i >= t.size() || !t.get(i).isWord("set")) {
                throw new EpochException(ErrorCode.SYNTAX_ERROR, "syntax error at or near \"" + (i < t.size() ? t.get(i).text() : "") + "\"");
            }
            i++;
            int end = findTopLevel(t, i, "from", "where");
            for (List<Token> asg : splitTopLevel(t.subList(i, end))) {
                int eq = 0;
                while (eq < asg.size() && !asg.get(eq).isSymbol("=")) {
                    eq++;
                }
                if (eq == 0 || eq >= asg.size() - 1) {
                    throw new EpochException(ErrorCode.SYNTAX_ERROR, "syntax error in SET clause");
                }
                String col = asg.get(eq - 1).value();
                if (def.columnIndex(col) < 0) {
                    throw new EpochException(ErrorCode.UNDEFINED_COLUMN, "column \"" + col + "\" of relation \"" + def.name() + "\" does not exist");
                }
                sets.put(col, asg.subList(eq + 1, asg.size()));
            }
            i = end;
        }
        List<Token> rest = t.subList(i, t.size()); // [FROM/USING ...] [WHERE ...]
        List<Token> select = new ArrayList<>();
        select.add(word("select"));
        select.add(quoted(alias));
        select.add(symbol("."));
        select.add(word("ctid"));
        for (ColumnDef cd : def.columns()) {
            select.add(symbol(","));
            List<Token> e = sets.get(cd.name());
            if (e == null) {
                select.add(quoted(alias));
                select.add(symbol("."));
                select.add(quoted(cd.name()));
            } else if (e.size() == 1 && e.get(0).isWord("default")) {
                select.addAll(defaultTokens(cd));
            } else {
                select.add(word("cast"));
                select.add(symbol("("));
                select.add(symbol("("));
                select.addAll(e);
                select.add(symbol(")"));
                select.add(word("as"));
                select.addAll(PgTypeTokens.of(cd.type()));
                select.add(symbol(")"));
            }
        }
        select.add(word("from"));
        select.add(quoted(RootSchemas.DML_SCHEMA));
        select.add(symbol("."));
        select.add(quoted(def.schema()));
        select.add(symbol("."));
        select.add(quoted(def.name()));
        select.add(word("as"));
        select.add(quoted(alias));
        for (int k = 0; k < rest.size(); k++) {
            Token tok = rest.get(k);
            // UPDATE ... FROM other / DELETE ... USING other: a comma join after the target table
            boolean joinKeyword = k == 0 && (tok.isWord("from") || tok.isWord("using"));
            select.add(joinKeyword ? symbol(",") : tok);
        }
        PlannedQuery q = session.planQuery(new ParsedStatement(text(select), select), declared);
        Returning returning = c.returning() == null ? null : planReturning(def, c.returning(), alias, declared);
        List<ResultColumn> columns = returning == null ? List.of() : returning.q.columns();
        List<SqlType> paramTypes = mergeParamTypes(q.parameterTypes(), returning == null ? List.of() : returning.q.parameterTypes());
        String verb = update ? "UPDATE" : "DELETE";
        return new PreparedImpl(ps, paramTypes, columns, params -> runUpdateOrDelete(def, q, update, returning, params, verb), false);
    }

    private static List<Token> defaultTokens(ColumnDef cd) {
        if (cd.defaultSql() == null) {
            return List.of(word("null"));
        }
        List<Token> out = new ArrayList<>();
        out.add(symbol("("));
        for (Token t : io.epochdb.planner.parse.PgLexer.tokenize(cd.defaultSql())) {
            if (t.kind() != Token.Kind.SPACE) {
                out.add(t);
            }
        }
        out.add(symbol(")"));
        return out;
    }

    private io.epochdb.planner.QueryResult runUpdateOrDelete(TableDef def, PlannedQuery q, boolean update, Returning returning,
                                                             List<Object> params, String verb) {
        BufferAllocator allocator = session.newQueryAllocator();
        List<Batch> returned = new ArrayList<>();
        try {
            long count = session.inTransaction(tx -> {
                ExecContext ctx = session.newContext(allocator, params);
                Operator op = session.translate(q, tx, ctx);
                Table table = session.storage().table(def.oid());
                Set<Long> done = new HashSet<>();
                long n = 0;
                try (op) {
                    op.open(ctx);
                    Batch b;
                    while ((b = op.next()) != null) {
                        try (Batch owned = b) {
                            ctx.checkCancelled();
                            BigIntVector ids = (BigIntVector) b.column(0);
                            boolean[] keep = new boolean[b.rowCount()];
                            int k = 0;
                            long[] rowIds = new long[b.rowCount()];
                            for (int r = 0; r < b.rowCount(); r++) {
                                long id = ids.get(r);
                                if (done.add(id)) {
                                    keep[r] = true;
                                    rowIds[k++] = id;
                                }
                            }
                            if (k == 0) {
                                continue;
                            }
                            table.delete(tx, rowIds, k);
                            n += k;
                            List<FieldVector> rowColumns = b.columns().subList(1, b.columnCount());
                            try (Batch rows = select(rowColumns, b.rowCount(), keep, true, ctx)) {
                                if (update) {
                                    table.insert(tx, rows.columns(), rows.rowCount());
                                }
                                if (returning != null) {
                                    returned.add(returning.apply(rows, ctx));
                                }
                            }
                        }
                    }
                }
                return n;
            });
            return returningResult(returning, returned, allocator, verb + " " + count);
        } catch (RuntimeException e) {
            returned.forEach(Batch::close);
            allocator.close();
            throw e;
        }
    }

    /** TRUNCATE: deletes every visible row. */
    long deleteAll(TableDef def, Transaction tx) {
        Table table = session.storage().table(def.oid());
        TableSnapshot snap = table.snapshot(tx);
        long n = 0;
        try (BufferAllocator allocator = session.newQueryAllocator()) {
            for (int p = 0; p < snap.partCount(); p++) {
                try (ScanPart part = snap.read(p, new int[0], true, allocator)) {
                    long[] ids = new long[part.rowCount()];
                    for (int r = 0; r < ids.length; r++) {
                        ids[r] = part.rowIds().get(r);
                    }
                    table.delete(tx, ids, ids.length);
                    n += ids.length;
                }
            }
        }
        return n;
    }

    // --- token helpers ------------------------------------------------------------------------------------

    private static List<SqlType> mergeParamTypes(List<SqlType> a, List<SqlType> b) {
        List<SqlType> out = new ArrayList<>(a);
        for (int i = 0; i < b.size(); i++) {
            if (i >= out.size()) {
                out.add(b.get(i));
            }
        }
        return out;
    }

    private static int findTopLevel(List<Token> t, int from, String... words) {
        return io.epochdb.planner.parse.Tokens.findTopLevel(t, from, words);
    }

    static List<List<Token>> splitTopLevel(List<Token> t) {
        return io.epochdb.planner.parse.Tokens.splitTopLevel(t);
    }

    static Token word(String w) {
        return io.epochdb.planner.parse.Tokens.word(w);
    }

    static Token quoted(String name) {
        return io.epochdb.planner.parse.Tokens.quoted(name);
    }

    static Token symbol(String s) {
        return io.epochdb.planner.parse.Tokens.symbol(s);
    }

    /** Reassembles tokens into SQL text (for error messages and EXPLAIN; planning uses the tokens). */
    static String text(List<Token> tokens) {
        return io.epochdb.planner.parse.Tokens.text(tokens);
    }

}
