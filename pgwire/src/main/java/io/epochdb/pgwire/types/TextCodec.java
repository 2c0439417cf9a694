package io.epochdb.pgwire.types;

import io.epochdb.common.types.ColumnType;
import io.epochdb.exec.types.PgText;
import java.time.ZoneId;

/**
 * PostgreSQL text format of values (Java objects per {@code SqlType}'s convention). The one place pgwire reaches the
 * engine's text conversion, so output stays byte-identical to what SQL casts print.
 */
public final class TextCodec {
    private TextCodec() {
    }

    public static String format(Object value, ColumnType type, ZoneId sessionZone) {
        return PgText.format(value, type, sessionZone);
    }

    /** Parses a text-format value; failures are {@code EpochException}s with PostgreSQL's SQLSTATE (22P02...). */
    public static Object parse(String text, ColumnType type, ZoneId sessionZone) {
        return PgText.parse(text, type, sessionZone);
    }
}
