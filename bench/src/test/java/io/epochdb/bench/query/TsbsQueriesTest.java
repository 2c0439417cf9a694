package io.epochdb.bench.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TsbsQueriesTest {
    private static final Instant START = Instant.parse("2016-01-01T00:00:00Z");
    private static final Instant END = START.plus(Duration.ofDays(1));

    @Test
    void sameSeedGivesSameQueries() {
        TsbsQueries a = new TsbsQueries(START, END, 100, 7);
        TsbsQueries b = new TsbsQueries(START, END, 100, 7);
        for (String type : TsbsQueries.TYPES) {
            assertEquals(a.generate(type), b.generate(type), type);
        }
        TsbsQueries c = new TsbsQueries(START, END, 100, 8);
        assertNotEquals(new TsbsQueries(START, END, 100, 7).generate("single-groupby-5-8-1"),
            c.generate("single-groupby-5-8-1"));
    }

    @Test
    void queriesFollowTsbsShapes() {
        TsbsQueries q = new TsbsQueries(START, END, 100, 1);
        String single = q.generate("single-groupby-5-8-1").sql();
        assertTrue(single.startsWith("SELECT time_bucket('60 seconds', time) AS minute,"), single);
        assertEquals(5, single.split("hostname = 'host_").length - 1, single);
        assertTrue(single.contains("max(usage_steal) as max_usage_steal") && !single.contains("usage_guest"), single);
        assertTrue(single.endsWith("GROUP BY minute ORDER BY minute ASC"), single);
        String all = q.generate("high-cpu-all").sql();
        assertTrue(all.startsWith("SELECT * FROM cpu WHERE usage_user > 90.0 and time >= '2016-01-01 "), all);
        assertTrue(!all.contains("hostname"), all);
        assertEquals("SELECT DISTINCT ON (hostname) * FROM cpu ORDER BY hostname, time DESC",
            q.generate("lastpoint").sql());
        assertThrows(IllegalArgumentException.class, () -> q.generate("cpu-max-all-32"));
    }

    @Test
    void windowsStayInsideTheDataSet() {
        TsbsQueries q = new TsbsQueries(START, END, 100, 3);
        for (int i = 0; i < 200; i++) {
            String sql = q.generate("double-groupby-1").sql();
            int from = sql.indexOf("time >= '") + 9;
            String start = sql.substring(from, sql.indexOf('\'', from));
            assertTrue(start.startsWith("2016-01-01 ") && start.endsWith(" +0000"), start);
            int hour = Integer.parseInt(start.substring(11, 13));
            assertTrue(hour < 12, "a 12 h window must start in the first 12 h of one day: " + start);
        }
    }

    @Test
    void goTimeFormatCutsTrailingZeros() {
        assertEquals("2016-01-01 00:00:00 +0000", TsbsQueries.format(START));
        assertEquals("2016-01-01 00:00:01.5 +0000", TsbsQueries.format(START.plusMillis(1500)));
        assertEquals("2016-01-01 00:00:00.000123 +0000", TsbsQueries.format(START.plusNanos(123_000)));
    }

    @Test
    void numbersRoundToSixSignificantDigits() {
        assertEquals("45.1235", ResultRows.roundedNumber("45.123456789"));
        assertEquals("45.1235", ResultRows.roundedNumber("45.12345000001"));
        assertEquals("100", ResultRows.roundedNumber("100.0"));
        assertEquals("0", ResultRows.roundedNumber("-0.0"));
        assertEquals("NaN", ResultRows.roundedNumber("NaN"));
    }
}
