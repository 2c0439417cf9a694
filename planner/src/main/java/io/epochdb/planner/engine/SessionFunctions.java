package io.epochdb.planner.engine;

import io.epochdb.common.ErrorCode;
import io.epochdb.common.EpochException;
import io.epochdb.exec.ExecContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Functions the planner evaluates itself because they read the session or the catalog: version(),
 * current_setting(), nextval(), pg_sleep() ... Catalog-introspection functions for clients are added by
 * {@link CatalogFunctions}.
 */
final class SessionFunctions {
    private final SessionImpl session;
    private final Map<String, Function<Object[], Object>> functions = new HashMap<>();

    SessionFunctions(SessionImpl session) {
        this.session = session;
        functions.put("version", a -> "PostgreSQL 15.0 (EpochDB 0.1) on x86_64-pc-linux-gnu, compiled by javac 17, 64-bit");
        functions.put("current_database", a -> session.database);
        functions.put("current_catalog", a -> session.database);
        functions.put("current_schema", a -> {
            List<String> s = session.schemaSearchList();
            return s.isEmpty() ? null : s.get(0);
        });
        functions.put("current_schemas", a -> {
            List<String> s = new java.util.ArrayList<>();
            if (Boolean.TRUE.equals(a[0])) {
                s.add("pg_catalog");
            }
            s.addAll(session.schemaSearchList());
            return s;
        });
        functions.put("current_user", a -> session.user);
        functions.put("user", a -> session.user);
        functions.put("session_user", a -> session.user);
        functions.put("current_role", a -> session.user);
        functions.put("current_setting", a -> {
            String name = (String) a[0];
            if (a.length > 1 && Boolean.TRUE.equals(a[1])) {
                return session.settings.get(name);
            }
            return session.settings.show(name);
        });
        functions.put("set_config", a -> {
            session.settings.set((String) a[0], (String) a[1], Boolean.TRUE.equals(a[2]) && session.inBlock());
            return session.settings.get((String) a[0]);
        });
        functions.put("pg_backend_pid", a -> session.processId());
        functions.put("pg_postmaster_start_time", a -> session.engine.startMicros());
        functions.put("txid_current", a -> System.nanoTime() & 0xffffffffL);
        functions.put("pg_sleep", a -> {
            sleep(a[0] == null ? 0 : ((Number) a[0]).doubleValue());
            return null;
        });
        functions.put("nextval", a -> session.engine.sequence(sequenceName(a[0])).incrementAndGet());
        functions.put("currval", a -> session.engine.sequence(sequenceName(a[0])).get());
        functions.put("setval", a -> {
            long v = ((Number) a[1]).longValue();
            session.engine.sequence(sequenceName(a[0])).set(v);
            return v;
        });
        CatalogFunctions.register(session, functions);
        TimescaleStatements.registerScalars(session, functions);
    }

    private static String sequenceName(Object arg) {
        String s = String.valueOf(arg);
        int dot = s.lastIndexOf('.');
        return dot >= 0 ? s.substring(dot + 1) : s;
    }

    /** pg_sleep: sleeps in short steps so that cancel and statement_timeout interrupt it. */
    private void sleep(double seconds) {
        long end = System.nanoTime() + (long) (seconds * 1e9);
        ExecContext ctx = session.currentContext;
        while (System.nanoTime() < end) {
            if (ctx != null) {
                ctx.checkCancelled();
            }
            try {
                Thread.sleep(Math.max(1, Math.min(10, (end - System.nanoTime()) / 1_000_000)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new EpochException(ErrorCode.QUERY_CANCELED, "canceling statement due to user request");
            }
        }
    }

    Map<String, Function<Object[], Object>> all() {
        return functions;
    }
}
