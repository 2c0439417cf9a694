package io.epochdb.exec.agg;

import io.epochdb.common.ErrorCode;
import io.epochdb.common.EpochException;
import io.epochdb.common.types.Interval;
import io.epochdb.exec.batch.KeyType;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Final function of a collecting aggregate: gets a group's rows (argument values, then ordering values), already
 * in ORDER BY order, and returns the boxed result.
 */
interface CollectedFunction {
    Object apply(List<Object[]> rows, int argCount);

    /** string_agg(value, delimiter): the delimiter before each value is that row's; NULL values are skipped. */
    CollectedFunction STRING_AGG = (rows, argCount) -> {
        StringBuilder sb = null;
        ByteArrayOutputStream bytes = null;
        for (Object[] r : rows) {
            Object v = r[0];
            if (v == null) {
                continue;
            }
            Object d = argCount > 1 ? r[1] : null;
            if (v instanceof byte[] b) {
                if (bytes == null) {
                    bytes = new ByteArrayOutputStream();
                } else if (d != null) {
                    bytes.writeBytes((byte[]) d);
                }
                bytes.writeBytes(b);
            } else {
                if (sb == null) {
                    sb = new StringBuilder();
                } else if (d != null) {
                    sb.append(d);
                }
                sb.append(v);
            }
        }
        return bytes != null ? bytes.toByteArray() : (sb == null ? null : sb.toString());
    };

    /** array_agg(value): NULLs included; no rows gives NULL. */
    CollectedFunction ARRAY_AGG = (rows, argCount) -> {
        if (rows.isEmpty()) {
            return null;
        }
        List<Object> out = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            out.add(r[0]);
        }
        return out;
    };

    /** The non-null values of the first ordering column, in order. */
    static List<Object> orderedValues(List<Object[]> rows, int argCount) {
        List<Object> vals = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            if (r[argCount] != null) {
                vals.add(r[argCount]);
            }
        }
        return vals;
    }

    private static double fraction(Object p) {
        double f = ((Number) p).doubleValue();
        if (f < 0 || f > 1 || Double.isNaN(f)) {
            throw new EpochException(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE,
                "percentile value " + PgFloat.format(f) + " is not between 0 and 1");
        }
        return f;
    }

    private static Object percentile(List<Object> vals, Object p, boolean cont) {
        if (p == null) {
            return null;
        }
        double f = fraction(p);
        int n = vals.size();
        if (cont) {
            double proportion = f * (n - 1);
            long first = (long) Math.floor(proportion);
            long second = (long) Math.ceil(proportion);
            Object lo = vals.get((int) first);
            if (first == second) {
                return toResult(lo);
            }
            Object hi = vals.get((int) second);
            double pct = proportion - first;
            if (lo instanceof Interval a) {
                Interval b = (Interval) hi;
                return a.plus(IntervalMath.multiply(IntervalMath.minus(b, a), pct));
            }
            double x = ((Number) lo).doubleValue();
            double y = ((Number) hi).doubleValue();
            return x + (y - x) * pct;
        }
        long rownum = (long) Math.ceil(f * n);
        if (rownum <= 0) {
            rownum = 1;
        }
        return vals.get((int) rownum - 1);
    }

    private static Object toResult(Object v) {
        if (v instanceof Number num && !(v instanceof java.math.BigDecimal)) {
            return num.doubleValue();
        }
        if (v instanceof java.math.BigDecimal d) {
            return d.doubleValue();
        }
        return v;
    }

    static CollectedFunction percentile(boolean cont) {
        return (rows, argCount) -> {
            List<Object> vals = orderedValues(rows, argCount);
            if (vals.isEmpty() || rows.isEmpty()) {
                return null;
            }
            Object p = rows.get(0)[0];
            if (p instanceof List<?> ps) {
                List<Object> out = new ArrayList<>(ps.size());
                for (Object x : ps) {
                    out.add(percentile(vals, x, cont));
                }
                return out;
            }
            return percentile(vals, p, cont);
        };
    }

    /** mode(): the most frequent value in sort order; on ties the first one met. */
    CollectedFunction MODE = (rows, argCount) -> {
        List<Object> vals = orderedValues(rows, argCount);
        Object best = null;
        long bestCount = 0;
        Object cur = null;
        long curCount = 0;
        for (Object v : vals) {
            if (cur != null && KeyType.compareValues(cur, v) == 0) {
                curCount++;
            } else {
                cur = v;
                curCount = 1;
            }
            if (curCount > bestCount) {
                best = cur;
                bestCount = curCount;
            }
        }
        return best;
    };
}
