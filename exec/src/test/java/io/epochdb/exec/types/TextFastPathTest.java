package io.epochdb.exec.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.epochdb.common.EpochException;
import io.epochdb.exec.time.DateTimes;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The COPY fast paths for timestamps and floats agree with the general parsers. */
class TextFastPathTest {
    @Test
    void plainTimestampsMatchJavaTime() {
        for (String zone : List.of("UTC", "Europe/Berlin", "America/New_York", "+05:30")) {
            ZoneId z = ZoneId.of(zone);
            for (String text : List.of("2016-01-01 00:00:10+00", "2016-01-01T00:00:10Z", "2024-03-10 02:30:00",
                "2024-10-27 02:30:00", "1969-12-31 23:59:59.5-03:30", "0099-02-28 12:00:00.000001+01",
                "2016-02-29 23:59:59.999999")) {
                long fast = IsoTimestamps.tryParse(text, z);
                assertTrue(fast != IsoTimestamps.NOT_PLAIN, text);
                long expected;
                String iso = text.replace(' ', 'T');
                if (iso.matches(".*([+-]\\d\\d(:\\d\\d)?|Z)$")) {
                    String normalized = iso.matches(".*[+-]\\d\\d$") ? iso + ":00" : iso;
                    OffsetDateTime odt = OffsetDateTime.parse(normalized, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
                    expected = odt.toEpochSecond() * 1_000_000L + odt.getNano() / 1000;
                } else {
                    expected = DateTimes.toMicros(LocalDateTime.parse(iso), z);
                }
                assertEquals(expected, fast, text + " in " + zone);
                assertEquals(expected, DateTimeText.parseTimestamptz(text, z), text + " in " + zone);
            }
        }
    }

    @Test
    void unusualTimestampsGoToTheGeneralParser() {
        ZoneId utc = ZoneId.of("UTC");
        for (String text : List.of("2016-01-01 24:00:00", "2016-02-30 00:00:00", "2016-01-01 00:00:00.1234567",
            "epoch", "2016-01-01", "12016-01-01 00:00:00", "2016-01-01 00:00:00 BC", "2016-01-01 00:00:00+0530",
            " 2016-01-01 00:00:00")) {
            assertEquals(IsoTimestamps.NOT_PLAIN, IsoTimestamps.tryParse(text, utc), text);
        }
        assertThrows(EpochException.class, () -> DateTimeText.parseTimestamptz("2016-02-30 00:00:00", utc));
    }

    @Test
    void plainDecimals() {
        for (String s : List.of("1", "-1.5", "+.5", "5.", "1e10", "1.5E-3", "0.0001")) {
            assertTrue(PgText.isPlainDecimal(s), s);
            assertEquals(Double.parseDouble(s), PgText.parseFloat(s, "double precision"), s);
        }
        for (String s : List.of("", ".", "-", "1e", "1e+", " 1", "1 ", "NaN", "inf", "0x10", "1,5", "1d")) {
            assertFalse(PgText.isPlainDecimal(s), s);
        }
        assertEquals(1.5, PgText.parseFloat(" 1.5 ", "double precision"));
        assertThrows(EpochException.class, () -> PgText.parseFloat("1e999", "double precision"));
        assertThrows(EpochException.class, () -> PgText.parseFloat("1d", "double precision"));
    }
}
