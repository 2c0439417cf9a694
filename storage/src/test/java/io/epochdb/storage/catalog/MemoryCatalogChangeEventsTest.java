package io.epochdb.storage.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

/** Every change calls {@link CatalogListener#catalogChanged()} exactly once, under the lock, once it is complete. */
class MemoryCatalogChangeEventsTest {
    /** Takes an image on every catalogChanged, as the durable storage will. */
    private static final class ImageLogger implements CatalogListener {
        MemoryCatalog catalog;
        final List<CatalogImage> logged = new ArrayList<>();
        boolean rows;

        @Override
        public boolean hasRows(TableDef table) {
            return rows;
        }

        @Override
        public void catalogChanged() {
            assertTrue(Thread.holdsLock(catalog), "catalogChanged runs under the catalog's monitor");
            logged.add(catalog.image());
        }
    }

    private final ImageLogger log = new ImageLogger();
    private final MemoryCatalog catalog = new MemoryCatalog(log);

    {
        log.catalog = catalog;
    }

    private static ColumnDef col(String name, SqlType type) {
        return ColumnDef.of(name, ColumnType.of(type));
    }

    /** Runs a change and checks it logged exactly one image, equal to the catalog right after it. */
    private <T> T once(java.util.function.Supplier<T> change) {
        int before = log.logged.size();
        long version = catalog.version();
        T result = change.get();
        assertEquals(before + 1, log.logged.size(), "one catalogChanged per change");
        assertEquals(catalog.image(), log.logged.get(before), "the logged image is the completed change");
        assertTrue(catalog.version() > version);
        return result;
    }

    private void onceDo(Runnable change) {
        once(() -> {
            change.run();
            return null;
        });
    }

    private void never(Executable change) throws Throwable {
        int before = log.logged.size();
        long version = catalog.version();
        change.execute();
        assertEquals(before, log.logged.size(), "no catalogChanged without a change");
        assertEquals(version, catalog.version());
    }

    private void failsSilently(Executable change) throws Throwable {
        never(() -> assertThrows(EpochException.class, change));
    }

    @Test
    void everyKindOfChangeLogsOnce() throws Throwable {
        onceDo(() -> catalog.createSchema("s", null, false));
        TableDef t = once(() -> catalog.createTable("s", "t", List.of(col("time", SqlType.TIMESTAMPTZ),
            col("a", SqlType.INT4), col("b", SqlType.TEXT)), List.of(ConstraintDef.primaryKey(List.of("a", "time"))),
            false));
        TableDef u = once(() -> catalog.createTable("s", "u", List.of(col("x", SqlType.INT4)), List.of(), false));
        once(() -> catalog.createView("s", "v", "select 1", List.of(col("x", SqlType.INT4)), false));
        once(() -> catalog.createView("s", "v", "select 2", List.of(col("x", SqlType.INT4)), true));
        once(() -> catalog.addColumn(t.oid(), col("c", SqlType.INT8)));
        once(() -> catalog.addColumn(t.oid(), new ColumnDef("d", ColumnType.of(SqlType.INT4), true, "0", 0), 0));
        once(() -> catalog.dropColumn(t.oid(), "d"));
        once(() -> catalog.renameColumn(t.oid(), "c", "cc"));
        once(() -> catalog.setColumnDefault(t.oid(), "cc", "42"));
        once(() -> catalog.setColumnNotNull(t.oid(), "cc", true));
        once(() -> catalog.addConstraint(t.oid(), ConstraintDef.unique(List.of("b", "time"))));
        once(() -> catalog.dropConstraint(t.oid(), "t_b_time_key", false));
        IndexDef ix = once(() -> catalog.createIndex(null, null, t.oid(), List.of("b"), false, null, false));
        once(() -> catalog.renameRelation(ix.oid(), "t_b_index"));
        onceDo(() -> catalog.dropIndex(ix.oid()));
        once(() -> catalog.renameRelation(u.oid(), "u2"));
        once(() -> catalog.createHypertable(t.oid(), "time", 86_400_000_000L, false, false));
        once(() -> catalog.setChunkTimeInterval(t.oid(), 3_600_000_000L));
        once(() -> catalog.renameColumn(t.oid(), "time", "ts"));
        onceDo(() -> catalog.setComment(t.oid(), 0, "a table"));
        onceDo(() -> catalog.setComment(t.oid(), 2, "a column"));
        onceDo(() -> catalog.setComment(t.oid(), 0, null));
        once(() -> catalog.createRole("r", true, false, null, false));
        once(() -> catalog.alterRole("r", null, true, Optional.of("SCRAM-SHA-256$4096:c2FsdA==$a2V5:a2V5")));
        once(() -> catalog.renameRole("r", "r2"));
        onceDo(() -> catalog.dropRole("r2", false));
        onceDo(() -> catalog.dropRelation(u.oid()));
        // A cascade dropping several relations (one a hypertable) is still one change.
        onceDo(() -> catalog.dropSchema("s", false, true));
        assertTrue(catalog.hypertables().isEmpty());
    }

    @Test
    void allocateOidIsLoggedWithoutBumpingTheVersion() {
        long version = catalog.version();
        int oid = catalog.allocateOid();
        assertEquals(1, log.logged.size());
        assertEquals(oid + 1, log.logged.get(0).nextOid());
        assertEquals(version, catalog.version());
    }

    @Test
    void failedAndNoOpChangesLogNothing() throws Throwable {
        TableDef t = catalog.createTable("public", "t", List.of(col("time", SqlType.DATE), col("a", SqlType.INT4)),
            List.of(ConstraintDef.unique(List.of("a"))), false);
        catalog.createRole("r", true, false, null, false);
        never(() -> catalog.createSchema("public", null, true));
        never(() -> catalog.createTable("public", "t", List.of(), List.of(), true));
        never(() -> catalog.dropSchema("nope", true, false));
        never(() -> catalog.dropConstraint(t.oid(), "nope", true));
        never(() -> catalog.dropRole("nope", true));
        never(() -> catalog.createRole("r", false, false, null, true));
        failsSilently(() -> catalog.createSchema("public", null, false));
        failsSilently(() -> catalog.createTable("public", "t", List.of(), List.of(), false));
        failsSilently(() -> catalog.dropColumn(t.oid(), "nope"));
        failsSilently(() -> catalog.createHypertable(t.oid(), "time", 86_400_000_000L, false, false));
        failsSilently(() -> catalog.setChunkTimeInterval(t.oid(), 1));
        failsSilently(() -> catalog.dropRole("postgres", false));
        catalog.dropConstraint(t.oid(), "t_a_key", false);
        log.rows = true;
        failsSilently(() -> catalog.createHypertable(t.oid(), "time", 86_400_000_000L, false, false));
        log.rows = false;
        HypertableDef h = once(() -> catalog.createHypertable(t.oid(), "time", 86_400_000_000L, false, false));
        never(() -> assertEquals(h, catalog.createHypertable(t.oid(), "time", 1, true, false)));
        failsSilently(() -> catalog.createIndex(null, null, t.oid(), List.of("a"), true, null, false));
    }
}
