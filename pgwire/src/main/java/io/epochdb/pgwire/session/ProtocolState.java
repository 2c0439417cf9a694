package io.epochdb.pgwire.session;

import java.util.HashMap;
import java.util.Map;

/**
 * A connection's prepared statements and portals (the unnamed ones under the empty name). Portals end with the
 * transaction; statements live until Close or the end of the connection.
 */
public final class ProtocolState implements AutoCloseable {
    private final Map<String, PreparedStatementEntry> statements = new HashMap<>();
    private final Map<String, Portal> portals = new HashMap<>();

    public PreparedStatementEntry statement(String name) {
        return statements.get(name);
    }

    public boolean hasStatement(String name) {
        return statements.containsKey(name);
    }

    /** Adds or (for the unnamed statement) replaces a statement. */
    public void putStatement(PreparedStatementEntry s) {
        statements.put(s.name(), s);
    }

    public void closeStatement(String name) {
        statements.remove(name);
    }

    public Portal portal(String name) {
        return portals.get(name);
    }

    public boolean hasPortal(String name) {
        return portals.containsKey(name);
    }

    public void putPortal(Portal p) {
        Portal old = portals.put(p.name(), p);
        if (old != null) {
            old.close();
        }
    }

    public void closePortal(String name) {
        Portal p = portals.remove(name);
        if (p != null) {
            p.close();
        }
    }

    /** Transaction end: every portal goes (none is WITH HOLD). */
    public void closeAllPortals() {
        for (Portal p : portals.values()) {
            p.close();
        }
        portals.clear();
    }

    public int statementCount() {
        return statements.size();
    }

    @Override
    public void close() {
        closeAllPortals();
        statements.clear();
    }
}
