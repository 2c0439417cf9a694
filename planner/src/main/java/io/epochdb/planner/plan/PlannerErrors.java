package io.epochdb.planner.plan;

import io.epochdb.common.ErrorCode;
import io.epochdb.common.EpochException;
import org.apache.calcite.runtime.CalciteContextException;
import org.apache.calcite.sql.parser.SqlParseException;

/**
 * Turns Calcite's parse and validation errors into PostgreSQL's SQLSTATEs and message wording
 * ({@code relation "x" does not exist}, {@code column "y" does not exist}, ...).
 */
public final class PlannerErrors {
    private PlannerErrors() {
    }

    public static EpochException fromParse(SqlParseException e, String sql) {
        String msg = e.getMessage() == null ? "" : e.getMessage();
        String near = between(msg, "Encountered \"", "\" at");
        if (near == null) {
            near = between(msg, "near the keyword '", "'");
        }
        if (near == null) {
            near = between(msg, "Incorrect syntax near '", "'");
        }
        if (near == null || near.isBlank() || msg.contains("<EOF>")) {
            return new EpochException(ErrorCode.SYNTAX_ERROR, "syntax error at end of input", null, null,
                sql.length() + 1, e);
        }
        int position = 0;
        if (e.getPos() != null) {
            position = offsetOf(sql, e.getPos().getLineNum(), e.getPos().getColumnNum());
        }
        return new EpochException(ErrorCode.SYNTAX_ERROR, "syntax error at or near \"" + near.trim() + "\"", null, null,
            position, e);
    }

    public static EpochException fromValidation(RuntimeException e) {
        if (e instanceof EpochException ee) {
            return ee;
        }
        Throwable root = e;
        while (root.getCause() != null && !(root instanceof EpochException) && root.getCause() != root) {
            root = root.getCause();
        }
        if (root instanceof EpochException ee) {
            return ee;
        }
        String msg = root.getMessage() == null ? root.toString() : root.getMessage();
        String name;
        if ((name = between(msg, "Object '", "' not found")) != null) {
            return new EpochException(ErrorCode.UNDEFINED_TABLE, "relation \"" + name + "\" does not exist", e);
        }
        if ((name = between(msg, "Table '", "' not found")) != null) {
            return new EpochException(ErrorCode.UNDEFINED_TABLE, "relation \"" + name + "\" does not exist", e);
        }
        if ((name = between(msg, "Column '", "' not found")) != null) {
            return new EpochException(ErrorCode.UNDEFINED_COLUMN, "column \"" + name + "\" does not exist", e);
        }
        if ((name = between(msg, "Column '", "' is ambiguous")) != null) {
            return new EpochException(ErrorCode.AMBIGUOUS_COLUMN, "column reference \"" + name + "\" is ambiguous", e);
        }
        if ((name = between(msg, "No match found for function signature ", "(")) != null) {
            String args = between(msg, name + "(", ")");
            return new EpochException(ErrorCode.UNDEFINED_FUNCTION, "function " + name + "(" + pgArgs(args) + ") does not exist",
                null, "No function matches the given name and argument types. You might need to add explicit type casts.", 0, e);
        }
        if (msg.contains("Cannot apply '")) {
            String op = between(msg, "Cannot apply '", "'");
            return new EpochException(ErrorCode.UNDEFINED_FUNCTION, "operator does not exist: " + op, null,
                "No operator matches the given name and argument types. You might need to add explicit type casts.", 0, e);
        }
        if (msg.contains("Invalid number of arguments to function")) {
            String fn = between(msg, "function '", "'");
            return new EpochException(ErrorCode.UNDEFINED_FUNCTION, "function " + (fn == null ? "" : fn.toLowerCase()) + " does not exist", e);
        }
        if (msg.contains("Expression '") && msg.contains("is not being grouped")) {
            String expr = between(msg, "Expression '", "'");
            return new EpochException(ErrorCode.GROUPING_ERROR, "column \"" + expr + "\" must appear in the GROUP BY clause or be used in an aggregate function", e);
        }
        if (msg.contains("Aggregate expression is illegal in") || msg.contains("aggregate function calls cannot be nested")) {
            return new EpochException(ErrorCode.GROUPING_ERROR, "aggregate functions are not allowed in " + (msg.contains("WHERE") ? "WHERE" : "this context"), e);
        }
        if ((name = between(msg, "Column '", "' has no default value and does not allow NULLs")) != null) {
            return new EpochException(ErrorCode.NOT_NULL_VIOLATION, "null value in column \"" + name + "\" violates not-null constraint", e);
        }
        if (msg.contains("Ordinal out of range")) {
            return new EpochException(ErrorCode.INVALID_COLUMN_REFERENCE, "ORDER BY position is not in select list", e);
        }
        if (msg.contains("WHERE clause must be a condition")) {
            return new EpochException(ErrorCode.DATATYPE_MISMATCH, "argument of WHERE must be type boolean", e);
        }
        if (msg.contains("OVER clause is necessary for window functions")) {
            return new EpochException(ErrorCode.WRONG_OBJECT_TYPE, "window function call requires an OVER clause", e);
        }
        if (msg.contains("Illegal use of dynamic parameter")) {
            return new EpochException(ErrorCode.INDETERMINATE_DATATYPE, "could not determine data type of parameter", e);
        }
        if (msg.contains("Cast function cannot convert") || msg.contains("Cannot assign to target field")
            || msg.contains("Type mismatch")) {
            return new EpochException(ErrorCode.DATATYPE_MISMATCH, msg, e);
        }
        if (msg.contains("Unknown identifier") || msg.contains("Unknown target column")) {
            String col = between(msg, "'", "'");
            return new EpochException(ErrorCode.UNDEFINED_COLUMN, "column \"" + col + "\" does not exist", e);
        }
        if (msg.contains("Number of INSERT target columns")) {
            return new EpochException(ErrorCode.SYNTAX_ERROR, "INSERT has more expressions than target columns", e);
        }
        if (msg.contains("Unknown datatype name") || msg.contains("Unknown identifier")) {
            String t = between(msg, "'", "'");
            return new EpochException(ErrorCode.UNDEFINED_OBJECT, "type \"" + (t == null ? msg : t.toLowerCase()) + "\" does not exist", e);
        }
        return new EpochException(ErrorCode.SYNTAX_ERROR, msg, e);
    }

    private static String pgArgs(String calciteArgs) {
        if (calciteArgs == null || calciteArgs.isBlank()) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        for (String a : calciteArgs.split(",")) {
            String t = a.trim().replace("<", "").replace(">", "").toLowerCase();
            t = switch (t) {
                case "character", "char", "varchar" -> "text";
                case "numeric", "decimal" -> "numeric";
                case "integer" -> "integer";
                case "timestamp_with_local_time_zone", "timestamp with local time zone" -> "timestamp with time zone";
                default -> t;
            };
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append(t);
        }
        return sb.toString();
    }

    static String between(String s, String start, String end) {
        int a = s.indexOf(start);
        if (a < 0) {
            return null;
        }
        a += start.length();
        int b = s.indexOf(end, a);
        if (b < 0) {
            return null;
        }
        return s.substring(a, b);
    }

    private static int offsetOf(String sql, int line, int column) {
        int offset = 0;
        for (int l = 1; l < line && offset < sql.length(); l++) {
            int nl = sql.indexOf('\n', offset);
            if (nl < 0) {
                break;
            }
            offset = nl + 1;
        }
        return Math.min(offset + column, sql.length() + 1);
    }
}
