package io.epochdb.planner.schema;

import io.epochdb.storage.Storage;

/** What a system table's row builder may read: the storage (catalog, table sizes) and the asking session. */
public interface SystemContext {
    Storage storage();

    String currentUser();

    String currentDatabase();

    /** Value of a session setting, as SHOW prints it. */
    String setting(String name);
}
