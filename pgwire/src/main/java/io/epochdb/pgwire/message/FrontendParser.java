package io.epochdb.pgwire.message;

import static io.epochdb.pgwire.message.MessageReader.bytes;
import static io.epochdb.pgwire.message.MessageReader.cstring;
import static io.epochdb.pgwire.message.MessageReader.end;
import static io.epochdb.pgwire.message.MessageReader.int16;
import static io.epochdb.pgwire.message.MessageReader.int32;
import static io.epochdb.pgwire.message.MessageReader.int8;

import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns a frame's body into a {@link FrontendMessage}. Throws {@link MessageReader.MalformedMessageException}. */
public final class FrontendParser {
    public static final int SSL_REQUEST_CODE = 80877103;
    public static final int GSSENC_REQUEST_CODE = 80877104;
    public static final int CANCEL_REQUEST_CODE = 80877102;

    private FrontendParser() {
    }

    /** True for the type bytes a client may send after startup. */
    public static boolean isKnownType(byte type) {
        switch (type) {
            case 'Q', 'P', 'B', 'D', 'E', 'C', 'S', 'H', 'X', 'd', 'c', 'f', 'p':
                return true;
            default:
                return false;
        }
    }

    /** Messages PostgreSQL caps at 10000 bytes ({@code PQ_SMALL_MESSAGE_LIMIT}); the rest may be large. */
    public static boolean isSmallType(byte type) {
        switch (type) {
            case 'D', 'E', 'C', 'S', 'H', 'X', 'c':
                return true;
            default:
                return false;
        }
    }

    /** A startup-phase packet body (after the length word), starting with the protocol version or request code. */
    public static FrontendMessage parseStartup(ByteBuf body) {
        int code = int32(body);
        if (code == SSL_REQUEST_CODE) {
            return new FrontendMessage.SslRequest();
        }
        if (code == GSSENC_REQUEST_CODE) {
            return new FrontendMessage.GssEncRequest();
        }
        if (code == CANCEL_REQUEST_CODE) {
            int pid = int32(body);
            int secret = int32(body);
            return new FrontendMessage.CancelRequest(pid, secret);
        }
        Map<String, String> params = new LinkedHashMap<>();
        if (code >>> 16 == 3) {
            while (true) {
                String name = cstring(body);
                if (name.isEmpty()) {
                    break;
                }
                params.put(name, cstring(body));
            }
        }
        return new FrontendMessage.Startup(code, params);
    }

    /** A typed message's body (after type byte and length). */
    public static FrontendMessage parse(byte type, ByteBuf body) {
        FrontendMessage m = switch (type) {
            case 'Q' -> new FrontendMessage.Query(cstring(body));
            case 'P' -> parseParse(body);
            case 'B' -> parseBind(body);
            case 'D' -> new FrontendMessage.Describe(kind(body), cstring(body));
            case 'E' -> new FrontendMessage.Execute(cstring(body), int32(body));
            case 'C' -> new FrontendMessage.Close(kind(body), cstring(body));
            case 'S' -> new FrontendMessage.Sync();
            case 'H' -> new FrontendMessage.Flush();
            case 'X' -> new FrontendMessage.Terminate();
            case 'd' -> new FrontendMessage.CopyData(bytes(body, body.readableBytes()));
            case 'c' -> new FrontendMessage.CopyDone();
            case 'f' -> new FrontendMessage.CopyFail(cstring(body));
            case 'p' -> new FrontendMessage.PasswordData(bytes(body, body.readableBytes()));
            default -> throw new MessageReader.MalformedMessageException("invalid frontend message type " + type);
        };
        end(body);
        return m;
    }

    private static char kind(ByteBuf body) {
        char k = (char) int8(body);
        if (k != 'S' && k != 'P') {
            throw new MessageReader.MalformedMessageException("invalid DESCRIBE/CLOSE message subtype " + (int) k);
        }
        return k;
    }

    private static FrontendMessage parseParse(ByteBuf body) {
        String name = cstring(body);
        String sql = cstring(body);
        int n = int16(body) & 0xFFFF;
        int[] oids = new int[n];
        for (int i = 0; i < n; i++) {
            oids[i] = int32(body);
        }
        return new FrontendMessage.Parse(name, sql, oids);
    }

    private static FrontendMessage parseBind(ByteBuf body) {
        String portal = cstring(body);
        String statement = cstring(body);
        short[] formats = shorts(body);
        int n = int16(body) & 0xFFFF;
        List<byte[]> values = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int len = int32(body);
            if (len == -1) {
                values.add(null);
            } else if (len < -1) {
                throw new MessageReader.MalformedMessageException("invalid message format");
            } else {
                values.add(bytes(body, len));
            }
        }
        short[] resultFormats = shorts(body);
        return new FrontendMessage.Bind(portal, statement, formats, values, resultFormats);
    }

    private static short[] shorts(ByteBuf body) {
        int n = int16(body) & 0xFFFF;
        short[] s = new short[n];
        for (int i = 0; i < n; i++) {
            s[i] = int16(body);
        }
        return s;
    }
}
