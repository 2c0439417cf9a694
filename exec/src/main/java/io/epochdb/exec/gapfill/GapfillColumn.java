package io.epochdb.exec.gapfill;

/**
 * What the gapfill operator does with one input column, in rows it inserts and rows it passes through.
 *
 * @param kind the column's role
 * @param treatNullAsMissing LOCF only: NULLs in real rows are replaced by the carried value too
 * @param prev LOCF: the LOOKUP column with the value before the range; INTERPOLATE: the LOOKUP column with the
 *     time of the sample before the range; -1 when absent
 * @param prevValue INTERPOLATE only: the LOOKUP column with the value of the sample before the range, or -1
 * @param next INTERPOLATE only: the LOOKUP column with the time of the sample after the range, or -1
 * @param nextValue INTERPOLATE only: the LOOKUP column with the value of the sample after the range, or -1
 */
public record GapfillColumn(Kind kind, boolean treatNullAsMissing, int prev, int prevValue, int next, int nextValue) {
    public enum Kind {
        /** The time_bucket_gapfill bucket: the grid time in inserted rows. */
        TIME,
        /** Another GROUP BY column: each distinct combination gets its own grid; copied into inserted rows. */
        GROUP,
        /** A value that is the same for the whole group (a prev/next lookup): copied into inserted rows. */
        LOOKUP,
        /** An aggregate or anything else: NULL in inserted rows. */
        NULL,
        /** locf(value): the last value seen in the group, carried into inserted rows. */
        LOCF,
        /** interpolate(value): linear interpolation between the group's neighbouring real rows. */
        INTERPOLATE
    }

    public static GapfillColumn time() {
        return new GapfillColumn(Kind.TIME, false, -1, -1, -1, -1);
    }

    public static GapfillColumn group() {
        return new GapfillColumn(Kind.GROUP, false, -1, -1, -1, -1);
    }

    public static GapfillColumn lookup() {
        return new GapfillColumn(Kind.LOOKUP, false, -1, -1, -1, -1);
    }

    public static GapfillColumn nullInGaps() {
        return new GapfillColumn(Kind.NULL, false, -1, -1, -1, -1);
    }

    /** @param prev LOOKUP column holding the value before the range, or -1 */
    public static GapfillColumn locf(int prev, boolean treatNullAsMissing) {
        return new GapfillColumn(Kind.LOCF, treatNullAsMissing, prev, -1, -1, -1);
    }

    /** Each argument is a LOOKUP column or -1: time and value of the samples before and after the range. */
    public static GapfillColumn interpolate(int prevTime, int prevValue, int nextTime, int nextValue) {
        return new GapfillColumn(Kind.INTERPOLATE, false, prevTime, prevValue, nextTime, nextValue);
    }
}
