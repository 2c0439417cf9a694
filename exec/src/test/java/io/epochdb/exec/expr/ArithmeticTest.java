package io.epochdb.exec.expr;

import static io.epochdb.common.types.SqlType.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ArithmeticTest extends ExprTesting {
    @Test
    void integers() {
        assertPg("5", call("+", INT4, i4(2), i4(3)));
        assertPg("-1", call("-", INT4, i4(2), i4(3)));
        assertPg("3", call("/", INT4, i4(7), i4(2)));
        assertPg("-3", call("/", INT4, i4(-7), i4(2)));
        assertPg("-1", call("%", INT4, i4(-7), i4(2)));
        assertPg("6000000000", call("*", INT8, i4(2), i8(3_000_000_000L)));
        assertPg("NULL", call("+", INT4, i4(2), new Literal(null, t(INT4))));
        assertPg("-5", call("u-", INT4, i4(5)));
    }

    @Test
    void integerErrors() {
        assertEquals("integer out of range", fails("22003", () -> value(call("+", INT4, i4(Integer.MAX_VALUE), i4(1)))).getMessage());
        assertEquals("bigint out of range", fails("22003", () -> value(call("*", INT8, i8(Long.MAX_VALUE), i8(2)))).getMessage());
        assertEquals("smallint out of range", fails("22003", () -> value(call("+", INT2,
            new Literal((short) 32767, t(INT2)), new Literal((short) 1, t(INT2))))).getMessage());
        assertEquals("division by zero", fails("22012", () -> value(call("/", INT4, i4(1), i4(0)))).getMessage());
        assertEquals("division by zero", fails("22012", () -> value(call("%", INT4, i4(1), i4(0)))).getMessage());
        assertEquals("division by zero", fails("22012", () -> value(call("/", FLOAT8, f8(1), f8(0)))).getMessage());
        fails("22003", () -> value(call("/", INT4, i4(Integer.MIN_VALUE), i4(-1))));
    }

    @Test
    void floatsAndNumeric() {
        assertPg("0.30000000000000004", call("+", FLOAT8, f8(0.1), f8(0.2)));
        assertPg("3.5", call("/", FLOAT8, f8(7), i4(2)));
        assertPg("0.33333333333333333333", call("/", NUMERIC, lit("1", NUMERIC), lit("3", NUMERIC)));
        assertPg("3.3333333333333333", call("/", NUMERIC, lit("10", NUMERIC), lit("3", NUMERIC)));
        assertPg("4.500", call("*", NUMERIC, lit("1.5", NUMERIC), lit("3.00", NUMERIC)));
        assertPg("1.1", call("%", NUMERIC, lit("10.1", NUMERIC), i4(3)));
    }

    @Test
    void datetime() {
        assertPg("2024-01-02 00:00:00+00", call("+", TIMESTAMPTZ, lit("2024-01-01", TIMESTAMPTZ), lit("1 day", INTERVAL)));
        assertPg("2024-02-29", call("+", DATE, lit("2024-02-28", DATE), i4(1)));
        assertPg("366", call("-", INT4, lit("2025-01-01", DATE), lit("2024-01-01", DATE)));
        assertPg("1 day 02:00:00", call("-", INTERVAL, lit("2024-01-02 02:00", TIMESTAMP), lit("2024-01-01", TIMESTAMP)));
        assertPg("2024-03-31 00:00:00", call("+", TIMESTAMP, lit("2024-01-31", DATE), lit("2 mons", INTERVAL)));
        assertPg("2 days 12:00:00", call("*", INTERVAL, lit("1 day 6 hours", INTERVAL), f8(2)));
        assertPg("15 days", call("/", INTERVAL, lit("1 mon", INTERVAL), i4(2)));
        assertPg("-1 years -2 mons", call("u-", INTERVAL, lit("1 year 2 mons", INTERVAL)));
        assertPg("02:00:00", call("+", TIME, lit("23:00", TIME), lit("3 hours", INTERVAL)));
    }

    @Test
    void dstDayIs23Hours() {
        useZone("Europe/Berlin");
        assertPg("2024-03-31 00:00:00+01", lit("2024-03-31 00:00", TIMESTAMPTZ));
        assertPg("2024-04-01 00:00:00+02", call("+", TIMESTAMPTZ, lit("2024-03-31 00:00", TIMESTAMPTZ), lit("1 day", INTERVAL)));
        assertPg("2024-04-01 01:00:00+02", call("+", TIMESTAMPTZ, lit("2024-03-31 00:00", TIMESTAMPTZ), lit("24 hours", INTERVAL)));
    }
}
