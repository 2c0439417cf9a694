package io.epochdb.exec.expr;

import io.epochdb.common.types.SqlType;
import java.util.List;
import java.util.function.Predicate;

/** Argument type patterns for overload matching. Untyped literals (UNKNOWN) count as text. */
public record Sig(List<Predicate<SqlType>> params, Predicate<SqlType> variadic) {
    public static final Predicate<SqlType> ANY = t -> true;
    public static final Predicate<SqlType> TEXT = t -> t.isText() || t == SqlType.UNKNOWN;
    public static final Predicate<SqlType> NUM = SqlType::isNumeric;
    public static final Predicate<SqlType> INT = t -> t == SqlType.INT2 || t == SqlType.INT4 || t == SqlType.INT8;
    public static final Predicate<SqlType> FLOAT = t -> t == SqlType.FLOAT4 || t == SqlType.FLOAT8;
    public static final Predicate<SqlType> NUMERIC = t -> t == SqlType.NUMERIC;
    public static final Predicate<SqlType> BOOL = t -> t == SqlType.BOOL;
    public static final Predicate<SqlType> DATE = t -> t == SqlType.DATE;
    public static final Predicate<SqlType> TIME = t -> t == SqlType.TIME;
    public static final Predicate<SqlType> TIMESTAMP = t -> t == SqlType.TIMESTAMP;
    public static final Predicate<SqlType> TIMESTAMPTZ = t -> t == SqlType.TIMESTAMPTZ;
    public static final Predicate<SqlType> TS = t -> t == SqlType.TIMESTAMP || t == SqlType.TIMESTAMPTZ;
    public static final Predicate<SqlType> INTERVAL = t -> t == SqlType.INTERVAL;
    public static final Predicate<SqlType> BYTEA = t -> t == SqlType.BYTEA;
    public static final Predicate<SqlType> ARRAY = SqlType::isArray;

    @SafeVarargs
    public static Sig of(Predicate<SqlType>... params) {
        return new Sig(List.of(params), null);
    }

    @SafeVarargs
    public static Sig variadic(Predicate<SqlType> rest, Predicate<SqlType>... fixed) {
        return new Sig(List.of(fixed), rest);
    }

    public boolean matches(List<Expr> args) {
        if (variadic == null ? args.size() != params.size() : args.size() < params.size()) {
            return false;
        }
        for (int i = 0; i < args.size(); i++) {
            Predicate<SqlType> p = i < params.size() ? params.get(i) : variadic;
            if (!p.test(args.get(i).type().type())) {
                return false;
            }
        }
        return true;
    }
}
