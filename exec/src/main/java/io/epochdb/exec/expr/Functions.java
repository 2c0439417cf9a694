package io.epochdb.exec.expr;

import io.epochdb.common.ErrorCode;
import io.epochdb.common.EpochException;
import io.epochdb.common.types.ColumnType;
import io.epochdb.common.types.SqlType;
import io.epochdb.exec.ExecContext;
import io.epochdb.exec.batch.Batch;
import io.epochdb.exec.expr.arith.Arithmetic;
import io.epochdb.exec.expr.array.ArrayFunctions;
import io.epochdb.exec.expr.compare.Comparisons;
import io.epochdb.exec.expr.compare.Logic;
import io.epochdb.exec.expr.cond.Conditionals;
import io.epochdb.exec.expr.datetime.DateTimeFunctions;
import io.epochdb.exec.expr.math.MathFunctions;
import io.epochdb.exec.expr.string.StringFunctions;
import io.epochdb.storage.vector.ArrowTypes;
import java.util.List;
import org.apache.arrow.vector.FieldVector;

/**
 * The entry point the planner uses to build expressions: {@link #call} binds a PostgreSQL function or operator
 * name to an implementation at planning time (42883 when none fits), {@link #cast} builds a PostgreSQL cast.
 *
 * <p>Names: operators by symbol ({@code + - * / % u- u+ = <> != < <= > >= || ~ ~* !~ !~*}), {@code and or not},
 * {@code is null}, {@code is not null}, {@code is [not] true|false|unknown}, {@code is [not] distinct from},
 * {@code [not] like}, {@code [not] ilike} (optional 3rd arg: escape), {@code [not] similar to}, {@code case}
 * (when1, then1, ..., [else]), {@code coalesce nullif greatest least}, {@code array} (ARRAY[...]), {@code item}
 * (1-based subscript), {@code op any}/{@code op all} (e.g. {@code "= any"}: scalar, array), and PostgreSQL
 * function names. Argument order follows PostgreSQL's functions, except {@code position(needle, haystack)} which
 * follows the SQL syntax {@code POSITION(needle IN haystack)} ({@code strpos(haystack, needle)} as PostgreSQL).
 * {@code time_bucket} takes named arguments positionally (width, ts, timezone, origin, offset) with absent ones as
 * NULL literals. Calls whose arguments are all literals/parameters are computed once per statement
 * ({@link StatementConstant}), except volatile functions (random, clock_timestamp, gen_random_uuid).
 */
public final class Functions {
    private static final FunctionRegistry REGISTRY = createRegistry();

    private Functions() {
    }

    private static FunctionRegistry createRegistry() {
        FunctionRegistry r = new FunctionRegistry();
        Arithmetic.register(r);
        Comparisons.register(r);
        Logic.register(r);
        Conditionals.register(r);
        MathFunctions.register(r);
        StringFunctions.register(r);
        DateTimeFunctions.register(r);
        io.epochdb.exec.gapfill.GapfillFunctions.register(r); // time_bucket_gapfill, locf, interpolate
        ArrayFunctions.register(r);
        return r;
    }

    /**
     * Binds {@code name} (lower-case PostgreSQL name or operator symbol, see the package docs) to {@code args}.
     * The result vectors have exactly {@code resultType}.
     */
    public static Expr call(String name, List<Expr> args, ColumnType resultType) {
        Expr e = REGISTRY.bind(name, List.copyOf(args), resultType);
        if (resultType != null && !e.type().equals(resultType) && resultType.type() != SqlType.UNKNOWN
                && Casts.castExists(e.type().type(), resultType.type())) {
            // the planner's type wins (e.g. localtimestamp bound as now() with a timestamp result)
            e = cast(e, resultType);
        }
        if (!VOLATILE.contains(name) && !(e instanceof Literal) && !(e instanceof StatementConstant)
                && args.stream().allMatch(CastExpr::isConstant)) {
            return new StatementConstant(e);
        }
        return e;
    }

    /** Functions whose value changes from row to row even with constant arguments. */
    private static final java.util.Set<String> VOLATILE = java.util.Set.of("random", "clock_timestamp", "gen_random_uuid",
        "timeofday", "setseed");

    /**
     * PostgreSQL's result type for {@code name(args)} (e.g. {@code sqrt(numeric)} is numeric, {@code length(text)} is
     * integer, {@code timestamptz - timestamptz} is interval), or null when this library has no rule for it.
     */
    public static ColumnType resultType(String name, List<ColumnType> argTypes) {
        return ResultTypes.of(name, argTypes);
    }

    /** Every function and operator name {@link #call} knows. */
    public static java.util.Set<String> names() {
        return REGISTRY.names();
    }

    /** Whether any overload of {@code name} exists. */
    public static boolean exists(String name) {
        return REGISTRY.contains(name);
    }

    /** An explicit PostgreSQL cast of {@code arg} to {@code target} (varchar(n) truncates). */
    public static Expr cast(Expr arg, ColumnType target) {
        return cast(arg, target, true);
    }

    /** A cast; {@code explicit = false} gives assignment semantics (22001 instead of truncating varchar(n)). */
    public static Expr cast(Expr arg, ColumnType target, boolean explicit) {
        ColumnType from = arg.type();
        if (from.equals(target)) {
            return arg;
        }
        if (!Casts.castExists(from.type(), target.type())) {
            throw new EpochException(ErrorCode.UNDEFINED_FUNCTION,
                "cannot cast type " + from.displayName() + " to " + target.displayName());
        }
        if (isVarChar(from.type()) && isVarChar(target.type()) && from.type() != SqlType.BPCHAR && target.type() != SqlType.JSON
                && (target.precision() == 0 || target.type() == SqlType.TEXT)
                && target.type() != SqlType.BPCHAR && target.type() != SqlType.NAME && !(arg instanceof Literal)) {
            return new Relabel(arg, target);
        }
        if (arg instanceof Literal lit && !from.type().isTemporal() && !target.type().isTemporal()) {
            // fold constant casts now (errors surface at planning, as PostgreSQL's constant folding does);
            // date/time casts depend on the session zone or the clock ('now'), so they stay run-time
            return new Literal(Casts.castValue(lit.value(), from.type(), target, java.time.ZoneOffset.UTC, explicit), target);
        }
        Expr cast = CastExpr.of(arg, target, explicit);
        return CastExpr.isConstant(arg) ? new StatementConstant(cast) : cast;
    }

    private static boolean isVarChar(SqlType t) {
        return t == SqlType.TEXT || t == SqlType.VARCHAR || t == SqlType.UNKNOWN || t == SqlType.JSON || t == SqlType.NAME
            || t == SqlType.BPCHAR;
    }

    /** Evaluates an expression without column references over a one-row batch and returns the boxed value. */
    public static Object evaluateConstant(Expr e, ExecContext ctx) {
        if (e instanceof Literal lit) {
            return lit.value();
        }
        if (e instanceof StatementConstant c) {
            return c.value(ctx);
        }
        try (Batch one = new Batch(List.of(), 1); FieldVector v = e.evaluate(one, ctx)) {
            return ArrowTypes.get(v, 0, e.type().type());
        }
    }
}
