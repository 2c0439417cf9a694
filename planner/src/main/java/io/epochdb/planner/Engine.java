package io.epochdb.planner;

import java.nio.file.Path;

/**
 * The database: opened once per process on a data directory. Thread-safe. Sessions are opened by pgwire after
 * authentication.
 */
public interface Engine extends AutoCloseable {
    /** Opens the engine on a data directory (created if missing). */
    static Engine open(Path dataDirectory) {
        return io.epochdb.planner.engine.EngineImpl.open(dataDirectory);
    }

    /**
     * Opens a session. {@code startupParameters} are the StartupMessage's (user, database, application_name,
     * client_encoding, DateStyle, TimeZone, options with {@code -c name=value} pairs).
     */
    Session openSession(String user, String database, java.util.Map<String, String> startupParameters);

    /** The role's SCRAM-SHA-256 verifier as stored, or null when the role has no password; throws 28000 if no such login role. */
    String passwordVerifier(String user);

    /** Whether a login role of that name exists. */
    boolean roleCanLogin(String user);

    /** Cancels the statement running in the session with that process id if the secret matches. Thread-safe. */
    void cancel(int processId, int secretKey);

    @Override
    void close();
}
