package io.epochdb.planner.engine;

import io.epochdb.common.ErrorCode;
import io.epochdb.common.EpochException;
import io.epochdb.exec.ExecContext;
import io.epochdb.planner.Engine;
import io.epochdb.planner.Session;
import io.epochdb.storage.Storage;
import io.epochdb.storage.catalog.RoleDef;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;

/** The engine: storage, the root Arrow allocator, live sessions (for cancel) and sequences. */
public final class EngineImpl implements Engine {
    private final BufferAllocator rootAllocator;
    private final Storage storage;
    private final Map<Integer, SessionImpl> sessions = new ConcurrentHashMap<>();
    private final AtomicInteger nextPid = new AtomicInteger(1000 + new SecureRandom().nextInt(1000));
    private final SecureRandom random = new SecureRandom();
    private final long startMicros = ExecContext.currentMicros();
    private final PlanCache planCache = new PlanCache(2048);
    private volatile boolean closed;

    private EngineImpl(Path dataDirectory) {
        this.rootAllocator = new RootAllocator(Long.MAX_VALUE);
        this.storage = Storage.open(dataDirectory, rootAllocator);
    }

    public static Engine open(Path dataDirectory) {
        Objects.requireNonNull(dataDirectory, "dataDirectory");
        EngineImpl engine = new EngineImpl(dataDirectory);
        engine.warmUpInBackground();
        return engine;
    }

    /**
     * Plans a few statements on a daemon thread at startup, so Calcite's class loading (seconds on a cold JVM)
     * does not land on the first client's first query.
     */
    private void warmUpInBackground() {
        Thread t = new Thread(() -> {
            // an internal session: not registered, so it never shows up among client sessions
            try (Session s = new SessionImpl(this, "postgres", "postgres", -1, 0, Map.of())) {
                for (String sql : new String[] {
                    "SELECT 1", "SELECT count(*), max(oid) FROM (VALUES (1, 2)) AS t(oid, x) WHERE x > 1 GROUP BY x ORDER BY 1 LIMIT 1",
                    "SELECT now() - interval '1 hour', date_trunc('hour', now()), time_bucket('5 minutes', now())"}) {
                    for (io.epochdb.planner.Statement st : s.parse(sql)) {
                        s.prepare(st, java.util.List.of());
                    }
                }
            } catch (RuntimeException e) {
                // warm-up is best effort
            }
        }, "epochdb-warmup");
        t.setDaemon(true);
        t.start();
    }

    PlanCache planCache() {
        return planCache;
    }

    public Storage storage() {
        return storage;
    }

    BufferAllocator rootAllocator() {
        return rootAllocator;
    }

    long startMicros() {
        return startMicros;
    }

    /** The sequence behind a serial column or nextval('name'). */
    io.epochdb.storage.Sequences.Sequence sequence(String name) {
        return storage.sequences().get(name);
    }

    @Override
    public Session openSession(String user, String database, Map<String, String> startupParameters) {
        if (closed) {
            throw new EpochException(ErrorCode.ADMIN_SHUTDOWN, "the database system is shutting down");
        }
        int pid = nextPid.incrementAndGet();
        SessionImpl s = new SessionImpl(this, user, database == null ? user : database, pid, random.nextInt(), startupParameters);
        sessions.put(pid, s);
        return s;
    }

    void sessionClosed(SessionImpl s) {
        sessions.remove(s.processId());
    }

    @Override
    public String passwordVerifier(String user) {
        RoleDef role = storage.catalog().role(user).orElseThrow(() ->
            new EpochException(ErrorCode.INVALID_AUTHORIZATION_SPECIFICATION, "role \"" + user + "\" does not exist"));
        return role.passwordVerifier();
    }

    @Override
    public boolean roleCanLogin(String user) {
        return storage.catalog().role(user).map(RoleDef::login).orElse(false);
    }

    @Override
    public void cancel(int processId, int secretKey) {
        SessionImpl s = sessions.get(processId);
        if (s != null && s.secretKey() == secretKey) {
            s.cancel();
        }
    }

    public int sessionCount() {
        return sessions.size();
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (SessionImpl s : sessions.values()) {
            try {
                s.close();
            } catch (RuntimeException ignored) {
                // closing anyway
            }
        }
        storage.close();
        rootAllocator.close();
    }
}
