package io.epochdb.exec.expr.array;

import io.epochdb.common.ErrorCode;
import io.epochdb.common.EpochException;
import io.epochdb.common.types.ColumnType;
import io.epochdb.common.types.SqlType;
import io.epochdb.exec.expr.Expr;
import io.epochdb.exec.expr.FunctionRegistry;
import io.epochdb.exec.expr.Functions;
import io.epochdb.exec.expr.RowFunctionExpr;
import io.epochdb.exec.expr.Sig;
import io.epochdb.exec.expr.compare.Comparisons;
import io.epochdb.exec.types.PgText;
import io.epochdb.exec.types.PgValues;
import java.util.ArrayList;
import java.util.List;

/**
 * One-dimensional arrays: ARRAY[...] constructor, subscripts, {@code ||}, string_to_array, array_to_string,
 * array_length/lower/upper, cardinality, array_position, array_append/prepend/cat, and {@code op ANY/ALL (array)}.
 */
public final class ArrayFunctions {
    private static final ColumnType TEXT = ColumnType.of(SqlType.TEXT);
    private static final ColumnType INT4 = ColumnType.of(SqlType.INT4);
    private static final ColumnType BOOL = ColumnType.of(SqlType.BOOL);

    private ArrayFunctions() {
    }

    public static void register(FunctionRegistry r) {
        r.add("array", (args, rt) -> {
            if (!rt.type().isArray()) {
                return null;
            }
            ColumnType et = ColumnType.of(rt.type().element());
            List<Expr> a = args.stream().map(e -> Functions.cast(e, et)).toList();
            return new RowFunctionExpr("array", a, rt, false, (v, c) -> new ArrayList<>(java.util.Arrays.asList(v)));
        });
        r.add("item", (args, rt) -> {
            if (args.size() != 2 || !args.get(0).type().type().isArray()) {
                return null;
            }
            List<Expr> a = List.of(args.get(0), Functions.cast(args.get(1), INT4));
            ColumnType et = ColumnType.of(args.get(0).type().type().element());
            return new RowFunctionExpr("item", a, et, true, (v, c) -> {
                List<?> list = (List<?>) v[0];
                int i = (Integer) v[1];
                return i >= 1 && i <= list.size() ? list.get(i - 1) : null;
            });
        });
        r.add("||", ArrayFunctions::concat);
        r.add("array_cat", (args, rt) -> args.size() == 2 && args.get(0).type().type().isArray() ? concat(args, rt) : null);
        r.add("array_append", (args, rt) -> args.size() == 2 && args.get(0).type().type().isArray() ? concat(args, rt) : null);
        r.add("array_prepend", (args, rt) -> args.size() == 2 && args.get(1).type().type().isArray() ? concat(args, rt) : null);
        r.add("string_to_array", (args, rt) -> {
            if (args.size() < 2 || args.size() > 3 || !args.stream().allMatch(e -> Sig.TEXT.test(e.type().type()))) {
                return null;
            }
            List<Expr> a = args.stream().map(e -> Functions.cast(e, TEXT)).toList();
            return new RowFunctionExpr("string_to_array", a, ColumnType.of(SqlType.TEXT_ARRAY), false, (v, c) -> {
                if (v[0] == null) {
                    return null;
                }
                return stringToArray((String) v[0], (String) v[1], v.length > 2 ? (String) v[2] : null);
            });
        });
        r.add("array_to_string", (args, rt) -> {
            if (args.size() < 2 || args.size() > 3 || !args.get(0).type().type().isArray()) {
                return null;
            }
            ColumnType et = ColumnType.of(args.get(0).type().type().element());
            List<Expr> a = new ArrayList<>(List.of(args.get(0), Functions.cast(args.get(1), TEXT)));
            if (args.size() == 3) {
                a.add(Functions.cast(args.get(2), TEXT));
            }
            return new RowFunctionExpr("array_to_string", a, TEXT, false, (v, c) -> {
                if (v[0] == null || v[1] == null) {
                    return null;
                }
                StringBuilder sb = new StringBuilder();
                boolean first = true;
                for (Object o : (List<?>) v[0]) {
                    String s = o == null ? (v.length > 2 ? (String) v[2] : null) : o instanceof String str ? str
                        : PgText.format(o, et, c.timeZone());
                    if (s == null) {
                        continue;
                    }
                    if (!first) {
                        sb.append((String) v[1]);
                    }
                    sb.append(s);
                    first = false;
                }
                return sb.toString();
            });
        });
        r.add("array_length", (args, rt) -> dimFn(args, "array_length", (list, dim) -> dim == 1 && !list.isEmpty() ? list.size() : null));
        r.add("array_upper", (args, rt) -> dimFn(args, "array_upper", (list, dim) -> dim == 1 && !list.isEmpty() ? list.size() : null));
        r.add("array_lower", (args, rt) -> dimFn(args, "array_lower", (list, dim) -> dim == 1 && !list.isEmpty() ? 1 : null));
        r.add("array_ndims", (args, rt) -> args.size() == 1 && args.get(0).type().type().isArray()
            ? new RowFunctionExpr("array_ndims", args, INT4, true, (v, c) -> ((List<?>) v[0]).isEmpty() ? null : 1) : null);
        r.add("cardinality", (args, rt) -> args.size() == 1 && args.get(0).type().type().isArray()
            ? new RowFunctionExpr("cardinality", args, INT4, true, (v, c) -> ((List<?>) v[0]).size()) : null);
        r.add("array_position", (args, rt) -> {
            if (args.size() != 2 || !args.get(0).type().type().isArray()) {
                return null;
            }
            SqlType et = args.get(0).type().type().element();
            List<Expr> a = List.of(args.get(0), Functions.cast(args.get(1), ColumnType.of(et)));
            return new RowFunctionExpr("array_position", a, INT4, false, (v, c) -> {
                if (v[0] == null) {
                    return null;
                }
                List<?> list = (List<?>) v[0];
                for (int i = 0; i < list.size(); i++) {
                    Object o = list.get(i);
                    if (o == null ? v[1] == null : v[1] != null && PgValues.compare(o, v[1], et) == 0) {
                        return i + 1;
                    }
                }
                return null;
            });
        });
        String[] ops = {"=", "<>", "<", "<=", ">", ">="};
        for (String op : ops) {
            r.add(op + " any", (args, rt) -> quantified(op, args, true));
            r.add(op + " all", (args, rt) -> quantified(op, args, false));
        }
        r.add("any", (args, rt) -> quantified("=", args, true));
    }

    private interface DimFn {
        Integer apply(List<?> list, int dim);
    }

    private static Expr dimFn(List<Expr> args, String name, DimFn fn) {
        if (args.size() != 2 || !args.get(0).type().type().isArray()) {
            return null;
        }
        return new RowFunctionExpr(name, List.of(args.get(0), Functions.cast(args.get(1), INT4)), INT4, true,
            (v, c) -> fn.apply((List<?>) v[0], (Integer) v[1]));
    }

    private static Expr concat(List<Expr> args, ColumnType rt) {
        if (args.size() != 2) {
            return null;
        }
        SqlType a = args.get(0).type().type();
        SqlType b = args.get(1).type().type();
        if (!a.isArray() && !b.isArray()) {
            return null;
        }
        SqlType arrayType = rt.type().isArray() ? rt.type() : a.isArray() ? a : b;
        ColumnType at = ColumnType.of(arrayType);
        ColumnType et = ColumnType.of(arrayType.element());
        boolean aArr = a.isArray();
        boolean bArr = b.isArray();
        Expr x = Functions.cast(args.get(0), aArr ? at : et);
        Expr y = Functions.cast(args.get(1), bArr ? at : et);
        return new RowFunctionExpr("||", List.of(x, y), at, false, (v, c) -> {
            List<Object> out = new ArrayList<>();
            if (aArr) {
                if (v[0] != null) {
                    out.addAll((List<?>) v[0]);
                } else if (!bArr) {
                    return null;
                }
            } else {
                out.add(v[0]);
            }
            if (bArr) {
                if (v[1] != null) {
                    out.addAll((List<?>) v[1]);
                } else if (!aArr) {
                    return null;
                }
            } else {
                out.add(v[1]);
            }
            if (aArr && bArr && v[0] == null && v[1] == null) {
                return null;
            }
            return out;
        });
    }

    static List<Object> stringToArray(String s, String delim, String nullString) {
        List<Object> out = new ArrayList<>();
        if (s.isEmpty()) {
            return out;
        }
        if (delim == null) {
            s.codePoints().forEach(cp -> out.add(new String(Character.toChars(cp))));
        } else if (delim.isEmpty()) {
            out.add(s);
        } else {
            int from = 0;
            while (true) {
                int i = s.indexOf(delim, from);
                if (i < 0) {
                    out.add(s.substring(from));
                    break;
                }
                out.add(s.substring(from, i));
                from = i + delim.length();
            }
        }
        if (nullString != null) {
            out.replaceAll(o -> nullString.equals(o) ? null : o);
        }
        return out;
    }

    private static Expr quantified(String op, List<Expr> args, boolean any) {
        if (args.size() != 2 || !args.get(1).type().type().isArray()) {
            return null;
        }
        SqlType et = args.get(1).type().type().element();
        SqlType common = Comparisons.commonType(args.get(0).type().type(), et);
        if (common == null || common.arrayType() == null) {
            return null;
        }
        Expr x = Functions.cast(args.get(0), ColumnType.of(common));
        Expr arr = Functions.cast(args.get(1), ColumnType.of(common.arrayType()));
        return new RowFunctionExpr(op + (any ? " any" : " all"), List.of(x, arr), BOOL, false, (v, c) -> {
            if (v[1] == null) {
                return null;
            }
            List<?> list = (List<?>) v[1];
            if (list.isEmpty()) {
                return !any;
            }
            if (v[0] == null) {
                return null;
            }
            boolean sawNull = false;
            for (Object o : list) {
                if (o == null) {
                    sawNull = true;
                    continue;
                }
                int cmp = PgValues.compare(v[0], o, common);
                boolean t = switch (op) {
                    case "=" -> cmp == 0;
                    case "<>" -> cmp != 0;
                    case "<" -> cmp < 0;
                    case "<=" -> cmp <= 0;
                    case ">" -> cmp > 0;
                    default -> cmp >= 0;
                };
                if (t == any) {
                    return any;
                }
            }
            return sawNull ? null : !any;
        });
    }

    static EpochException subscriptError() {
        return new EpochException(ErrorCode.ARRAY_SUBSCRIPT_ERROR, "array subscript out of range");
    }
}
