package io.epochdb.pgwire.server;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import java.util.Objects;

/**
 * The worker side of a connection's output: backend messages are built in one buffer, handed to Netty in chunks,
 * and the worker waits while the channel is not writable, so a slow client holds back the query rather than
 * making the server buffer its result.
 */
final class Output {
    /** Hand the buffer to Netty once it holds this much. */
    static final int CHUNK = 64 * 1024;
    /** Room for a chunk plus one more row, so streaming a result does not grow (copy) the buffer. */
    private static final int INITIAL_CAPACITY = CHUNK + 8 * 1024;

    private final Channel channel;
    private final Object writable = new Object();
    private ByteBuf buf;

    Output(Channel channel) {
        this.channel = Objects.requireNonNull(channel, "channel");
    }

    /** The buffer to append messages to. */
    ByteBuf buffer() {
        if (buf == null) {
            // a heap buffer: rows are written a few bytes at a time, which costs an array store here but a
            // ByteBuffer round trip per call on a direct buffer; the transport copies each 64 KiB chunk out once
            buf = channel.alloc().heapBuffer(INITIAL_CAPACITY);
        }
        return buf;
    }

    /** Writes and flushes what is buffered once it passes a chunk, then waits until the channel can take more. */
    void maybeFlushChunk() {
        if (buf != null && buf.readableBytes() >= CHUNK) {
            flush();
            awaitWritable();
        }
    }

    void flush() {
        if (buf != null && buf.isReadable()) {
            ByteBuf b = buf;
            buf = null;
            channel.writeAndFlush(b, channel.voidPromise());
        } else {
            channel.flush();
        }
    }

    /** Drops what is buffered (connection going away). */
    void discard() {
        if (buf != null) {
            buf.release();
            buf = null;
        }
    }

    /** Called from the event loop when writability changes or the channel closes. */
    void wakeUp() {
        synchronized (writable) {
            writable.notifyAll();
        }
    }

    /** Blocks the worker until the channel is writable; throws {@link ConnectionClosedException} when it closes. */
    void awaitWritable() {
        while (!channel.isWritable()) {
            if (!channel.isActive()) {
                throw new ConnectionClosedException();
            }
            if (channel.eventLoop().inEventLoop()) {
                return; // tests drive the handler on the event loop: waiting would never end
            }
            synchronized (writable) {
                if (!channel.isWritable() && channel.isActive()) {
                    try {
                        writable.wait(100);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new ConnectionClosedException();
                    }
                }
            }
        }
        if (!channel.isActive()) {
            throw new ConnectionClosedException();
        }
    }

    /** The client went away while we were sending. */
    static final class ConnectionClosedException extends RuntimeException {
        ConnectionClosedException() {
            super("connection closed", null, false, false);
        }
    }
}
