package io.epochdb.storage.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.epochdb.common.EpochException;
import io.epochdb.common.types.ColumnType;
import io.epochdb.common.types.SqlType;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class MemoryCatalogTest {
    private final MemoryCatalog catalog = new MemoryCatalog();

    private static ColumnDef col(String name, SqlType type) {
        return ColumnDef.of(name, ColumnType.of(type));
    }

    private static void assertError(String sqlState, String message, Executable action) {
        EpochException e = assertThrows(EpochException.class, action);
        assertEquals(sqlState, e.sqlState(), e.getMessage());
        assertEquals(message, e.getMessage());
    }

    private TableDef createT() {
        return catalog.createTable("public", "t", List.of(col("id", SqlType.INT4), col("name", SqlType.TEXT)),
            List.of(ConstraintDef.primaryKey(List.of("id"))), false);
    }

    @Test
    void builtInSchemasAndSuperuser() {
        assertEquals(11, catalog.schema("pg_catalog").orElseThrow().oid());
        assertEquals(2200, catalog.schema("public").orElseThrow().oid());
        assertEquals(Catalog.INFORMATION_SCHEMA_OID, catalog.schema("information_schema").orElseThrow().oid());
        RoleDef postgres = catalog.role("postgres").orElseThrow();
        assertEquals(10, postgres.oid());
        assertTrue(postgres.login());
        assertTrue(postgres.superuser());
        assertNull(postgres.passwordVerifier());
    }

    @Test
    void schemas() {
        long v = catalog.version();
        SchemaDef s = catalog.createSchema("s", "postgres", false);
        assertTrue(s.oid() >= 16384);
        assertTrue(catalog.version() > v);
        assertError("42P06", "schema \"s\" already exists", () -> catalog.createSchema("s", "postgres", false));
        assertSame(s, catalog.createSchema("s", "postgres", true));
        assertEquals(Optional.of(s), catalog.schemaByOid(s.oid()));

        catalog.createTable("s", "t", List.of(col("a", SqlType.INT4)), List.of(), false);
        EpochException e = assertThrows(EpochException.class, () -> catalog.dropSchema("s", false, false));
        assertEquals("2BP01", e.sqlState());
        assertEquals("cannot drop schema s because other objects depend on it", e.getMessage());
        assertEquals("table s.t depends on schema s", e.detail());
        catalog.dropSchema("s", false, true);
        assertTrue(catalog.schema("s").isEmpty());
        assertTrue(catalog.lookup("s", "t").isEmpty());
        assertError("3F000", "schema \"s\" does not exist", () -> catalog.dropSchema("s", false, false));
        catalog.dropSchema("s", true, false);
        assertError("3F000", "schema \"nope\" does not exist",
            () -> catalog.createTable("nope", "t", List.of(), List.of(), false));
        assertError("2BP01", "cannot drop schema pg_catalog because it is required by the database system",
            () -> catalog.dropSchema("pg_catalog", false, true));
    }

    @Test
    void createTableAssignsAttnumsAndPrimaryKeyIndex() {
        TableDef t = createT();
        assertTrue(t.oid() >= 16384);
        assertEquals(List.of(1, 2), t.columns().stream().map(ColumnDef::attnum).toList());
        assertTrue(t.columns().get(0).notNull(), "primary key columns are NOT NULL");
        assertFalse(t.columns().get(1).notNull());
        ConstraintDef pk = t.primaryKey().orElseThrow();
        assertEquals("t_pkey", pk.name());
        assertEquals(List.of("id"), pk.columns());
        assertEquals(0, t.columnIndex("id"));
        assertEquals(-1, t.columnIndex("nope"));
        List<IndexDef> ix = catalog.indexes(t.oid());
        assertEquals(1, ix.size());
        assertEquals("t_pkey", ix.get(0).name());
        assertTrue(ix.get(0).unique());
        assertTrue(ix.get(0).primary());
        assertEquals("btree", ix.get(0).method());
        assertEquals(Optional.of(ix.get(0)), catalog.lookupIndex("public", "t_pkey"));
        assertEquals(t, catalog.get(t.oid()));
        assertEquals(Optional.of(t), catalog.lookup("public", "t"));
        assertEquals(List.of(t), catalog.relations());
    }

    @Test
    void createTableErrors() {
        TableDef t = createT();
        assertError("42P07", "relation \"t\" already exists", this::createT);
        assertSame(t, catalog.createTable("public", "t", List.of(), List.of(), true));
        assertError("42701", "column \"a\" specified more than once", () -> catalog.createTable("public", "u",
            List.of(col("a", SqlType.INT4), col("a", SqlType.TEXT)), List.of(), false));
        assertError("42P07", "relation \"t_pkey\" already exists", () -> catalog.createTable("public", "t_pkey",
            List.of(), List.of(), false));
        assertError("42703", "column \"x\" named in key does not exist", () -> catalog.createTable("public", "u",
            List.of(col("a", SqlType.INT4)), List.of(ConstraintDef.unique(List.of("x"))), false));
        assertError("42P16", "multiple primary keys for table \"u\" are not allowed", () -> catalog.createTable(
            "public", "u", List.of(col("a", SqlType.INT4)),
            List.of(ConstraintDef.primaryKey(List.of("a")), ConstraintDef.primaryKey(List.of("a"))), false));
        assertTrue(catalog.lookup("public", "u").isEmpty(), "failed creates leave nothing behind");
    }

    @Test
    void constraintNamesFollowPostgres() {
        catalog.createTable("public", "u_a_key", List.of(col("x", SqlType.INT4)), List.of(), false);
        TableDef u = catalog.createTable("public", "u", List.of(col("a", SqlType.INT4), col("b", SqlType.INT4)),
            List.of(ConstraintDef.unique(List.of("a")), ConstraintDef.unique(List.of("a", "b")),
                new ConstraintDef(0, "my_key", ConstraintDef.Type.UNIQUE, List.of("b"))), false);
        assertEquals(List.of("u_a_key1", "u_a_b_key", "my_key"), u.constraints().stream().map(ConstraintDef::name).toList());
        IndexDef ix = catalog.createIndex(null, null, u.oid(), List.of("b"), false, null, false);
        assertEquals("u_b_idx", ix.name());
        assertEquals("public", ix.schema());
        assertFalse(ix.unique());
    }

    @Test
    void indexes() {
        TableDef t = createT();
        IndexDef ix = catalog.createIndex("public", "t_name", t.oid(), List.of("name"), true, "btree", false);
        assertError("42P07", "relation \"t_name\" already exists",
            () -> catalog.createIndex("public", "t_name", t.oid(), List.of("name"), false, null, false));
        assertSame(ix, catalog.createIndex("public", "t_name", t.oid(), List.of("name"), false, null, true));
        assertError("42703", "column \"zz\" does not exist",
            () -> catalog.createIndex("public", null, t.oid(), List.of("zz"), false, null, false));
        EpochException e = assertThrows(EpochException.class,
            () -> catalog.dropIndex(catalog.lookupIndex("public", "t_pkey").orElseThrow().oid()));
        assertEquals("2BP01", e.sqlState());
        assertEquals("cannot drop index t_pkey because constraint t_pkey on table t requires it", e.getMessage());
        assertEquals("You can drop constraint t_pkey on table t instead.", e.hint());
        catalog.dropIndex(ix.oid());
        assertTrue(catalog.lookupIndex("public", "t_name").isEmpty());
        assertEquals(1, catalog.indexes().size());

        TableDef v = catalog.createView("public", "v", "select 1", List.of(col("x", SqlType.INT4)), false);
        assertError("42809", "cannot create index on relation \"v\"",
            () -> catalog.createIndex("public", null, v.oid(), List.of("x"), false, null, false));
    }

    @Test
    void views() {
        TableDef v = catalog.createView("public", "v", "select 1 as a", List.of(col("a", SqlType.INT4)), false);
        assertEquals(TableDef.Kind.VIEW, v.kind());
        assertEquals("select 1 as a", v.viewSql());
        assertError("42P07", "relation \"v\" already exists",
            () -> catalog.createView("public", "v", "select 2", List.of(col("a", SqlType.INT4)), false));
        TableDef v2 = catalog.createView("public", "v", "select 2 as a, 3 as b",
            List.of(col("a", SqlType.INT4), col("b", SqlType.INT4)), true);
        assertEquals(v.oid(), v2.oid());
        assertError("42P16", "cannot drop columns from view",
            () -> catalog.createView("public", "v", "select 1", List.of(col("a", SqlType.INT4)), true));
        assertError("42P16", "cannot change name of view column \"a\" to \"c\"", () -> catalog.createView("public",
            "v", "select 1", List.of(col("c", SqlType.INT4), col("b", SqlType.INT4)), true));
        createT();
        assertError("42809", "\"t\" is not a view",
            () -> catalog.createView("public", "t", "select 1", List.of(), true));
        assertError("42809", "\"v\" is not a table", () -> catalog.addColumn(v.oid(), col("z", SqlType.INT4)));
        catalog.dropRelation(v.oid());
        assertTrue(catalog.lookup("public", "v").isEmpty());
    }

    @Test
    void dropRelationRemovesIndexesAndComments() {
        TableDef t = createT();
        catalog.setComment(t.oid(), 0, "a table");
        catalog.setComment(t.oid(), 1, "the id");
        assertEquals(Optional.of("the id"), catalog.comment(t.oid(), 1));
        catalog.dropRelation(t.oid());
        assertTrue(catalog.lookup("public", "t").isEmpty());
        assertTrue(catalog.lookupIndex("public", "t_pkey").isEmpty());
        assertTrue(catalog.comment(t.oid(), 0).isEmpty());
        assertTrue(catalog.comment(t.oid(), 1).isEmpty());
        assertError("42P01", "relation with OID " + t.oid() + " does not exist", () -> catalog.get(t.oid()));
        assertError("42P01", "relation with OID " + t.oid() + " does not exist", () -> catalog.dropRelation(t.oid()));
        createT(); // the names are free again
    }

    @Test
    void alterTable() {
        TableDef t = createT();
        TableDef t2 = catalog.addColumn(t.oid(), col("extra", SqlType.INT8));
        assertEquals(3, t2.columns().get(2).attnum());
        assertError("42701", "column \"extra\" of relation \"t\" already exists",
            () -> catalog.addColumn(t.oid(), col("extra", SqlType.INT8)));
        TableDef t3 = catalog.dropColumn(t.oid(), "extra");
        assertEquals(2, t3.columns().size());
        assertError("42703", "column \"extra\" of relation \"t\" does not exist", () -> catalog.dropColumn(t.oid(), "extra"));
        TableDef t4 = catalog.addColumn(t.oid(), col("again", SqlType.TEXT));
        assertEquals(4, t4.columns().get(2).attnum(), "attnums are never reused");

        TableDef t5 = catalog.renameColumn(t.oid(), "id", "ident");
        assertEquals(List.of("ident"), t5.primaryKey().orElseThrow().columns());
        assertEquals(List.of("ident"), catalog.lookupIndex("public", "t_pkey").orElseThrow().columns());
        assertError("42703", "column \"id\" does not exist", () -> catalog.renameColumn(t.oid(), "id", "x"));
        assertError("42701", "column \"name\" of relation \"t\" already exists",
            () -> catalog.renameColumn(t.oid(), "ident", "name"));

        TableDef t6 = catalog.renameRelation(t.oid(), "t_renamed");
        assertEquals("t_renamed", t6.name());
        assertTrue(catalog.lookup("public", "t").isEmpty());
        assertEquals(t.oid(), catalog.lookup("public", "t_renamed").orElseThrow().oid());
        catalog.createTable("public", "other", List.of(), List.of(), false);
        assertError("42P07", "relation \"other\" already exists", () -> catalog.renameRelation(t.oid(), "other"));

        IndexDef pk = catalog.lookupIndex("public", "t_pkey").orElseThrow();
        TableDef t7 = catalog.renameRelation(pk.oid(), "t_renamed_pkey");
        assertEquals("t_renamed_pkey", t7.primaryKey().orElseThrow().name());
        assertEquals("t_renamed_pkey", catalog.index(pk.oid()).orElseThrow().name());

        TableDef t8 = catalog.dropColumn(t.oid(), "ident");
        assertTrue(t8.primaryKey().isEmpty(), "dropping a key column drops its constraint");
        assertTrue(catalog.indexes(t.oid()).isEmpty());

        TableDef t9 = catalog.setColumnDefault(t.oid(), "name", "'x'::text");
        assertEquals("'x'::text", t9.column("name").orElseThrow().defaultSql());
        TableDef t10 = catalog.setColumnNotNull(t.oid(), "name", true);
        assertTrue(t10.column("name").orElseThrow().notNull());
    }

    @Test
    void constraintsAddedAndDropped() {
        TableDef t = catalog.createTable("public", "t", List.of(col("a", SqlType.INT4), col("b", SqlType.INT4)),
            List.of(), false);
        TableDef t2 = catalog.addConstraint(t.oid(), ConstraintDef.primaryKey(List.of("a")));
        assertTrue(t2.column("a").orElseThrow().notNull());
        assertEquals("t_pkey", t2.primaryKey().orElseThrow().name());
        assertError("42P16", "multiple primary keys for table \"t\" are not allowed",
            () -> catalog.addConstraint(t.oid(), ConstraintDef.primaryKey(List.of("b"))));
        assertError("42P16", "column \"a\" is in a primary key", () -> catalog.setColumnNotNull(t.oid(), "a", false));
        TableDef t3 = catalog.dropConstraint(t.oid(), "t_pkey", false);
        assertTrue(t3.primaryKey().isEmpty());
        assertTrue(catalog.lookupIndex("public", "t_pkey").isEmpty());
        assertError("42704", "constraint \"t_pkey\" of relation \"t\" does not exist",
            () -> catalog.dropConstraint(t.oid(), "t_pkey", false));
    }

    @Test
    void roles() {
        String verifier = ScramVerifier.create("secret").encode();
        RoleDef alice = catalog.createRole("alice", true, false, verifier, false);
        assertTrue(alice.oid() >= 16384);
        assertEquals(verifier, catalog.role("alice").orElseThrow().passwordVerifier());
        assertError("42710", "role \"alice\" already exists", () -> catalog.createRole("alice", true, false, null, false));
        assertSame(alice, catalog.createRole("alice", false, false, null, true));

        RoleDef changed = catalog.alterRole("alice", null, true, null);
        assertTrue(changed.superuser());
        assertTrue(changed.login());
        assertEquals(verifier, changed.passwordVerifier());
        assertNull(catalog.alterRole("alice", false, null, Optional.empty()).passwordVerifier());
        assertFalse(catalog.role("alice").orElseThrow().login());
        assertError("42704", "role \"bob\" does not exist", () -> catalog.alterRole("bob", true, null, null));

        RoleDef renamed = catalog.renameRole("alice", "carol");
        assertEquals(alice.oid(), renamed.oid());
        assertEquals(List.of("postgres", "carol"), catalog.roles().stream().map(RoleDef::name).toList());
        catalog.dropRole("carol", false);
        assertError("42704", "role \"carol\" does not exist", () -> catalog.dropRole("carol", false));
        catalog.dropRole("carol", true);
        assertThrows(EpochException.class, () -> catalog.dropRole("postgres", false));
    }

    @Test
    void commentsAndOids() {
        int a = catalog.allocateOid();
        int b = catalog.allocateOid();
        assertTrue(a >= 16384 && b > a);
        long v = catalog.version();
        catalog.setComment(2200, 0, "standard public schema");
        assertEquals(Optional.of("standard public schema"), catalog.comment(2200, 0));
        assertTrue(catalog.version() > v);
        catalog.setComment(2200, 0, null);
        assertTrue(catalog.comment(2200, 0).isEmpty());
    }
}
