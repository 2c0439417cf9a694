package io.epochdb.planner.catalog;

import static io.epochdb.planner.catalog.TableSpec.row;

import io.epochdb.common.types.Interval;
import io.epochdb.common.types.SqlType;
import io.epochdb.storage.catalog.Catalog;
import io.epochdb.storage.catalog.HypertableDef;
import io.epochdb.storage.catalog.TableDef;
import io.epochdb.storage.table.ChunkInfo;
import io.epochdb.storage.table.ChunkedTable;
import io.epochdb.storage.table.Table;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * TimescaleDB 2.x's {@code timescaledb_information} views over hypertables (hypertables, dimensions, chunks), with
 * TimescaleDB's column names and order, and the extension's schemas as {@code pg_namespace} shows them.
 * regtype columns are declared text holding the type's name, which is what regtype prints.
 */
final class TimescaleInformationTables {
    private TimescaleInformationTables() {
    }

    static final String SCHEMA = "timescaledb_information";

    /** The schemas CREATE EXTENSION timescaledb makes, with the OIDs pg_namespace shows for them. */
    static final Map<String, Integer> EXTENSION_SCHEMAS = extensionSchemas();

    private static Map<String, Integer> extensionSchemas() {
        Map<String, Integer> m = new LinkedHashMap<>();
        int oid = 13601;
        for (String s : List.of("_timescaledb_catalog", "_timescaledb_functions", "_timescaledb_internal",
            "_timescaledb_cache", "_timescaledb_config", "_timescaledb_debug", "timescaledb_experimental",
            "timescaledb_information")) {
            m.put(s, oid++);
        }
        return java.util.Collections.unmodifiableMap(m);
    }

    private static TableSpec t(String name) {
        return new TableSpec(SCHEMA, name);
    }

    static void register(SystemCatalog sys) {
        sys.add(t("hypertables").col("hypertable_schema", SqlType.NAME).col("hypertable_name", SqlType.NAME)
            .col("owner", SqlType.NAME).col("num_dimensions", SqlType.INT2).col("num_chunks", SqlType.INT8)
            .col("compression_enabled", SqlType.BOOL).col("tablespaces", SqlType.TEXT_ARRAY)
            .col("primary_dimension", SqlType.NAME).col("primary_dimension_type", SqlType.TEXT), true, s -> {
                List<List<Object>> out = new ArrayList<>();
                for (Hypertable h : hypertables(s)) {
                    out.add(row(h.table.schema(), h.table.name(), h.table.owner(), 1, chunks(s, h).size(), false, null,
                        h.def.timeColumn(), typeName(h.def.timeType())));
                }
                return out;
            });
        sys.add(t("dimensions").col("hypertable_schema", SqlType.NAME).col("hypertable_name", SqlType.NAME)
            .col("dimension_number", SqlType.INT8).col("column_name", SqlType.NAME).col("column_type", SqlType.TEXT)
            .col("dimension_type", SqlType.TEXT).col("time_interval", SqlType.INTERVAL)
            .col("integer_interval", SqlType.INT8).col("integer_now_func", SqlType.NAME)
            .col("num_partitions", SqlType.INT2), true, s -> {
                List<List<Object>> out = new ArrayList<>();
                for (Hypertable h : hypertables(s)) {
                    boolean integer = h.def.integerTime();
                    long width = h.def.chunkInterval();
                    out.add(row(h.table.schema(), h.table.name(), 1, h.def.timeColumn(), typeName(h.def.timeType()),
                        "Time", integer ? null : asInterval(width), integer ? width : null, null, null));
                }
                return out;
            });
        sys.add(t("chunks").col("hypertable_schema", SqlType.NAME).col("hypertable_name", SqlType.NAME)
            .col("chunk_schema", SqlType.NAME).col("chunk_name", SqlType.NAME).col("primary_dimension", SqlType.NAME)
            .col("primary_dimension_type", SqlType.TEXT).col("range_start", SqlType.TIMESTAMPTZ)
            .col("range_end", SqlType.TIMESTAMPTZ).col("range_start_integer", SqlType.INT8)
            .col("range_end_integer", SqlType.INT8).col("is_compressed", SqlType.BOOL)
            .col("chunk_tablespace", SqlType.NAME).col("chunk_creation_time", SqlType.TIMESTAMPTZ), true, s -> {
                List<List<Object>> out = new ArrayList<>();
                for (Hypertable h : hypertables(s)) {
                    boolean integer = h.def.integerTime();
                    for (ChunkInfo c : chunks(s, h)) {
                        out.add(row(h.table.schema(), h.table.name(), c.schema(), c.name(), h.def.timeColumn(),
                            typeName(h.def.timeType()), integer ? null : c.rangeStart(), integer ? null : c.rangeEnd(),
                            integer ? c.rangeStart() : null, integer ? c.rangeEnd() : null, false, null, null));
                    }
                }
                return out;
            });
    }

    /** pg_namespace rows for the extension's schemas the storage catalog does not hold itself. */
    static List<List<Object>> namespaceRows(Catalog c) {
        List<List<Object>> out = new ArrayList<>();
        for (Map.Entry<String, Integer> e : EXTENSION_SCHEMAS.entrySet()) {
            if (c.schema(e.getKey()).isEmpty()) {
                out.add(row(e.getValue(), e.getKey(), Oids.BOOTSTRAP_SUPERUSER, null));
            }
        }
        return out;
    }

    private record Hypertable(HypertableDef def, TableDef table) {
    }

    private static List<Hypertable> hypertables(CatalogSession s) {
        Catalog c = s.context().storage().catalog();
        List<Hypertable> out = new ArrayList<>();
        for (HypertableDef h : c.hypertables()) {
            Optional<TableDef> t = c.byOid(h.tableOid());
            t.ifPresent(table -> out.add(new Hypertable(h, table)));
        }
        return out;
    }

    private static List<ChunkInfo> chunks(CatalogSession s, Hypertable h) {
        try {
            Table data = s.context().storage().table(h.table.oid());
            return data instanceof ChunkedTable chunked ? chunked.chunks() : List.of();
        } catch (RuntimeException e) {
            return List.of(); // dropped while we looked
        }
    }

    private static String typeName(SqlType t) {
        return PgTypes.formatType(t.oid(), null);
    }

    /** Chunk widths print as whole days plus the rest, as TimescaleDB's to_interval does. */
    private static Interval asInterval(long micros) {
        return new Interval(0, (int) (micros / Interval.MICROS_PER_DAY), micros % Interval.MICROS_PER_DAY);
    }
}
