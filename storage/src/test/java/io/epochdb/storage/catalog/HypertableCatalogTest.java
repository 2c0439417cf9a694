package io.epochdb.storage.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.epochdb.common.EpochException;
import io.epochdb.common.types.ColumnType;
import io.epochdb.common.types.SqlType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class HypertableCatalogTest {
    private static final long DAY_US = 86_400_000_000L;
    private static final long WEEK_US = 7 * DAY_US;

    /** A listener that records hypertable events and can pretend the table holds rows. */
    private static final class Recorder implements CatalogListener {
        final List<String> events = new ArrayList<>();
        boolean rows;
        RuntimeException failHypertableCreated;

        @Override
        public boolean hasRows(TableDef table) {
            return rows;
        }

        @Override
        public void checkNoNulls(TableDef table, ColumnDef column) {
            events.add("checkNoNulls " + column.name());
        }

        @Override
        public void tableAltered(TableDef table) {
            events.add("altered " + table.name() + " notNull=" + table.columns().get(0).notNull());
        }

        @Override
        public void hypertableCreated(TableDef table, HypertableDef hypertable, boolean migrateData) {
            if (failHypertableCreated != null) {
                throw failHypertableCreated;
            }
            events.add("created " + table.name() + " id=" + hypertable.id() + " migrate=" + migrateData
                + " timeNotNull=" + table.column(hypertable.timeColumn()).orElseThrow().notNull());
        }

        @Override
        public void hypertableAltered(TableDef table, HypertableDef hypertable) {
            events.add("hypertableAltered " + hypertable.timeColumn() + " " + hypertable.chunkInterval());
        }
    }

    private final Recorder listener = new Recorder();
    private final MemoryCatalog catalog = new MemoryCatalog(listener);

    private static ColumnDef col(String name, SqlType type) {
        return ColumnDef.of(name, ColumnType.of(type));
    }

    private static EpochException assertError(String sqlState, String message, Executable action) {
        EpochException e = assertThrows(EpochException.class, action);
        assertEquals(sqlState, e.sqlState(), e.getMessage());
        assertEquals(message, e.getMessage());
        return e;
    }

    private TableDef table(String name, SqlType timeType, ConstraintDef... constraints) {
        return catalog.createTable("public", name, List.of(col("time", timeType), col("device", SqlType.INT4),
            col("value", SqlType.FLOAT8)), List.of(constraints), false);
    }

    @Test
    void createHypertableRecordsTheDefinitionAndMakesTimeNotNull() {
        TableDef t = table("conditions", SqlType.TIMESTAMPTZ);
        long v = catalog.version();
        HypertableDef h = catalog.createHypertable(t.oid(), "time", WEEK_US, false, false);
        assertEquals(new HypertableDef(t.oid(), 1, "time", SqlType.TIMESTAMPTZ, WEEK_US), h);
        assertTrue(catalog.version() > v);
        assertEquals(Optional.of(h), catalog.hypertable(t.oid()));
        assertEquals(List.of(h), catalog.hypertables());
        assertTrue(catalog.get(t.oid()).column("time").orElseThrow().notNull(), "TimescaleDB sets NOT NULL");
        assertEquals(List.of("altered conditions notNull=true", "created conditions id=1 migrate=false timeNotNull=true"),
            listener.events);

        TableDef plain = table("plain", SqlType.INT8);
        assertTrue(catalog.hypertable(plain.oid()).isEmpty());
        HypertableDef h2 = catalog.createHypertable(plain.oid(), "time", 1000, false, false);
        assertEquals(2, h2.id());
        assertTrue(h2.integerTime());
        assertEquals(List.of(h, h2), catalog.hypertables());
    }

    @Test
    void alreadyAHypertable() {
        TableDef t = table("t", SqlType.TIMESTAMP);
        HypertableDef h = catalog.createHypertable(t.oid(), "time", DAY_US, false, false);
        assertError("TS110", "table \"t\" is already a hypertable",
            () -> catalog.createHypertable(t.oid(), "time", DAY_US, false, false));
        long v = catalog.version();
        assertSame(h, catalog.createHypertable(t.oid(), "other", 5, true, false), "if_not_exists returns it as is");
        assertEquals(v, catalog.version());
    }

    @Test
    void checksInTimescaleOrder() {
        TableDef v = catalog.createView("public", "v", "select 1", List.of(col("time", SqlType.TIMESTAMPTZ)), false);
        assertError("42809", "invalid relation type", () -> catalog.createHypertable(v.oid(), "time", DAY_US, false, false));
        assertError("42P01", "relation with OID 99999 does not exist",
            () -> catalog.createHypertable(99999, "time", DAY_US, false, false));

        TableDef t = table("t", SqlType.TIMESTAMPTZ, ConstraintDef.primaryKey(List.of("device")));
        listener.rows = true;
        EpochException e = assertError("0A000", "table \"t\" is not empty",
            () -> catalog.createHypertable(t.oid(), "nope", DAY_US, false, false));
        assertEquals("You can migrate data by specifying 'migrate_data => true' when calling this function.", e.hint());
        listener.rows = false;
        assertError("42703", "column \"nope\" does not exist",
            () -> catalog.createHypertable(t.oid(), "nope", DAY_US, false, false));
        e = assertError("42809", "invalid type for dimension \"value\"",
            () -> catalog.createHypertable(t.oid(), "value", DAY_US, false, false));
        assertEquals("Use an integer, timestamp, or date type.", e.hint());
        assertError("22023", "invalid interval: must be between 1 and 9223372036854775807",
            () -> catalog.createHypertable(t.oid(), "time", 0, false, false));
        e = assertError("TS103", "cannot create a unique index without the column \"time\" (used in partitioning)",
            () -> catalog.createHypertable(t.oid(), "time", DAY_US, false, false));
        assertEquals("If you're creating a hypertable on a table with a primary key, ensure the partitioning column is"
            + " part of the primary or composite key.", e.hint());
        assertTrue(catalog.hypertables().isEmpty(), "failed creates leave nothing behind");
        assertFalse(catalog.get(t.oid()).column("time").orElseThrow().notNull());
        assertTrue(listener.events.isEmpty(), listener.events.toString());

        // A unique index that includes the time column is fine.
        TableDef ok = table("ok", SqlType.TIMESTAMPTZ, ConstraintDef.primaryKey(List.of("device", "time")));
        catalog.createIndex(null, null, ok.oid(), List.of("value"), false, null, false);
        assertEquals(1, catalog.createHypertable(ok.oid(), "time", DAY_US, false, false).id());
    }

    @Test
    void timeTypesAndIntervals() {
        for (SqlType type : List.of(SqlType.TIMESTAMPTZ, SqlType.TIMESTAMP, SqlType.DATE, SqlType.INT2, SqlType.INT4,
            SqlType.INT8)) {
            TableDef t = table("t_" + type.typname(), type);
            assertEquals(type, catalog.createHypertable(t.oid(), "time", type == SqlType.DATE ? DAY_US : 100, false,
                false).timeType());
        }
        for (SqlType type : List.of(SqlType.TEXT, SqlType.FLOAT8, SqlType.NUMERIC, SqlType.TIME, SqlType.INTERVAL)) {
            TableDef t = table("bad_" + type.typname(), type);
            assertError("42809", "invalid type for dimension \"time\"",
                () -> catalog.createHypertable(t.oid(), "time", 100, false, false));
        }
        TableDef small = table("small", SqlType.INT2);
        assertError("22023", "invalid interval: must be between 1 and 32767",
            () -> catalog.createHypertable(small.oid(), "time", 32768, false, false));
        TableDef mid = table("mid", SqlType.INT4);
        assertError("22023", "invalid interval: must be between 1 and 2147483647",
            () -> catalog.createHypertable(mid.oid(), "time", -1, false, false));
        TableDef dates = table("dates", SqlType.DATE);
        EpochException e = assertError("22023", "invalid interval for date dimension",
            () -> catalog.createHypertable(dates.oid(), "time", DAY_US + 1, false, false));
        assertEquals("Use an interval that is a multiple of one day.", e.hint());
    }

    @Test
    void migrateDataChecksNullsAndTellsTheListener() {
        TableDef t = table("t", SqlType.TIMESTAMPTZ);
        listener.rows = true;
        catalog.createHypertable(t.oid(), "time", DAY_US, false, true);
        assertEquals(List.of("checkNoNulls time", "altered t notNull=true", "created t id=1 migrate=true timeNotNull=true"),
            listener.events);
    }

    @Test
    void aFailingListenerCancelsTheChangeAndKeepsTheId() {
        TableDef t = table("t", SqlType.TIMESTAMPTZ);
        listener.failHypertableCreated = new IllegalStateException("disk full");
        assertThrows(IllegalStateException.class, () -> catalog.createHypertable(t.oid(), "time", DAY_US, false, false));
        assertTrue(catalog.hypertable(t.oid()).isEmpty());
        assertFalse(catalog.get(t.oid()).column("time").orElseThrow().notNull());
        assertEquals(List.of("altered t notNull=true", "altered t notNull=false"), listener.events,
            "the data layer gets the old definition back");
        listener.failHypertableCreated = null;
        assertEquals(1, catalog.createHypertable(t.oid(), "time", DAY_US, false, false).id());
    }

    @Test
    void uniqueIndexesOnAHypertableNeedTheTimeColumn() {
        TableDef t = table("t", SqlType.TIMESTAMPTZ);
        catalog.createHypertable(t.oid(), "time", DAY_US, false, false);
        String message = "cannot create a unique index without the column \"time\" (used in partitioning)";
        assertError("TS103", message,
            () -> catalog.createIndex(null, null, t.oid(), List.of("device"), true, null, false));
        assertError("TS103", message, () -> catalog.addConstraint(t.oid(), ConstraintDef.primaryKey(List.of("device"))));
        assertError("TS103", message, () -> catalog.addConstraint(t.oid(), ConstraintDef.unique(List.of("value"))));
        assertEquals(0, catalog.indexes(t.oid()).size());

        catalog.createIndex(null, null, t.oid(), List.of("device"), false, null, false);
        catalog.createIndex(null, null, t.oid(), List.of("device", "time"), true, null, false);
        TableDef withPk = catalog.addConstraint(t.oid(), ConstraintDef.primaryKey(List.of("time", "device")));
        assertEquals("t_pkey", withPk.primaryKey().orElseThrow().name());
        assertEquals(3, catalog.indexes(t.oid()).size());
    }

    @Test
    void theTimeColumnCannotBeDroppedOrMadeNullable() {
        TableDef t = table("t", SqlType.TIMESTAMPTZ);
        catalog.createHypertable(t.oid(), "time", DAY_US, false, false);
        EpochException e = assertError("42P16", "cannot drop column named in partition key",
            () -> catalog.dropColumn(t.oid(), "time"));
        assertEquals("Cannot drop column that is a hypertable partitioning (space or time) dimension.", e.detail());
        assertError("TS101", "cannot drop not-null constraint from a time-partitioned column",
            () -> catalog.setColumnNotNull(t.oid(), "time", false));
        catalog.dropColumn(t.oid(), "value");
        catalog.setColumnNotNull(t.oid(), "device", true);
        catalog.setColumnNotNull(t.oid(), "time", true);
        assertTrue(catalog.get(t.oid()).column("time").isPresent());
    }

    @Test
    void renamingTheTimeColumnRenamesTheDimension() {
        TableDef t = table("t", SqlType.TIMESTAMPTZ);
        catalog.createHypertable(t.oid(), "time", DAY_US, false, false);
        listener.events.clear();
        catalog.renameColumn(t.oid(), "time", "ts");
        HypertableDef h = catalog.hypertable(t.oid()).orElseThrow();
        assertEquals("ts", h.timeColumn());
        assertEquals(1, h.id());
        assertEquals(List.of("altered t notNull=true", "hypertableAltered ts " + DAY_US), listener.events);
        assertError("TS103", "cannot create a unique index without the column \"ts\" (used in partitioning)",
            () -> catalog.createIndex(null, null, t.oid(), List.of("device"), true, null, false));
        catalog.renameColumn(t.oid(), "device", "dev");
        assertEquals("ts", catalog.hypertable(t.oid()).orElseThrow().timeColumn());
        catalog.renameRelation(t.oid(), "renamed");
        assertEquals(Optional.of(h), catalog.hypertable(t.oid()));
    }

    @Test
    void setChunkTimeInterval() {
        TableDef t = table("t", SqlType.INT4);
        assertError("TS001", "table \"t\" is not a hypertable", () -> catalog.setChunkTimeInterval(t.oid(), 10));
        catalog.createHypertable(t.oid(), "time", 100, false, false);
        long v = catalog.version();
        HypertableDef h = catalog.setChunkTimeInterval(t.oid(), 500);
        assertEquals(500, h.chunkInterval());
        assertEquals(Optional.of(h), catalog.hypertable(t.oid()));
        assertTrue(catalog.version() > v);
        assertTrue(listener.events.contains("hypertableAltered time 500"));
        assertError("22023", "invalid interval: must be between 1 and 2147483647",
            () -> catalog.setChunkTimeInterval(t.oid(), 3_000_000_000L));
        assertEquals(500, catalog.hypertable(t.oid()).orElseThrow().chunkInterval());
    }

    @Test
    void droppingRemovesTheHypertableAndIdsAreNeverReused() {
        TableDef t = table("t", SqlType.TIMESTAMPTZ);
        catalog.createHypertable(t.oid(), "time", DAY_US, false, false);
        catalog.dropRelation(t.oid());
        assertTrue(catalog.hypertable(t.oid()).isEmpty());
        assertTrue(catalog.hypertables().isEmpty());
        TableDef again = table("t", SqlType.TIMESTAMPTZ);
        assertEquals(2, catalog.createHypertable(again.oid(), "time", DAY_US, false, false).id());

        catalog.createSchema("s", null, false);
        TableDef inSchema = catalog.createTable("s", "m", List.of(col("time", SqlType.DATE)), List.of(), false);
        catalog.createHypertable(inSchema.oid(), "time", DAY_US, false, false);
        catalog.dropSchema("s", false, true);
        assertEquals(1, catalog.hypertables().size());
        assertTrue(catalog.hypertable(inSchema.oid()).isEmpty());
    }
}
