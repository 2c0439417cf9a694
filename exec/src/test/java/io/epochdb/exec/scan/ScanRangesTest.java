package io.epochdb.exec.scan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.epochdb.common.types.ColumnType;
import io.epochdb.common.types.Interval;
import io.epochdb.common.types.SqlType;
import io.epochdb.exec.ExecContext;
import io.epochdb.exec.expr.Expr;
import io.epochdb.exec.expr.Literal;
import io.epochdb.exec.expr.ParamRef;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Bound evaluation: strictness, NULLs, casts between date/time types, time_bucket widening. */
class ScanRangesTest {
    private static final long DAY = Interval.MICROS_PER_DAY;
    private static final long HOUR = Interval.MICROS_PER_HOUR;
    private RootAllocator allocator;
    private ExecContext utc;

    @BeforeEach
    void setUp() {
        allocator = new RootAllocator();
        utc = ExecContext.simple(allocator);
    }

    @AfterEach
    void tearDown() {
        assertEquals(0, allocator.getAllocatedMemory(), "leaked Arrow memory");
        allocator.close();
    }

    private ExecContext in(String zone, List<Object> params) {
        return new ExecContext(allocator, params, ZoneId.of(zone), 0, 0, new AtomicBoolean(), 0);
    }

    private static Literal lit(Object v, SqlType t) {
        return new Literal(v, ColumnType.of(t));
    }

    private static long[] interval(SqlType column, Comparison op, Expr value, ExecContext ctx, ColumnStep... steps) {
        return BoundMath.interval(new RangeBound(op, value, List.of(steps)), column, ctx);
    }

    @Test
    void integerComparisonsBecomeInclusiveIntervals() {
        assertArrayEquals(new long[] {6, Long.MAX_VALUE}, interval(SqlType.INT4, Comparison.GT, lit(5, SqlType.INT4), utc));
        assertArrayEquals(new long[] {5, Long.MAX_VALUE}, interval(SqlType.INT4, Comparison.GE, lit(5, SqlType.INT4), utc));
        assertArrayEquals(new long[] {Long.MIN_VALUE, 4}, interval(SqlType.INT8, Comparison.LT, lit(5L, SqlType.INT8), utc));
        assertArrayEquals(new long[] {5, 5}, interval(SqlType.INT2, Comparison.EQ, lit((short) 5, SqlType.INT2), utc));
        assertNull(interval(SqlType.INT8, Comparison.GT, lit(Long.MAX_VALUE, SqlType.INT8), utc), "nothing is above the maximum");
    }

    @Test
    void nullValueMatchesNothing() {
        assertNull(interval(SqlType.INT4, Comparison.GT, lit(null, SqlType.INT4), utc));
        ExecContext withNullParam = in("UTC", Arrays.asList((Object) null));
        ScanRanges r = new ScanRanges(List.of(new RangeTerm(0, SqlType.INT4,
            List.of(List.of(new RangeBound(Comparison.EQ, new ParamRef(0, ColumnType.of(SqlType.INT4)), List.of()))), "i = $1")));
        assertTrue(r.evaluate(withNullParam).matchesNothing());
    }

    @Test
    void numericAndFloatValuesRoundOutward() {
        ColumnStep toNumeric = new ColumnStep.Cast(SqlType.INT4, SqlType.NUMERIC);
        assertArrayEquals(new long[] {6, Long.MAX_VALUE},
            interval(SqlType.INT4, Comparison.GT, lit(new BigDecimal("5.5"), SqlType.NUMERIC), utc, toNumeric));
        assertArrayEquals(new long[] {Long.MIN_VALUE, 5},
            interval(SqlType.INT4, Comparison.LE, lit(new BigDecimal("5.5"), SqlType.NUMERIC), utc, toNumeric));
        ColumnStep toDouble = new ColumnStep.Cast(SqlType.INT8, SqlType.FLOAT8);
        assertNull(interval(SqlType.INT8, Comparison.GT, lit(Double.NaN, SqlType.FLOAT8), utc, toDouble), "NaN sorts above every number");
        assertArrayEquals(new long[] {Long.MIN_VALUE, Long.MAX_VALUE},
            interval(SqlType.INT8, Comparison.LT, lit(Double.POSITIVE_INFINITY, SqlType.FLOAT8), utc, toDouble));
        assertArrayEquals(new long[] {Long.MIN_VALUE, Long.MAX_VALUE},
            interval(SqlType.INT8, Comparison.LT, lit(1e300, SqlType.FLOAT8), utc, toDouble), "beyond 2^53 float8 rounding is not trusted");
    }

    @Test
    void timestampColumnAgainstDateAndDateColumnAgainstTimestamp() {
        long jan2 = 19724L * DAY; // 2024-01-02
        // date column compared as timestamp (date::timestamp > '2024-01-02 12:00')
        ColumnStep dateToTs = new ColumnStep.Cast(SqlType.DATE, SqlType.TIMESTAMP);
        assertArrayEquals(new long[] {19725, Long.MAX_VALUE},
            interval(SqlType.DATE, Comparison.GT, lit(jan2 + 12 * HOUR, SqlType.TIMESTAMP), utc, dateToTs));
        assertArrayEquals(new long[] {Long.MIN_VALUE, 19724},
            interval(SqlType.DATE, Comparison.LT, lit(jan2 + 12 * HOUR, SqlType.TIMESTAMP), utc, dateToTs));
        // timestamp column cast to date (ts::date = '2024-01-02') covers the whole day
        ColumnStep tsToDate = new ColumnStep.Cast(SqlType.TIMESTAMP, SqlType.DATE);
        assertArrayEquals(new long[] {jan2, jan2 + DAY - 1},
            interval(SqlType.TIMESTAMP, Comparison.EQ, lit(19724, SqlType.DATE), utc, tsToDate));
    }

    @Test
    void timestamptzColumnCastToDateUsesSessionZone() {
        long jan2 = 19724L * DAY;
        ColumnStep toDate = new ColumnStep.Cast(SqlType.TIMESTAMPTZ, SqlType.DATE);
        // Berlin is UTC+1 in January: its 2024-01-02 runs from 01-01 23:00 to 01-02 23:00 UTC
        assertArrayEquals(new long[] {jan2 - HOUR, jan2 + DAY - HOUR - 1},
            interval(SqlType.TIMESTAMPTZ, Comparison.EQ, lit(19724, SqlType.DATE), in("Europe/Berlin", List.of()), toDate));
    }

    @Test
    void timestampColumnAgainstTimestamptzWidensOverDaylightSavingChanges() {
        // ts (local) compared with a timestamptz: the column converts with the session zone
        ColumnStep toTz = new ColumnStep.Cast(SqlType.TIMESTAMP, SqlType.TIMESTAMPTZ);
        long t = 19724L * DAY;
        long[] fixed = interval(SqlType.TIMESTAMP, Comparison.GE, lit(t, SqlType.TIMESTAMPTZ), in("Asia/Tokyo", List.of()), toTz);
        assertArrayEquals(new long[] {t + 9 * HOUR, Long.MAX_VALUE}, fixed);
        // New York on 2024-03-10 (DST starts): offsets -5h and -4h are both possible near the limit
        long mar10 = 19792L * DAY;
        long[] dst = interval(SqlType.TIMESTAMP, Comparison.GE, lit(mar10, SqlType.TIMESTAMPTZ), in("America/New_York", List.of()), toTz);
        assertEquals(mar10 - 5 * HOUR, dst[0]);
    }

    @Test
    void timeBucketBoundsWidenByTheWidthAbove() {
        long t = 19724L * DAY;
        ColumnStep bucket = new ColumnStep.Bucket(SqlType.TIMESTAMPTZ, lit("1 hour", SqlType.TEXT));
        assertArrayEquals(new long[] {t, Long.MAX_VALUE}, interval(SqlType.TIMESTAMPTZ, Comparison.GE, lit(t, SqlType.TIMESTAMPTZ), utc, bucket));
        assertArrayEquals(new long[] {Long.MIN_VALUE, t + HOUR - 2},
            interval(SqlType.TIMESTAMPTZ, Comparison.LT, lit(t, SqlType.TIMESTAMPTZ), utc, bucket));
        assertArrayEquals(new long[] {t, t + HOUR - 1},
            interval(SqlType.TIMESTAMPTZ, Comparison.EQ, lit(t, SqlType.TIMESTAMPTZ), utc, bucket));
        ColumnStep months = new ColumnStep.Bucket(SqlType.TIMESTAMPTZ, lit(new Interval(1, 0, 0), SqlType.INTERVAL));
        assertArrayEquals(new long[] {t, Long.MAX_VALUE}, interval(SqlType.TIMESTAMPTZ, Comparison.EQ, lit(t, SqlType.TIMESTAMPTZ), utc, months),
            "month widths vary: only the lower bound holds");
        ColumnStep ints = new ColumnStep.Bucket(SqlType.INT8, lit(10L, SqlType.INT8));
        assertArrayEquals(new long[] {100, 109}, interval(SqlType.INT8, Comparison.EQ, lit(100L, SqlType.INT8), utc, ints));
    }

    @Test
    void orAlternativesKeepSeparateIntervals() {
        RangeTerm in = new RangeTerm(0, SqlType.INT4, List.of(
            List.of(new RangeBound(Comparison.EQ, lit(5, SqlType.INT4), List.of())),
            List.of(new RangeBound(Comparison.EQ, lit(null, SqlType.INT4), List.of())),
            List.of(new RangeBound(Comparison.GE, lit(100, SqlType.INT4), List.of()),
                new RangeBound(Comparison.LT, lit(200, SqlType.INT4), List.of()))), "i IN (...)");
        PartFilter f = new ScanRanges(List.of(in)).evaluate(utc);
        assertFalse(f.matchesNothing());
        assertArrayEquals(new long[][] {{5, 5}, {100, 199}}, f.intervals(0));
    }
}
