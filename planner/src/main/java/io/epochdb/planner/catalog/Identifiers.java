package io.epochdb.planner.catalog;

import java.util.Set;

/** PostgreSQL's quote_ident rule for names printed in definitions (pg_get_indexdef, format of regclass). */
final class Identifiers {
    private Identifiers() {
    }

    private static final Set<String> RESERVED = Set.of("all", "analyse", "analyze", "and", "any", "array", "as",
        "asc", "asymmetric", "authorization", "binary", "both", "case", "cast", "check", "collate", "collation",
        "column", "concurrently", "constraint", "create", "cross", "current_catalog", "current_date", "current_role",
        "current_schema", "current_time", "current_timestamp", "current_user", "default", "deferrable", "desc",
        "distinct", "do", "else", "end", "except", "false", "fetch", "for", "foreign", "freeze", "from", "full",
        "grant", "group", "having", "ilike", "in", "initially", "inner", "intersect", "into", "is", "isnull", "join",
        "lateral", "leading", "left", "like", "limit", "localtime", "localtimestamp", "natural", "not", "notnull",
        "null", "offset", "on", "only", "or", "order", "outer", "overlaps", "placing", "primary", "references",
        "returning", "right", "select", "session_user", "similar", "some", "symmetric", "table", "tablesample",
        "then", "to", "trailing", "true", "union", "unique", "user", "using", "variadic", "verbose", "when", "where",
        "window", "with");

    static String quote(String name) {
        if (name == null) {
            return null;
        }
        boolean safe = !name.isEmpty() && (Character.isLowerCase(name.charAt(0)) || name.charAt(0) == '_');
        for (int i = 0; safe && i < name.length(); i++) {
            char c = name.charAt(i);
            safe = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
        }
        if (safe && !RESERVED.contains(name)) {
            return name;
        }
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    /** A relation name as regclass output prints it: schema-qualified unless its schema is visible. */
    static String qualify(String schema, String name, boolean visible) {
        return visible ? quote(name) : quote(schema) + "." + quote(name);
    }
}
