package io.epochdb.pgwire.types;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.epochdb.common.types.ColumnType;
import io.epochdb.common.types.SqlType;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The direct timestamp writer prints what the general text codec prints, for UTC and fixed offsets. */
class IsoTimestampWriterTest {
    private static String direct(long micros, SqlType t, ZoneId zone) {
        int offset = zone.getRules().getOffset(java.time.Instant.EPOCH).getTotalSeconds();
        ByteBuf out = Unpooled.buffer();
        int o = t == SqlType.TIMESTAMPTZ ? offset : 0;
        if (!IsoTimestampWriter.write(out, new byte[IsoTimestampWriter.MAX_LENGTH], micros + o * 1_000_000L, t == SqlType.TIMESTAMPTZ, o)) {
            return null;
        }
        return out.toString(StandardCharsets.US_ASCII);
    }

    @Test
    void matchesTheTextCodec() {
        SplittableRandom r = new SplittableRandom(7);
        ZoneId[] zones = {ZoneOffset.UTC, ZoneId.of("UTC"), ZoneOffset.ofHoursMinutes(5, 30), ZoneOffset.ofHours(-8),
            ZoneOffset.ofHoursMinutesSeconds(-3, -25, -7)};
        for (int i = 0; i < 200_000; i++) {
            long micros = switch (i % 3) {
                case 0 -> r.nextLong(-62_135_596_800_000_000L, 253_402_300_799_000_000L); // years 1..9999
                case 1 -> r.nextLong(1_400_000_000L, 1_700_000_000L) * 1_000_000L; // whole seconds
                default -> r.nextLong(1_400_000_000_000_000L, 1_700_000_000_000_000L) / 10 * 10;
            };
            for (SqlType t : new SqlType[] {SqlType.TIMESTAMPTZ, SqlType.TIMESTAMP}) {
                ZoneId zone = zones[i % zones.length];
                String fast = direct(micros, t, zone);
                if (fast != null) {
                    assertEquals(TextCodec.format(micros, ColumnType.of(t), zone), fast, micros + " " + t + " " + zone);
                }
            }
        }
    }
}
