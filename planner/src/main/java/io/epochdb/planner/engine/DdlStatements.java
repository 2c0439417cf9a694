package io.epochdb.planner.engine;

import io.epochdb.common.ErrorCode;
import io.epochdb.common.EpochException;
import io.epochdb.common.types.ColumnType;
import io.epochdb.planner.ResultColumn;
import io.epochdb.planner.parse.Token;
import io.epochdb.planner.plan.PlannedQuery;
import io.epochdb.planner.result.CommandResult;
import io.epochdb.planner.timescale.HypertableOptions;
import io.epochdb.planner.utility.TokenStream;
import io.epochdb.planner.utility.TypeNameParser;
import io.epochdb.storage.catalog.Catalog;
import io.epochdb.storage.catalog.ColumnDef;
import io.epochdb.storage.catalog.ConstraintDef;
import io.epochdb.storage.catalog.IndexDef;
import io.epochdb.storage.catalog.ScramVerifier;
import io.epochdb.storage.catalog.TableDef;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * CREATE/DROP/ALTER of schemas, tables, views, indexes and roles; TRUNCATE; COMMENT ON; GRANT/REVOKE (accepted).
 * DDL takes effect immediately and is not transactional (a ROLLBACK does not undo it).
 */
final class DdlStatements {
    private final SessionImpl session;

    DdlStatements(SessionImpl session) {
        this.session = session;
    }

    private Catalog catalog() {
        return session.engine.storage().catalog();
    }

    PreparedImpl prepare(ParsedStatement ps) {
        TokenStream ts = new TokenStream(ps.tokens(), ps.sql());
        String verb = ts.next().value();
        Supplier<String> action = switch (verb) {
            case "create" -> create(ts);
            case "drop" -> drop(ts);
            case "alter" -> alter(ts);
            case "truncate" -> truncate(ts);
            case "comment" -> comment(ts);
            default -> {
                ts.skipToEnd();
                yield () -> verb.toUpperCase();
            }
        };
        return new PreparedImpl(ps, List.of(), List.of(), params -> new CommandResult(action.get()), false);
    }

    // --- CREATE ---------------------------------------------------------------------------------------------

    private Supplier<String> create(TokenStream ts) {
        boolean orReplace = ts.accept("or", "replace");
        ts.accept("temporary");
        ts.accept("temp");
        ts.accept("unlogged");
        if (ts.accept("table")) {
            return createTable(ts);
        }
        if (ts.accept("schema")) {
            boolean ifNotExists = ts.accept("if", "not", "exists");
            String name = ts.identifier();
            String owner = ts.accept("authorization") ? ts.identifier() : session.user;
            ts.skipToEnd();
            return () -> {
                if (ifNotExists && catalog().schema(name).isPresent()) {
                    session.notice("NOTICE:42P06:schema \"" + name + "\" already exists, skipping");
                } else {
                    catalog().createSchema(name, owner, ifNotExists);
                }
                return "CREATE SCHEMA";
            };
        }
        boolean unique = ts.accept("unique");
        if (ts.accept("index")) {
            return createIndex(ts, unique);
        }
        ts.accept("materialized");
        ts.accept("recursive");
        if (ts.accept("view")) {
            return createView(ts, orReplace);
        }
        if (ts.accept("role") || ts.accept("user") || ts.accept("group")) {
            return createRole(ts);
        }
        if (ts.accept("extension")) {
            boolean ifNotExists = ts.accept("if", "not", "exists");
            String name = ts.identifier();
            ts.skipToEnd();
            return () -> {
                if (!name.equals("timescaledb") && !name.equals("plpgsql")) {
                    throw new EpochException(ErrorCode.UNDEFINED_FILE, "could not open extension control file \""
                        + name + ".control\": No such file or directory");
                }
                if (ifNotExists) {
                    session.notice("NOTICE:42710:extension \"" + name + "\" already exists, skipping");
                }
                return "CREATE EXTENSION";
            };
        }
        if (ts.accept("sequence")) {
            boolean ifNotExists = ts.accept("if", "not", "exists");
            String[] name = ts.qualifiedName();
            ts.skipToEnd();
            return () -> {
                session.engine.sequence(name[1]);
                return "CREATE SEQUENCE";
            };
        }
        throw new EpochException(ErrorCode.FEATURE_NOT_SUPPORTED, "this CREATE statement is not supported: "
            + (ts.atEnd() ? "" : ts.peek().text()));
    }

    private Supplier<String> createTable(TokenStream ts) {
        boolean ifNotExists = ts.accept("if", "not", "exists");
        String[] qn = ts.qualifiedName();
        String schema = qn[0];
        String name = qn[1];
        if (ts.accept("as")) {
            return createTableAs(schema, name, ifNotExists, ts);
        }
        ts.expectSymbol("(");
        List<ColumnDef> columns = new ArrayList<>();
        List<ConstraintDef> constraints = new ArrayList<>();
        List<String[]> serials = new ArrayList<>();
        int attnum = 1;
        do {
            if (ts.isSymbol(")")) {
                break;
            }
            if (ts.isWord("constraint") || ts.isWord("primary") || ts.isWord("unique") || ts.isWord("check")
                || ts.isWord("foreign") || ts.isWord("exclude")) {
                tableConstraint(ts, constraints);
                continue;
            }
            if (ts.accept("like")) {
                throw new EpochException(ErrorCode.FEATURE_NOT_SUPPORTED, "CREATE TABLE ... LIKE is not supported");
            }
            String col = ts.identifier();
            TypeNameParser.Parsed type = TypeNameParser.parse(ts);
            boolean notNull = false;
            String defaultSql = null;
            if (type.serial()) {
                String seq = name + "_" + col + "_seq";
                defaultSql = "nextval('" + seq + "')";
                notNull = true;
                serials.add(new String[] {seq});
            }
            while (!ts.atEnd() && !ts.isSymbol(",") && !ts.isSymbol(")")) {
                if (ts.accept("not", "null")) {
                    notNull = true;
                } else if (ts.accept("null")) {
                    notNull = false;
                } else if (ts.accept("default")) {
                    defaultSql = expressionText(ts);
                } else if (ts.accept("primary", "key")) {
                    constraints.add(ConstraintDef.primaryKey(List.of(col)));
                    notNull = true;
                } else if (ts.accept("unique")) {
                    constraints.add(ConstraintDef.unique(List.of(col)));
                } else if (ts.accept("constraint")) {
                    ts.identifier();
                } else if (ts.accept("collate")) {
                    ts.qualifiedName();
                } else if (ts.accept("check") || ts.accept("references") || ts.accept("generated")) {
                    skipUntilColumnEnd(ts);
                } else {
                    throw ts.syntaxError();
                }
            }
            columns.add(new ColumnDef(col, type.type(), notNull, defaultSql, attnum++));
        } while (ts.acceptSymbol(","));
        ts.expectSymbol(")");
        // WITH (tsdb.hypertable, ...) makes a hypertable; other options, TABLESPACE, PARTITION BY are ignored
        HypertableOptions options = HypertableOptions.parse(ts);
        return () -> {
            String s = schema != null ? schema : session.creationSchema();
            if (ifNotExists && catalog().lookup(s, name).isPresent()) {
                session.notice("NOTICE:42P07:relation \"" + name + "\" already exists, skipping");
                return "CREATE TABLE";
            }
            for (String[] seq : serials) {
                session.engine.sequence(seq[0]);
            }
            TableDef created = catalog().createTable(s, name, columns, constraints, ifNotExists);
            if (options.hypertable() && catalog().hypertable(created.oid()).isEmpty()) {
                try {
                    TimescaleStatements.applyTableOptions(session, created, options);
                } catch (RuntimeException e) {
                    catalog().dropRelation(created.oid()); // no half-made hypertable
                    throw e;
                }
            }
            return "CREATE TABLE";
        };
    }

    private Supplier<String> createTableAs(String schema, String name, boolean ifNotExists, TokenStream ts) {
        ParsedStatement query = new ParsedStatement(ts.rest(), ts.remainingTokens());
        ts.skipToEnd();
        return () -> {
            String s = schema != null ? schema : session.creationSchema();
            if (ifNotExists && catalog().lookup(s, name).isPresent()) {
                session.notice("NOTICE:42P07:relation \"" + name + "\" already exists, skipping");
                return "SELECT 0";
            }
            PlannedQuery q = session.planQuery(query, List.of());
            List<ColumnDef> columns = new ArrayList<>();
            int attnum = 1;
            for (ResultColumn c : q.columns()) {
                columns.add(new ColumnDef(c.name(), c.type(), false, null, attnum++));
            }
            TableDef def = catalog().createTable(s, name, columns, List.of(), false);
            long n;
            try {
                n = new DmlStatements(session).insertQueryResult(def, q);
            } catch (RuntimeException e) {
                // the catalog change is not transactional: a failed CREATE TABLE AS must not leave its table behind
                try {
                    catalog().dropRelation(def.oid());
                } catch (RuntimeException dropFailure) {
                    e.addSuppressed(dropFailure);
                }
                throw e;
            }
            return "SELECT " + n;
        };
    }

    private static void tableConstraint(TokenStream ts, List<ConstraintDef> constraints) {
        String cname = null;
        if (ts.accept("constraint")) {
            cname = ts.identifier();
        }
        if (ts.accept("primary", "key")) {
            constraints.add(named(ConstraintDef.primaryKey(columnList(ts)), cname));
        } else if (ts.accept("unique")) {
            constraints.add(named(ConstraintDef.unique(columnList(ts)), cname));
        } else {
            // CHECK, FOREIGN KEY, EXCLUDE: accepted, not enforced (noted in the README)
            skipUntilColumnEnd(ts);
        }
    }

    private static ConstraintDef named(ConstraintDef c, String name) {
        return name == null ? c : new ConstraintDef(c.oid(), name, c.type(), c.columns());
    }

    static List<String> columnList(TokenStream ts) {
        ts.expectSymbol("(");
        List<String> cols = new ArrayList<>();
        do {
            cols.add(ts.identifier());
            // index options: ASC/DESC/NULLS FIRST, opclass
            while (ts.peek() != null && ts.peek().kind() == Token.Kind.WORD) {
                ts.next();
            }
        } while (ts.acceptSymbol(","));
        ts.expectSymbol(")");
        return cols;
    }

    /** Skips to the next top-level ',' or ')' (end of a column or constraint definition). */
    private static void skipUntilColumnEnd(TokenStream ts) {
        int depth = 0;
        while (!ts.atEnd()) {
            if (depth == 0 && (ts.isSymbol(",") || ts.isSymbol(")"))) {
                return;
            }
            Token t = ts.next();
            if (t.isSymbol("(")) {
                depth++;
            } else if (t.isSymbol(")")) {
                depth--;
            }
        }
    }

    /** A DEFAULT expression's source text, up to the next column constraint keyword or the end of the column. */
    private static String expressionText(TokenStream ts) {
        int start = ts.position();
        int depth = 0;
        while (!ts.atEnd()) {
            if (depth == 0 && (ts.isSymbol(",") || ts.isSymbol(")") || ts.isWord("not") || ts.isWord("null")
                || ts.isWord("primary") || ts.isWord("unique") || ts.isWord("check") || ts.isWord("references")
                || ts.isWord("constraint") || ts.isWord("collate") || ts.isWord("generated"))) {
                break;
            }
            Token t = ts.next();
            if (t.isSymbol("(")) {
                depth++;
            } else if (t.isSymbol(")")) {
                depth--;
            }
        }
        return ts.textFrom(start);
    }

    private Supplier<String> createIndex(TokenStream ts, boolean unique) {
        ts.accept("concurrently");
        boolean ifNotExists = ts.accept("if", "not", "exists");
        String indexName = ts.isWord("on") ? null : ts.identifier();
        ts.expect("on");
        ts.accept("only");
        String[] table = ts.qualifiedName();
        String method = "btree";
        if (ts.accept("using")) {
            method = ts.identifier();
        }
        ts.expectSymbol("(");
        List<String> cols = new ArrayList<>();
        int depth = 1;
        StringBuilder expr = new StringBuilder();
        while (depth > 0) {
            Token t = ts.next();
            if (t.isSymbol("(")) {
                depth++;
            } else if (t.isSymbol(")")) {
                depth--;
                if (depth == 0) {
                    break;
                }
            } else if (t.isSymbol(",") && depth == 1) {
                cols.add(expr.toString().trim());
                expr.setLength(0);
                continue;
            }
            if (depth == 1 && t.kind() == Token.Kind.WORD && expr.length() > 0
                && (t.value().equals("asc") || t.value().equals("desc") || t.value().equals("nulls")
                || t.value().equals("first") || t.value().equals("last"))) {
                continue;
            }
            expr.append(expr.length() > 0 ? " " : "").append(t.kind() == Token.Kind.WORD || t.kind() == Token.Kind.QUOTED_IDENT ? t.value() : t.text());
        }
        if (expr.length() > 0) {
            cols.add(expr.toString().trim());
        }
        ts.skipToEnd();
        String m = method;
        return () -> {
            TableDef def = resolveTable(table);
            String name = indexName != null ? indexName : def.name() + "_" + String.join("_", cols) + "_idx";
            if (ifNotExists && catalog().lookupIndex(def.schema(), name).isPresent()) {
                session.notice("NOTICE:42P07:relation \"" + name + "\" already exists, skipping");
                return "CREATE INDEX";
            }
            for (String c : cols) {
                if (def.columnIndex(c) < 0 && c.matches("[a-z_][a-z0-9_]*")) {
                    throw new EpochException(ErrorCode.UNDEFINED_COLUMN, "column \"" + c + "\" does not exist");
                }
            }
            catalog().createIndex(def.schema(), name, def.oid(), cols, unique, m, ifNotExists);
            return "CREATE INDEX";
        };
    }

    private Supplier<String> createView(TokenStream ts, boolean orReplace) {
        String[] qn = ts.qualifiedName();
        List<String> columnNames = ts.isSymbol("(") ? columnList(ts) : null;
        ts.expect("as");
        ParsedStatement query = new ParsedStatement(ts.rest(), ts.remainingTokens());
        ts.skipToEnd();
        return () -> {
            PlannedQuery q = session.planQuery(query, List.of());
            List<ColumnDef> columns = new ArrayList<>();
            int attnum = 1;
            for (int i = 0; i < q.columns().size(); i++) {
                ResultColumn c = q.columns().get(i);
                String n = columnNames != null && i < columnNames.size() ? columnNames.get(i) : c.name();
                columns.add(new ColumnDef(n, c.type(), false, null, attnum++));
            }
            String sql = query.sql();
            if (columnNames != null) {
                // keep the view's own column names when it is expanded later
                StringBuilder sb = new StringBuilder("SELECT ");
                for (int i = 0; i < columns.size(); i++) {
                    sb.append(i > 0 ? ", " : "").append("\"$v\".\"").append(q.columns().get(i).name().replace("\"", "\"\""))
                        .append("\" AS \"").append(columns.get(i).name().replace("\"", "\"\"")).append('"');
                }
                sql = sb + " FROM (" + query.sql() + ") AS \"$v\"";
            }
            catalog().createView(qn[0] != null ? qn[0] : session.creationSchema(), qn[1], sql, columns, orReplace);
            return "CREATE VIEW";
        };
    }

    private Supplier<String> createRole(TokenStream ts) {
        boolean ifNotExists = ts.accept("if", "not", "exists");
        String name = ts.identifier();
        boolean isUser = ts.textFrom(0).toLowerCase().contains(" user ");
        RoleOptions o = roleOptions(ts);
        boolean login = o.login != null ? o.login : isUser;
        return () -> {
            catalog().createRole(name, login, Boolean.TRUE.equals(o.superuser),
                o.password == null ? null : ScramVerifier.create(o.password).encode(), ifNotExists);
            return "CREATE ROLE";
        };
    }

    private static final class RoleOptions {
        Boolean login;
        Boolean superuser;
        String password;
        boolean passwordNull;
    }

    private static RoleOptions roleOptions(TokenStream ts) {
        RoleOptions o = new RoleOptions();
        ts.accept("with");
        while (!ts.atEnd()) {
            Token t = ts.next();
            String w = t.value();
            switch (w) {
                case "login" -> o.login = true;
                case "nologin" -> o.login = false;
                case "superuser" -> o.superuser = true;
                case "nosuperuser" -> o.superuser = false;
                case "encrypted", "unencrypted" -> {
                }
                case "password" -> {
                    if (ts.accept("null")) {
                        o.passwordNull = true;
                    } else {
                        o.password = ts.string();
                    }
                }
                case "valid" -> {
                    ts.accept("until");
                    ts.next();
                }
                case "connection" -> {
                    ts.accept("limit");
                    ts.next();
                }
                case "in", "role", "admin", "user" -> {
                }
                default -> {
                    // CREATEDB, CREATEROLE, INHERIT, REPLICATION, BYPASSRLS and their NO forms: accepted
                }
            }
        }
        return o;
    }

    // --- DROP -----------------------------------------------------------------------------------------------

    private Supplier<String> drop(TokenStream ts) {
        String what = ts.next().value();
        if (what.equals("materialized")) {
            what = ts.next().value();
        }
        ts.accept("concurrently");
        boolean ifExists = ts.accept("if", "exists");
        List<String[]> names = new ArrayList<>();
        do {
            names.add(ts.qualifiedName());
        } while (ts.acceptSymbol(","));
        boolean cascade = ts.accept("cascade");
        ts.accept("restrict");
        String kind = what;
        return () -> {
            for (String[] n : names) {
                dropOne(kind, n, ifExists, cascade);
            }
            return switch (kind) {
                case "table" -> "DROP TABLE";
                case "view" -> "DROP VIEW";
                case "index" -> "DROP INDEX";
                case "schema" -> "DROP SCHEMA";
                case "role", "user", "group" -> "DROP ROLE";
                case "extension" -> "DROP EXTENSION";
                case "sequence" -> "DROP SEQUENCE";
                default -> "DROP " + kind.toUpperCase();
            };
        };
    }

    private void dropOne(String kind, String[] n, boolean ifExists, boolean cascade) {
        switch (kind) {
            case "table", "view" -> {
                Optional<TableDef> def = findRelation(n);
                if (def.isEmpty() || (kind.equals("view") != def.get().isView())) {
                    if (def.isPresent()) {
                        throw new EpochException(ErrorCode.WRONG_OBJECT_TYPE, "\"" + n[1] + "\" is not a " + kind);
                    }
                    if (ifExists) {
                        session.notice("NOTICE:00000:" + kind + " \"" + n[1] + "\" does not exist, skipping");
                        return;
                    }
                    throw new EpochException(ErrorCode.UNDEFINED_TABLE, kind + " \"" + n[1] + "\" does not exist");
                }
                catalog().dropRelation(def.get().oid());
            }
            case "index" -> {
                Optional<IndexDef> idx = findIndex(n);
                if (idx.isEmpty()) {
                    if (ifExists) {
                        session.notice("NOTICE:00000:index \"" + n[1] + "\" does not exist, skipping");
                        return;
                    }
                    throw new EpochException(ErrorCode.UNDEFINED_OBJECT, "index \"" + n[1] + "\" does not exist");
                }
                catalog().dropIndex(idx.get().oid());
            }
            case "schema" -> catalog().dropSchema(n[1], ifExists, cascade);
            case "role", "user", "group" -> catalog().dropRole(n[1], ifExists);
            case "extension", "sequence", "function", "type", "trigger", "policy" -> {
            }
            default -> throw new EpochException(ErrorCode.FEATURE_NOT_SUPPORTED, "DROP " + kind.toUpperCase() + " is not supported");
        }
    }

    // --- ALTER ----------------------------------------------------------------------------------------------

    private Supplier<String> alter(TokenStream ts) {
        if (ts.accept("role") || ts.accept("user")) {
            String name = ts.identifier();
            if (ts.accept("rename", "to")) {
                String to = ts.identifier();
                return () -> {
                    catalog().renameRole(name, to);
                    return "ALTER ROLE";
                };
            }
            if (ts.isWord("set") || ts.isWord("reset")) {
                ts.skipToEnd();
                return () -> "ALTER ROLE";
            }
            RoleOptions o = roleOptions(ts);
            return () -> {
                Optional<String> verifier = o.passwordNull ? Optional.of("") : o.password == null ? null
                    : Optional.of(ScramVerifier.create(o.password).encode());
                catalog().alterRole(name, o.login, o.superuser, verifier == null ? null
                    : verifier.get().isEmpty() ? Optional.empty() : verifier);
                return "ALTER ROLE";
            };
        }
        if (ts.accept("index")) {
            ts.skipToEnd();
            return () -> "ALTER INDEX";
        }
        if (ts.accept("view")) {
            ts.skipToEnd();
            return () -> "ALTER VIEW";
        }
        if (ts.accept("schema") || ts.accept("database") || ts.accept("sequence") || ts.accept("extension")) {
            ts.skipToEnd();
            return () -> "ALTER";
        }
        ts.expect("table");
        boolean ifExists = ts.accept("if", "exists");
        ts.accept("only");
        String[] qn = ts.qualifiedName();
        List<Supplier<Void>> actions = new ArrayList<>();
        do {
            actions.add(alterAction(ts, qn));
        } while (ts.acceptSymbol(","));
        ts.expectEnd();
        return () -> {
            if (ifExists && findRelation(qn).isEmpty()) {
                session.notice("NOTICE:00000:relation \"" + qn[1] + "\" does not exist, skipping");
                return "ALTER TABLE";
            }
            for (Supplier<Void> a : actions) {
                a.get();
            }
            return "ALTER TABLE";
        };
    }

    private Supplier<Void> alterAction(TokenStream ts, String[] qn) {
        if (ts.accept("add")) {
            if (ts.isWord("constraint") || ts.isWord("primary") || ts.isWord("unique") || ts.isWord("check")
                || ts.isWord("foreign")) {
                List<ConstraintDef> cs = new ArrayList<>();
                tableConstraint(ts, cs);
                return () -> {
                    TableDef def = resolveTable(qn);
                    for (ConstraintDef c : cs) {
                        catalog().addConstraint(def.oid(), c);
                    }
                    return null;
                };
            }
            ts.accept("column");
            boolean ifNotExists = ts.accept("if", "not", "exists");
            String col = ts.identifier();
            TypeNameParser.Parsed type = TypeNameParser.parse(ts);
            boolean notNull = false;
            String defaultSql = null;
            while (!ts.atEnd() && !ts.isSymbol(",")) {
                if (ts.accept("not", "null")) {
                    notNull = true;
                } else if (ts.accept("null")) {
                    notNull = false;
                } else if (ts.accept("default")) {
                    defaultSql = expressionText(ts);
                } else {
                    skipUntilColumnEnd(ts);
                }
            }
            boolean nn = notNull;
            String dflt = defaultSql;
            return () -> {
                TableDef def = resolveTable(qn);
                if (def.columnIndex(col) >= 0) {
                    if (ifNotExists) {
                        session.notice("NOTICE:42701:column \"" + col + "\" of relation \"" + def.name() + "\" already exists, skipping");
                        return null;
                    }
                    throw new EpochException(ErrorCode.DUPLICATE_COLUMN, "column \"" + col + "\" of relation \"" + def.name() + "\" already exists");
                }
                Object fill = dflt == null ? null : session.evaluateConstant(dflt, type.type());
                catalog().addColumn(def.oid(), new ColumnDef(col, type.type(), nn, dflt, 0), fill);
                return null;
            };
        }
        if (ts.accept("drop")) {
            if (ts.accept("constraint")) {
                boolean ifExists = ts.accept("if", "exists");
                String name = ts.identifier();
                ts.accept("cascade");
                return () -> {
                    catalog().dropConstraint(resolveTable(qn).oid(), name, ifExists);
                    return null;
                };
            }
            ts.accept("column");
            boolean ifExists = ts.accept("if", "exists");
            String col = ts.identifier();
            ts.accept("cascade");
            ts.accept("restrict");
            return () -> {
                TableDef def = resolveTable(qn);
                if (def.columnIndex(col) < 0) {
                    if (ifExists) {
                        session.notice("NOTICE:00000:column \"" + col + "\" of relation \"" + def.name() + "\" does not exist, skipping");
                        return null;
                    }
                    throw new EpochException(ErrorCode.UNDEFINED_COLUMN, "column \"" + col + "\" of relation \"" + def.name() + "\" does not exist");
                }
                catalog().dropColumn(def.oid(), col);
                return null;
            };
        }
        if (ts.accept("rename")) {
            if (ts.accept("to")) {
                String to = ts.identifier();
                return () -> {
                    catalog().renameRelation(resolveTable(qn).oid(), to);
                    return null;
                };
            }
            ts.accept("column");
            String from = ts.identifier();
            ts.expect("to");
            String to = ts.identifier();
            return () -> {
                catalog().renameColumn(resolveTable(qn).oid(), from, to);
                return null;
            };
        }
        if (ts.accept("alter")) {
            ts.accept("column");
            String col = ts.identifier();
            if (ts.accept("set", "default")) {
                String dflt = expressionText(ts);
                return () -> {
                    catalog().setColumnDefault(resolveTable(qn).oid(), col, dflt);
                    return null;
                };
            }
            if (ts.accept("drop", "default")) {
                return () -> {
                    catalog().setColumnDefault(resolveTable(qn).oid(), col, null);
                    return null;
                };
            }
            if (ts.accept("set", "not", "null")) {
                return () -> {
                    catalog().setColumnNotNull(resolveTable(qn).oid(), col, true);
                    return null;
                };
            }
            if (ts.accept("drop", "not", "null")) {
                return () -> {
                    catalog().setColumnNotNull(resolveTable(qn).oid(), col, false);
                    return null;
                };
            }
            throw new EpochException(ErrorCode.FEATURE_NOT_SUPPORTED, "this ALTER COLUMN form is not supported");
        }
        if (ts.accept("owner", "to") || ts.accept("set")) {
            skipUntilColumnEnd(ts);
            return () -> null;
        }
        throw ts.syntaxError();
    }

    // --- TRUNCATE, COMMENT ----------------------------------------------------------------------------------

    private Supplier<String> truncate(TokenStream ts) {
        ts.accept("table");
        ts.accept("only");
        List<String[]> names = new ArrayList<>();
        do {
            names.add(ts.qualifiedName());
        } while (ts.acceptSymbol(","));
        ts.skipToEnd();
        return () -> {
            for (String[] n : names) {
                TableDef def = resolveTable(n);
                session.inTransaction(tx -> new DmlStatements(session).deleteAll(def, tx));
            }
            return "TRUNCATE TABLE";
        };
    }

    private Supplier<String> comment(TokenStream ts) {
        ts.expect("on");
        String kind = ts.next().value();
        String[] target;
        String column = null;
        if (kind.equals("column")) {
            String a = ts.identifier();
            ts.expectSymbol(".");
            String b = ts.identifier();
            if (ts.acceptSymbol(".")) {
                target = new String[] {a, b};
                column = ts.identifier();
            } else {
                target = new String[] {null, a};
                column = b;
            }
        } else {
            target = ts.qualifiedName();
        }
        ts.expect("is");
        String text = ts.accept("null") ? null : ts.string();
        String col = column;
        return () -> {
            if (kind.equals("table") || kind.equals("view") || kind.equals("column")) {
                TableDef def = resolveTable(target);
                int sub = col == null ? 0 : def.column(col).orElseThrow(() -> new EpochException(ErrorCode.UNDEFINED_COLUMN,
                    "column \"" + col + "\" of relation \"" + def.name() + "\" does not exist")).attnum();
                catalog().setComment(def.oid(), sub, text);
            } else if (kind.equals("schema")) {
                catalog().schema(target[1]).ifPresent(s -> catalog().setComment(s.oid(), 0, text));
            }
            return "COMMENT";
        };
    }

    // --- name resolution ---------------------------------------------------------------------------------------

    Optional<TableDef> findRelation(String[] qn) {
        if (qn[0] != null) {
            return catalog().lookup(qn[0], qn[1]);
        }
        for (String s : session.schemaSearchList()) {
            Optional<TableDef> t = catalog().lookup(s, qn[1]);
            if (t.isPresent()) {
                return t;
            }
        }
        return Optional.empty();
    }

    private Optional<IndexDef> findIndex(String[] qn) {
        if (qn[0] != null) {
            return catalog().lookupIndex(qn[0], qn[1]);
        }
        for (String s : session.schemaSearchList()) {
            Optional<IndexDef> t = catalog().lookupIndex(s, qn[1]);
            if (t.isPresent()) {
                return t;
            }
        }
        return Optional.empty();
    }

    TableDef resolveTable(String[] qn) {
        return findRelation(qn).orElseThrow(() -> new EpochException(ErrorCode.UNDEFINED_TABLE,
            "relation \"" + (qn[0] != null ? qn[0] + "." : "") + qn[1] + "\" does not exist"));
    }

    static ColumnType typeOf(TableDef def, String col) {
        return def.column(col).map(ColumnDef::type).orElseThrow();
    }
}
