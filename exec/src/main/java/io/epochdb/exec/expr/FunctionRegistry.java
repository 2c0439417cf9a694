package io.epochdb.exec.expr;

import io.epochdb.common.ErrorCode;
import io.epochdb.common.EpochException;
import io.epochdb.common.types.ColumnType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Function names to their overloads; each function family registers itself here. */
public final class FunctionRegistry {
    private final Map<String, List<Overload>> overloads = new HashMap<>();

    public void add(String name, Overload overload) {
        overloads.computeIfAbsent(name, k -> new ArrayList<>()).add(overload);
    }

    /** A strict row-at-a-time implementation for argument types matching {@code sig}. */
    public void row(String name, Sig sig, RowFunction fn) {
        add(name, (args, rt) -> sig.matches(args) ? new RowFunctionExpr(name, args, rt, true, fn) : null);
    }

    /** A non-strict row function: it sees NULL arguments itself. */
    public void rowNullable(String name, Sig sig, RowFunction fn) {
        add(name, (args, rt) -> sig.matches(args) ? new RowFunctionExpr(name, args, rt, false, fn) : null);
    }

    public java.util.Set<String> names() {
        return java.util.Collections.unmodifiableSet(new java.util.TreeSet<>(overloads.keySet()));
    }

    public boolean contains(String name) {
        return overloads.containsKey(name.toLowerCase(Locale.ROOT));
    }

    public Expr bind(String name, List<Expr> args, ColumnType resultType) {
        String key = name.toLowerCase(Locale.ROOT);
        List<Overload> list = overloads.get(key);
        if (list != null) {
            for (Overload o : list) {
                Expr e = o.bind(args, resultType);
                if (e != null) {
                    return e;
                }
            }
        }
        throw undefined(key, args);
    }

    static EpochException undefined(String name, List<Expr> args) {
        List<String> types = args.stream().map(a -> a.type().type() == io.epochdb.common.types.SqlType.UNKNOWN
            ? "unknown" : ColumnType.of(a.type().type()).displayName()).collect(Collectors.toList());
        boolean operator = !name.isEmpty() && !Character.isLetter(name.charAt(0)) && name.charAt(0) != '_';
        if (name.startsWith("u") && name.length() == 2 && !Character.isLetter(name.charAt(1))) {
            return new EpochException(ErrorCode.UNDEFINED_FUNCTION, "operator does not exist: " + name.substring(1) + " " + types.get(0))
                .withHint("No operator matches the given name and argument type. You might need to add an explicit type cast.");
        }
        if (operator || name.equals("like") || name.equals("ilike") || name.equals("not like") || name.equals("not ilike")) {
            String sym = switch (name) {
                case "like" -> "~~";
                case "not like" -> "!~~";
                case "ilike" -> "~~*";
                case "not ilike" -> "!~~*";
                default -> name;
            };
            String msg = types.size() == 2 ? types.get(0) + " " + sym + " " + types.get(1)
                : types.size() == 1 ? sym + " " + types.get(0) : sym;
            return new EpochException(ErrorCode.UNDEFINED_FUNCTION, "operator does not exist: " + msg)
                .withHint("No operator matches the given name and argument types. You might need to add explicit type casts.");
        }
        return new EpochException(ErrorCode.UNDEFINED_FUNCTION, "function " + name + "(" + String.join(", ", types) + ") does not exist")
            .withHint("No function matches the given name and argument types. You might need to add explicit type casts.");
    }
}
