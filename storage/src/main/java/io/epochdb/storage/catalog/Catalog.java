package io.epochdb.storage.catalog;

import java.util.List;
import java.util.Optional;

/**
 * The database catalog: schemas, tables, views, indexes, roles and comments. Thread-safe.
 *
 * <p>DDL is not transactional: every change applies immediately and is visible to all sessions, whatever
 * transaction the caller is in; a ROLLBACK does not undo it. Every change increments {@link #version()}, so
 * callers can cache anything derived from the catalog (plans, Calcite schemas) keyed on the version.
 *
 * <p>Names are compared exactly: folding unquoted identifiers to lower case is the parser's job. Errors are
 * {@code EpochException}s carrying PostgreSQL's SQLSTATEs and messages.
 */
public interface Catalog {
    /** OID of PostgreSQL's {@code pg_catalog} schema. */
    int PG_CATALOG_OID = 11;
    /** OID of PostgreSQL's {@code public} schema. */
    int PUBLIC_OID = 2200;
    /** Fixed OID of {@code information_schema} (PostgreSQL assigns it at initdb; this is ours). */
    int INFORMATION_SCHEMA_OID = 13000;
    /** OID of the bootstrap superuser {@code postgres}. */
    int BOOTSTRAP_SUPERUSER_OID = 10;
    String BOOTSTRAP_SUPERUSER = "postgres";
    /** First OID handed out to user objects, as in PostgreSQL. */
    int FIRST_NORMAL_OID = 16384;

    /** Incremented on every change. */
    long version();

    /** A fresh OID (16384 upward), for objects the catalog does not create itself. */
    int allocateOid();

    // ---- schemas

    /** 42P06 {@code schema "x" already exists} unless {@code ifNotExists} (then returns the existing one). */
    SchemaDef createSchema(String name, String owner, boolean ifNotExists);

    /** 3F000 if missing (unless ifExists); 2BP01 if it holds objects and not {@code cascade}. */
    void dropSchema(String name, boolean ifExists, boolean cascade);

    Optional<SchemaDef> schema(String name);

    Optional<SchemaDef> schemaByOid(int oid);

    List<SchemaDef> schemas();

    // ---- tables and views

    /**
     * Creates a table. Columns' attnums are assigned 1..n; PRIMARY KEY columns become NOT NULL; each PRIMARY KEY
     * or UNIQUE constraint gets a unique index of the same name ({@code t_pkey}, {@code t_a_key}).
     * 42P07 {@code relation "x" already exists} unless {@code ifNotExists} (then returns the existing one),
     * 42701 {@code column "c" specified more than once}, 3F000 for a missing schema.
     */
    default TableDef createTable(String schema, String name, List<ColumnDef> columns, List<ConstraintDef> constraints,
                                 boolean ifNotExists) {
        return createTable(schema, name, columns, constraints, ifNotExists, BOOTSTRAP_SUPERUSER);
    }

    /** {@link #createTable(String, String, List, List, boolean)} owned by role {@code owner}. */
    TableDef createTable(String schema, String name, List<ColumnDef> columns, List<ConstraintDef> constraints,
                         boolean ifNotExists, String owner);

    /** Creates (or with {@code orReplace} replaces, keeping the oid) a view defined by {@code sql}. */
    default TableDef createView(String schema, String name, String sql, List<ColumnDef> columns, boolean orReplace) {
        return createView(schema, name, sql, columns, orReplace, BOOTSTRAP_SUPERUSER);
    }

    /** {@link #createView(String, String, String, List, boolean)} owned by role {@code owner} (a replaced view keeps its owner). */
    TableDef createView(String schema, String name, String sql, List<ColumnDef> columns, boolean orReplace, String owner);

    /** Drops a table or view with its indexes, constraints, comments and (for tables) data. 42P01 if missing. */
    void dropRelation(int oid);

    Optional<TableDef> lookup(String schema, String name);

    /** 42P01 if there is no such table or view. */
    TableDef get(int oid);

    Optional<TableDef> byOid(int oid);

    /** Every table and view, in creation order. */
    List<TableDef> relations();

    /** ADD COLUMN with NULL for existing rows. */
    TableDef addColumn(int oid, ColumnDef column);

    /**
     * ADD COLUMN; existing rows get {@code fillValue} (a Java value per {@code SqlType}'s convention, e.g. the
     * constant value of the column's DEFAULT, which the caller evaluated), or NULL.
     * 42701 {@code column "c" of relation "t" already exists}; 23502 {@code column "c" of relation "t" contains
     * null values} for a NOT NULL column without fill value on a table that has rows.
     */
    TableDef addColumn(int oid, ColumnDef column, Object fillValue);

    /** DROP COLUMN; indexes and constraints on the column go with it. 42703 if missing. */
    TableDef dropColumn(int oid, String column);

    TableDef renameColumn(int oid, String from, String to);

    /** Renames a table, view or index (the oid may be an index's). 42P07 if the new name is taken. */
    TableDef renameRelation(int oid, String newName);

    /** ALTER COLUMN SET/DROP DEFAULT ({@code defaultSql} null drops it). */
    TableDef setColumnDefault(int oid, String column, String defaultSql);

    /** ALTER COLUMN SET/DROP NOT NULL. SET fails with 23502 if a live row holds NULL. */
    TableDef setColumnNotNull(int oid, String column, boolean notNull);

    /** ALTER TABLE ADD PRIMARY KEY / UNIQUE: checks existing rows (23505) and creates the backing index. */
    TableDef addConstraint(int oid, ConstraintDef constraint);

    /** ALTER TABLE DROP CONSTRAINT with its backing index. 42704 if missing. */
    TableDef dropConstraint(int oid, String constraintName, boolean ifExists);

    // ---- indexes

    /**
     * Creates an index on a table. {@code name} null lets the catalog pick PostgreSQL's {@code t_a_idx}; {@code
     * schema} null means the table's schema; {@code method} null means btree. A unique index is enforced like a
     * unique constraint and fails with 23505 if existing rows are duplicated. With {@code ifNotExists} an
     * existing relation of that name is returned unchanged (for an index) instead of 42P07.
     */
    IndexDef createIndex(String schema, String name, int tableOid, List<String> columns, boolean unique,
                         String method, boolean ifNotExists);

    /** 2BP01 if the index backs a constraint. */
    void dropIndex(int oid);

    List<IndexDef> indexes(int tableOid);

    /** Every index of every table. */
    List<IndexDef> indexes();

    Optional<IndexDef> index(int oid);

    Optional<IndexDef> lookupIndex(String schema, String name);

    // ---- roles

    /** 42710 {@code role "x" already exists} unless {@code ifNotExists} (then returns the existing one). */
    RoleDef createRole(String name, boolean login, boolean superuser, String passwordVerifier, boolean ifNotExists);

    /**
     * ALTER ROLE: each argument that is null stays unchanged. {@code passwordVerifier} is null for "unchanged",
     * {@code Optional.empty()} for PASSWORD NULL, or the new verifier text. 42704 if missing.
     */
    RoleDef alterRole(String name, Boolean login, Boolean superuser, Optional<String> passwordVerifier);

    RoleDef renameRole(String name, String newName);

    /** 42704 {@code role "x" does not exist} unless {@code ifExists}. */
    void dropRole(String name, boolean ifExists);

    Optional<RoleDef> role(String name);

    List<RoleDef> roles();

    // ---- comments

    /** COMMENT ON; {@code subId} is the column's attnum for columns, else 0. Null or empty text removes it. */
    void setComment(int objectOid, int subId, String text);

    Optional<String> comment(int objectOid, int subId);

    // ---- hypertables

    /**
     * Turns table {@code tableOid} into a hypertable partitioned on {@code timeColumn} with chunks {@code
     * chunkInterval} wide (see {@link HypertableDef} for units). TimescaleDB's checks and errors, in its order: a
     * table already a hypertable fails with TS110 {@code table "t" is already a hypertable} unless {@code
     * ifNotExists} (then the existing definition is returned unchanged, the notice {@code table "t" is already a
     * hypertable, skipping} left to the caller); a view fails with 42809 {@code invalid relation type}; a table with
     * rows fails with 0A000 {@code table "t" is not empty} (hint about migrate_data) unless {@code migrateData},
     * which moves its rows into chunks; the column must exist (42703) and be TIMESTAMPTZ, TIMESTAMP, DATE, INT2,
     * INT4 or INT8 (42809 {@code invalid type for dimension "c"}); the interval must be 1 up to the integer type's
     * maximum (22023 {@code invalid interval: must be between 1 and 32767}) and whole days for DATE; every unique
     * index (PRIMARY KEY / UNIQUE too) must include the column (TS103 {@code cannot create a unique index without
     * the column "time" (used in partitioning)}). The time column becomes NOT NULL if it was not (TimescaleDB's
     * NOTICE {@code adding not-null constraint to column "time"} is the caller's to send; with migrated rows a NULL
     * fails with 23502).
     *
     * <p>Once a table is a hypertable: unique indexes and PRIMARY KEY / UNIQUE constraints without the time
     * column fail with TS103; dropping the time column fails with 42P16 {@code cannot drop column named in
     * partition key}; dropping its NOT NULL fails with TS101; renaming it renames it in the definition.
     */
    HypertableDef createHypertable(int tableOid, String timeColumn, long chunkInterval, boolean ifNotExists,
                                   boolean migrateData);

    /** The hypertable definition of table {@code tableOid}, empty for a plain table. */
    Optional<HypertableDef> hypertable(int tableOid);

    /** Every hypertable, by id. */
    List<HypertableDef> hypertables();

    /**
     * {@code set_chunk_time_interval}: applies to chunks created from now on. TS001 {@code table "t" is not a
     * hypertable} for a plain table; interval errors as in {@link #createHypertable}.
     */
    HypertableDef setChunkTimeInterval(int tableOid, long chunkInterval);
}
