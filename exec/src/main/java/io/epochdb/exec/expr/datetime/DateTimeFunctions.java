package io.epochdb.exec.expr.datetime;

import io.epochdb.common.ErrorCode;
import io.epochdb.common.EpochException;
import io.epochdb.common.types.ColumnType;
import io.epochdb.common.types.Interval;
import io.epochdb.common.types.SqlType;
import io.epochdb.exec.ExecContext;
import io.epochdb.exec.expr.CastExpr;
import io.epochdb.exec.expr.Expr;
import io.epochdb.exec.expr.FunctionRegistry;
import io.epochdb.exec.expr.Functions;
import io.epochdb.exec.expr.Literal;
import io.epochdb.exec.expr.RowFunctionExpr;
import io.epochdb.exec.expr.Sig;
import io.epochdb.exec.expr.arith.IntervalMath;
import io.epochdb.exec.time.DateTimes;
import io.epochdb.exec.time.DateTrunc;
import io.epochdb.exec.time.TimeBucket;
import io.epochdb.exec.time.Zones;
import io.epochdb.exec.types.PgText;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Registers the date/time functions: now() and friends, date_trunc, date_part/extract, time_bucket, date_bin, ... */
public final class DateTimeFunctions {
    private static final ColumnType TIMESTAMPTZ = ColumnType.of(SqlType.TIMESTAMPTZ);
    private static final ColumnType TIMESTAMP = ColumnType.of(SqlType.TIMESTAMP);
    private static final ColumnType DATE = ColumnType.of(SqlType.DATE);
    private static final ColumnType TIME = ColumnType.of(SqlType.TIME);
    private static final ColumnType INTERVAL = ColumnType.of(SqlType.INTERVAL);
    private static final ColumnType TEXT = ColumnType.of(SqlType.TEXT);
    private static final ColumnType FLOAT8 = ColumnType.of(SqlType.FLOAT8);
    private static final ColumnType INT4 = ColumnType.of(SqlType.INT4);

    private DateTimeFunctions() {
    }

    public static void register(FunctionRegistry r) {
        for (String name : List.of("now", "current_timestamp", "transaction_timestamp")) {
            r.add(name, (args, rt) -> clock(name, args, TIMESTAMPTZ, (c) -> c.transactionStartMicros()));
        }
        r.add("statement_timestamp", (args, rt) -> clock("statement_timestamp", args, TIMESTAMPTZ, ExecContext::statementStartMicros));
        r.add("clock_timestamp", (args, rt) -> clock("clock_timestamp", args, TIMESTAMPTZ, c -> ExecContext.currentMicros()));
        r.add("localtimestamp", (args, rt) -> clock("localtimestamp", args, TIMESTAMP,
            c -> DateTimes.toMicros(DateTimes.toLocal(c.transactionStartMicros(), c.timeZone()))));
        r.add("current_date", (args, rt) -> args.isEmpty() ? new RowFunctionExpr("current_date", args, DATE, true,
            (v, c) -> (int) DateTimes.toLocal(c.transactionStartMicros(), c.timeZone()).toLocalDate().toEpochDay()) : null);
        for (String name : List.of("current_time", "localtime")) {
            r.add(name, (args, rt) -> clock(name, args, TIME,
                c -> Math.floorMod(DateTimes.toMicros(DateTimes.toLocal(c.transactionStartMicros(), c.timeZone())), DateTimes.MICROS_PER_DAY)));
        }

        r.add("date_trunc", DateTimeFunctions::dateTrunc);
        r.add("date_part", (args, rt) -> datePart("date_part", args, FLOAT8));
        r.add("extract", (args, rt) -> datePart("extract", args, ColumnType.of(SqlType.NUMERIC)));
        r.add("time_bucket", TimeBucketBinder::bind);
        r.add("date_bin", DateTimeFunctions::dateBin);
        r.add("timezone", DateTimeFunctions::timezone);
        r.add("age", DateTimeFunctions::age);
        r.add("to_timestamp", (args, rt) -> args.size() == 1 && args.get(0).type().type().isNumeric()
            ? new RowFunctionExpr("to_timestamp", List.of(Functions.cast(args.get(0), FLOAT8)), TIMESTAMPTZ, true,
                (v, c) -> fromEpoch((Double) v[0])) : null);
        r.add("to_timestamp", (args, rt) -> Sig.of(Sig.TEXT, Sig.TEXT).matches(args)
            ? new RowFunctionExpr("to_timestamp", args, TIMESTAMPTZ, true,
                (v, c) -> DateTimes.toMicros(DateTimes.toLocal(ToChar.parse((String) v[0], (String) v[1], "timestamp")), c.timeZone()))
            : null);
        r.add("to_date", (args, rt) -> Sig.of(Sig.TEXT, Sig.TEXT).matches(args)
            ? new RowFunctionExpr("to_date", args, DATE, true,
                (v, c) -> (int) Math.floorDiv(ToChar.parse((String) v[0], (String) v[1], "date"), DateTimes.MICROS_PER_DAY))
            : null);
        r.add("to_char", DateTimeFunctions::toChar);
        r.add("make_date", (args, rt) -> args.size() == 3 ? new RowFunctionExpr("make_date", castAll(args, INT4), DATE, true,
            (v, c) -> (int) makeDate((Integer) v[0], (Integer) v[1], (Integer) v[2]).toEpochDay()) : null);
        r.add("make_time", (args, rt) -> args.size() == 3 ? new RowFunctionExpr("make_time",
            List.of(Functions.cast(args.get(0), INT4), Functions.cast(args.get(1), INT4), Functions.cast(args.get(2), FLOAT8)), TIME, true,
            (v, c) -> timeMicros((Integer) v[0], (Integer) v[1], (Double) v[2])) : null);
        r.add("make_timestamp", (args, rt) -> args.size() == 6 ? new RowFunctionExpr("make_timestamp", makeTsArgs(args), TIMESTAMP, true,
            (v, c) -> makeTimestamp(v)) : null);
        r.add("make_timestamptz", (args, rt) -> {
            if (args.size() != 6 && args.size() != 7) {
                return null;
            }
            List<Expr> a = new ArrayList<>(makeTsArgs(args));
            if (args.size() == 7) {
                a.add(Functions.cast(args.get(6), TEXT));
            }
            return new RowFunctionExpr("make_timestamptz", a, TIMESTAMPTZ, true, (v, c) -> {
                ZoneId z = v.length == 7 ? Zones.resolve((String) v[6]) : c.timeZone();
                return DateTimes.toMicros(DateTimes.toLocal(makeTimestamp(v)), z);
            });
        });
        r.add("make_interval", DateTimeFunctions::makeInterval);
        r.row("justify_days", Sig.of(Sig.INTERVAL), (v, c) -> IntervalMath.justifyDays((Interval) v[0]));
        r.row("justify_hours", Sig.of(Sig.INTERVAL), (v, c) -> IntervalMath.justifyHours((Interval) v[0]));
        r.row("justify_interval", Sig.of(Sig.INTERVAL), (v, c) -> IntervalMath.justifyInterval((Interval) v[0]));
        r.add("isfinite", (args, rt) -> args.size() == 1 && (args.get(0).type().type().isTemporal()
            || args.get(0).type().type() == SqlType.INTERVAL)
            ? new RowFunctionExpr("isfinite", args, ColumnType.of(SqlType.BOOL), true, (v, c) -> true) : null);
        r.add("gen_random_uuid", (args, rt) -> args.isEmpty()
            ? new RowFunctionExpr("gen_random_uuid", args, ColumnType.of(SqlType.UUID), true, (v, c) -> UUID.randomUUID()) : null);
    }

    private interface Clock {
        long micros(ExecContext ctx);
    }

    private static Expr clock(String name, List<Expr> args, ColumnType type, Clock clock) {
        if (args.size() > 1) {
            return null;
        }
        List<Expr> a = args.isEmpty() ? List.of() : List.of(Functions.cast(args.get(0), INT4));
        return new RowFunctionExpr(name, a, type, false, (v, c) -> {
            long us = clock.micros(c);
            if (v.length == 1 && v[0] != null) {
                int p = Math.max(0, Math.min(6, (Integer) v[0]));
                long unit = (long) Math.pow(10, 6 - p);
                us = Math.floorDiv(us + unit / 2, unit) * unit;
            }
            return us;
        });
    }

    static List<Expr> castAll(List<Expr> args, ColumnType t) {
        return args.stream().map(a -> Functions.cast(a, t)).toList();
    }

    private static Expr dateTrunc(List<Expr> args, ColumnType rt) {
        if (args.size() < 2 || args.size() > 3 || !Sig.TEXT.test(args.get(0).type().type())) {
            return null;
        }
        Expr src = args.get(1);
        SqlType st = src.type().type();
        if (st == SqlType.DATE || st == SqlType.UNKNOWN) {
            src = Functions.cast(src, TIMESTAMPTZ);
            st = SqlType.TIMESTAMPTZ;
        }
        if (args.size() == 3 && st != SqlType.TIMESTAMPTZ) {
            return null;
        }
        Expr field = args.get(0);
        String typeName = ColumnType.of(st).displayName();
        if (st == SqlType.INTERVAL) {
            return new RowFunctionExpr("date_trunc", List.of(field, src), INTERVAL, true,
                (v, c) -> DateTrunc.truncate(DateTrunc.unit((String) v[0], "interval"), (Interval) v[1]));
        }
        if (st != SqlType.TIMESTAMP && st != SqlType.TIMESTAMPTZ) {
            return null;
        }
        ColumnType out = ColumnType.of(st);
        if (field instanceof Literal lit && lit.value() != null && (args.size() == 2 || args.get(2) instanceof Literal)) {
            DateTrunc.Unit unit = DateTrunc.unit((String) lit.value(), typeName);
            ZoneId zone = null;
            if (args.size() == 3) {
                Object z = ((Literal) args.get(2)).value();
                if (z == null) {
                    return new Literal(null, out);
                }
                zone = Zones.resolve(z.toString());
            }
            return new DateTruncExpr(unit, src, zone, out);
        }
        boolean tz = st == SqlType.TIMESTAMPTZ;
        List<Expr> a = new ArrayList<>(List.of(field, src));
        if (args.size() == 3) {
            a.add(args.get(2));
        }
        return new RowFunctionExpr("date_trunc", a, out, true, (v, c) -> {
            DateTrunc.Unit u = DateTrunc.unit((String) v[0], typeName);
            if (!tz) {
                return DateTrunc.truncate(u, (Long) v[1]);
            }
            ZoneId z = v.length == 3 ? Zones.resolve((String) v[2]) : c.timeZone();
            return DateTrunc.truncate(u, (Long) v[1], z);
        });
    }

    private static Expr datePart(String name, List<Expr> args, ColumnType out) {
        if (args.size() != 2 || !Sig.TEXT.test(args.get(0).type().type())) {
            return null;
        }
        Expr src = args.get(1);
        SqlType st = src.type().type();
        if (st == SqlType.UNKNOWN) {
            src = Functions.cast(src, TIMESTAMPTZ);
            st = SqlType.TIMESTAMPTZ;
        }
        if (name.equals("date_part") && st == SqlType.DATE) {
            // PostgreSQL has no date_part(text, date): the date is cast to timestamp
            src = Functions.cast(src, TIMESTAMP);
            st = SqlType.TIMESTAMP;
        }
        if (!(st.isTemporal() || st == SqlType.INTERVAL)) {
            return null;
        }
        SqlType type = st;
        boolean asDouble = out.type() == SqlType.FLOAT8;
        if (asDouble && (st == SqlType.TIMESTAMP || st == SqlType.TIMESTAMPTZ) && args.get(0) instanceof Literal f
                && f.value() != null && DatePart.normalize(f.value().toString()).equals("epoch")) {
            return new EpochKernel(src);
        }
        return new RowFunctionExpr(name, List.of(args.get(0), src), out, true, (v, c) -> {
            BigDecimal d = DatePart.extract((String) v[0], v[1], type, c.timeZone());
            return asDouble ? (Object) d.doubleValue() : d;
        });
    }

    private static Expr dateBin(List<Expr> args, ColumnType rt) {
        if (args.size() != 3 || !Sig.INTERVAL.test(args.get(0).type().type()) && !Sig.TEXT.test(args.get(0).type().type())) {
            return null;
        }
        SqlType st = args.get(1).type().type();
        if (st == SqlType.DATE) {
            // PostgreSQL casts a date source to the origin's timestamp type, timestamptz (preferred) for a date
            st = args.get(2).type().type() == SqlType.TIMESTAMP ? SqlType.TIMESTAMP : SqlType.TIMESTAMPTZ;
        }
        if (st != SqlType.TIMESTAMP && st != SqlType.TIMESTAMPTZ) {
            return null;
        }
        ColumnType t = ColumnType.of(st);
        List<Expr> a = List.of(Functions.cast(args.get(0), INTERVAL), Functions.cast(args.get(1), t),
            Functions.cast(args.get(2), t));
        return new RowFunctionExpr("date_bin", a, t, true, (v, c) -> {
            Interval stride = (Interval) v[0];
            if (stride.months() != 0) {
                throw new EpochException(ErrorCode.FEATURE_NOT_SUPPORTED, "timestamps cannot be binned into intervals containing months or years");
            }
            long s = TimeBucket.fixedMicros(stride);
            if (s <= 0) {
                throw new EpochException(ErrorCode.DATETIME_FIELD_OVERFLOW, "stride must be greater than zero");
            }
            long ts = (Long) v[1];
            long origin = (Long) v[2];
            long diff;
            try {
                diff = Math.subtractExact(ts, origin);
            } catch (ArithmeticException e) {
                throw new EpochException(ErrorCode.DATETIME_FIELD_OVERFLOW, "interval out of range");
            }
            long delta = diff - diff % s;
            if (diff < 0 && diff % s != 0) {
                delta -= s;
            }
            return origin + delta;
        });
    }

    private static Expr timezone(List<Expr> args, ColumnType rt) {
        if (args.size() != 2) {
            return null;
        }
        SqlType zt = args.get(0).type().type();
        SqlType st = args.get(1).type().type();
        if (st == SqlType.UNKNOWN) {
            st = SqlType.TIMESTAMPTZ;
        }
        if (st == SqlType.DATE) {
            st = SqlType.TIMESTAMP;
        }
        if (!(Sig.TEXT.test(zt) || zt == SqlType.INTERVAL) || !(st == SqlType.TIMESTAMP || st == SqlType.TIMESTAMPTZ)) {
            return null;
        }
        boolean fromTz = st == SqlType.TIMESTAMPTZ;
        Expr src = Functions.cast(args.get(1), ColumnType.of(st));
        boolean intervalZone = zt == SqlType.INTERVAL;
        return new RowFunctionExpr("timezone", List.of(args.get(0), src), fromTz ? TIMESTAMP : TIMESTAMPTZ, true, (v, c) -> {
            ZoneId z = intervalZone ? ZoneOffset.ofTotalSeconds((int) (((Interval) v[0]).micros() / 1_000_000L)) : Zones.resolve((String) v[0]);
            long ts = (Long) v[1];
            return fromTz ? DateTimes.toMicros(DateTimes.toLocal(ts, z)) : DateTimes.toMicros(DateTimes.toLocal(ts), z);
        });
    }

    private static Expr age(List<Expr> args, ColumnType rt) {
        if (args.isEmpty() || args.size() > 2) {
            return null;
        }
        SqlType st = args.get(0).type().type();
        if (st == SqlType.DATE || st == SqlType.UNKNOWN) {
            st = SqlType.TIMESTAMPTZ;
        }
        if (args.size() == 2) {
            SqlType s2 = args.get(1).type().type();
            if (s2 == SqlType.TIMESTAMPTZ) {
                st = SqlType.TIMESTAMPTZ;
            }
        }
        if (st != SqlType.TIMESTAMP && st != SqlType.TIMESTAMPTZ) {
            return null;
        }
        boolean tz = st == SqlType.TIMESTAMPTZ;
        ColumnType t = ColumnType.of(st);
        List<Expr> a = castAll(args, t);
        return new RowFunctionExpr("age", a, INTERVAL, true, (v, c) -> {
            long x;
            long y;
            if (v.length == 2) {
                x = (Long) v[0];
                y = (Long) v[1];
            } else {
                // age(ts) = age(current_date at midnight, ts)
                LocalDate today = DateTimes.toLocal(c.transactionStartMicros(), c.timeZone()).toLocalDate();
                x = tz ? DateTimes.toMicros(today.atStartOfDay(), c.timeZone()) : DateTimes.toMicros(today.atStartOfDay());
                y = (Long) v[0];
            }
            LocalDateTime a1 = tz ? DateTimes.toLocal(x, c.timeZone()) : DateTimes.toLocal(x);
            LocalDateTime a2 = tz ? DateTimes.toLocal(y, c.timeZone()) : DateTimes.toLocal(y);
            return symbolicAge(a1, a2, x < y);
        });
    }

    /** PostgreSQL's timestamp_age: field-wise difference with borrows, sign normalized. */
    static Interval symbolicAge(LocalDateTime t1, LocalDateTime t2, boolean negative) {
        long fsec = t1.getNano() / 1000 - t2.getNano() / 1000;
        long sec = t1.getSecond() - t2.getSecond();
        long min = t1.getMinute() - t2.getMinute();
        long hour = t1.getHour() - t2.getHour();
        long mday = t1.getDayOfMonth() - t2.getDayOfMonth();
        long mon = t1.getMonthValue() - t2.getMonthValue();
        long year = t1.getYear() - t2.getYear();
        if (negative) {
            fsec = -fsec;
            sec = -sec;
            min = -min;
            hour = -hour;
            mday = -mday;
            mon = -mon;
            year = -year;
        }
        while (fsec < 0) {
            fsec += 1_000_000;
            sec--;
        }
        while (sec < 0) {
            sec += 60;
            min--;
        }
        while (min < 0) {
            min += 60;
            hour--;
        }
        while (hour < 0) {
            hour += 24;
            mday--;
        }
        while (mday < 0) {
            LocalDateTime ref = negative ? t1 : t2;
            mday += ref.toLocalDate().lengthOfMonth();
            mon--;
        }
        while (mon < 0) {
            mon += 12;
            year--;
        }
        if (negative) {
            fsec = -fsec;
            sec = -sec;
            min = -min;
            hour = -hour;
            mday = -mday;
            mon = -mon;
            year = -year;
        }
        long micros = ((hour * 60 + min) * 60 + sec) * 1_000_000L + fsec;
        return new Interval(Math.toIntExact(year * 12 + mon), Math.toIntExact(mday), micros);
    }

    private static Expr toChar(List<Expr> args, ColumnType rt) {
        if (args.size() != 2 || !Sig.TEXT.test(args.get(1).type().type())) {
            return null;
        }
        SqlType st = args.get(0).type().type();
        Expr src = args.get(0);
        if (st == SqlType.DATE) {
            src = Functions.cast(src, TIMESTAMP);
            st = SqlType.TIMESTAMP;
        }
        SqlType type = st;
        if (st == SqlType.TIMESTAMP || st == SqlType.TIMESTAMPTZ) {
            return new RowFunctionExpr("to_char", List.of(src, args.get(1)), TEXT, true, (v, c) -> {
                long ts = (Long) v[0];
                if (type == SqlType.TIMESTAMP) {
                    return ToChar.format(ts, null, null, (String) v[1]);
                }
                int off = DateTimes.offsetSeconds(ts, c.timeZone());
                return ToChar.format(ts + off * DateTimes.MICROS_PER_SECOND, off, c.timeZone(), (String) v[1]);
            });
        }
        if (st == SqlType.INTERVAL) {
            return new RowFunctionExpr("to_char", List.of(src, args.get(1)), TEXT, true,
                (v, c) -> ToChar.format((Interval) v[0], (String) v[1]));
        }
        if (st.isNumeric()) {
            Expr num = Functions.cast(src, ColumnType.of(SqlType.NUMERIC));
            if (st == SqlType.FLOAT8 || st == SqlType.FLOAT4) {
                num = new RowFunctionExpr("float_to_numeric", List.of(src), ColumnType.of(SqlType.NUMERIC), true,
                    (v, c) -> new BigDecimal(((Number) v[0]).doubleValue()));
            }
            return new RowFunctionExpr("to_char", List.of(num, args.get(1)), TEXT, true,
                (v, c) -> ToChar.format((BigDecimal) v[0], (String) v[1]));
        }
        return null;
    }

    private static long fromEpoch(double d) {
        if (Double.isNaN(d)) {
            throw new EpochException(ErrorCode.DATETIME_FIELD_OVERFLOW, "timestamp cannot be NaN");
        }
        if (Double.isInfinite(d)) {
            throw new EpochException(ErrorCode.FEATURE_NOT_SUPPORTED, "infinite timestamps are not supported");
        }
        double us = Math.rint(d * 1_000_000d);
        if (us < -2.1276017280E17 || us >= 9.2233720368E18) {
            throw new EpochException(ErrorCode.DATETIME_FIELD_OVERFLOW, "timestamp out of range: \"" + PgText.format(d, FLOAT8, ZoneOffset.UTC) + "\"");
        }
        return (long) us;
    }

    private static LocalDate makeDate(int y, int m, int d) {
        try {
            return LocalDate.of(y < 0 ? y + 1 : y, m, d);
        } catch (java.time.DateTimeException e) {
            throw new EpochException(ErrorCode.DATETIME_FIELD_OVERFLOW, "date field value out of range: " + y + "-"
                + String.format("%02d-%02d", m, d));
        }
    }

    private static long timeMicros(int h, int m, double s) {
        if (h < 0 || h > 24 || m < 0 || m > 59 || s < 0 || s > 60 || (h == 24 && (m > 0 || s > 0))) {
            throw new EpochException(ErrorCode.DATETIME_FIELD_OVERFLOW, "time field value out of range: " + h + ":"
                + String.format("%02d", m) + ":" + PgText.format(s, FLOAT8, ZoneOffset.UTC));
        }
        return (h * 60L + m) * 60_000_000L + Math.round(s * 1_000_000d);
    }

    private static List<Expr> makeTsArgs(List<Expr> args) {
        List<Expr> a = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            a.add(Functions.cast(args.get(i), INT4));
        }
        a.add(Functions.cast(args.get(5), FLOAT8));
        return a;
    }

    private static long makeTimestamp(Object[] v) {
        LocalDate d = makeDate((Integer) v[0], (Integer) v[1], (Integer) v[2]);
        return DateTimes.toMicros(d.atStartOfDay()) + timeMicros((Integer) v[3], (Integer) v[4], (Double) v[5]);
    }

    private static Expr makeInterval(List<Expr> args, ColumnType rt) {
        if (args.size() > 7) {
            return null;
        }
        List<Expr> a = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            Expr e = i < args.size() ? args.get(i) : null;
            if (e == null || (e instanceof Literal lit && lit.value() == null && !(e.type().type().isNumeric()))) {
                e = new Literal(0, INT4);
            }
            a.add(Functions.cast(e, i == 6 ? FLOAT8 : INT4));
        }
        return new RowFunctionExpr("make_interval", a, INTERVAL, true, (v, c) -> {
            try {
                int months = Math.addExact(Math.multiplyExact((Integer) v[0], 12), (Integer) v[1]);
                int days = Math.addExact(Math.multiplyExact((Integer) v[2], 7), (Integer) v[3]);
                double us = Math.rint(((Integer) v[4] * 3600d + (Integer) v[5] * 60d + (Double) v[6]) * 1_000_000d);
                return new Interval(months, days, (long) us);
            } catch (ArithmeticException e) {
                throw new EpochException(ErrorCode.DATETIME_FIELD_OVERFLOW, "interval out of range");
            }
        });
    }

    static boolean constant(Expr e) {
        return CastExpr.isConstant(e);
    }
}
