package io.epochdb.pgwire.testing;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** Builds frontend messages as bytes, the way a driver would send them. */
public final class ClientMessages {
    private final ByteBuf buf = Unpooled.buffer();

    public static ClientMessages create() {
        return new ClientMessages();
    }

    public ByteBuf toByteBuf() {
        return buf;
    }

    public byte[] toBytes() {
        byte[] b = new byte[buf.readableBytes()];
        buf.getBytes(buf.readerIndex(), b);
        return b;
    }

    public ClientMessages startup(Map<String, String> params) {
        return startup(3 << 16, params);
    }

    public ClientMessages startup(int version, Map<String, String> params) {
        int at = buf.writerIndex();
        buf.writeInt(0);
        buf.writeInt(version);
        params.forEach((k, v) -> {
            cstring(k);
            cstring(v);
        });
        buf.writeByte(0);
        buf.setInt(at, buf.writerIndex() - at);
        return this;
    }

    public ClientMessages sslRequest() {
        buf.writeInt(8);
        buf.writeInt(80877103);
        return this;
    }

    public ClientMessages gssEncRequest() {
        buf.writeInt(8);
        buf.writeInt(80877104);
        return this;
    }

    public ClientMessages cancelRequest(int pid, int secret) {
        buf.writeInt(16);
        buf.writeInt(80877102);
        buf.writeInt(pid);
        buf.writeInt(secret);
        return this;
    }

    private int begin(char type) {
        buf.writeByte(type);
        int at = buf.writerIndex();
        buf.writeInt(0);
        return at;
    }

    private ClientMessages end(int at) {
        buf.setInt(at, buf.writerIndex() - at);
        return this;
    }

    private void cstring(String s) {
        buf.writeCharSequence(s, StandardCharsets.UTF_8);
        buf.writeByte(0);
    }

    public ClientMessages query(String sql) {
        int at = begin('Q');
        cstring(sql);
        return end(at);
    }

    public ClientMessages parse(String name, String sql, int... oids) {
        int at = begin('P');
        cstring(name);
        cstring(sql);
        buf.writeShort(oids.length);
        for (int o : oids) {
            buf.writeInt(o);
        }
        return end(at);
    }

    /** Bind with explicit parameter formats, values (null = NULL) and result formats. */
    public ClientMessages bind(String portal, String statement, short[] paramFormats, List<byte[]> values, short... resultFormats) {
        int at = begin('B');
        cstring(portal);
        cstring(statement);
        buf.writeShort(paramFormats.length);
        for (short f : paramFormats) {
            buf.writeShort(f);
        }
        buf.writeShort(values.size());
        for (byte[] v : values) {
            if (v == null) {
                buf.writeInt(-1);
            } else {
                buf.writeInt(v.length);
                buf.writeBytes(v);
            }
        }
        buf.writeShort(resultFormats.length);
        for (short f : resultFormats) {
            buf.writeShort(f);
        }
        return end(at);
    }

    public ClientMessages bind(String portal, String statement) {
        return bind(portal, statement, new short[0], List.of());
    }

    public ClientMessages describe(char kind, String name) {
        int at = begin('D');
        buf.writeByte(kind);
        cstring(name);
        return end(at);
    }

    public ClientMessages execute(String portal, int maxRows) {
        int at = begin('E');
        cstring(portal);
        buf.writeInt(maxRows);
        return end(at);
    }

    public ClientMessages close(char kind, String name) {
        int at = begin('C');
        buf.writeByte(kind);
        cstring(name);
        return end(at);
    }

    public ClientMessages sync() {
        return end(begin('S'));
    }

    public ClientMessages flush() {
        return end(begin('H'));
    }

    public ClientMessages terminate() {
        return end(begin('X'));
    }

    public ClientMessages copyData(String data) {
        int at = begin('d');
        buf.writeCharSequence(data, StandardCharsets.UTF_8);
        return end(at);
    }

    public ClientMessages copyDone() {
        return end(begin('c'));
    }

    public ClientMessages copyFail(String message) {
        int at = begin('f');
        cstring(message);
        return end(at);
    }

    /** SASLInitialResponse. */
    public ClientMessages saslInitial(String mechanism, byte[] data) {
        int at = begin('p');
        cstring(mechanism);
        buf.writeInt(data.length);
        buf.writeBytes(data);
        return end(at);
    }

    /** SASLResponse. */
    public ClientMessages saslResponse(byte[] data) {
        int at = begin('p');
        buf.writeBytes(data);
        return end(at);
    }

    public ClientMessages raw(byte[] bytes) {
        buf.writeBytes(bytes);
        return this;
    }

    public ClientMessages rawInt(int v) {
        buf.writeInt(v);
        return this;
    }

    public ClientMessages rawByte(int v) {
        buf.writeByte(v);
        return this;
    }
}
