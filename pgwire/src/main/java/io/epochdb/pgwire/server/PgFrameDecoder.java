package io.epochdb.pgwire.server;

import io.epochdb.pgwire.message.FrontendMessage;
import io.epochdb.pgwire.message.FrontendParser;
import io.epochdb.pgwire.message.MessageReader;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.List;

/**
 * Cuts the byte stream into PostgreSQL messages and parses each into a {@link FrontendMessage}. Startup-phase packets
 * carry no type byte; the decoder leaves that phase when it has seen a protocol-3 StartupMessage (SSL and GSS
 * requests keep it there). Any broken framing becomes one {@link FrontendMessage.ProtocolViolation}, after which
 * the decoder discards everything: the handler answers FATAL 08P01 and closes the connection.
 */
public final class PgFrameDecoder extends ByteToMessageDecoder {
    /** PostgreSQL's MAX_STARTUP_PACKET_LENGTH. */
    static final int MAX_STARTUP_PACKET = 10_000;
    /** PostgreSQL's PQ_SMALL_MESSAGE_LIMIT, for messages that are never large (Sync, Execute, Describe...). */
    static final int SMALL_MESSAGE_LIMIT = 10_000;
    /** PostgreSQL's PQ_LARGE_MESSAGE_LIMIT (1 GiB - 1). */
    public static final int DEFAULT_MAX_MESSAGE = (1 << 30) - 1;

    private final int maxMessageSize;
    private boolean startupPhase = true;
    private boolean done;

    public PgFrameDecoder() {
        this(DEFAULT_MAX_MESSAGE);
    }

    /** @param maxMessageSize the largest body (without type and length) a Query, Bind or CopyData may have */
    public PgFrameDecoder(int maxMessageSize) {
        this.maxMessageSize = maxMessageSize;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (done) {
            in.skipBytes(in.readableBytes());
            return;
        }
        if (startupPhase) {
            decodeStartup(in, out);
        } else {
            decodeTyped(in, out);
        }
    }

    private void decodeStartup(ByteBuf in, List<Object> out) {
        if (in.readableBytes() < 4) {
            return;
        }
        int length = in.getInt(in.readerIndex());
        if (length < 8 || length > MAX_STARTUP_PACKET) {
            fail(in, out, "invalid length of startup packet");
            return;
        }
        if (in.readableBytes() < length) {
            return;
        }
        in.skipBytes(4);
        ByteBuf body = in.readSlice(length - 4);
        FrontendMessage m;
        try {
            m = FrontendParser.parseStartup(body);
        } catch (MessageReader.MalformedMessageException e) {
            fail(in, out, "invalid startup packet layout: expected terminator as last byte");
            return;
        }
        if (m instanceof FrontendMessage.Startup s) {
            if (s.major() == 3) {
                startupPhase = false;
            } else {
                done = true; // the handler rejects the version and closes
            }
        } else if (m instanceof FrontendMessage.CancelRequest) {
            done = true;
        }
        out.add(m);
    }

    private void decodeTyped(ByteBuf in, List<Object> out) {
        if (in.readableBytes() < 1) {
            return;
        }
        byte type = in.getByte(in.readerIndex());
        if (!FrontendParser.isKnownType(type)) {
            fail(in, out, "invalid frontend message type " + type);
            return;
        }
        if (in.readableBytes() < 5) {
            return;
        }
        int length = in.getInt(in.readerIndex() + 1);
        int limit = FrontendParser.isSmallType(type) ? SMALL_MESSAGE_LIMIT : maxMessageSize;
        if (length < 4 || length - 4 > limit) {
            fail(in, out, "invalid message length");
            return;
        }
        if (in.readableBytes() < 1 + length) {
            return;
        }
        in.skipBytes(5);
        ByteBuf body = in.readSlice(length - 4);
        try {
            FrontendMessage m = FrontendParser.parse(type, body);
            if (m instanceof FrontendMessage.Terminate) {
                done = true;
            }
            out.add(m);
        } catch (MessageReader.MalformedMessageException e) {
            fail(in, out, e.getMessage());
        }
    }

    private void fail(ByteBuf in, List<Object> out, String message) {
        done = true;
        in.skipBytes(in.readableBytes());
        out.add(new FrontendMessage.ProtocolViolation(message));
    }
}
