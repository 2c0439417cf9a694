package io.epochdb.planner.catalog;

import java.util.Set;

/** PostgreSQL's quote_ident rule: names printed in definitions (pg_get_indexdef, regclass output) and quote_ident(). */
final class Identifiers {
    private Identifiers() {
    }

    private static final Set<String> RESERVED = Set.copyOf(java.util.Arrays.asList("all", "analyse", "analyze", "and", "any", "array", "as",
        "asc", "asymmetric", "authorization", "binary", "both", "case", "cast", "check", "collate", "collation",
        "column", "concurrently", "constraint", "create", "cross", "current_catalog", "current_date", "current_role",
        "current_schema", "current_time", "current_timestamp", "current_user", "default", "deferrable", "desc",
        "distinct", "do", "else", "end", "except", "false", "fetch", "for", "foreign", "freeze", "from", "full",
        "grant", "group", "having", "ilike", "in", "initially", "inner", "intersect", "into", "is", "isnull", "join",
        "lateral", "leading", "left", "like", "limit", "localtime", "localtimestamp", "natural", "not", "notnull",
        "null", "offset", "on", "only", "or", "order", "outer", "overlaps", "placing", "primary", "references",
        "returning", "right", "select", "session_user", "similar", "some", "symmetric", "table", "tablesample",
        "then", "to", "trailing", "true", "union", "unique", "user", "using", "variadic", "verbose", "when", "where",
        "window", "with",
        // column-name and type/function-name keywords: quote_ident quotes every keyword that is not unreserved
        "between", "bigint", "bit", "boolean", "char", "character", "coalesce", "dec", "decimal", "exists",
        "extract", "float", "greatest", "grouping", "inout", "int", "integer", "interval", "json", "least",
        "national", "nchar", "none", "normalize", "nullif", "numeric", "out", "overlay", "position", "precision",
        "real", "row", "setof", "smallint", "substring", "time", "timestamp", "treat", "trim", "values", "varchar",
        "xmlattributes", "xmlconcat", "xmlelement", "xmlexists", "xmlforest", "xmlnamespaces", "xmlparse", "xmlpi",
        "xmlroot", "xmlserialize", "xmltable", "authorization", "binary", "collation", "concurrently", "cross",
        "current_schema", "freeze", "full", "ilike", "inner", "is", "isnull", "join", "left", "like", "natural",
        "notnull", "outer", "overlaps", "right", "similar", "tablesample", "verbose"));

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
