package io.epochdb.exec.agg;

/** Formats a double for error messages the way PostgreSQL's %g does for simple values. */
final class PgFloat {
    private PgFloat() {
    }

    /** float_overflow_error(): a finite computation that overflowed. */
    static io.epochdb.common.EpochException overflow() {
        return new io.epochdb.common.EpochException(io.epochdb.common.ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE,
            "value out of range: overflow");
    }

    static String format(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString((long) d);
        }
        String s = String.format("%g", d);
        if (s.contains(".") && !s.contains("e")) {
            s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return s;
    }
}
