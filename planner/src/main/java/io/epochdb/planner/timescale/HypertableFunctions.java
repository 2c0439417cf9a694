package io.epochdb.planner.timescale;

import io.epochdb.common.EpochException;
import io.epochdb.common.ErrorCode;
import io.epochdb.common.types.ColumnType;
import io.epochdb.common.types.SqlType;
import io.epochdb.exec.types.PgText;
import io.epochdb.planner.ResultColumn;
import io.epochdb.storage.catalog.Catalog;
import io.epochdb.storage.catalog.ColumnDef;
import io.epochdb.storage.catalog.HypertableDef;
import io.epochdb.storage.catalog.TableDef;
import io.epochdb.storage.table.ChunkInfo;
import io.epochdb.storage.table.ChunkedTable;
import io.epochdb.storage.table.Table;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * TimescaleDB's hypertable functions. {@link #columns} says what a call statement returns (for Describe, before it
 * runs); {@link #run} runs it. Names, parameter names, defaults, result columns, notices and errors follow
 * TimescaleDB 2.x.
 */
public final class HypertableFunctions {
    /** Functions recognised as whole statements ({@code SELECT fn(...)}, {@code SELECT * FROM fn(...)}). */
    public static final Set<String> STATEMENT_FUNCTIONS = Set.of("create_hypertable", "set_chunk_time_interval",
        "show_chunks", "drop_chunks", "hypertable_size", "hypertable_detailed_size", "chunks_detailed_size",
        "approximate_row_count");

    /** The set-returning ones with a single column, which may also appear in the select list before ORDER BY / LIMIT. */
    public static final Set<String> SET_FUNCTIONS = Set.of("show_chunks", "drop_chunks");

    /** Bytes we count per index (as pg_indexes_size does in EpochDB: indexes live in table memory). */
    private static final long INDEX_BYTES = 8192L;

    private static final Signature CREATE_HYPERTABLE = new Signature("create_hypertable", 2, "relation",
        "time_column_name", "partitioning_column", "number_partitions", "associated_schema_name",
        "associated_table_prefix", "chunk_time_interval", "create_default_indexes", "if_not_exists",
        "partitioning_func", "migrate_data", "chunk_target_size", "chunk_sizing_func", "time_partitioning_func")
        .alias("main_table", "relation");
    private static final Signature CREATE_HYPERTABLE_GENERAL = new Signature("create_hypertable", 2, "relation",
        "dimension", "create_default_indexes", "if_not_exists", "migrate_data");
    private static final Signature BY_RANGE = new Signature("by_range", 1, "column_name", "partition_interval",
        "partition_func");
    private static final Signature SET_CHUNK_TIME_INTERVAL = new Signature("set_chunk_time_interval", 2,
        "hypertable", "chunk_time_interval", "dimension_name").alias("main_table", "hypertable");
    private static final Signature SHOW_CHUNKS = new Signature("show_chunks", 1, "relation", "older_than",
        "newer_than", "created_before", "created_after").alias("hypertable", "relation");
    private static final Signature DROP_CHUNKS = new Signature("drop_chunks", 1, "relation", "older_than",
        "newer_than", "verbose", "created_before", "created_after").alias("hypertable", "relation");
    private static final Signature ONE_HYPERTABLE = new Signature("hypertable_size", 1, "hypertable");
    private static final Signature ONE_RELATION = new Signature("approximate_row_count", 1, "relation");

    private record Field(String name, SqlType type) {
    }

    private static final List<Field> CREATE_FIELDS = List.of(new Field("hypertable_id", SqlType.INT4),
        new Field("schema_name", SqlType.NAME), new Field("table_name", SqlType.NAME), new Field("created", SqlType.BOOL));
    private static final List<Field> CREATE_GENERAL_FIELDS = List.of(new Field("hypertable_id", SqlType.INT4),
        new Field("created", SqlType.BOOL));
    private static final List<Field> DETAILED_SIZE_FIELDS = List.of(new Field("table_bytes", SqlType.INT8),
        new Field("index_bytes", SqlType.INT8), new Field("toast_bytes", SqlType.INT8),
        new Field("total_bytes", SqlType.INT8), new Field("node_name", SqlType.NAME));
    private static final List<Field> CHUNKS_SIZE_FIELDS = List.of(new Field("chunk_schema", SqlType.NAME),
        new Field("chunk_name", SqlType.NAME), new Field("table_bytes", SqlType.INT8),
        new Field("index_bytes", SqlType.INT8), new Field("toast_bytes", SqlType.INT8),
        new Field("total_bytes", SqlType.INT8), new Field("node_name", SqlType.NAME));

    /** Rows a call returned, with its columns. */
    public record Result(List<ResultColumn> columns, List<List<Object>> rows) {
        public Result {
            columns = List.copyOf(columns);
            rows = List.copyOf(rows);
        }
    }

    private HypertableFunctions() {
    }

    /** The result columns of a call statement (known before it runs). */
    public static List<ResultColumn> columns(CallStatement s) {
        List<Field> fields = fields(s.call());
        String fn = s.call().name();
        List<ResultColumn> out = new ArrayList<>();
        if (fields.size() == 1) {
            // a scalar result is one column named after the function (or the alias) in both forms
            out.add(ResultColumn.of(s.alias() != null ? s.alias() : fn, ColumnType.of(fields.get(0).type())));
        } else if (s.fromClause()) {
            for (Field f : fields) {
                out.add(ResultColumn.of(f.name(), ColumnType.of(f.type())));
            }
        } else {
            out.add(ResultColumn.of(s.alias() != null ? s.alias() : fn, ColumnType.of(SqlType.RECORD)));
        }
        return out;
    }

    /** Runs a call statement. */
    public static Result run(CallStatement s, TimescaleContext ctx) {
        List<Field> fields = fields(s.call());
        List<List<Object>> rows = switch (s.call().name()) {
            case "create_hypertable" -> List.of(createHypertable(s.call(), ctx));
            case "set_chunk_time_interval" -> {
                setChunkTimeInterval(s.call(), ctx);
                yield List.of(Arrays.asList(""));
            }
            case "show_chunks" -> single(showChunks(s.call(), ctx));
            case "drop_chunks" -> single(dropChunks(s.call(), ctx));
            case "hypertable_size" -> single(Collections.singletonList(
                hypertableSize(ctx, ONE_HYPERTABLE.bind(s.call()), "hypertable")));
            case "approximate_row_count" -> single(Collections.singletonList(
                approximateRowCount(ctx, evaluate(ctx, ONE_RELATION.bind(s.call()).get("relation")).value())));
            case "hypertable_detailed_size" -> detailedSize(ctx, ONE_HYPERTABLE.bind(s.call()));
            case "chunks_detailed_size" -> chunksDetailedSize(ctx, ONE_HYPERTABLE.bind(s.call()));
            default -> throw new IllegalStateException("not a hypertable function: " + s.call().name());
        };
        List<ResultColumn> columns = columns(s);
        if (fields.size() > 1 && !s.fromClause()) {
            List<ColumnType> types = fields.stream().map(f -> ColumnType.of(f.type())).toList();
            List<List<Object>> records = new ArrayList<>();
            for (List<Object> r : rows) {
                records.add(List.of(RecordText.format(r, types, ctx.zone())));
            }
            rows = records;
        }
        return new Result(columns, rows);
    }

    private static List<Field> fields(FunctionCall call) {
        return switch (call.name()) {
            case "create_hypertable" -> isGeneral(call) ? CREATE_GENERAL_FIELDS : CREATE_FIELDS;
            case "set_chunk_time_interval" -> List.of(new Field("set_chunk_time_interval", SqlType.VOID));
            // regclass results are printed by name: EpochDB's chunks have no OIDs of their own
            case "show_chunks" -> List.of(new Field("show_chunks", SqlType.TEXT));
            case "drop_chunks" -> List.of(new Field("drop_chunks", SqlType.TEXT));
            case "hypertable_size" -> List.of(new Field("hypertable_size", SqlType.INT8));
            case "approximate_row_count" -> List.of(new Field("approximate_row_count", SqlType.INT8));
            case "hypertable_detailed_size" -> DETAILED_SIZE_FIELDS;
            case "chunks_detailed_size" -> CHUNKS_SIZE_FIELDS;
            default -> throw new IllegalStateException("not a hypertable function: " + call.name());
        };
    }

    /** The by_range form: {@code create_hypertable(relation, by_range(...))} or {@code dimension => ...}. */
    private static boolean isGeneral(FunctionCall call) {
        for (FunctionCall.Arg a : call.args()) {
            if (a.nested() != null || "dimension".equals(a.name())) {
                return true;
            }
        }
        return false;
    }

    private static List<List<Object>> single(List<?> values) {
        List<List<Object>> rows = new ArrayList<>();
        for (Object v : values) {
            rows.add(Collections.singletonList(v));
        }
        return rows;
    }

    // --- create_hypertable ----------------------------------------------------------------------------------

    private static List<Object> createHypertable(FunctionCall call, TimescaleContext ctx) {
        boolean general = isGeneral(call);
        Map<String, FunctionCall.Arg> args = (general ? CREATE_HYPERTABLE_GENERAL : CREATE_HYPERTABLE).bind(call);
        TableDef table = relationArg(ctx, args, "relation");
        String column;
        TimescaleContext.Value interval;
        if (general) {
            FunctionCall.Arg dim = args.get("dimension");
            if (dim.nested() == null) {
                throw new EpochException(ErrorCode.FEATURE_NOT_SUPPORTED,
                    "the dimension argument must be by_range(...) or by_hash(...)");
            }
            if (!dim.nested().name().equals("by_range")) {
                throw new EpochException(ErrorCode.FEATURE_NOT_SUPPORTED,
                    "cannot partition using a closed dimension on primary column", null,
                    "Use range partitioning on the primary column.", 0, null);
            }
            Map<String, FunctionCall.Arg> range = BY_RANGE.bind(dim.nested());
            column = nameArg(ctx, range, "column_name");
            interval = optional(ctx, range, "partition_interval");
        } else {
            column = nameArg(ctx, args, "time_column_name");
            interval = optional(ctx, args, "chunk_time_interval");
        }
        boolean ifNotExists = boolArg(ctx, args, "if_not_exists", false);
        boolean migrateData = boolArg(ctx, args, "migrate_data", false);
        Catalog catalog = ctx.storage().catalog();
        // the catalog checks the column (existence, type) in TimescaleDB's order; its type only picks the interval unit
        Optional<ColumnDef> col = table.column(column);
        SqlType type = col.map(c -> c.type().type()).orElse(SqlType.TIMESTAMPTZ);
        Optional<HypertableDef> existing = catalog.hypertable(table.oid());
        if (existing.isPresent()) {
            if (!ifNotExists) {
                throw EpochException.of(ErrorCode.TS_HYPERTABLE_EXISTS, "table \"%s\" is already a hypertable", table.name());
            }
            ctx.notice("NOTICE:00000:table \"" + table.name() + "\" is already a hypertable, skipping");
            return createdRow(general, existing.get(), table, false);
        }
        long chunkInterval = TimeValues.isTimeType(type) || TimeValues.isIntegerType(type)
            ? TimeValues.chunkInterval(interval, type) : TimeValues.DEFAULT_CHUNK_INTERVAL;
        HypertableDef def = catalog.createHypertable(table.oid(), column, chunkInterval, ifNotExists, migrateData);
        if (col.isPresent() && !col.get().notNull()) {
            // the catalog made the column NOT NULL; TimescaleDB says so ("Dimensions cannot have NULL values.")
            ctx.notice("NOTICE:00000:adding not-null constraint to column \"" + column + "\"");
        }
        return createdRow(general, def, table, true);
    }

    private static List<Object> createdRow(boolean general, HypertableDef def, TableDef table, boolean created) {
        return general ? Arrays.asList(def.id(), created)
            : Arrays.asList(def.id(), table.schema(), table.name(), created);
    }

    /** CREATE TABLE ... WITH (tsdb.hypertable, ...): makes the new, empty table a hypertable. */
    public static HypertableDef createFromTableOptions(TimescaleContext ctx, TableDef table, String partitionColumn,
                                                       String chunkInterval) {
        String column = partitionColumn;
        if (column == null) {
            for (ColumnDef c : table.columns()) {
                if (TimeValues.isTimeType(c.type().type())) {
                    column = c.name();
                    break;
                }
            }
            if (column == null) {
                throw new EpochException(ErrorCode.INVALID_PARAMETER_VALUE, "partition column could not be determined",
                    null, "Use \"timescaledb.partition_column\" to specify the column to use as partitioning column.",
                    0, null);
            }
        }
        SqlType type = table.column(column).map(c -> c.type().type()).orElse(SqlType.TIMESTAMPTZ);
        TimescaleContext.Value interval = chunkInterval == null ? null
            : new TimescaleContext.Value(chunkInterval, ColumnType.of(SqlType.UNKNOWN));
        long width = TimeValues.isTimeType(type) || TimeValues.isIntegerType(type)
            ? TimeValues.chunkInterval(interval, type) : TimeValues.DEFAULT_CHUNK_INTERVAL;
        return ctx.storage().catalog().createHypertable(table.oid(), column, width, false, false);
    }

    // --- set_chunk_time_interval ------------------------------------------------------------------------------

    private static void setChunkTimeInterval(FunctionCall call, TimescaleContext ctx) {
        Map<String, FunctionCall.Arg> args = SET_CHUNK_TIME_INTERVAL.bind(call);
        TableDef table = relationArg(ctx, args, "hypertable");
        HypertableDef ht = hypertable(ctx, table);
        TimescaleContext.Value v = evaluate(ctx, args.get("chunk_time_interval"));
        if (v.isNull()) {
            throw TsErrors.nullArgument("chunk_time_interval");
        }
        ctx.storage().catalog().setChunkTimeInterval(table.oid(), TimeValues.chunkInterval(v, ht.timeType()));
    }

    // --- show_chunks / drop_chunks ----------------------------------------------------------------------------

    private static List<String> showChunks(FunctionCall call, TimescaleContext ctx) {
        Map<String, FunctionCall.Arg> args = SHOW_CHUNKS.bind(call);
        TableDef table = relationArg(ctx, args, "relation");
        HypertableDef ht = hypertable(ctx, table);
        Long[] bounds = bounds(ctx, args, ht);
        rejectCreationTimeBounds(ctx, args);
        List<String> out = new ArrayList<>();
        for (ChunkInfo c : chunks(ctx, table)) {
            boolean older = bounds[0] == null || c.rangeEnd() <= bounds[0];
            boolean newer = bounds[1] == null || c.rangeStart() >= bounds[1];
            if (older && newer) {
                out.add(c.schema() + "." + c.name());
            }
        }
        return out;
    }

    private static List<String> dropChunks(FunctionCall call, TimescaleContext ctx) {
        Map<String, FunctionCall.Arg> args = DROP_CHUNKS.bind(call);
        TableDef table = relationArg(ctx, args, "relation");
        HypertableDef ht = hypertable(ctx, table);
        Long[] bounds = bounds(ctx, args, ht);
        rejectCreationTimeBounds(ctx, args);
        if (bounds[0] == null && bounds[1] == null) {
            throw TsErrors.noDropBounds();
        }
        Table data = ctx.storage().table(table.oid());
        List<String> out = new ArrayList<>();
        if (data instanceof ChunkedTable chunked) {
            for (ChunkInfo c : chunked.dropChunks(bounds[0], bounds[1])) {
                out.add(c.schema() + "." + c.name());
            }
        }
        return out;
    }

    /** [older_than, newer_than] in the hypertable's internal unit. */
    private static Long[] bounds(TimescaleContext ctx, Map<String, FunctionCall.Arg> args, HypertableDef ht) {
        Long older = TimeValues.bound(optional(ctx, args, "older_than"), ht.timeType(), ctx);
        Long newer = TimeValues.bound(optional(ctx, args, "newer_than"), ht.timeType(), ctx);
        if (older != null && newer != null && older <= newer) {
            throw new EpochException(ErrorCode.INVALID_PARAMETER_VALUE, "invalid time range", null,
                "When both older_than and newer_than are specified, older_than must refer to a time that is greater "
                    + "than newer_than so that a valid overlapping range is specified.", 0, null);
        }
        return new Long[] {older, newer};
    }

    private static void rejectCreationTimeBounds(TimescaleContext ctx, Map<String, FunctionCall.Arg> args) {
        for (String p : List.of("created_before", "created_after")) {
            TimescaleContext.Value v = optional(ctx, args, p);
            if (v != null && !v.isNull()) {
                throw new EpochException(ErrorCode.FEATURE_NOT_SUPPORTED, p + " is not supported");
            }
        }
    }

    /** A hypertable's chunks; empty while its storage is not chunked. */
    static List<ChunkInfo> chunks(TimescaleContext ctx, TableDef table) {
        Table data = ctx.storage().table(table.oid());
        return data instanceof ChunkedTable chunked ? chunked.chunks() : List.of();
    }

    // --- sizes -------------------------------------------------------------------------------------------------

    /** hypertable_size: total bytes of a hypertable, NULL for any other relation. */
    public static Long hypertableSize(TimescaleContext ctx, Object regclass) {
        if (regclass == null) {
            return null;
        }
        TableDef table = ctx.relation(regclass);
        if (ctx.storage().catalog().hypertable(table.oid()).isEmpty()) {
            return null;
        }
        long[] sizes = sizes(ctx, table);
        return sizes[0] + sizes[1];
    }

    private static Long hypertableSize(TimescaleContext ctx, Map<String, FunctionCall.Arg> args, String param) {
        return hypertableSize(ctx, evaluate(ctx, args.get(param)).value());
    }

    /** approximate_row_count: live rows of any table (hypertable or not). */
    public static Long approximateRowCount(TimescaleContext ctx, Object regclass) {
        if (regclass == null) {
            return null;
        }
        TableDef table = ctx.relation(regclass);
        if (table.isView()) {
            return 0L;
        }
        return ctx.storage().table(table.oid()).approximateRowCount();
    }

    private static List<List<Object>> detailedSize(TimescaleContext ctx, Map<String, FunctionCall.Arg> args) {
        Object rel = evaluate(ctx, args.get("hypertable")).value();
        if (rel == null) {
            return List.of();
        }
        TableDef table = ctx.relation(rel);
        if (ctx.storage().catalog().hypertable(table.oid()).isEmpty()) {
            return List.of();
        }
        long[] s = sizes(ctx, table);
        return List.of(Arrays.asList(s[0], s[1], 0L, s[0] + s[1], null));
    }

    private static List<List<Object>> chunksDetailedSize(TimescaleContext ctx, Map<String, FunctionCall.Arg> args) {
        Object rel = evaluate(ctx, args.get("hypertable")).value();
        if (rel == null) {
            return List.of();
        }
        TableDef table = ctx.relation(rel);
        if (ctx.storage().catalog().hypertable(table.oid()).isEmpty()) {
            return List.of();
        }
        long indexBytes = INDEX_BYTES * ctx.storage().catalog().indexes(table.oid()).size();
        List<List<Object>> rows = new ArrayList<>();
        for (ChunkInfo c : chunks(ctx, table)) {
            long tableBytes = c.diskBytes() + c.memoryBytes();
            rows.add(Arrays.asList(c.schema(), c.name(), tableBytes, indexBytes, 0L, tableBytes + indexBytes,
                null));
        }
        return rows;
    }

    /** [table bytes, index bytes] of a table's data. */
    private static long[] sizes(TimescaleContext ctx, TableDef table) {
        long tableBytes = ctx.storage().table(table.oid()).sizeBytes();
        long indexBytes = INDEX_BYTES * ctx.storage().catalog().indexes(table.oid()).size();
        return new long[] {tableBytes, indexBytes};
    }

    // --- arguments ---------------------------------------------------------------------------------------------

    private static TimescaleContext.Value evaluate(TimescaleContext ctx, FunctionCall.Arg arg) {
        return ctx.evaluate(arg.tokens());
    }

    private static TimescaleContext.Value optional(TimescaleContext ctx, Map<String, FunctionCall.Arg> args, String p) {
        FunctionCall.Arg a = args.get(p);
        return a == null ? null : evaluate(ctx, a);
    }

    private static TableDef relationArg(TimescaleContext ctx, Map<String, FunctionCall.Arg> args, String p) {
        TimescaleContext.Value v = evaluate(ctx, args.get(p));
        if (v.isNull()) {
            throw TsErrors.nullArgument(p);
        }
        return ctx.relation(v.value());
    }

    private static String nameArg(TimescaleContext ctx, Map<String, FunctionCall.Arg> args, String p) {
        TimescaleContext.Value v = evaluate(ctx, args.get(p));
        if (v.isNull()) {
            throw TsErrors.nullArgument(p);
        }
        return v.value().toString();
    }

    private static boolean boolArg(TimescaleContext ctx, Map<String, FunctionCall.Arg> args, String p, boolean dflt) {
        TimescaleContext.Value v = optional(ctx, args, p);
        if (v == null || v.isNull()) {
            return dflt;
        }
        if (v.value() instanceof Boolean b) {
            return b;
        }
        return PgText.parseBool(v.value().toString());
    }

    private static HypertableDef hypertable(TimescaleContext ctx, TableDef table) {
        Objects.requireNonNull(table, "table");
        return ctx.storage().catalog().hypertable(table.oid()).orElseThrow(() -> TsErrors.notHypertable(table.name()));
    }
}
