package io.epochdb.storage.catalog;

import java.util.Objects;

/**
 * A role ({@code pg_authid} row).
 *
 * @param passwordVerifier {@link ScramVerifier#encode()} text, or null when the role has no password
 */
public record RoleDef(int oid, String name, boolean login, boolean superuser, String passwordVerifier) {
    public RoleDef {
        Objects.requireNonNull(name, "name");
    }
}
