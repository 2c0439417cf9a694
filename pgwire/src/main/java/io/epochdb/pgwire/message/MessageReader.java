package io.epochdb.pgwire.message;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;

/** Reads the primitive fields of a frontend message body; any shortfall is a {@link MalformedMessageException}. */
public final class MessageReader {
    private MessageReader() {
    }

    /** A NUL-terminated UTF-8 string. */
    public static String cstring(ByteBuf in) {
        int end = in.indexOf(in.readerIndex(), in.writerIndex(), (byte) 0);
        if (end < 0) {
            throw new MalformedMessageException("invalid string in message");
        }
        String s = in.toString(in.readerIndex(), end - in.readerIndex(), StandardCharsets.UTF_8);
        in.readerIndex(end + 1);
        return s;
    }

    public static int int32(ByteBuf in) {
        need(in, 4);
        return in.readInt();
    }

    public static short int16(ByteBuf in) {
        need(in, 2);
        return in.readShort();
    }

    public static byte int8(ByteBuf in) {
        need(in, 1);
        return in.readByte();
    }

    public static byte[] bytes(ByteBuf in, int length) {
        if (length < 0) {
            throw new MalformedMessageException("invalid message format");
        }
        need(in, length);
        byte[] b = new byte[length];
        in.readBytes(b);
        return b;
    }

    public static void end(ByteBuf in) {
        if (in.isReadable()) {
            throw new MalformedMessageException("invalid message format");
        }
    }

    private static void need(ByteBuf in, int n) {
        if (in.readableBytes() < n) {
            throw new MalformedMessageException("insufficient data left in message");
        }
    }

    /** A message body that does not match its type's layout. */
    public static final class MalformedMessageException extends RuntimeException {
        public MalformedMessageException(String message) {
            super(message, null, false, false);
        }
    }
}
