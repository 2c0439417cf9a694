package io.epochdb.planner.catalog;

import io.epochdb.common.ErrorCode;
import io.epochdb.common.EpochException;
import io.epochdb.storage.catalog.Catalog;
import io.epochdb.storage.catalog.ConstraintDef;
import io.epochdb.storage.catalog.IndexDef;
import io.epochdb.storage.catalog.RoleDef;
import io.epochdb.storage.catalog.TableDef;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The catalog-introspection functions clients call, evaluated a row at a time against the live catalog. Each is
 * registered under its PostgreSQL name; casts that need the catalog under "from::to" ("text::regclass").
 */
public final class CatalogFunctionLibrary {
    private final CatalogSession session;
    private final SystemCatalog sys;

    private CatalogFunctionLibrary(CatalogSession session, SystemCatalog sys) {
        this.session = session;
        this.sys = sys;
    }

    /** Adds every catalog function, bound to {@code session}, to {@code functions}. */
    public static void register(CatalogSession session, SystemCatalog sys, Map<String, Function<Object[], Object>> functions) {
        new CatalogFunctionLibrary(session, sys).registerAll(functions);
    }

    private Catalog catalog() {
        return session.context().storage().catalog();
    }

    private void registerAll(Map<String, Function<Object[], Object>> f) {
        f.put("pg_table_is_visible", a -> a[0] == null ? null
            : Relations.byOid(session, sys, intArg(a[0])).map(r -> Relations.visible(session, sys, r)).orElse(null));
        f.put("pg_type_is_visible", a -> a[0] == null ? null : io.epochdb.common.types.SqlType.byOid(intArg(a[0])) != null);
        f.put("pg_function_is_visible", a -> a[0] == null ? null : Boolean.TRUE);
        f.put("format_type", a -> PgTypes.formatType(a[0] == null ? null : intArg(a[0]),
            a.length > 1 && a[1] != null ? intArg(a[1]) : null));
        f.put("pg_get_userbyid", a -> a[0] == null ? null : userName(intArg(a[0])));
        f.put("pg_get_indexdef", a -> a[0] == null ? null : indexDef(intArg(a[0]), a.length > 1 && a[1] != null ? intArg(a[1]) : 0));
        f.put("pg_get_constraintdef", a -> a[0] == null ? null : constraintDef(intArg(a[0])));
        f.put("pg_get_expr", a -> a[0] == null ? null : a[0].toString());
        f.put("pg_get_viewdef", a -> a[0] == null ? null : viewDef(a[0]));
        f.put("obj_description", a -> a[0] == null ? null : catalog().comment(intArg(a[0]), 0)
            .orElse(PgCatalogTables.BUILT_IN_DESCRIPTIONS.get(intArg(a[0]))));
        f.put("col_description", a -> a[0] == null || a[1] == null ? null
            : catalog().comment(intArg(a[0]), intArg(a[1])).orElse(null));
        f.put("shobj_description", a -> a[0] == null ? null : catalog().comment(intArg(a[0]), 0).orElse(null));
        f.put("pg_size_pretty", a -> a[0] == null ? null : sizePretty(((Number) numberArg(a[0])).longValue()));
        f.put("pg_total_relation_size", a -> a[0] == null ? null : relationSize(relArg(a[0]), true, true));
        f.put("pg_relation_size", a -> a[0] == null ? null : relationSize(relArg(a[0]), true, false));
        f.put("pg_table_size", a -> a[0] == null ? null : relationSize(relArg(a[0]), true, false));
        f.put("pg_indexes_size", a -> a[0] == null ? null : relationSize(relArg(a[0]), false, true));
        f.put("pg_database_size", a -> a[0] == null ? null : databaseSize());
        f.put("pg_tablespace_size", a -> a[0] == null ? null : databaseSize());
        f.put("to_regclass", a -> a[0] == null ? null : toRegclass(a[0].toString()));
        f.put("to_regtype", a -> a[0] == null ? null : PgTypes.oidOfName(a[0].toString()));
        f.put("getdatabaseencoding", a -> "UTF8");
        f.put("pg_client_encoding", a -> "UTF8");
        f.put("pg_get_triggerdef", a -> null);
        f.put("pg_get_ruledef", a -> null);
        f.put("pg_encoding_to_char", a -> a[0] == null ? null : intArg(a[0]) == 6 ? "UTF8" : intArg(a[0]) == 0 ? "SQL_ASCII" : "");
        f.put("pg_char_to_encoding", a -> a[0] == null ? null : "UTF8".equalsIgnoreCase(a[0].toString()) ? 6 : -1);
        for (String p : List.of("has_table_privilege", "has_schema_privilege", "has_database_privilege",
            "has_any_column_privilege", "has_column_privilege", "has_function_privilege", "has_sequence_privilege",
            "pg_has_role")) {
            f.put(p, a -> Boolean.TRUE);
        }
        f.put("pg_get_function_result", a -> a[0] == null ? null : PgProcs.result(intArg(a[0])));
        f.put("pg_get_function_arguments", a -> a[0] == null ? null : PgProcs.arguments(intArg(a[0])));
        f.put("pg_get_function_identity_arguments", a -> a[0] == null ? null : PgProcs.arguments(intArg(a[0])));
        f.put("pg_relation_is_publishable", a -> a[0] == null ? null : Boolean.FALSE);
        f.put("pg_get_statisticsobjdef_columns", a -> null);
        f.put("pg_get_partkeydef", a -> null);
        f.put("pg_get_serial_sequence", a -> null);
        f.put("pg_tablespace_location", a -> "");
        f.put("pg_is_in_recovery", a -> Boolean.FALSE);
        f.put("inet_server_addr", a -> "127.0.0.1");
        f.put("inet_client_addr", a -> "127.0.0.1");
        // PostgreSQL quotes every keyword that is not unreserved (quote_ident('time') is "time")
        f.put("quote_ident", a -> a[0] == null ? null : Identifiers.quote(a[0].toString()));
        f.put("parse_ident", a -> a[0] == null ? null : parseIdent(a[0].toString(), a.length < 2 || !Boolean.FALSE.equals(a[1])));
        f.put("text::regclass", a -> a[0] == null ? null : regclass(a[0].toString()));
        f.put("text::regtype", a -> a[0] == null ? null : regtype(a[0].toString()));
        f.put("text::regproc", a -> a[0] == null ? null : regproc(a[0].toString()));
        f.put("regclass::text", a -> a[0] == null ? null : regclassName(intArg(a[0])));
        f.put("oid::text", a -> a[0] == null ? null : String.valueOf(Integer.toUnsignedLong(intArg(a[0]))));
        // reg* types are oids: casts between them keep the number
        for (String from : List.of("regclass", "regtype", "regproc", "oid", "int4", "int8")) {
            for (String to : List.of("regclass", "regtype", "regproc", "oid", "int4", "int8")) {
                boolean regToReg = !from.startsWith("int") || !to.startsWith("int");
                if (!from.equals(to) && regToReg) {
                    f.putIfAbsent(from + "::" + to, to.equals("int8")
                        ? a -> a[0] == null ? null : Integer.toUnsignedLong(intArg(a[0]))
                        : a -> a[0] == null ? null : intArg(a[0]));
                }
            }
        }
        f.put("regtype::text", a -> a[0] == null ? null : PgTypes.formatType(intArg(a[0]), null));
        f.put("regproc::text", a -> a[0] == null ? null : PgTypes.PROC_NAMES.getOrDefault(intArg(a[0]), a[0].toString()));
    }

    // --- helpers ---------------------------------------------------------------------------------------------

    static int intArg(Object v) {
        if (v instanceof Number n) {
            return n.intValue();
        }
        String s = v.toString().trim();
        try {
            return (int) Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw new EpochException(ErrorCode.INVALID_TEXT_REPRESENTATION, "invalid input syntax for type oid: \"" + s + "\"");
        }
    }

    /** A regclass argument: an OID, or a relation name as text (PostgreSQL casts the literal implicitly). */
    private int relArg(Object v) {
        return v instanceof Number n ? n.intValue() : regclass(v.toString());
    }

    private static Object numberArg(Object v) {
        if (v instanceof Number) {
            return v;
        }
        return new java.math.BigDecimal(v.toString().trim());
    }

    private String userName(int oid) {
        for (RoleDef r : catalog().roles()) {
            if (r.oid() == oid) {
                return r.name();
            }
        }
        return "unknown (OID=" + Integer.toUnsignedLong(oid) + ")";
    }

    private String indexDef(int oid, int column) {
        Optional<IndexDef> i = catalog().index(oid);
        if (i.isEmpty()) {
            return null;
        }
        if (column > 0) {
            return column <= i.get().columns().size() ? Identifiers.quote(i.get().columns().get(column - 1)) : "";
        }
        return Definitions.indexDefinition(catalog(), i.get());
    }

    private String constraintDef(int oid) {
        for (TableDef t : catalog().relations()) {
            for (ConstraintDef k : t.constraints()) {
                if (k.oid() == oid) {
                    return Definitions.constraintDefinition(k);
                }
            }
        }
        return null;
    }

    private String viewDef(Object arg) {
        Optional<TableDef> view;
        if (arg instanceof Number n) {
            view = catalog().byOid(n.intValue());
        } else {
            view = catalog().byOid(relArg(arg));
        }
        return view.filter(TableDef::isView).map(Definitions::viewDefinition).orElse(null);
    }

    /** Sum of the sizes of every table (the one database EpochDB has). */
    private long databaseSize() {
        long size = 8L * 1024 * 1024;
        for (TableDef t : catalog().relations()) {
            Long s = t.isView() ? null : relationSize(t.oid(), true, true);
            size += s == null ? 0 : s;
        }
        return size;
    }

    private Integer toRegclass(String text) {
        try {
            return regclass(text);
        } catch (EpochException e) {
            return null;
        }
    }

    private Long relationSize(int oid, boolean table, boolean indexes) {
        Optional<TableDef> t = catalog().byOid(oid);
        if (t.isPresent()) {
            if (t.get().isView()) {
                return 0L;
            }
            long size = 0;
            if (table) {
                try {
                    size += session.context().storage().table(oid).sizeBytes();
                } catch (RuntimeException e) {
                    return null;
                }
            }
            if (indexes) {
                size += 8192L * catalog().indexes(oid).size();
            }
            return size;
        }
        if (catalog().index(oid).isPresent()) {
            return table ? 8192L : 0L;
        }
        return sys.entry(oid).isPresent() ? (table ? 8192L : 0L) : null;
    }

    /** pg_size_pretty: bytes, kB, MB, GB, TB with PostgreSQL's rounding. */
    static String sizePretty(long size) {
        long limit = 10 * 1024;
        long limit2 = limit * 2 - 1;
        if (Math.abs(size) < limit) {
            return size + " bytes";
        }
        size >>= 9;
        String[] units = {"kB", "MB", "GB", "TB", "PB"};
        for (int u = 0; u < units.length; u++) {
            if (Math.abs(size) < limit2 || u == units.length - 1) {
                return halfRounded(size) + " " + units[u];
            }
            size >>= 10;
        }
        return size + " PB";
    }

    private static long halfRounded(long x) {
        return (x + (x < 0 ? -1 : 1)) / 2;
    }

    /** 'name'::regclass: a possibly qualified, possibly quoted name (or a number) to the relation OID; 42P01. */
    private int regclass(String text) {
        String s = text.trim();
        if (!s.isEmpty() && s.chars().allMatch(Character::isDigit)) {
            return (int) Long.parseLong(s);
        }
        List<String> parts = parseIdent(s, true);
        Optional<Relations.Rel> rel = parts.size() == 1 ? Relations.byName(session, sys, null, parts.get(0))
            : parts.size() == 2 ? Relations.byName(session, sys, parts.get(0), parts.get(1)) : Optional.empty();
        return rel.map(Relations.Rel::oid).orElseThrow(() ->
            new EpochException(ErrorCode.UNDEFINED_TABLE, "relation \"" + s + "\" does not exist"));
    }

    private String regclassName(int oid) {
        return Relations.byOid(session, sys, oid)
            .map(r -> Identifiers.qualify(r.schema(), r.name(), Relations.visible(session, sys, r)))
            .orElse(String.valueOf(Integer.toUnsignedLong(oid)));
    }

    private int regtype(String text) {
        String s = text.trim();
        if (!s.isEmpty() && s.chars().allMatch(Character::isDigit)) {
            return (int) Long.parseLong(s);
        }
        Integer oid = PgTypes.oidOfName(s);
        if (oid == null) {
            throw new EpochException(ErrorCode.UNDEFINED_OBJECT, "type \"" + s + "\" does not exist");
        }
        return oid;
    }

    private int regproc(String text) {
        String s = text.trim();
        if (s.startsWith("pg_catalog.")) {
            s = s.substring("pg_catalog.".length());
        }
        Integer oid = PgTypes.PROCS.get(s);
        if (oid == null) {
            for (PgProcs.Proc p : PgProcs.PROCS) {
                if (p.name().equals(s)) {
                    return p.oid();
                }
            }
            throw new EpochException(ErrorCode.UNDEFINED_FUNCTION, "function \"" + text.trim() + "\" does not exist");
        }
        return oid;
    }

    /** parse_ident: splits a qualified identifier, folding unquoted parts to lower case. */
    static List<String> parseIdent(String s, boolean strict) {
        List<String> out = new ArrayList<>();
        int i = 0;
        int n = s.length();
        while (true) {
            while (i < n && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
            StringBuilder part = new StringBuilder();
            if (i < n && s.charAt(i) == '"') {
                i++;
                while (true) {
                    if (i >= n) {
                        throw invalidName(s);
                    }
                    char c = s.charAt(i++);
                    if (c == '"') {
                        if (i < n && s.charAt(i) == '"') {
                            part.append('"');
                            i++;
                        } else {
                            break;
                        }
                    } else {
                        part.append(c);
                    }
                }
            } else {
                while (i < n && s.charAt(i) != '.' && !Character.isWhitespace(s.charAt(i))) {
                    part.append(Character.toLowerCase(s.charAt(i++)));
                }
                if (part.length() == 0) {
                    throw invalidName(s);
                }
            }
            out.add(part.toString());
            while (i < n && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
            if (i < n && s.charAt(i) == '.') {
                i++;
                continue;
            }
            if (i < n && strict) {
                throw invalidName(s);
            }
            return out;
        }
    }

    private static EpochException invalidName(String s) {
        return new EpochException(ErrorCode.INVALID_PARAMETER_VALUE, "string is not a valid identifier: \"" + s + "\"");
    }
}
