package io.epochdb.exec.agg;

import io.epochdb.common.types.Interval;

/** Interval arithmetic that aggregates need, following PostgreSQL's interval_div and interval_lerp. */
final class IntervalMath {
    private static final double TS_PREC_INV = 1_000_000.0;

    private IntervalMath() {
    }

    private static double tsRound(double j) {
        return Math.rint(j * TS_PREC_INV) / TS_PREC_INV;
    }

    /** PostgreSQL's interval_div(span, factor). */
    static Interval divide(Interval span, double factor) {
        int month = (int) (span.months() / factor);
        int day = (int) (span.days() / factor);
        double monthRemainderDays = (span.months() / factor - month) * 30;
        monthRemainderDays = tsRound(monthRemainderDays);
        double secRemainder = (span.days() / factor - day + monthRemainderDays - (int) monthRemainderDays) * 86400;
        secRemainder = tsRound(secRemainder);
        if (Math.abs(secRemainder) >= 86400) {
            day += (int) (secRemainder / 86400);
            secRemainder -= (int) (secRemainder / 86400) * 86400.0;
        }
        day += (int) monthRemainderDays;
        long micros = (long) Math.rint(span.micros() / factor + secRemainder * 1_000_000);
        return new Interval(month, day, micros);
    }

    /** PostgreSQL's interval_mul(span, factor). */
    static Interval multiply(Interval span, double factor) {
        double resultDouble = span.months() * factor;
        int month = (int) resultDouble;
        double monthRemainderDays = (resultDouble - month) * 30;
        resultDouble = span.days() * factor;
        int day = (int) resultDouble;
        double secRemainder = (resultDouble - day + monthRemainderDays - (int) monthRemainderDays) * 86400;
        secRemainder = tsRound(secRemainder);
        if (Math.abs(secRemainder) >= 86400) {
            day += (int) (secRemainder / 86400);
            secRemainder -= (int) (secRemainder / 86400) * 86400.0;
        }
        day += (int) monthRemainderDays;
        long micros = (long) Math.rint(span.micros() * factor + secRemainder * 1_000_000);
        return new Interval(month, day, micros);
    }

    static Interval minus(Interval a, Interval b) {
        return a.plus(b.negate());
    }
}
