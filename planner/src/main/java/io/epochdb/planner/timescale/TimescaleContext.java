package io.epochdb.planner.timescale;

import io.epochdb.common.types.ColumnType;
import io.epochdb.planner.parse.Token;
import io.epochdb.storage.Storage;
import io.epochdb.storage.catalog.TableDef;
import java.time.ZoneId;
import java.util.List;

/** What the hypertable functions need from the session running them. */
public interface TimescaleContext {
    Storage storage();

    /** Queues a notice for the client, as {@code "NOTICE:<sqlstate>:<message>"}. */
    void notice(String severityCodeMessage);

    /** Evaluates a constant SQL expression (it may use parameters and now()). */
    Value evaluate(List<Token> expression);

    /** The table a regclass argument names: an OID (Number) or a possibly qualified name (text); 42P01. */
    TableDef relation(Object regclass);

    /** Statement time, microseconds since the epoch (what now() returns). */
    long nowMicros();

    ZoneId zone();

    /** A constant's value (per {@code SqlType}'s Java convention) and its type; type is null for NULL. */
    record Value(Object value, ColumnType type) {
        public boolean isNull() {
            return value == null;
        }
    }
}
