package io.epochdb.pgwire.testing;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One backend message as a test sees it: type and body, with readers for the common fields. */
public record ServerMessage(char type, byte[] body) {

    /** Splits a stream of backend messages (no single-byte SSL answers in it). */
    public static List<ServerMessage> split(ByteBuf in) {
        List<ServerMessage> out = new ArrayList<>();
        while (in.readableBytes() >= 5) {
            int len = in.getInt(in.readerIndex() + 1);
            if (in.readableBytes() < 1 + len) {
                break;
            }
            char type = (char) in.readByte();
            in.readInt();
            byte[] body = new byte[len - 4];
            in.readBytes(body);
            out.add(new ServerMessage(type, body));
        }
        return out;
    }

    public ByteBuf buf() {
        return Unpooled.wrappedBuffer(body);
    }

    /** ErrorResponse/NoticeResponse fields by code. */
    public Map<Character, String> fields() {
        Map<Character, String> m = new LinkedHashMap<>();
        ByteBuf b = buf();
        while (b.isReadable()) {
            byte code = b.readByte();
            if (code == 0) {
                break;
            }
            m.put((char) code, cstring(b));
        }
        return m;
    }

    public String sqlState() {
        return fields().get('C');
    }

    public String message() {
        return fields().get('M');
    }

    /** CommandComplete tag. */
    public String tag() {
        return cstring(buf());
    }

    /** DataRow values as text (null for NULL). */
    public List<String> textValues() {
        List<String> out = new ArrayList<>();
        for (byte[] v : rawValues()) {
            out.add(v == null ? null : new String(v, StandardCharsets.UTF_8));
        }
        return out;
    }

    public List<byte[]> rawValues() {
        ByteBuf b = buf();
        int n = b.readShort();
        List<byte[]> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int len = b.readInt();
            if (len < 0) {
                out.add(null);
            } else {
                byte[] v = new byte[len];
                b.readBytes(v);
                out.add(v);
            }
        }
        return out;
    }

    /** RowDescription field: name, tableOid, attnum, typeOid, typlen, typmod, format. */
    public record Field(String name, int tableOid, int attnum, int typeOid, int typlen, int typmod, int format) {
    }

    public List<Field> rowDescription() {
        ByteBuf b = buf();
        int n = b.readShort();
        List<Field> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new Field(cstring(b), b.readInt(), b.readShort(), b.readInt(), b.readShort(), b.readInt(), b.readShort()));
        }
        return out;
    }

    public static String cstring(ByteBuf b) {
        int end = b.indexOf(b.readerIndex(), b.writerIndex(), (byte) 0);
        String s = b.toString(b.readerIndex(), end - b.readerIndex(), StandardCharsets.UTF_8);
        b.readerIndex(end + 1);
        return s;
    }

    @Override
    public String toString() {
        return switch (type) {
            case 'E', 'N' -> type + fields().toString();
            case 'C' -> "C(" + tag() + ")";
            case 'D' -> "D" + textValues();
            case 'Z' -> "Z(" + (char) body[0] + ")";
            case 'S' -> {
                ByteBuf b = buf();
                yield "S(" + cstring(b) + "=" + cstring(b) + ")";
            }
            default -> String.valueOf(type);
        };
    }
}
