package io.epochdb.exec.agg;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * PostgreSQL's numeric division and square root result scales ({@code select_div_scale}, {@code sqrt_var}),
 * so that avg/stddev/variance print exactly what PostgreSQL prints (avg of 1,2,3,4 is 2.5000000000000000).
 */
public final class PgNumeric {
    private static final int MIN_SIG_DIGITS = 16;
    private static final int MAX_DISPLAY_SCALE = 1000;

    private PgNumeric() {
    }

    /** Weight (base-10000 digit position of the first non-zero digit) and that digit; zero -> {0, 0}. */
    private static long[] weightAndFirstDigit(BigDecimal x) {
        if (x.signum() == 0) {
            return new long[] {0, 0};
        }
        BigDecimal a = x.abs();
        int e = a.precision() - a.scale() - 1;
        int weight = Math.floorDiv(e, 4);
        long first = a.movePointLeft(4 * weight).setScale(0, RoundingMode.DOWN).longValueExact();
        return new long[] {weight, first};
    }

    /** Result scale PostgreSQL picks for {@code a / b}. */
    public static int divScale(BigDecimal a, BigDecimal b) {
        long[] w1 = weightAndFirstDigit(a);
        long[] w2 = weightAndFirstDigit(b);
        long qweight = w1[0] - w2[0];
        if (w1[1] <= w2[1]) {
            qweight--;
        }
        long rscale = MIN_SIG_DIGITS - qweight * 4;
        rscale = Math.max(rscale, Math.max(a.scale(), 0));
        rscale = Math.max(rscale, Math.max(b.scale(), 0));
        rscale = Math.max(rscale, 0);
        rscale = Math.min(rscale, MAX_DISPLAY_SCALE);
        return (int) rscale;
    }

    /** {@code a / b} rounded half away from zero at PostgreSQL's scale. */
    public static BigDecimal divide(BigDecimal a, BigDecimal b) {
        return a.divide(b, divScale(a, b), RoundingMode.HALF_UP);
    }

    /** {@code sqrt(x)} rounded at {@code scale} (x >= 0). */
    public static BigDecimal sqrt(BigDecimal x, int scale) {
        if (x.signum() == 0) {
            return BigDecimal.ZERO.setScale(scale);
        }
        int digits = Math.max(1, x.precision() - x.scale()) / 2 + scale + 10;
        BigDecimal r = x.sqrt(new MathContext(digits, RoundingMode.HALF_EVEN));
        return r.setScale(scale, RoundingMode.HALF_UP);
    }

    /**
     * PostgreSQL's numeric_stddev_internal from N, sum(x), sum(x*x); null when undefined (sample with N <= 1,
     * population with N == 0).
     */
    public static BigDecimal varianceOrStddev(long n, BigDecimal sumX, BigDecimal sumX2, boolean sample,
                                              boolean variance) {
        if (n == 0 || (sample && n <= 1)) {
            return null;
        }
        BigDecimal vn = BigDecimal.valueOf(n);
        BigDecimal numerator = vn.multiply(sumX2).subtract(sumX.multiply(sumX));
        if (numerator.signum() <= 0) {
            return BigDecimal.ZERO;
        }
        BigDecimal denominator = sample ? vn.multiply(BigDecimal.valueOf(n - 1)) : vn.multiply(vn);
        int rscale = divScale(numerator, denominator);
        BigDecimal var = numerator.divide(denominator, rscale, RoundingMode.HALF_UP);
        if (variance) {
            return var;
        }
        return sqrt(var, rscale);
    }
}
