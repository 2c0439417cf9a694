package io.epochdb.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.epochdb.pgwire.server.PgServer;
import io.epochdb.planner.Engine;
import io.epochdb.planner.engine.EngineImpl;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One EpochDB engine and wire server per test class, on a free port over a temporary data directory.
 * Register it as {@code @RegisterExtension static final EpochServer server = new EpochServer();}.
 *
 * <p>After the class it closes every connection it handed out that the test left open, checks that the engine
 * ended up with no live session (a session that outlives its connection is a leak), stops the server and closes
 * the engine, whose root Arrow allocator throws if any buffer is still allocated.
 */
public final class EpochServer implements BeforeAllCallback, AfterAllCallback {
    private final List<Connection> handedOut = new ArrayList<>();
    private Path dataDirectory;
    private Engine engine;
    private PgServer server;

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        dataDirectory = Files.createTempDirectory("epochdb-jdbc-");
        engine = Engine.open(dataDirectory);
        server = PgServer.start(engine, "127.0.0.1", 0);
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        try {
            closeHandedOutConnections();
            awaitNoSessions();
        } finally {
            try {
                if (server != null) {
                    server.close();
                }
            } finally {
                try {
                    if (engine != null) {
                        engine.close(); // throws when the root allocator still holds memory
                    }
                } finally {
                    deleteRecursively(dataDirectory);
                }
            }
        }
    }

    /** Closes every connection the test left open, after the test is done with them. */
    private synchronized void closeHandedOutConnections() {
        for (Connection c : handedOut) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // already broken: the server side is what we check next
            }
        }
        handedOut.clear();
    }

    /** Sessions close on the server's workers after the socket closes, so give them a moment. */
    public void awaitNoSessions() throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (sessionCount() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(0, sessionCount(), "sessions still open on the engine after every connection closed");
    }

    public int sessionCount() {
        return ((EngineImpl) engine).sessionCount();
    }

    public Engine engine() {
        return engine;
    }

    public int port() {
        return server.port();
    }

    /** The pgjdbc URL with extra query parameters, e.g. {@code url("prepareThreshold=1")}. */
    public String url(String... parameters) {
        StringBuilder url = new StringBuilder("jdbc:postgresql://127.0.0.1:" + port() + "/postgres?user=postgres");
        for (String p : parameters) {
            url.append('&').append(p);
        }
        return url.toString();
    }

    /** A new connection; closed by the extension after the class if the test does not close it. */
    public Connection connect(String... parameters) throws SQLException {
        Connection c = DriverManager.getConnection(url(parameters), new Properties());
        synchronized (this) {
            handedOut.removeIf(EpochServer::isClosedQuietly);
            handedOut.add(c);
        }
        return c;
    }

    private static boolean isClosedQuietly(Connection c) {
        try {
            return c.isClosed();
        } catch (SQLException e) {
            return true;
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
