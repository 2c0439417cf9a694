package io.epochdb.planner.timescale;

import io.epochdb.planner.parse.Token;
import io.epochdb.planner.utility.TokenStream;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The storage options of CREATE TABLE ({@code WITH (tsdb.hypertable, tsdb.partition_column = 'time',
 * tsdb.chunk_interval = '1 day', fillfactor = 70)}). TimescaleDB accepts the {@code tsdb.} and
 * {@code timescaledb.} prefixes alike; options of other namespaces are accepted and ignored, as EpochDB has no
 * use for them.
 *
 * @param hypertable whether {@code tsdb.hypertable} is on
 * @param partitionColumn {@code tsdb.partition_column}, or null (the first time column is used)
 * @param chunkInterval {@code tsdb.chunk_interval} as written, or null for the default
 */
public record HypertableOptions(boolean hypertable, String partitionColumn, String chunkInterval) {
    public static final HypertableOptions NONE = new HypertableOptions(false, null, null);

    /** Reads {@code WITH (...)} if it is next, then skips the rest of the statement (TABLESPACE, PARTITION BY). */
    public static HypertableOptions parse(TokenStream ts) {
        Map<String, String> options = new LinkedHashMap<>();
        if (ts.accept("with") && ts.acceptSymbol("(")) {
            while (!ts.atEnd() && !ts.acceptSymbol(")")) {
                String name = ts.identifier();
                while (ts.acceptSymbol(".")) {
                    name = name + "." + ts.identifier();
                }
                String value = "true";
                if (ts.acceptSymbol("=")) {
                    Token v = ts.next();
                    value = v.kind() == Token.Kind.WORD || v.kind() == Token.Kind.STRING
                        || v.kind() == Token.Kind.QUOTED_IDENT ? v.value() : v.text();
                }
                options.put(canonical(name), value);
                ts.acceptSymbol(",");
            }
        }
        ts.skipToEnd();
        String on = options.get("tsdb.hypertable");
        boolean hypertable = on != null && isTrue(on);
        return new HypertableOptions(hypertable, options.get("tsdb.partition_column"), options.get("tsdb.chunk_interval"));
    }

    private static String canonical(String name) {
        return name.startsWith("timescaledb.") ? "tsdb." + name.substring("timescaledb.".length()) : name;
    }

    private static boolean isTrue(String v) {
        return switch (v.toLowerCase(java.util.Locale.ROOT)) {
            case "true", "on", "1", "yes", "t" -> true;
            default -> false;
        };
    }
}
