package io.epochdb.exec.expr;

import io.epochdb.common.types.ColumnType;
import io.epochdb.common.types.SqlType;
import io.epochdb.exec.expr.compare.Comparisons;
import java.util.List;
import java.util.Set;

/**
 * PostgreSQL's result type of a function or operator call for given argument types, so the planner can declare
 * the library's functions without restating their typing rules. Returns null when the name/argument combination
 * is unknown here (the planner then keeps its own rule or reports 42883).
 */
final class ResultTypes {
    private static final Set<String> TEXT_FNS = Set.of("lower", "upper", "initcap", "substring", "substr", "btrim", "trim",
        "ltrim", "rtrim", "replace", "concat", "concat_ws", "left", "right", "lpad", "rpad", "repeat", "reverse", "split_part",
        "md5", "to_hex", "chr", "translate", "regexp_replace", "quote_ident", "quote_literal", "quote_nullable", "format",
        "array_to_string", "to_char");
    private static final Set<String> INT_FNS = Set.of("length", "char_length", "character_length", "octet_length", "bit_length",
        "position", "strpos", "ascii", "array_length", "array_lower", "array_upper", "array_ndims", "cardinality",
        "array_position", "width_bucket");
    private static final Set<String> BOOL_FNS = Set.of("=", "<>", "!=", "<", "<=", ">", ">=", "and", "or", "not", "is null",
        "is not null", "is true", "is false", "is not true", "is not false", "is unknown", "is not unknown", "is distinct from",
        "is not distinct from", "like", "not like", "ilike", "not ilike", "similar to", "not similar to", "~", "~*", "!~", "!~*",
        "starts_with", "isfinite", "= any", "<> any", "< any", "<= any", "> any", ">= any", "= all", "<> all", "< all",
        "<= all", "> all", ">= all", "any");
    private static final Set<String> FLOAT_FNS = Set.of("cbrt", "pi", "random", "degrees", "radians", "sin", "cos", "tan", "cot",
        "asin", "acos", "atan", "atan2", "date_part");
    /** float8 for float/integer arguments, numeric for numeric arguments. */
    private static final Set<String> FLOAT_OR_NUMERIC = Set.of("sqrt", "exp", "ln", "log", "log10", "power", "pow");
    /** Same type as the (first) numeric argument. */
    private static final Set<String> SAME_AS_ARG = Set.of("abs", "sign", "u-", "u+");

    private ResultTypes() {
    }

    private static ColumnType t(SqlType s) {
        return ColumnType.of(s);
    }

    static ColumnType of(String name, List<ColumnType> args) {
        String n = name.toLowerCase(java.util.Locale.ROOT);
        List<SqlType> a = args.stream().map(ColumnType::type).toList();
        if (BOOL_FNS.contains(n)) {
            return t(SqlType.BOOL);
        }
        if (TEXT_FNS.contains(n)) {
            return t(SqlType.TEXT);
        }
        if (INT_FNS.contains(n)) {
            return t(SqlType.INT4);
        }
        if (FLOAT_FNS.contains(n)) {
            return t(SqlType.FLOAT8);
        }
        switch (n) {
            case "extract":
                return t(SqlType.NUMERIC);
            case "now", "current_timestamp", "transaction_timestamp", "statement_timestamp", "clock_timestamp", "to_timestamp",
                 "make_timestamptz":
                return t(SqlType.TIMESTAMPTZ);
            case "localtimestamp", "make_timestamp":
                return t(SqlType.TIMESTAMP);
            case "current_date", "to_date", "make_date":
                return t(SqlType.DATE);
            case "current_time", "localtime", "make_time":
                return t(SqlType.TIME);
            case "age", "make_interval", "justify_days", "justify_hours", "justify_interval":
                return t(SqlType.INTERVAL);
            case "gen_random_uuid":
                return t(SqlType.UUID);
            case "string_to_array":
                return t(SqlType.TEXT_ARRAY);
            case "time_bucket", "date_bin":
                return a.size() >= 2 ? (a.get(1) == SqlType.UNKNOWN ? t(SqlType.TIMESTAMPTZ) : t(a.get(1))) : null;
            case "date_trunc":
                if (a.size() < 2) {
                    return null;
                }
                return a.get(1) == SqlType.TIMESTAMP || a.get(1) == SqlType.INTERVAL ? t(a.get(1)) : t(SqlType.TIMESTAMPTZ);
            case "timezone":
                if (a.size() != 2) {
                    return null;
                }
                return a.get(1) == SqlType.TIMESTAMP || a.get(1) == SqlType.DATE ? t(SqlType.TIMESTAMPTZ) : t(SqlType.TIMESTAMP);
            case "ceil", "ceiling", "floor", "round", "trunc":
                if (a.size() == 2) {
                    return t(SqlType.NUMERIC);
                }
                return a.isEmpty() ? null : a.get(0) == SqlType.NUMERIC ? t(SqlType.NUMERIC) : t(SqlType.FLOAT8);
            case "mod", "div":
                return a.size() == 2 ? numericResult(a.get(0), a.get(1)) : null;
            case "case":
            case "coalesce", "greatest", "least", "nullif": {
                List<ColumnType> values = n.equals("case") ? caseValues(args) : n.equals("nullif") ? args.subList(0, 1) : args;
                SqlType common = null;
                for (ColumnType c : values) {
                    if (c.type() == SqlType.UNKNOWN) {
                        continue;
                    }
                    common = common == null ? c.type() : Comparisons.commonType(common, c.type());
                    if (common == null) {
                        return null;
                    }
                }
                return common == null ? t(SqlType.TEXT) : t(common);
            }
            case "array":
                if (a.isEmpty()) {
                    return null;
                }
                SqlType e = null;
                for (SqlType s : a) {
                    e = s == SqlType.UNKNOWN ? e : e == null ? s : Comparisons.commonType(e, s);
                }
                e = e == null ? SqlType.TEXT : e;
                return e.arrayType() == null ? null : t(e.arrayType());
            case "item":
                return !a.isEmpty() && a.get(0).isArray() ? t(a.get(0).element()) : null;
            case "||":
                if (a.size() != 2) {
                    return null;
                }
                if (a.get(0).isArray()) {
                    return t(a.get(0));
                }
                if (a.get(1).isArray()) {
                    return t(a.get(1));
                }
                return a.get(0) == SqlType.BYTEA && a.get(1) == SqlType.BYTEA ? t(SqlType.BYTEA) : t(SqlType.TEXT);
            default:
                break;
        }
        if (SAME_AS_ARG.contains(n)) {
            return a.size() == 1 && (a.get(0).isNumeric() || a.get(0) == SqlType.INTERVAL) ? args.get(0) : null;
        }
        if (FLOAT_OR_NUMERIC.contains(n)) {
            return a.stream().anyMatch(s -> s == SqlType.NUMERIC) && a.stream().noneMatch(s -> s == SqlType.FLOAT8 || s == SqlType.FLOAT4)
                ? t(SqlType.NUMERIC) : t(SqlType.FLOAT8);
        }
        if (a.size() == 2 && Set.of("+", "-", "*", "/", "%").contains(n)) {
            return arithmetic(n, a.get(0), a.get(1));
        }
        return null;
    }

    private static List<ColumnType> caseValues(List<ColumnType> args) {
        List<ColumnType> out = new java.util.ArrayList<>();
        for (int i = 1; i < args.size(); i += 2) {
            out.add(args.get(i));
        }
        if (args.size() % 2 == 1) {
            out.add(args.get(args.size() - 1));
        }
        return out;
    }

    private static ColumnType numericResult(SqlType x, SqlType y) {
        SqlType c = Comparisons.commonType(x == SqlType.UNKNOWN ? y : x, y == SqlType.UNKNOWN ? x : y);
        return c == null || !c.isNumeric() ? null : t(c == SqlType.INT2 ? SqlType.INT2 : c);
    }

    private static ColumnType arithmetic(String op, SqlType x, SqlType y) {
        if ((x.isNumeric() || x == SqlType.UNKNOWN) && (y.isNumeric() || y == SqlType.UNKNOWN)) {
            return numericResult(x, y);
        }
        boolean plus = op.equals("+");
        boolean minus = op.equals("-");
        if (plus || minus) {
            if ((x == SqlType.TIMESTAMPTZ || x == SqlType.TIMESTAMP) && y == SqlType.INTERVAL) {
                return t(x);
            }
            if (plus && x == SqlType.INTERVAL && (y == SqlType.TIMESTAMPTZ || y == SqlType.TIMESTAMP)) {
                return t(y);
            }
            if ((x == SqlType.DATE && y == SqlType.INTERVAL) || (plus && x == SqlType.INTERVAL && y == SqlType.DATE)) {
                return t(SqlType.TIMESTAMP);
            }
            if ((x == SqlType.DATE && y.isInteger()) || (plus && x.isInteger() && y == SqlType.DATE)) {
                return t(SqlType.DATE);
            }
            if (x == SqlType.INTERVAL && y == SqlType.INTERVAL) {
                return t(SqlType.INTERVAL);
            }
            if ((x == SqlType.TIME && y == SqlType.INTERVAL) || (plus && x == SqlType.INTERVAL && y == SqlType.TIME)) {
                return t(SqlType.TIME);
            }
            if (plus && ((x == SqlType.DATE && y == SqlType.TIME) || (x == SqlType.TIME && y == SqlType.DATE))) {
                return t(SqlType.TIMESTAMP);
            }
            if (minus && x == SqlType.DATE && y == SqlType.DATE) {
                return t(SqlType.INT4);
            }
            if (minus && x == y && (x == SqlType.TIMESTAMP || x == SqlType.TIMESTAMPTZ || x == SqlType.TIME)) {
                return t(SqlType.INTERVAL);
            }
        }
        if (op.equals("*") && ((x == SqlType.INTERVAL && y.isNumeric()) || (y == SqlType.INTERVAL && x.isNumeric()))) {
            return t(SqlType.INTERVAL);
        }
        if (op.equals("/") && x == SqlType.INTERVAL && y.isNumeric()) {
            return t(SqlType.INTERVAL);
        }
        return null;
    }
}
