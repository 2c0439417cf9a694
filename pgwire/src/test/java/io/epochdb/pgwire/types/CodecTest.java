package io.epochdb.pgwire.types;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.epochdb.common.EpochException;
import io.epochdb.common.types.ColumnType;
import io.epochdb.common.types.Interval;
import io.epochdb.common.types.SqlType;
import io.epochdb.storage.vector.ArrowTypes;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CodecTest {
    private final BufferAllocator allocator = new RootAllocator();

    @AfterEach
    void noLeak() {
        assertEquals(0, allocator.getAllocatedMemory());
        allocator.close();
    }

    private static List<Object> listOf(Object... items) {
        return new ArrayList<>(Arrays.asList(items));
    }

    /** One sample value per type (Java convention of SqlType). */
    static List<Object[]> samples() {
        return List.of(
            new Object[] {SqlType.BOOL, true, "01"},
            new Object[] {SqlType.INT2, (short) -2, "fffe"},
            new Object[] {SqlType.INT4, 123456, "0001e240"},
            new Object[] {SqlType.INT8, -1L, "ffffffffffffffff"},
            new Object[] {SqlType.FLOAT4, 1.5f, "3fc00000"},
            new Object[] {SqlType.FLOAT8, 0.1, "3fb999999999999a"},
            new Object[] {SqlType.NUMERIC, new BigDecimal("1.50"), "0002000000000002" + "00011388"},
            new Object[] {SqlType.NUMERIC, new BigDecimal("-123456789.000123"), "0005000240000006" + "0001" + "0929" + "1a85" + "0001" + "08fc"},
            new Object[] {SqlType.NUMERIC, new BigDecimal("0.00001"), "0001fffe00000005" + "03e8"},
            new Object[] {SqlType.NUMERIC, new BigDecimal("100000000"), "0001000200000000" + "0001"},
            new Object[] {SqlType.NUMERIC, new BigDecimal("0"), "0000000000000000"},
            new Object[] {SqlType.NUMERIC, new BigDecimal("0.000"), "0000000000000003"},
            new Object[] {SqlType.TEXT, "héllo", HexFormat.of().formatHex("héllo".getBytes(StandardCharsets.UTF_8))},
            new Object[] {SqlType.VARCHAR, "v", "76"},
            new Object[] {SqlType.BPCHAR, "ab ", "616220"},
            new Object[] {SqlType.NAME, "n", "6e"},
            new Object[] {SqlType.JSON, "{\"a\":1}", HexFormat.of().formatHex("{\"a\":1}".getBytes(StandardCharsets.UTF_8))},
            new Object[] {SqlType.JSONB, "{\"a\": 1}", "01" + HexFormat.of().formatHex("{\"a\": 1}".getBytes(StandardCharsets.UTF_8))},
            new Object[] {SqlType.BYTEA, new byte[] {0, (byte) 0xff}, "00ff"},
            new Object[] {SqlType.OID, 16384, "00004000"},
            new Object[] {SqlType.UUID, UUID.fromString("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"), "a0eebc999c0b4ef8bb6d6bb9bd380a11"},
            new Object[] {SqlType.DATE, 10957, "00000000"},
            new Object[] {SqlType.DATE, 0, "ffffd533"},
            new Object[] {SqlType.TIME, 3_600_000_000L, "00000000d693a400"},
            new Object[] {SqlType.TIMESTAMP, BinaryCodec.PG_EPOCH_MICROS + 1, "0000000000000001"},
            new Object[] {SqlType.TIMESTAMPTZ, 0L, "fffc a2fe c4c8 2000".replace(" ", "")},
            new Object[] {SqlType.INTERVAL, new Interval(14, 3, 4_000_000L), "00000000003d0900" + "00000003" + "0000000e"},
            new Object[] {SqlType.INT4_ARRAY, listOf(1, null, 3),
                "00000001" + "00000001" + "00000017" + "00000003" + "00000001"
                    + "00000004" + "00000001" + "ffffffff" + "00000004" + "00000003"},
            new Object[] {SqlType.TEXT_ARRAY, listOf(), "00000000" + "00000000" + "00000019"},
            new Object[] {SqlType.FLOAT8_ARRAY, listOf(1.0, 2.5), null},
            new Object[] {SqlType.TIMESTAMPTZ_ARRAY, listOf(1L, 2L), null},
            new Object[] {SqlType.NUMERIC_ARRAY, listOf(new BigDecimal("1.1"), null), null},
            new Object[] {SqlType.UUID_ARRAY, listOf(UUID.randomUUID()), null},
            new Object[] {SqlType.INTERVAL_ARRAY, listOf(new Interval(1, 2, 3)), null},
            new Object[] {SqlType.BOOL_ARRAY, listOf(true, false), null});
    }

    @Test
    void binaryRoundTripAndKnownBytes() {
        for (Object[] s : samples()) {
            SqlType t = (SqlType) s[0];
            byte[] bytes = BinaryCodec.toBytes(s[1], ColumnType.of(t));
            if (s[2] != null) {
                assertEquals(s[2], HexFormat.of().formatHex(bytes), "binary of " + t + " " + s[1]);
            }
            Object back = BinaryCodec.read(Unpooled.wrappedBuffer(bytes), t);
            assertSameValue(s[1], back, t);
        }
    }

    private static void assertSameValue(Object expected, Object actual, SqlType t) {
        if (expected instanceof byte[] b) {
            assertArrayEquals(b, (byte[]) actual, t.toString());
        } else if (expected instanceof BigDecimal d) {
            assertEquals(d, actual, t.toString());
            assertEquals(d.scale(), ((BigDecimal) actual).scale(), t.toString());
        } else {
            assertEquals(expected, actual, t.toString());
        }
    }

    @Test
    void numericBinaryEdgeCases() {
        for (String v : new String[] {"1", "-1", "9999", "10000", "0.0001", "12345.6789", "1e20", "-0.5", "123.4560",
            "99999999999999999999.99999999999999999999", "1E-30"}) {
            BigDecimal d = new BigDecimal(v);
            BigDecimal back = (BigDecimal) BinaryCodec.read(Unpooled.wrappedBuffer(BinaryCodec.toBytes(d, ColumnType.of(SqlType.NUMERIC))), SqlType.NUMERIC);
            assertEquals(0, d.compareTo(back), v);
            assertEquals(Math.max(d.scale(), 0), back.scale(), v);
        }
        // NaN is refused with a SQLSTATE
        byte[] nan = HexFormat.of().parseHex("00000000c0000000");
        assertThrows(EpochException.class, () -> BinaryCodec.read(Unpooled.wrappedBuffer(nan), SqlType.NUMERIC));
    }

    @Test
    void truncatedBinaryIsAnError() {
        EpochException e = assertThrows(EpochException.class,
            () -> BinaryCodec.read(Unpooled.wrappedBuffer(new byte[] {1, 2}), SqlType.INT4));
        assertEquals("22P03", e.sqlState());
        e = assertThrows(EpochException.class,
            () -> BinaryCodec.read(Unpooled.wrappedBuffer(new byte[] {0, 0, 0, 1, 0}), SqlType.INT4));
        assertEquals("22P03", e.sqlState());
    }

    @Test
    void columnWriterMatchesCodecsForEveryType() {
        ZoneId zone = ZoneId.of("Europe/Berlin");
        for (Object[] s : samples()) {
            SqlType t = (SqlType) s[0];
            ColumnType ct = ColumnType.of(t);
            try (FieldVector v = ArrowTypes.newVector("c", ct, allocator, 2)) {
                ArrowTypes.set(v, 0, s[1], t);
                ArrowTypes.set(v, 1, null, t);
                v.setValueCount(2);
                for (boolean binary : new boolean[] {false, true}) {
                    ByteBuf out = Unpooled.buffer();
                    ColumnWriter w = new ColumnWriter(ct, binary, zone);
                    w.write(out, v, 0);
                    w.write(out, v, 1);
                    int len = out.readInt();
                    byte[] value = new byte[len];
                    out.readBytes(value);
                    assertEquals(-1, out.readInt());
                    byte[] expected = binary ? BinaryCodec.toBytes(s[1], ct)
                        : TextCodec.format(s[1], ct, zone).getBytes(StandardCharsets.UTF_8);
                    assertArrayEquals(expected, value, t + (binary ? " binary" : " text") + ": "
                        + new String(value, StandardCharsets.UTF_8));
                }
            }
        }
    }

    @Test
    void repeatedAndChangingTimestampsAsText() {
        ZoneId zone = ZoneId.of("America/New_York");
        ColumnType ct = ColumnType.of(SqlType.TIMESTAMPTZ);
        long[] values = {0L, 0L, 1_700_000_000_000_000L, 1_700_000_000_000_000L, 0L, 1_710_054_000_000_000L, 1L};
        try (FieldVector v = ArrowTypes.newVector("t", ct, allocator, values.length)) {
            for (int i = 0; i < values.length; i++) {
                ArrowTypes.set(v, i, values[i], SqlType.TIMESTAMPTZ);
            }
            v.setValueCount(values.length);
            ColumnWriter w = new ColumnWriter(ct, false, zone);
            ByteBuf out = Unpooled.buffer();
            for (int i = 0; i < values.length; i++) {
                w.write(out, v, i);
            }
            for (long value : values) {
                byte[] b = new byte[out.readInt()];
                out.readBytes(b);
                assertEquals(TextCodec.format(value, ct, zone), new String(b, StandardCharsets.UTF_8));
            }
        }
        ColumnType date = ColumnType.of(SqlType.DATE);
        try (FieldVector v = ArrowTypes.newVector("d", date, allocator, 3)) {
            ArrowTypes.set(v, 0, 19000, SqlType.DATE);
            ArrowTypes.set(v, 1, 19000, SqlType.DATE);
            ArrowTypes.set(v, 2, -1, SqlType.DATE);
            v.setValueCount(3);
            ColumnWriter w = new ColumnWriter(date, false, zone);
            ByteBuf out = Unpooled.buffer();
            for (int i = 0; i < 3; i++) {
                w.write(out, v, i);
            }
            assertEquals(List.of("2022-01-08", "2022-01-08", "1969-12-31"), List.of(text(out), text(out), text(out)));
        }
    }

    private static String text(ByteBuf out) {
        byte[] b = new byte[out.readInt()];
        out.readBytes(b);
        return new String(b, StandardCharsets.UTF_8);
    }

    @Test
    void textSamples() {
        ZoneId utc = ZoneOffset.UTC;
        assertEquals("t", TextCodec.format(true, ColumnType.of(SqlType.BOOL), utc));
        assertEquals("1970-01-01 01:00:00+01", TextCodec.format(0L, ColumnType.of(SqlType.TIMESTAMPTZ), ZoneId.of("Europe/Berlin")));
        assertEquals("{1,NULL,3}", TextCodec.format(listOf(1, null, 3), ColumnType.of(SqlType.INT4_ARRAY), utc));
        assertEquals("\\x00ff", TextCodec.format(new byte[] {0, (byte) 0xff}, ColumnType.of(SqlType.BYTEA), utc));
    }

    @Test
    void parameterDecoding() {
        ZoneId utc = ZoneOffset.UTC;
        assertEquals(42, ParameterDecoder.decode("42".getBytes(), false, null, SqlType.INT4, utc));
        assertEquals(42, ParameterDecoder.decode(new byte[] {0, 0, 0, 42}, true, SqlType.INT4, SqlType.INT4, utc));
        // declared int8, statement wants int4: converted
        assertEquals(7, ParameterDecoder.decode(new byte[] {0, 0, 0, 0, 0, 0, 0, 7}, true, SqlType.INT8, SqlType.INT4, utc));
        // unknown types stay text
        assertEquals("abc", ParameterDecoder.decode("abc".getBytes(), false, null, null, utc));
        assertEquals(null, ParameterDecoder.decode(null, false, null, SqlType.INT4, utc));
        assertEquals(listOf(1L, null), ParameterDecoder.decode("{1,NULL}".getBytes(), false, null, SqlType.INT8_ARRAY, utc));
        EpochException e = assertThrows(EpochException.class,
            () -> ParameterDecoder.decode("x".getBytes(), false, null, SqlType.INT4, utc));
        assertEquals("22P02", e.sqlState());
    }

    @Test
    void decimalWriter() {
        for (long v : new long[] {0, 1, -1, 9, 10, 99, 100, 123456789, Long.MAX_VALUE, Long.MIN_VALUE, -1000}) {
            ByteBuf b = Unpooled.buffer();
            ColumnWriter.writeDecimal(b, v);
            assertEquals(Long.toString(v), b.toString(StandardCharsets.US_ASCII));
        }
    }

    @Test
    void sessionZone() {
        assertEquals(ZoneOffset.UTC, PgTypes.zone(null));
        assertEquals(ZoneId.of("Europe/Berlin"), PgTypes.zone("Europe/Berlin"));
        assertEquals(ZoneId.of("UTC"), PgTypes.zone("UTC"));
        assertEquals(ZoneOffset.UTC, PgTypes.zone("Not/AZone"));
        // read as the engine's Settings.parseZone reads it, so DataRow text agrees with the engine's own casts
        assertEquals(ZoneId.of("UTC+3"), PgTypes.zone("UTC+3"));
        assertEquals(ZoneId.of("UTC"), PgTypes.zone("utc"));
    }
}
