package io.epochdb.exec.expr;

import static io.epochdb.common.types.SqlType.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.epochdb.common.types.SqlType;
import io.epochdb.exec.batch.Batch;
import io.epochdb.exec.types.PgText;
import io.epochdb.storage.vector.ArrowTypes;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.FieldVector;
import org.junit.jupiter.api.Test;

class TimeBucketTest extends ExprTesting {
    private Expr tb(SqlType result, Expr... args) {
        return call("time_bucket", result, args);
    }

    private Expr nul(SqlType t) {
        return new Literal(null, t(t));
    }

    @Test
    void subMonthWidthsCountFromMonday2000() {
        assertPg("2024-01-01 12:05:00+00", tb(TIMESTAMPTZ, lit("5 minutes", INTERVAL), lit("2024-01-01 12:07:30", TIMESTAMPTZ)));
        assertPg("2024-01-01 00:00:00", tb(TIMESTAMP, lit("1 week", INTERVAL), lit("2024-01-03 10:00", TIMESTAMP)));
        assertPg("2024-01-01", tb(DATE, lit("7 days", INTERVAL), lit("2024-01-07", DATE)));
        assertPg("1969-12-31 23:00:00", tb(TIMESTAMP, lit("1 hour", INTERVAL), lit("1969-12-31 23:30", TIMESTAMP)));
        assertPg("2024-01-01 12:00:00", tb(TIMESTAMP, text("1h"), lit("2024-01-01 12:59:59.999", TIMESTAMP)));
        assertPg("2024-01-01 12:00:01.5", tb(TIMESTAMP, text("0.5s"), lit("2024-01-01 12:00:01.7", TIMESTAMP)));
        // 12-day width from 2000-01-03
        assertPg("2023-12-28 00:00:00", tb(TIMESTAMP, text("1.0368e+06s"), lit("2024-01-01", TIMESTAMP)));
    }

    @Test
    void monthWidthsFollowTheCalendar() {
        assertPg("2024-02-01 00:00:00+00", tb(TIMESTAMPTZ, lit("1 month", INTERVAL), lit("2024-02-15 10:00", TIMESTAMPTZ)));
        assertPg("2024-04-01 00:00:00", tb(TIMESTAMP, lit("3 months", INTERVAL), lit("2024-05-15", TIMESTAMP)));
        assertPg("2024-01-01", tb(DATE, lit("1 year", INTERVAL), lit("2024-12-31", DATE)));
        assertPg("1969-12-01 00:00:00", tb(TIMESTAMP, lit("1 mon", INTERVAL), lit("1969-12-31 23:00", TIMESTAMP)));
    }

    @Test
    void timestamptzBucketsInUtcWithoutZoneArgument() {
        useZone("Europe/Berlin");
        assertPg("2024-01-01 01:00:00+01", tb(TIMESTAMPTZ, lit("1 day", INTERVAL), lit("2024-01-01 12:00", TIMESTAMPTZ)));
        assertPg("2024-01-01 00:00:00+01", call("date_trunc", TIMESTAMPTZ, text("day"), lit("2024-01-01 12:00", TIMESTAMPTZ)));
        assertPg("2024-01-01 00:00:00+01", tb(TIMESTAMPTZ, lit("1 day", INTERVAL), lit("2024-01-01 12:00", TIMESTAMPTZ), text("Europe/Berlin")));
    }

    @Test
    void zoneArgumentFollowsLocalCalendar() {
        // DST starts 2024-03-31 in Berlin: the day bucket starts at local midnight (+01)
        assertPg("2024-03-30 23:00:00+00", tb(TIMESTAMPTZ, lit("1 day", INTERVAL), lit("2024-03-31 12:00+02", TIMESTAMPTZ),
            text("Europe/Berlin")));
        assertPg("2024-02-29 23:00:00+00", tb(TIMESTAMPTZ, lit("1 month", INTERVAL), lit("2024-03-31 12:00+02", TIMESTAMPTZ),
            text("Europe/Berlin"), nul(TIMESTAMPTZ), nul(INTERVAL)));
        fails("22023", () -> tb(TIMESTAMPTZ, lit("1 day", INTERVAL), lit("2024-03-31", TIMESTAMPTZ), text("Mars/Olympus")).evaluate(
            new Batch(List.of(), 1), ctx).close());
    }

    @Test
    void originAndOffset() {
        assertPg("2024-01-01 12:30:00", tb(TIMESTAMP, lit("1 hour", INTERVAL), lit("2024-01-01 12:40", TIMESTAMP), lit("30 minutes", INTERVAL)));
        assertPg("2024-01-01 11:30:00", tb(TIMESTAMP, lit("1 hour", INTERVAL), lit("2024-01-01 12:20", TIMESTAMP), lit("30 minutes", INTERVAL)));
        assertPg("2024-01-01 12:15:00", tb(TIMESTAMP, lit("1 hour", INTERVAL), lit("2024-01-01 12:40", TIMESTAMP), lit("2024-01-01 00:15", TIMESTAMP)));
        assertPg("2024-01-01 12:15:00+00", tb(TIMESTAMPTZ, lit("1 hour", INTERVAL), lit("2024-01-01 12:40", TIMESTAMPTZ), nul(TEXT),
            lit("2024-01-01 00:15", TIMESTAMPTZ), nul(INTERVAL)));
    }

    @Test
    void integerForms() {
        assertPg("20", tb(INT4, i4(10), i4(27)));
        assertPg("-10", tb(INT4, i4(10), i4(-3)));
        assertPg("25", tb(INT8, i8(10), i8(27), i8(5)));
        assertEquals(Short.class, value(tb(INT2, new Literal((short) 10, t(INT2)), new Literal((short) 27, t(INT2)))).getClass());
    }

    @Test
    void invalidWidths() {
        assertEquals("month intervals cannot have day or time component",
            fails("0A000", () -> tb(TIMESTAMP, lit("1 month 1 day", INTERVAL), lit("2024-01-01", TIMESTAMP))).getMessage());
        assertEquals("period must be greater than 0",
            fails("22023", () -> tb(TIMESTAMP, lit("0 minutes", INTERVAL), lit("2024-01-01", TIMESTAMP))).getMessage());
        fails("22023", () -> tb(TIMESTAMP, lit("-1 hour", INTERVAL), lit("2024-01-01", TIMESTAMP)));
        fails("22023", () -> tb(INT4, i4(0), i4(5)));
    }

    @Test
    void vectorizedOverAColumnWithNulls() {
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            values.add(i % 7 == 0 ? null : 1_704_067_200_000_000L + i * 17_000_000L); // from 2024-01-01, every 17 s
        }
        FieldVector col = ArrowTypes.newVector("time", t(TIMESTAMPTZ), allocator, values.size());
        for (int i = 0; i < values.size(); i++) {
            ArrowTypes.set(col, i, values.get(i), TIMESTAMPTZ);
        }
        try (Batch b = new Batch(List.of(col), values.size());
             FieldVector out = tb(TIMESTAMPTZ, lit("1 minute", INTERVAL), new ColumnRef(0, t(TIMESTAMPTZ))).evaluate(b, ctx)) {
            assertEquals(values.size(), out.getValueCount());
            for (int i = 0; i < values.size(); i++) {
                Object v = values.get(i);
                Object r = ArrowTypes.get(out, i, TIMESTAMPTZ);
                assertEquals(v == null ? null : Math.floorDiv((Long) v, 60_000_000L) * 60_000_000L, r);
            }
            assertEquals("2024-01-01 00:00:00+00", PgText.format(ArrowTypes.get(out, 1, TIMESTAMPTZ), t(TIMESTAMPTZ), zone));
        }
    }
}
