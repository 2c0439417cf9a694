package io.epochdb.storage.catalog;

/**
 * How the catalog tells the data layer about changes that affect stored rows. Called while the catalog holds its
 * lock and before the change is published: throwing (e.g. 23505 when a new unique index finds duplicates)
 * cancels the change. The default methods do nothing.
 */
public interface CatalogListener {
    CatalogListener NONE = new CatalogListener() {
    };

    default void tableCreated(TableDef table) {
    }

    default void tableDropped(TableDef table) {
    }

    /** The definition changed without touching stored data (rename, default, constraint list). */
    default void tableAltered(TableDef table) {
    }

    /** Existing rows get {@code fillValue} (or NULL) in the new column. */
    default void columnAdded(TableDef table, ColumnDef column, Object fillValue) {
    }

    /** {@code column} is no longer part of {@code table}. */
    default void columnDropped(TableDef table, ColumnDef column) {
    }

    /** Checked before SET NOT NULL: fail with 23502 if a live row holds NULL in the column. */
    default void checkNoNulls(TableDef table, ColumnDef column) {
    }

    /** Whether the table holds any live rows (for ADD COLUMN ... NOT NULL without a default). */
    default boolean hasRows(TableDef table) {
        return false;
    }

    /** A unique index appeared: build it over the existing rows, failing with 23505 on duplicates. */
    default void uniqueIndexCreated(TableDef table, IndexDef index) {
    }

    default void uniqueIndexDropped(TableDef table, IndexDef index) {
    }

    /** A unique index got a new name or its columns were renamed (error messages use the names). */
    default void uniqueIndexRenamed(TableDef table, IndexDef index) {
    }

    /**
     * Table {@code table} became a hypertable; with {@code migrateData} its existing rows move into chunks (without
     * it the table has no rows).
     */
    default void hypertableCreated(TableDef table, HypertableDef hypertable, boolean migrateData) {
    }

    /**
     * The hypertable definition of {@code table} changed (its time column was renamed, or set_chunk_time_interval
     * ran); chunks already created keep their bounds.
     */
    default void hypertableAltered(TableDef table, HypertableDef hypertable) {
    }

    /**
     * Called after every change, still under the catalog's lock, once the change is complete: the durable storage
     * logs the new catalog image here, so images reach the log in the order the changes happened.
     */
    default void catalogChanged() {
    }
}
