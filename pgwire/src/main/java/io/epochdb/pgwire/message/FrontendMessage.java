package io.epochdb.pgwire.message;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A message from the client, decoded from one frame by {@code PgFrameDecoder}. Startup-phase packets (which have no
 * type byte) and typed messages share this one hierarchy so the protocol handler switches over a single type.
 */
public sealed interface FrontendMessage {

    /** StartupMessage: protocol version (major in the high 16 bits) and the name/value parameters. */
    record Startup(int protocolVersion, Map<String, String> parameters) implements FrontendMessage {
        public Startup {
            parameters = Map.copyOf(parameters);
        }

        public int major() {
            return protocolVersion >>> 16;
        }

        public int minor() {
            return protocolVersion & 0xFFFF;
        }
    }

    /** SSLRequest: answered with a single 'N'. */
    record SslRequest() implements FrontendMessage {
    }

    /** GSSENCRequest: answered with a single 'N'. */
    record GssEncRequest() implements FrontendMessage {
    }

    record CancelRequest(int processId, int secretKey) implements FrontendMessage {
    }

    /** 'p': password, SASLInitialResponse or SASLResponse; which one depends on the authentication state. */
    record PasswordData(byte[] body) implements FrontendMessage {
        public PasswordData {
            Objects.requireNonNull(body, "body");
        }
    }

    record Query(String sql) implements FrontendMessage {
    }

    /** 'P': {@code parameterOids} holds 0 where the client leaves the type to the server. */
    record Parse(String statementName, String sql, int[] parameterOids) implements FrontendMessage {
    }

    /** 'B': a null entry in {@code parameterValues} is SQL NULL. */
    record Bind(String portalName, String statementName, short[] parameterFormats, List<byte[]> parameterValues,
                short[] resultFormats) implements FrontendMessage {
    }

    /** 'D': kind 'S' (statement) or 'P' (portal). */
    record Describe(char kind, String name) implements FrontendMessage {
    }

    /** 'E': maxRows 0 means no limit. */
    record Execute(String portalName, int maxRows) implements FrontendMessage {
    }

    /** 'C': kind 'S' (statement) or 'P' (portal). */
    record Close(char kind, String name) implements FrontendMessage {
    }

    record Sync() implements FrontendMessage {
    }

    record Flush() implements FrontendMessage {
    }

    record Terminate() implements FrontendMessage {
    }

    record CopyData(byte[] data) implements FrontendMessage {
    }

    record CopyDone() implements FrontendMessage {
    }

    record CopyFail(String message) implements FrontendMessage {
    }

    /**
     * Not sent by the client: the decoder's verdict that the byte stream is broken (bad length, unknown type,
     * malformed body). The handler answers FATAL 08P01 and closes; the decoder reads nothing after it.
     */
    record ProtocolViolation(String message) implements FrontendMessage {
    }
}
