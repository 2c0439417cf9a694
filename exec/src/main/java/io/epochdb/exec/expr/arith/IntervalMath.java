package io.epochdb.exec.expr.arith;

import io.epochdb.common.ErrorCode;
import io.epochdb.common.EpochException;
import io.epochdb.common.types.Interval;

/** interval * number and interval / number as PostgreSQL 15 computes them (fractions cascade down). */
public final class IntervalMath {
    private static final double SECS_PER_DAY = 86400;

    private IntervalMath() {
    }

    public static Interval multiply(Interval span, double factor) {
        if (Double.isNaN(factor)) {
            throw new EpochException(ErrorCode.DATETIME_FIELD_OVERFLOW, "interval out of range");
        }
        double m = span.months() * factor;
        double d = span.days() * factor;
        if (Math.abs(m) > Integer.MAX_VALUE || Math.abs(d) > Integer.MAX_VALUE) {
            throw new EpochException(ErrorCode.DATETIME_FIELD_OVERFLOW, "interval out of range");
        }
        int months = (int) m;
        int days = (int) d;
        double monthRemainderDays = tsround((span.months() * factor - months) * 30);
        double secRemainder = tsround((span.days() * factor - days + monthRemainderDays - (int) monthRemainderDays) * SECS_PER_DAY);
        if (Math.abs(secRemainder) >= SECS_PER_DAY) {
            days += (int) (secRemainder / SECS_PER_DAY);
            secRemainder -= (int) (secRemainder / SECS_PER_DAY) * SECS_PER_DAY;
        }
        days += (int) monthRemainderDays;
        double micros = Math.rint(span.micros() * factor + secRemainder * 1_000_000d);
        if (Math.abs(micros) >= 9.2e18) {
            throw new EpochException(ErrorCode.DATETIME_FIELD_OVERFLOW, "interval out of range");
        }
        return new Interval(months, days, (long) micros);
    }

    public static Interval divide(Interval span, double factor) {
        if (factor == 0) {
            throw new EpochException(ErrorCode.DIVISION_BY_ZERO, "division by zero");
        }
        int months = (int) (span.months() / factor);
        int days = (int) (span.days() / factor);
        double monthRemainderDays = tsround((span.months() / factor - months) * 30);
        double secRemainder = tsround((span.days() / factor - days + monthRemainderDays - (int) monthRemainderDays) * SECS_PER_DAY);
        if (Math.abs(secRemainder) >= SECS_PER_DAY) {
            days += (int) (secRemainder / SECS_PER_DAY);
            secRemainder -= (int) (secRemainder / SECS_PER_DAY) * SECS_PER_DAY;
        }
        days += (int) monthRemainderDays;
        double micros = Math.rint(span.micros() / factor + secRemainder * 1_000_000d);
        return new Interval(months, days, (long) micros);
    }

    private static double tsround(double v) {
        return Math.rint(v * 1_000_000d) / 1_000_000d;
    }

    public static Interval justifyHours(Interval iv) {
        long days = iv.micros() / Interval.MICROS_PER_DAY;
        long rest = iv.micros() - days * Interval.MICROS_PER_DAY;
        int d = Math.addExact(iv.days(), (int) days);
        if (d > 0 && rest < 0) {
            rest += Interval.MICROS_PER_DAY;
            d--;
        } else if (d < 0 && rest > 0) {
            rest -= Interval.MICROS_PER_DAY;
            d++;
        }
        return new Interval(iv.months(), d, rest);
    }

    public static Interval justifyDays(Interval iv) {
        int months = iv.months() + iv.days() / 30;
        int days = iv.days() % 30;
        if (months > 0 && days < 0) {
            days += 30;
            months--;
        } else if (months < 0 && days > 0) {
            days -= 30;
            months++;
        }
        return new Interval(months, days, iv.micros());
    }

    public static Interval justifyInterval(Interval iv) {
        long wholeDays = iv.micros() / Interval.MICROS_PER_DAY;
        long rest = iv.micros() - wholeDays * Interval.MICROS_PER_DAY;
        long days = iv.days() + wholeDays;
        long months = iv.months() + days / 30;
        days = days % 30;
        if (months > 0 && (days < 0 || (days == 0 && rest < 0))) {
            days += 30;
            months--;
        } else if (months < 0 && (days > 0 || (days == 0 && rest > 0))) {
            days -= 30;
            months++;
        }
        if (days > 0 && rest < 0) {
            rest += Interval.MICROS_PER_DAY;
            days--;
        } else if (days < 0 && rest > 0) {
            rest -= Interval.MICROS_PER_DAY;
            days++;
        }
        return new Interval((int) months, (int) days, rest);
    }
}
