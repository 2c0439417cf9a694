package io.epochdb.planner;

import io.epochdb.common.types.ColumnType;
import io.epochdb.exec.batch.Batch;
import io.epochdb.exec.types.PgText;
import io.epochdb.storage.vector.ArrowTypes;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Runs SQL through a real Engine and Session the way pgwire's simple protocol does, rendering rows as text. */
public final class SqlRunner implements AutoCloseable {
    private final Engine engine;
    private final Session session;

    public SqlRunner(Path dir) {
        this.engine = Engine.open(dir);
        this.session = engine.openSession("postgres", "postgres", Map.of());
    }

    public Session session() {
        return session;
    }

    /** Runs every statement; returns the last one's rows as text (values joined by '|'), or its tag. */
    public List<String> run(String sql) {
        List<String> out = new ArrayList<>();
        for (Statement st : session.parse(sql)) {
            out.clear();
            if (st.isEmpty()) {
                continue;
            }
            Prepared p = session.prepare(st, List.of());
            try (QueryResult r = session.execute(p, List.of())) {
                Batch b;
                while ((b = r.next()) != null) {
                    try (Batch owned = b) {
                        for (int row = 0; row < b.rowCount(); row++) {
                            StringBuilder sb = new StringBuilder();
                            for (int c = 0; c < b.columnCount(); c++) {
                                ColumnType t = r.columns().get(c).type();
                                Object v = ArrowTypes.get(b.column(c), row, t.type());
                                if (c > 0) {
                                    sb.append('|');
                                }
                                sb.append(v == null ? "NULL" : PgText.format(v, t, ZoneId.of(session.setting("TimeZone"))));
                            }
                            out.add(sb.toString());
                        }
                    }
                }
                if (r.kind() != QueryResult.Kind.ROWS) {
                    out.add(r.commandTag());
                }
            }
        }
        return out;
    }

    public String one(String sql) {
        List<String> rows = run(sql);
        return rows.isEmpty() ? null : rows.get(0);
    }

    @Override
    public void close() {
        session.close();
        engine.close();
    }
}
