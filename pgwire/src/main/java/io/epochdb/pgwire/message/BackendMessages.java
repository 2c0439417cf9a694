package io.epochdb.pgwire.message;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Encoders for backend messages. Each writes one complete message (type byte, length, body) at the end of the given
 * buffer, so several messages can share one buffer and one write.
 */
public final class BackendMessages {
    private BackendMessages() {
    }

    /** Writes the type and a length placeholder; returns the offset to pass to {@link #end}. */
    public static int begin(ByteBuf out, char type) {
        out.writeByte(type);
        int at = out.writerIndex();
        out.writeInt(0);
        return at;
    }

    /** Patches the length word written by {@link #begin}. */
    public static void end(ByteBuf out, int lengthAt) {
        out.setInt(lengthAt, out.writerIndex() - lengthAt);
    }

    public static void cstring(ByteBuf out, String s) {
        out.writeCharSequence(s, StandardCharsets.UTF_8);
        out.writeByte(0);
    }

    public static void authenticationOk(ByteBuf out) {
        int at = begin(out, 'R');
        out.writeInt(0);
        end(out, at);
    }

    public static void authenticationCleartextPassword(ByteBuf out) {
        int at = begin(out, 'R');
        out.writeInt(3);
        end(out, at);
    }

    public static void authenticationSasl(ByteBuf out, List<String> mechanisms) {
        int at = begin(out, 'R');
        out.writeInt(10);
        for (String m : mechanisms) {
            cstring(out, m);
        }
        out.writeByte(0);
        end(out, at);
    }

    public static void authenticationSaslContinue(ByteBuf out, byte[] data) {
        int at = begin(out, 'R');
        out.writeInt(11);
        out.writeBytes(data);
        end(out, at);
    }

    public static void authenticationSaslFinal(ByteBuf out, byte[] data) {
        int at = begin(out, 'R');
        out.writeInt(12);
        out.writeBytes(data);
        end(out, at);
    }

    public static void parameterStatus(ByteBuf out, String name, String value) {
        int at = begin(out, 'S');
        cstring(out, name);
        cstring(out, value);
        end(out, at);
    }

    public static void backendKeyData(ByteBuf out, int processId, int secretKey) {
        int at = begin(out, 'K');
        out.writeInt(processId);
        out.writeInt(secretKey);
        end(out, at);
    }

    public static void readyForQuery(ByteBuf out, char transactionStatus) {
        int at = begin(out, 'Z');
        out.writeByte(transactionStatus);
        end(out, at);
    }

    /** NegotiateProtocolVersion: the newest minor version we speak and the startup options we did not recognise. */
    public static void negotiateProtocolVersion(ByteBuf out, int newestMinor, List<String> unrecognizedOptions) {
        int at = begin(out, 'v');
        out.writeInt((3 << 16) | newestMinor);
        out.writeInt(unrecognizedOptions.size());
        for (String o : unrecognizedOptions) {
            cstring(out, o);
        }
        end(out, at);
    }

    /** One RowDescription field. */
    public record Field(String name, int tableOid, short attributeNumber, int typeOid, short typeLength, int typeModifier,
                        short format) {
    }

    public static void rowDescription(ByteBuf out, List<Field> fields) {
        int at = begin(out, 'T');
        out.writeShort(fields.size());
        for (Field f : fields) {
            cstring(out, f.name());
            out.writeInt(f.tableOid());
            out.writeShort(f.attributeNumber());
            out.writeInt(f.typeOid());
            out.writeShort(f.typeLength());
            out.writeInt(f.typeModifier());
            out.writeShort(f.format());
        }
        end(out, at);
    }

    public static void parameterDescription(ByteBuf out, int[] typeOids) {
        int at = begin(out, 't');
        out.writeShort(typeOids.length);
        for (int oid : typeOids) {
            out.writeInt(oid);
        }
        end(out, at);
    }

    public static void noData(ByteBuf out) {
        empty(out, 'n');
    }

    public static void parseComplete(ByteBuf out) {
        empty(out, '1');
    }

    public static void bindComplete(ByteBuf out) {
        empty(out, '2');
    }

    public static void closeComplete(ByteBuf out) {
        empty(out, '3');
    }

    public static void portalSuspended(ByteBuf out) {
        empty(out, 's');
    }

    public static void emptyQueryResponse(ByteBuf out) {
        empty(out, 'I');
    }

    public static void copyDone(ByteBuf out) {
        empty(out, 'c');
    }

    public static void commandComplete(ByteBuf out, String tag) {
        int at = begin(out, 'C');
        cstring(out, tag);
        end(out, at);
    }

    /** CopyInResponse ('G') or CopyOutResponse ('H'): overall format and one format code per column. */
    public static void copyResponse(ByteBuf out, char type, boolean binary, int columns) {
        int at = begin(out, type);
        out.writeByte(binary ? 1 : 0);
        out.writeShort(columns);
        for (int i = 0; i < columns; i++) {
            out.writeShort(binary ? 1 : 0);
        }
        end(out, at);
    }

    public static void copyData(ByteBuf out, byte[] data, int offset, int length) {
        int at = begin(out, 'd');
        out.writeBytes(data, offset, length);
        end(out, at);
    }

    /**
     * ErrorResponse ('E') or NoticeResponse ('N'). {@code severity} is ERROR, FATAL, NOTICE, WARNING...; null
     * optional fields are left out, as is a position of 0.
     */
    public static void errorOrNotice(ByteBuf out, char type, String severity, String sqlState, String message,
                                     String detail, String hint, int position) {
        int at = begin(out, type);
        field(out, 'S', severity);
        field(out, 'V', severity);
        field(out, 'C', sqlState);
        field(out, 'M', message);
        if (detail != null) {
            field(out, 'D', detail);
        }
        if (hint != null) {
            field(out, 'H', hint);
        }
        if (position > 0) {
            field(out, 'P', Integer.toString(position));
        }
        out.writeByte(0);
        end(out, at);
    }

    private static void field(ByteBuf out, char code, String value) {
        out.writeByte(code);
        cstring(out, value);
    }

    private static void empty(ByteBuf out, char type) {
        out.writeByte(type);
        out.writeInt(4);
    }
}
