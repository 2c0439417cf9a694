package io.epochdb.pgwire.testing;

import io.epochdb.common.ErrorCode;
import io.epochdb.common.EpochException;
import io.epochdb.planner.Engine;
import io.epochdb.planner.Session;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;

/**
 * A tiny in-test engine: roles (with or without a SCRAM verifier) and {@link FakeSession}s that answer a handful of
 * fixed statements. Enough to drive the protocol without the real planner.
 */
public final class FakeEngine implements Engine {
    public final BufferAllocator allocator = new RootAllocator();
    private final Map<String, String> roles = new ConcurrentHashMap<>();
    final Map<Integer, FakeSession> sessions = new ConcurrentHashMap<>();
    private final AtomicInteger pids = new AtomicInteger(1000);
    public final AtomicInteger closedSessions = new AtomicInteger();
    /** Rows GEN results have produced so far (to see that a slow client holds the query back). */
    public final java.util.concurrent.atomic.AtomicLong generatedRows = new java.util.concurrent.atomic.AtomicLong();
    public volatile String lastDatabase;
    public volatile Map<String, String> lastStartupParameters;

    public FakeEngine() {
        roles.put("epoch", "");
    }

    /** Adds a login role; {@code verifier} null means no password. */
    public FakeEngine role(String name, String verifier) {
        roles.put(name, verifier == null ? "" : verifier);
        return this;
    }

    @Override
    public Session openSession(String user, String database, Map<String, String> startupParameters) {
        if (database.equals("nodb")) {
            throw new EpochException(ErrorCode.UNDEFINED_OBJECT, "database \"nodb\" does not exist");
        }
        lastDatabase = database;
        lastStartupParameters = startupParameters;
        int pid = pids.incrementAndGet();
        FakeSession s = new FakeSession(this, pid, pid * 7919, startupParameters);
        sessions.put(pid, s);
        return s;
    }

    @Override
    public String passwordVerifier(String user) {
        String v = roles.get(user);
        if (v == null) {
            throw EpochException.of(ErrorCode.INVALID_AUTHORIZATION_SPECIFICATION, "role \"%s\" does not exist", user);
        }
        return v.isEmpty() ? null : v;
    }

    @Override
    public boolean roleCanLogin(String user) {
        return roles.containsKey(user);
    }

    @Override
    public void cancel(int processId, int secretKey) {
        FakeSession s = sessions.get(processId);
        if (s != null && s.secretKey() == secretKey) {
            s.cancel();
        }
    }

    /** Process ids of the open sessions. */
    public java.util.Set<Integer> sessions() {
        return sessions.keySet();
    }

    public FakeSession session(int pid) {
        return sessions.get(pid);
    }

    @Override
    public void close() {
        allocator.close();
    }
}
