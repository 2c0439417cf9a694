package io.epochdb.bench;

import io.epochdb.exec.batch.Batch;
import io.epochdb.planner.Engine;
import io.epochdb.planner.Prepared;
import io.epochdb.planner.QueryResult;
import io.epochdb.planner.Session;
import io.epochdb.planner.Statement;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Measures how long planning a typical dashboard query takes once warm (parse, validate, convert, optimize), and how
 * long planning plus executing it takes on a small table. Run:
 * {@code mvn -q -DskipTests package && java --add-opens=java.base/java.nio=ALL-UNNAMED -cp "bench/target/classes:$(cat bench/target/classpath.txt)" io.epochdb.bench.PlanningBench}
 * or through {@code bench/run-planning.sh}.
 */
public final class PlanningBench {
    private static final String DASHBOARD = "SELECT time_bucket('5 minutes', time) AS bucket, hostname, avg(usage_user), "
        + "max(usage_system) FROM cpu WHERE time > now() - interval '1 hour' AND hostname IN ('h1', 'h2', 'h3') "
        + "GROUP BY 1, 2 ORDER BY 1, 2";

    private PlanningBench() {
    }

    public static void main(String[] args) throws Exception {
        int warmup = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        Path dir = Files.createTempDirectory("epochdb-bench");
        try (Engine engine = Engine.open(dir); Session s = engine.openSession("postgres", "postgres", Map.of())) {
            run(s, "CREATE TABLE cpu (time timestamptz NOT NULL, hostname text, usage_user double precision, usage_system double precision)");
            run(s, "INSERT INTO cpu SELECT now() - (x * interval '1 second'), 'h' || (x % 10), x % 100, x % 7 FROM generate_series(1, 10000) AS t(x)");
            // a distinct comment per run defeats the plan cache, so this times real planning
            for (int i = 0; i < warmup; i++) {
                s.prepare(s.parse(DASHBOARD + " -- w" + i).get(0), List.of());
            }
            List<Long> plan = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                Statement fresh = s.parse(DASHBOARD + " -- r" + i).get(0);
                long t0 = System.nanoTime();
                s.prepare(fresh, List.of());
                plan.add(System.nanoTime() - t0);
            }
            Statement st = s.parse(DASHBOARD).get(0);
            s.prepare(st, List.of());
            List<Long> cached = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                long t0 = System.nanoTime();
                s.prepare(st, List.of());
                cached.add(System.nanoTime() - t0);
            }
            Prepared p = s.prepare(st, List.of());
            List<Long> exec = new ArrayList<>();
            for (int i = 0; i < Math.min(runs, 500); i++) {
                long t0 = System.nanoTime();
                drain(s.execute(p, List.of()));
                exec.add(System.nanoTime() - t0);
            }
            System.out.printf("dashboard query plan:    median %.3f ms, p90 %.3f ms, min %.3f ms (%d runs after %d warm-up)%n",
                pct(plan, 50), pct(plan, 90), pct(plan, 0), runs, warmup);
            System.out.printf("same query text again (plan cache): median %.3f ms%n", pct(cached, 50));
            System.out.printf("prepared execute (10k rows): median %.3f ms, p90 %.3f ms%n", pct(exec, 50), pct(exec, 90));
        }
    }

    private static void run(Session s, String sql) {
        for (Statement st : s.parse(sql)) {
            drain(s.execute(s.prepare(st, List.of()), List.of()));
        }
    }

    private static void drain(QueryResult r) {
        try (r) {
            Batch b;
            while ((b = r.next()) != null) {
                b.close();
            }
        }
    }

    private static double pct(List<Long> v, int p) {
        List<Long> sorted = new ArrayList<>(v);
        Collections.sort(sorted);
        int i = Math.min(sorted.size() - 1, (int) Math.round(p / 100.0 * (sorted.size() - 1)));
        return sorted.get(i) / 1e6;
    }
}
