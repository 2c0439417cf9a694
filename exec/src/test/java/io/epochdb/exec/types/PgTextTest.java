package io.epochdb.exec.types;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.epochdb.common.EpochException;
import io.epochdb.common.types.ColumnType;
import io.epochdb.common.types.Interval;
import io.epochdb.common.types.SqlType;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Expected strings come from PostgreSQL 15 (DateStyle ISO, MDY; IntervalStyle postgres; TimeZone UTC). */
class PgTextTest {
    private static final ZoneId UTC = ZoneOffset.UTC;

    private static String fmt(Object v, SqlType t) {
        return PgText.format(v, ColumnType.of(t), UTC);
    }

    private static Object parse(String s, SqlType t) {
        return PgText.parse(s, ColumnType.of(t), UTC);
    }

    /** Parses as PostgreSQL input and prints as PostgreSQL output. */
    private static String roundTrip(String s, SqlType t) {
        return fmt(parse(s, t), t);
    }

    private static void fails(String sqlState, String message, Runnable r) {
        EpochException e = assertThrows(EpochException.class, r::run);
        assertEquals(sqlState, e.sqlState());
        if (message != null) {
            assertEquals(message, e.getMessage());
        }
    }

    @Test
    void floats() {
        assertEquals("1.1", fmt(1.1, SqlType.FLOAT8));
        assertEquals("1e+20", fmt(1e20, SqlType.FLOAT8));
        assertEquals("1e-05", fmt(1e-5, SqlType.FLOAT8));
        assertEquals("1.2345678901234568e+20", fmt(123456789012345680000d, SqlType.FLOAT8));
        assertEquals("NaN", fmt(Double.NaN, SqlType.FLOAT8));
        assertEquals("Infinity", fmt(Double.POSITIVE_INFINITY, SqlType.FLOAT8));
        assertEquals("-Infinity", fmt(Double.NEGATIVE_INFINITY, SqlType.FLOAT8));
        assertEquals("-0", fmt(-0.0, SqlType.FLOAT8));
        assertEquals("1e-07", fmt(1e-7, SqlType.FLOAT8));
        assertEquals("0.0001", fmt(0.0001, SqlType.FLOAT8));
        assertEquals("100", fmt(100d, SqlType.FLOAT8));
        assertEquals("1.5e+300", fmt(1.5e300, SqlType.FLOAT8));
        assertEquals("5e-324", fmt(5e-324, SqlType.FLOAT8));
        assertEquals("1e+15", fmt(1e15, SqlType.FLOAT8));
        assertEquals("123456789012345", fmt(123456789012345d, SqlType.FLOAT8));
        assertEquals("0.30000000000000004", fmt(0.1 + 0.2, SqlType.FLOAT8));
        assertEquals("0.1", fmt(0.1f, SqlType.FLOAT4));
        assertEquals("1.1", fmt(1.1f, SqlType.FLOAT4));
        assertEquals("3.4e+38", fmt(3.4e38f, SqlType.FLOAT4));
        assertEquals("1e+06", fmt(1e6f, SqlType.FLOAT4));
        assertEquals("123456", fmt(123456f, SqlType.FLOAT4));
        // half-way cases: PostgreSQL's Ryu never prints a decimal that only reads back by the tie rule
        assertEquals("1.9999999999999998e+23", fmt(2e23, SqlType.FLOAT8));
        assertEquals("9.999999999999999e+22", fmt(1e23, SqlType.FLOAT8));
        assertEquals("9.007199254740992e+15", fmt(9007199254740993d, SqlType.FLOAT8));
    }

    @Test
    void floatInput() {
        assertEquals(1.5, parse(" 1.5 ", SqlType.FLOAT8));
        assertEquals(Double.NaN, parse("nan", SqlType.FLOAT8));
        assertEquals(Double.NEGATIVE_INFINITY, parse("-Infinity", SqlType.FLOAT8));
        fails("22003", "\"1e400\" is out of range for type double precision", () -> parse("1e400", SqlType.FLOAT8));
        fails("22P02", "invalid input syntax for type double precision: \"1d\"", () -> parse("1d", SqlType.FLOAT8));
    }

    @Test
    void integers() {
        assertEquals(12, parse(" 12 ", SqlType.INT4));
        assertEquals(Long.MIN_VALUE, parse("-9223372036854775808", SqlType.INT8));
        assertEquals((short) -32768, parse("-32768", SqlType.INT2));
        fails("22P02", "invalid input syntax for type integer: \"abc\"", () -> parse("abc", SqlType.INT4));
        fails("22P02", "invalid input syntax for type integer: \"1_000\"", () -> parse("1_000", SqlType.INT4));
        fails("22003", "value \"99999999999\" is out of range for type integer", () -> parse("99999999999", SqlType.INT4));
        fails("22003", "value \"9223372036854775808\" is out of range for type bigint", () -> parse("9223372036854775808", SqlType.INT8));
        fails("22P02", "invalid input syntax for type bigint: \"\"", () -> parse("", SqlType.INT8));
    }

    @Test
    void numericAndBool() {
        assertEquals("1.5", roundTrip("  1.5  ", SqlType.NUMERIC));
        assertEquals("1000", roundTrip("1e3", SqlType.NUMERIC));
        assertEquals("1.3", fmt(PgText.parse("1.25", ColumnType.numeric(5, 1), UTC), SqlType.NUMERIC));
        assertEquals("-1.3", fmt(PgText.parse("-1.25", ColumnType.numeric(5, 1), UTC), SqlType.NUMERIC));
        assertEquals("0.00", fmt(new BigDecimal("0.00"), SqlType.NUMERIC));
        fails("22P02", "invalid input syntax for type numeric: \"x\"", () -> parse("x", SqlType.NUMERIC));
        fails("22003", "numeric field overflow", () -> PgText.parse("1000", ColumnType.numeric(3, 1), UTC));
        assertEquals(true, parse("yes", SqlType.BOOL));
        assertEquals(false, parse("of", SqlType.BOOL));
        assertEquals(true, parse(" t ", SqlType.BOOL));
        assertEquals("t", fmt(true, SqlType.BOOL));
        fails("22P02", "invalid input syntax for type boolean: \"maybe\"", () -> parse("maybe", SqlType.BOOL));
    }

    @Test
    void timestamps() {
        assertEquals("2024-01-01 06:30:00.5+00", roundTrip("2024-01-01 12:00:00.5+05:30", SqlType.TIMESTAMPTZ));
        assertEquals("2024-01-01 10:00:00+00", roundTrip("2024-01-01T10:00:00Z", SqlType.TIMESTAMPTZ));
        assertEquals("2023-12-31 23:00:00+00", roundTrip("2024-01-01 00:00 Europe/Berlin", SqlType.TIMESTAMPTZ));
        assertEquals("1970-01-01 00:00:00+00", roundTrip("epoch", SqlType.TIMESTAMPTZ));
        assertEquals("2024-01-01 12:00:00.5+05:30", PgText.format(parse("2024-01-01 12:00:00.5+05:30", SqlType.TIMESTAMPTZ),
            ColumnType.of(SqlType.TIMESTAMPTZ), ZoneId.of("Asia/Kolkata")));
        assertEquals("2024-07-01 02:00:00+02", PgText.format(parse("2024-07-01 00:00+00", SqlType.TIMESTAMPTZ),
            ColumnType.of(SqlType.TIMESTAMPTZ), ZoneId.of("Europe/Berlin")));
        assertEquals("2024-01-01 12:00:00", roundTrip("2024-01-01 12:00:00+05", SqlType.TIMESTAMP));
        assertEquals("2024-01-01 00:00:00.123456", roundTrip("2024-01-01 00:00:00.1234564", SqlType.TIMESTAMP));
        assertEquals("0001-01-01 00:00:00 BC", roundTrip("0001-01-01 00:00:00 BC", SqlType.TIMESTAMP));
        // ambiguous local time at the end of DST takes standard time, as PostgreSQL does
        assertEquals("2024-10-27 01:30:00+00", roundTrip("2024-10-27 02:30 Europe/Berlin", SqlType.TIMESTAMPTZ));
        fails("22007", "invalid input syntax for type timestamp with time zone: \"garbage\"", () -> parse("garbage", SqlType.TIMESTAMPTZ));
        fails("22008", "date/time field value out of range: \"2024-01-01 25:00\"", () -> parse("2024-01-01 25:00", SqlType.TIMESTAMP));
        fails("0A000", null, () -> parse("infinity", SqlType.TIMESTAMPTZ));
    }

    @Test
    void datesAndTimes() {
        assertEquals("0044-03-15 BC", roundTrip("0044-03-15 BC", SqlType.DATE));
        assertEquals("2024-01-02", roundTrip("20240102", SqlType.DATE));
        assertEquals("2024-01-01", roundTrip("2024-01-01 13:00", SqlType.DATE));
        assertEquals("12:00:00.123", roundTrip("12:00:00.123", SqlType.TIME));
        assertEquals("24:00:00", roundTrip("24:00", SqlType.TIME));
        fails("22008", "date/time field value out of range: \"2024-13-01\"", () -> parse("2024-13-01", SqlType.DATE));
        fails("22008", null, () -> parse("2023-02-29", SqlType.DATE));
    }

    @Test
    void intervals() {
        assertEquals("1 year 2 mons 3 days 04:05:06.789", roundTrip("1 year 2 months 3 days 04:05:06.789", SqlType.INTERVAL));
        assertEquals("-01:00:00", roundTrip("-1 hours", SqlType.INTERVAL));
        assertEquals("36:00:00", roundTrip("36 hours", SqlType.INTERVAL));
        assertEquals("1 day 02:00:00", roundTrip("P1DT2H", SqlType.INTERVAL));
        assertEquals("00:05:00", roundTrip("PT5M", SqlType.INTERVAL));
        assertEquals("01:30:00", roundTrip("1.5 hours", SqlType.INTERVAL));
        assertEquals("14 days", roundTrip("2 weeks", SqlType.INTERVAL));
        assertEquals("1 day 01:00:00", roundTrip("1 day 01:00", SqlType.INTERVAL));
        assertEquals("-1 years -2 mons +3 days -04:00:00", roundTrip("-1 year -2 mons +3 days -04:00:00", SqlType.INTERVAL));
        assertEquals("-1 years +2 days", roundTrip("-1 year 2 days", SqlType.INTERVAL));
        assertEquals("-1 days +02:00:00", roundTrip("-1 day 2 hours", SqlType.INTERVAL));
        assertEquals("1 day -01:00:00", roundTrip("1 day -1 hour", SqlType.INTERVAL));
        assertEquals("1 mon 15 days", roundTrip("1.5 months", SqlType.INTERVAL));
        assertEquals("00:00:00.000005", roundTrip("5 us", SqlType.INTERVAL));
        assertEquals("00:00:00", roundTrip("0", SqlType.INTERVAL));
        assertEquals("-00:01:00", roundTrip("@ 1 minute ago", SqlType.INTERVAL));
        assertEquals("00:01:00", roundTrip("1m", SqlType.INTERVAL));
        assertEquals("00:00:00.5", roundTrip("0.5s", SqlType.INTERVAL));
        assertEquals("00:00:00.1", roundTrip("100ms", SqlType.INTERVAL));
        assertEquals("12 days", fmt(io.epochdb.exec.expr.arith.IntervalMath.justifyHours((Interval) parse("1.0368e+06s", SqlType.INTERVAL)),
            SqlType.INTERVAL));
        assertEquals("1 year 2 mons", roundTrip("1 year 2 months", SqlType.INTERVAL));
        assertEquals("1 mon", roundTrip("1 mon", SqlType.INTERVAL));
        assertEquals("3 days", roundTrip("3 days", SqlType.INTERVAL));
        fails("22007", "invalid input syntax for type interval: \"x\"", () -> parse("x", SqlType.INTERVAL));
    }

    @Test
    void json() {
        assertEquals("{\"a\": 3, \"b\": 1, \"aa\": {\"x\": \"yA\\n\"}}", parse(
            "{\"b\": 1, \"a\": [1, 2.50, 1e2, -0, true, null], \"aa\": {\"x\": \"y\\u0041\\n\"}, \"a\": 3}", SqlType.JSONB));
        assertEquals("[1, 2.50, 100, 0, true, null]", parse("[1,2.50,1e2,-0,true,null]", SqlType.JSONB));
        assertEquals("[]", parse("  [ ]", SqlType.JSONB));
        assertEquals("{ \"a\" :1 }", parse("{ \"a\" :1 }", SqlType.JSON));
        fails("22P02", "invalid input syntax for type json", () -> parse("{\"a\":}", SqlType.JSONB));
        fails("22P02", "invalid input syntax for type json", () -> parse("nul", SqlType.JSON));
    }

    @Test
    void byteaUuidArrays() {
        assertEquals("\\x0102ff", roundTrip("\\x0102ff", SqlType.BYTEA));
        assertArrayEquals(new byte[] {'a', 'b', 'c', 1}, (byte[]) parse("abc\\001", SqlType.BYTEA));
        assertEquals("\\x615c", fmt(parse("a\\\\", SqlType.BYTEA), SqlType.BYTEA));
        UUID u = (UUID) parse("A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11", SqlType.UUID);
        assertEquals("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11", fmt(u, SqlType.UUID));
        assertEquals(u, parse("{a0eebc999c0b4ef8bb6d6bb9bd380a11}", SqlType.UUID));
        fails("22P02", "invalid input syntax for type uuid: \"123\"", () -> parse("123", SqlType.UUID));
        assertEquals("{\"a b\",\"x\\\"y\",NULL,\"\",\"NULL\",c,\"back\\\\slash\"}",
            fmt(Arrays.asList("a b", "x\"y", null, "", "NULL", "c", "back\\slash"), SqlType.TEXT_ARRAY));
        assertEquals("{1,2,NULL}", fmt(Arrays.asList(1, 2, null), SqlType.INT4_ARRAY));
        assertEquals("{\"2024-01-01 00:00:00\"}", fmt(Arrays.asList(1_704_067_200_000_000L), SqlType.TIMESTAMP_ARRAY));
        assertEquals(Arrays.asList(1, 2, null), parse("{1,2,NULL}", SqlType.INT4_ARRAY));
        assertEquals(Arrays.asList("a b", "c", "x\"y"), parse("{\"a b\", c ,\"x\\\"y\"}", SqlType.TEXT_ARRAY));
        assertEquals(Arrays.asList(), parse("{}", SqlType.TEXT_ARRAY));
        fails("22P02", "malformed array literal: \"1,2\"", () -> parse("1,2", SqlType.INT4_ARRAY));
    }
}
