package io.epochdb.pgwire.types;

import io.epochdb.common.types.ColumnType;
import io.epochdb.common.types.SqlType;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;

/** Decodes Bind parameter values (text or binary) into Java values per {@link SqlType}'s convention. */
public final class ParameterDecoder {
    private ParameterDecoder() {
    }

    /**
     * @param sentType the type the client encoded the value as (its declared Parse OID), or null when undeclared
     * @param targetType the statement's parameter type (declared or inferred), or null/UNKNOWN when unknown
     */
    public static Object decode(byte[] value, boolean binary, SqlType sentType, SqlType targetType, ZoneId zone) {
        if (value == null) {
            return null;
        }
        SqlType target = targetType == null || targetType == SqlType.UNKNOWN ? null : targetType;
        SqlType sent = sentType == null || sentType == SqlType.UNKNOWN ? target : sentType;
        Object v;
        if (sent == null) {
            // Untyped: PostgreSQL resolves such parameters as text.
            return new String(value, StandardCharsets.UTF_8);
        }
        if (binary) {
            v = BinaryCodec.read(Unpooled.wrappedBuffer(value), sent);
        } else {
            v = TextCodec.parse(new String(value, StandardCharsets.UTF_8), ColumnType.of(sent), zone);
        }
        if (target != null && target != sent) {
            // The client encoded another type than the statement expects: convert through the text form.
            v = TextCodec.parse(TextCodec.format(v, ColumnType.of(sent), zone), ColumnType.of(target), zone);
        }
        return v;
    }
}
