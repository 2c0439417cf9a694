package io.epochdb.planner.translate;

import io.epochdb.common.ErrorCode;
import io.epochdb.common.EpochException;
import io.epochdb.common.types.ColumnType;
import io.epochdb.common.types.Interval;
import io.epochdb.common.types.SqlType;
import io.epochdb.exec.expr.ColumnRef;
import io.epochdb.exec.expr.Expr;
import io.epochdb.exec.expr.Functions;
import io.epochdb.exec.expr.Literal;
import io.epochdb.exec.expr.ParamRef;
import io.epochdb.planner.schema.TypeMapping;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.apache.calcite.avatica.util.TimeUnitRange;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexDynamicParam;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.fun.SqlTrimFunction;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.util.DateString;
import org.apache.calcite.util.TimeString;
import org.apache.calcite.util.TimestampString;

/**
 * Translates Calcite row expressions into exec {@link Expr}s: input references, literals in EpochDB's value
 * representation, parameters, and calls mapped to the PostgreSQL function names exec implements.
 */
public final class RexTranslator {
    private final RexBuilder rexBuilder;
    private final List<Integer> paramOfPlaceholder;
    private final Map<String, Function<Object[], Object>> sessionFunctions;

    /**
     * @param paramOfPlaceholder for each Calcite dynamic parameter (by index), the 1-based PostgreSQL parameter
     * @param sessionFunctions functions the planner evaluates itself (session and catalog information), by name
     */
    public RexTranslator(RexBuilder rexBuilder, List<Integer> paramOfPlaceholder,
                         Map<String, Function<Object[], Object>> sessionFunctions) {
        this.rexBuilder = rexBuilder;
        this.paramOfPlaceholder = paramOfPlaceholder;
        this.sessionFunctions = sessionFunctions;
    }

    public List<Expr> translateAll(List<RexNode> nodes) {
        List<Expr> out = new ArrayList<>(nodes.size());
        for (RexNode n : nodes) {
            out.add(translate(n));
        }
        return out;
    }

    public Expr translate(RexNode node) {
        ColumnType type = TypeMapping.toColumnType(node.getType());
        if (node instanceof RexInputRef ref) {
            return new ColumnRef(ref.getIndex(), type);
        }
        if (node instanceof RexLiteral lit) {
            return new Literal(literalValue(lit, type), type);
        }
        if (node instanceof RexDynamicParam p) {
            int pg = paramOfPlaceholder.get(p.getIndex()) - 1;
            return new ParamRef(pg, type);
        }
        if (node instanceof RexCall call) {
            return translateCall(call, type);
        }
        throw new EpochException(ErrorCode.FEATURE_NOT_SUPPORTED, "expression not supported: " + node);
    }

    private Expr translateCall(RexCall call, ColumnType type) {
        SqlKind kind = call.getKind();
        switch (kind) {
            case SEARCH:
                return translate(RexUtil.expandSearch(rexBuilder, null, call));
            case CAST:
            case SAFE_CAST: {
                RexNode operand = call.getOperands().get(0);
                Expr arg = translate(operand);
                if (arg.type().equals(type)) {
                    return arg;
                }
                // casts that need the catalog ('cpu'::regclass, 'int4'::regtype) are session functions named
                // after the cast, e.g. "text::regclass"
                Function<Object[], Object> catalogCast = sessionFunctions.get(
                    (arg.type().type().isText() ? "text" : arg.type().type().typname()) + "::" + type.type().typname());
                if (catalogCast != null) {
                    return new RowFunctionExpr(List.of(arg), type, catalogCast);
                }
                return Functions.cast(arg, type);
            }
            case REINTERPRET:
                return translate(call.getOperands().get(0));
            case EXTRACT: {
                String unit = symbolName(call.getOperands().get(0));
                Expr source = translate(call.getOperands().get(1));
                if (type.type() == SqlType.NUMERIC) {
                    return Functions.call("extract", List.of(text(unit), source), type);
                }
                return castTo(Functions.call("date_part", List.of(text(unit), source), ColumnType.of(SqlType.FLOAT8)), type);
            }
            case TRIM: {
                SqlTrimFunction.Flag flag = (SqlTrimFunction.Flag) ((RexLiteral) call.getOperands().get(0)).getValue();
                String fn = switch (flag) {
                    case LEADING -> "ltrim";
                    case TRAILING -> "rtrim";
                    default -> "btrim";
                };
                Expr chars = translate(call.getOperands().get(1));
                Expr str = translate(call.getOperands().get(2));
                return Functions.call(fn, List.of(str, chars), type);
            }
            case FLOOR:
            case CEIL:
                if (call.getOperands().size() == 2) {
                    String unit = symbolName(call.getOperands().get(1));
                    return Functions.call("date_trunc", List.of(text(unit), translate(call.getOperands().get(0))), type);
                }
                break;
            default:
                break;
        }
        String name = functionName(call);
        if (name.equals("pg_typeof")) {
            // the argument's type is known at planning time
            ColumnType argType = TypeMapping.toColumnType(call.getOperands().get(0).getType());
            return new Literal(argType.displayName(), type);
        }
        List<Expr> args = translateAll(call.getOperands());
        if ((name.equals("+") || name.equals("-")) && args.size() == 2
            && (args.get(0).type().type().isText() && args.get(1).type().type().isNumeric()
            || args.get(1).type().type().isText() && args.get(0).type().type().isNumeric())) {
            // an untyped string literal beside a typed operand takes that operand's type, as in PostgreSQL
            int text = args.get(0).type().type().isText() ? 0 : 1;
            args = new java.util.ArrayList<>(args);
            args.set(text, Functions.cast(args.get(text), args.get(1 - text).type()));
        }
        Function<Object[], Object> sessionFn = sessionFunctions.get(name);
        if (sessionFn != null) {
            return new RowFunctionExpr(args, type, sessionFn);
        }
        return Functions.call(name, args, type);
    }

    private static Expr castTo(Expr e, ColumnType type) {
        return e.type().equals(type) ? e : Functions.cast(e, type);
    }

    private static Expr text(String s) {
        return new Literal(s, ColumnType.of(SqlType.TEXT));
    }

    private static String symbolName(RexNode n) {
        Object v = ((RexLiteral) n).getValue();
        if (v instanceof TimeUnitRange r) {
            return r.startUnit.name().toLowerCase(Locale.ROOT).replace("dow", "dow");
        }
        return String.valueOf(v).toLowerCase(Locale.ROOT);
    }

    /** The PostgreSQL function name exec knows this call by. */
    static String functionName(RexCall call) {
        SqlKind kind = call.getKind();
        switch (kind) {
            case PLUS:
            case CHECKED_PLUS:
                return "+";
            case MINUS:
            case CHECKED_MINUS:
                return "-";
            case TIMES:
                return "*";
            case DIVIDE:
                return "/";
            case MOD:
                return "%";
            case MINUS_PREFIX:
                return "u-";
            case PLUS_PREFIX:
                return "u+";
            case EQUALS:
                return "=";
            case NOT_EQUALS:
                return "<>";
            case LESS_THAN:
                return "<";
            case LESS_THAN_OR_EQUAL:
                return "<=";
            case GREATER_THAN:
                return ">";
            case GREATER_THAN_OR_EQUAL:
                return ">=";
            case AND:
                return "and";
            case OR:
                return "or";
            case NOT:
                return "not";
            case IS_NULL:
                return "is null";
            case IS_NOT_NULL:
                return "is not null";
            case IS_TRUE:
                return "is true";
            case IS_FALSE:
                return "is false";
            case IS_NOT_TRUE:
                return "is not true";
            case IS_NOT_FALSE:
                return "is not false";
            case IS_DISTINCT_FROM:
                return "is distinct from";
            case IS_NOT_DISTINCT_FROM:
                return "is not distinct from";
            case CASE:
                return "case";
            case COALESCE:
                return "coalesce";
            case NULLIF:
                return "nullif";
            case GREATEST:
                return "greatest";
            case LEAST:
                return "least";
            case ITEM:
                return "item";
            case ARRAY_VALUE_CONSTRUCTOR:
                return "array";
            case LIKE: {
                String op = call.getOperator().getName().toLowerCase(Locale.ROOT);
                return op; // like, not like, ilike, not ilike
            }
            case SIMILAR:
                return call.getOperator().getName().toLowerCase(Locale.ROOT);
            case POSIX_REGEX_CASE_SENSITIVE:
                return isNegatedRegex(call) ? "!~" : "~";
            case POSIX_REGEX_CASE_INSENSITIVE:
                return isNegatedRegex(call) ? "!~*" : "~*";
            case OTHER:
                if (call.getOperator().getName().equals("||")) {
                    return "||";
                }
                break;
            default:
                break;
        }
        String name = call.getOperator().getName().toLowerCase(Locale.ROOT);
        return switch (name) {
            case "character_length", "char_length" -> "char_length";
            case "current_timestamp", "localtimestamp" -> "now";
            case "current_date" -> "current_date";
            case "current_time", "localtime" -> "current_time";
            case "ln" -> "ln";
            case "ceiling" -> "ceil";
            case "substr" -> "substring";
            default -> name;
        };
    }

    /**
     * (catalog work) Calcite names its negated regex operators "NEGATED POSIX REGEX CASE [IN]SENSITIVE", not "!~";
     * without this check {@code x !~ 'p'} ran as {@code x ~ 'p'} (psql's \dn, \dt filters).
     */
    private static boolean isNegatedRegex(RexCall call) {
        String name = call.getOperator().getName();
        return name.startsWith("!") || name.startsWith("NEGATED");
    }

    /** A literal's value in the Java representation documented on {@link SqlType}. */
    static Object literalValue(RexLiteral lit, ColumnType type) {
        if (lit.isNull()) {
            return null;
        }
        SqlTypeName t = lit.getTypeName();
        switch (t) {
            case BOOLEAN:
                return lit.getValueAs(Boolean.class);
            case TINYINT:
            case SMALLINT:
            case INTEGER:
            case BIGINT:
            case DECIMAL:
            case DOUBLE:
            case FLOAT:
            case REAL: {
                BigDecimal d = lit.getValueAs(BigDecimal.class);
                if (d == null) {
                    Double dv = lit.getValueAs(Double.class);
                    return convertNumber(BigDecimal.valueOf(dv), type, dv);
                }
                return convertNumber(d, type, null);
            }
            case CHAR:
            case VARCHAR:
                return lit.getValueAs(String.class);
            case BINARY:
            case VARBINARY:
                return lit.getValueAs(byte[].class);
            case DATE:
                return lit.getValueAs(DateString.class).getDaysSinceEpoch();
            case TIME:
            case TIME_WITH_LOCAL_TIME_ZONE:
                return (long) lit.getValueAs(TimeString.class).getMillisOfDay() * 1000L;
            case TIMESTAMP:
            case TIMESTAMP_WITH_LOCAL_TIME_ZONE:
                return lit.getValueAs(TimestampString.class).getMillisSinceEpoch() * 1000L;
            case SYMBOL:
                return String.valueOf(lit.getValue()).toLowerCase(Locale.ROOT);
            default:
                if (SqlTypeName.YEAR_INTERVAL_TYPES.contains(t)) {
                    return new Interval(lit.getValueAs(BigDecimal.class).intValueExact(), 0, 0);
                }
                if (SqlTypeName.DAY_INTERVAL_TYPES.contains(t)) {
                    long millis = lit.getValueAs(BigDecimal.class).longValue();
                    return Interval.ofMicros(millis * 1000L);
                }
                throw new EpochException(ErrorCode.FEATURE_NOT_SUPPORTED, "literal of type " + t + " is not supported");
        }
    }

    private static Object convertNumber(BigDecimal d, ColumnType type, Double exactDouble) {
        return switch (type.type()) {
            case INT2 -> d.shortValue();
            case INT4, OID -> d.intValue();
            case INT8 -> d.longValue();
            case FLOAT4 -> exactDouble != null ? exactDouble.floatValue() : d.floatValue();
            case FLOAT8 -> exactDouble != null ? exactDouble : d.doubleValue();
            // Calcite folds casts to our unconstrained numeric (DECIMAL(1000,16)) into literals padded to scale 16;
            // PostgreSQL keeps the value's own scale
            case NUMERIC -> d.scale() == 16 ? d.stripTrailingZeros().setScale(Math.max(0, d.stripTrailingZeros().scale())) : d;
            case TEXT -> d.toPlainString();
            default -> d;
        };
    }
}
