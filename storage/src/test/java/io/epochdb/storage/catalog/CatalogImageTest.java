package io.epochdb.storage.catalog;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.epochdb.common.EpochException;
import io.epochdb.common.types.ColumnType;
import io.epochdb.common.types.SqlType;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;

class CatalogImageTest {
    private static final long DAY_US = 86_400_000_000L;

    /** Every kind of object the catalog holds, with the awkward values: modifiers, arrays, NULLs, gaps. */
    private static MemoryCatalog richCatalog() {
        MemoryCatalog c = new MemoryCatalog();
        c.createRole("alice", true, false, ScramVerifier.create("secret", new byte[16], 4096).encode(), false);
        c.createRole("nologin", false, false, null, false);
        SchemaDef s = c.createSchema("metrics", "alice", false);
        TableDef t = c.createTable("metrics", "cpu", List.of(
            new ColumnDef("time", ColumnType.of(SqlType.TIMESTAMPTZ), true, "now()", 0),
            ColumnDef.of("host", new ColumnType(SqlType.VARCHAR, 20, 0)),
            ColumnDef.of("usage", ColumnType.numeric(10, 2)),
            ColumnDef.of("tags", ColumnType.of(SqlType.TEXT_ARRAY)),
            ColumnDef.of("samples", ColumnType.of(SqlType.FLOAT8_ARRAY)),
            ColumnDef.of("code", new ColumnType(SqlType.BPCHAR, 3, 0)),
            ColumnDef.of("dropped", ColumnType.of(SqlType.INT4))),
            List.of(ConstraintDef.primaryKey(List.of("host", "time"))), false, "alice");
        c.dropColumn(t.oid(), "dropped");
        c.addConstraint(t.oid(), new ConstraintDef(0, "cpu_code_time", ConstraintDef.Type.UNIQUE, List.of("code", "time")));
        c.createIndex(null, null, t.oid(), List.of("host"), false, "hash", false);
        c.createHypertable(t.oid(), "time", 7 * DAY_US, false, false);
        c.setChunkTimeInterval(t.oid(), DAY_US);
        TableDef plain = c.createTable("public", "devices", List.of(ColumnDef.of("id", ColumnType.of(SqlType.INT8)),
            ColumnDef.of("meta", ColumnType.of(SqlType.JSONB))), List.of(ConstraintDef.unique(List.of("id"))), false);
        c.createView("public", "v", "SELECT id FROM devices", List.of(ColumnDef.of("id", ColumnType.of(SqlType.INT8))),
            false);
        c.setComment(t.oid(), 0, "CPU samples");
        c.setComment(t.oid(), 2, "host name, \"quoted\" and unicode é");
        c.setComment(s.oid(), 0, "the metrics schema");
        c.setComment(plain.oid(), 1, "");
        return c;
    }

    @Test
    void imageRoundTripsExactlyThroughTheCodec() {
        MemoryCatalog c = richCatalog();
        CatalogImage image = c.image();
        assertEquals(3, image.comments().size());
        assertTrue(image.relations().stream().anyMatch(r -> r.columns().stream().anyMatch(col -> col.defaultSql() == null)));
        byte[] bytes = CatalogImageCodec.toBytes(image);
        CatalogImage decoded = CatalogImageCodec.fromBytes(bytes);
        assertEquals(image, decoded);
        assertArrayEquals(bytes, CatalogImageCodec.toBytes(decoded), "encoding is deterministic");
        assertEquals(image, c.image(), "taking an image changes nothing");
        String json = new String(bytes, 20, bytes.length - 20, StandardCharsets.UTF_8);
        assertTrue(json.contains("\"numeric\"") || json.contains("NUMERIC"), json);
        assertTrue(!json.contains("\"view\"") && !json.contains("\"primaryKey\""), "only record components: " + json);
    }

    @Test
    void emptyCatalogRoundTrips() {
        CatalogImage image = new MemoryCatalog().image();
        assertEquals(image, CatalogImageCodec.fromBytes(CatalogImageCodec.toBytes(image)));
        assertEquals(Catalog.FIRST_NORMAL_OID, image.nextOid());
        assertEquals(1, image.nextHypertableId());
    }

    @Test
    void restoreReplacesEverythingWithoutTellingTheListener() {
        MemoryCatalog source = richCatalog();
        CatalogImage image = CatalogImageCodec.fromBytes(CatalogImageCodec.toBytes(source.image()));

        List<String> calls = new ArrayList<>();
        CatalogListener spy = new CatalogListener() {
            @Override
            public void tableCreated(TableDef table) {
                calls.add("tableCreated");
            }

            @Override
            public void uniqueIndexCreated(TableDef table, IndexDef index) {
                calls.add("uniqueIndexCreated");
            }

            @Override
            public void hypertableCreated(TableDef table, HypertableDef hypertable, boolean migrateData) {
                calls.add("hypertableCreated");
            }

            @Override
            public void catalogChanged() {
                calls.add("catalogChanged");
            }
        };
        MemoryCatalog target = new MemoryCatalog(spy);
        target.createTable("public", "leftover", List.of(), List.of(), false);
        calls.clear();
        long version = target.version();
        target.restore(image);
        assertEquals(List.of(), calls);
        assertTrue(target.version() > version);
        assertEquals(image, target.image());
        assertTrue(target.lookup("public", "leftover").isEmpty(), "the old state is gone");

        TableDef cpu = target.lookup("metrics", "cpu").orElseThrow();
        assertEquals(source.lookup("metrics", "cpu"), Optional.of(cpu));
        assertEquals(Optional.of("CPU samples"), target.comment(cpu.oid(), 0));
        assertEquals("alice", target.role("alice").orElseThrow().name());
        assertTrue(ScramVerifier.parse(target.role("alice").orElseThrow().passwordVerifier()) != null);
        assertNull(target.role("nologin").orElseThrow().passwordVerifier());
        assertEquals(DAY_US, target.hypertable(cpu.oid()).orElseThrow().chunkInterval());
        assertTrue(target.lookupIndex("metrics", "cpu_code_time").orElseThrow().unique());
        assertEquals("hash", target.lookupIndex("metrics", "cpu_host_idx").orElseThrow().method());
        assertEquals("SELECT id FROM devices", target.lookup("public", "v").orElseThrow().viewSql());
    }

    @Test
    void ddlAfterRestoreContinuesTheCounters() {
        MemoryCatalog source = richCatalog();
        CatalogImage image = source.image();
        MemoryCatalog target = new MemoryCatalog();
        target.restore(CatalogImageCodec.fromBytes(CatalogImageCodec.toBytes(image)));

        // OIDs continue above everything restored, exactly where the source would have gone on.
        TableDef next = target.createTable("public", "next", List.of(ColumnDef.of("time", ColumnType.of(SqlType.INT8))),
            List.of(), false);
        assertEquals(image.nextOid(), next.oid());
        assertEquals(source.createTable("public", "next", List.of(), List.of(), false).oid(), next.oid());
        assertEquals(image.nextOid() + 1, target.allocateOid());

        // attnums are not reused: "dropped" was attnum 7.
        TableDef cpu = target.lookup("metrics", "cpu").orElseThrow();
        ColumnDef added = target.addColumn(cpu.oid(), ColumnDef.of("extra", ColumnType.of(SqlType.INT4)))
            .column("extra").orElseThrow();
        assertEquals(8, added.attnum());

        // hypertable ids continue.
        assertEquals(2, target.createHypertable(next.oid(), "time", 1000, false, false).id());
        // the restored hypertable keeps its rules.
        assertThrows(EpochException.class, () -> target.dropColumn(cpu.oid(), "time"));
        // names restored are taken.
        assertThrows(EpochException.class, () -> target.createSchema("metrics", null, false));
        assertThrows(EpochException.class, () -> target.createRole("alice", true, false, null, false));
        target.dropRelation(cpu.oid());
        assertTrue(target.hypertable(cpu.oid()).isEmpty());
        assertTrue(target.comment(cpu.oid(), 0).isEmpty());
    }

    @Test
    void restoreNeverGoesBelowWhatTheImageUses() {
        CatalogImage image = richCatalog().image();
        int maxOid = image.relations().stream().mapToInt(TableDef::oid).max().orElseThrow();
        CatalogImage stale = new CatalogImage(image.schemas(), image.relations(), image.indexes(), image.roles(),
            image.comments(), List.of(), Catalog.FIRST_NORMAL_OID, 1, image.hypertables());
        MemoryCatalog target = new MemoryCatalog();
        target.restore(stale);
        assertTrue(target.allocateOid() > maxOid);
        TableDef cpu = target.lookup("metrics", "cpu").orElseThrow();
        assertTrue(target.addColumn(cpu.oid(), ColumnDef.of("x", ColumnType.of(SqlType.INT4))).column("x")
            .orElseThrow().attnum() > 6);
        TableDef devices = target.lookup("public", "devices").orElseThrow();
        assertThrows(EpochException.class, () -> target.createHypertable(devices.oid(), "meta", 10, false, false));
        assertEquals(2, target.image().nextHypertableId());
    }

    // ---------------------------------------------------------------- corrupt input

    private static void assertCorrupt(String messagePart, byte[] bytes) {
        EpochException e = assertThrows(EpochException.class, () -> CatalogImageCodec.fromBytes(bytes));
        assertEquals("XX001", e.sqlState());
        assertTrue(e.getMessage().contains(messagePart), e.getMessage());
    }

    @Test
    void truncatedImagesFailClearly() {
        byte[] bytes = CatalogImageCodec.toBytes(richCatalog().image());
        assertCorrupt("truncated", new byte[0]);
        assertCorrupt("truncated", Arrays.copyOf(bytes, 10));
        for (int length : new int[] {20, 21, bytes.length / 2, bytes.length - 1}) {
            assertCorrupt("truncated", Arrays.copyOf(bytes, length));
        }
        assertCorrupt("unexpected bytes", Arrays.copyOf(bytes, bytes.length + 3));
    }

    @Test
    void corruptImagesFailClearly() {
        byte[] bytes = CatalogImageCodec.toBytes(richCatalog().image());
        byte[] flipped = bytes.clone();
        flipped[bytes.length / 2] ^= 0x10;
        assertCorrupt("checksum mismatch", flipped);

        byte[] badMagic = bytes.clone();
        badMagic[0] = 'X';
        assertCorrupt("not a catalog image", badMagic);

        byte[] future = bytes.clone();
        ByteBuffer.wrap(future).putInt(8, CatalogImageCodec.FORMAT_VERSION + 1);
        assertCorrupt("format version 2 is not supported: this build reads version 1 (the image was written by a newer"
            + " EpochDB)", future);

        assertCorrupt("payload is invalid", withPayload("{\"schemas\": 5}"));
        assertCorrupt("payload is invalid", withPayload("{\"schemas\":[],\"unknown\":1}"));
        assertCorrupt("payload is invalid", withPayload("not json"));
        assertCorrupt("payload is invalid", withPayload("null"));
        assertCorrupt("payload is invalid", withPayload("{} {}"));
        assertCorrupt("payload is invalid", withPayload("{\"schemas\":[null],\"relations\":[],\"indexes\":[],"
            + "\"roles\":[],\"comments\":[],\"nextAttnums\":[],\"nextOid\":1,\"nextHypertableId\":1,\"hypertables\":[]}"));
    }

    /** A well-framed image (right magic, version, length and checksum) around an arbitrary payload. */
    private static byte[] withPayload(String json) {
        byte[] payload = json.getBytes(StandardCharsets.UTF_8);
        CRC32C crc = new CRC32C();
        crc.update(payload);
        return ByteBuffer.allocate(20 + payload.length).put("EPOCHCAT".getBytes(StandardCharsets.US_ASCII))
            .putInt(CatalogImageCodec.FORMAT_VERSION).putInt(payload.length).putInt((int) crc.getValue()).put(payload)
            .array();
    }
}
