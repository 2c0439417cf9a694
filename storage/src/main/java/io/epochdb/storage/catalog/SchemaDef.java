package io.epochdb.storage.catalog;

import java.util.Objects;

/** A schema ({@code pg_namespace} row). */
public record SchemaDef(int oid, String name, String owner) {
    public SchemaDef {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(owner, "owner");
    }
}
