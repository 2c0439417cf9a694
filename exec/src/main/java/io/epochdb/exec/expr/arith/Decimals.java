package io.epochdb.exec.expr.arith;

import io.epochdb.common.ErrorCode;
import io.epochdb.common.EpochException;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** numeric arithmetic with PostgreSQL's result scales. */
public final class Decimals {
    private static final int MIN_SIG_DIGITS = 16;
    private static final int MAX_DISPLAY_SCALE = 1000;

    private Decimals() {
    }

    public static BigDecimal divide(BigDecimal x, BigDecimal y) {
        if (y.signum() == 0) {
            throw new EpochException(ErrorCode.DIVISION_BY_ZERO, "division by zero");
        }
        int rscale = divScale(x, y);
        return x.divide(y, rscale, RoundingMode.HALF_UP);
    }

    /** PostgreSQL's select_div_scale: at least 16 significant digits, at least the inputs' scales. */
    static int divScale(BigDecimal x, BigDecimal y) {
        int w1 = 0;
        int f1 = 0;
        int w2 = 0;
        int f2 = 0;
        if (x.signum() != 0) {
            w1 = weight(x);
            f1 = firstDigit(x, w1);
        }
        if (y.signum() != 0) {
            w2 = weight(y);
            f2 = firstDigit(y, w2);
        }
        int qweight = w1 - w2;
        if (f1 <= f2) {
            qweight--;
        }
        int rscale = MIN_SIG_DIGITS - qweight * 4;
        rscale = Math.max(rscale, Math.max(x.scale(), 0));
        rscale = Math.max(rscale, Math.max(y.scale(), 0));
        return Math.min(rscale, MAX_DISPLAY_SCALE);
    }

    /** Base-10000 weight of the leading digit group. */
    private static int weight(BigDecimal v) {
        int e = v.precision() - v.scale() - 1; // base-10 exponent of the leading digit
        return Math.floorDiv(e, 4);
    }

    private static int firstDigit(BigDecimal v, int weight) {
        return v.abs().movePointLeft(weight * 4).setScale(0, RoundingMode.DOWN).intValue();
    }

    public static BigDecimal mod(BigDecimal x, BigDecimal y) {
        if (y.signum() == 0) {
            throw new EpochException(ErrorCode.DIVISION_BY_ZERO, "division by zero");
        }
        return x.remainder(y);
    }

    /** Division of numerics truncated toward zero (PostgreSQL's div()). */
    public static BigDecimal div(BigDecimal x, BigDecimal y) {
        if (y.signum() == 0) {
            throw new EpochException(ErrorCode.DIVISION_BY_ZERO, "division by zero");
        }
        return x.divideToIntegralValue(y).setScale(0, RoundingMode.DOWN);
    }
}
