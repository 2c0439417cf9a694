package io.epochdb.pgwire.testing;

import io.epochdb.pgwire.server.PgFrameDecoder;
import io.epochdb.pgwire.server.PgProtocolHandler;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The server's pipeline on an {@link EmbeddedChannel} with the worker replaced by the calling thread, so each
 * {@link #send} returns after the server answered.
 */
public final class EmbeddedConnection implements AutoCloseable {
    public final EmbeddedChannel channel;
    private final ByteBuf pending = Unpooled.buffer();

    public EmbeddedConnection(FakeEngine engine) {
        channel = new EmbeddedChannel(new PgFrameDecoder(), new PgProtocolHandler(engine, Runnable::run));
    }

    /** Connected and authenticated as "epoch"; the startup answers are consumed. */
    public static EmbeddedConnection started(FakeEngine engine) {
        EmbeddedConnection c = new EmbeddedConnection(engine);
        List<ServerMessage> m = c.send(ClientMessages.create().startup(Map.of("user", "epoch", "database", "db")));
        if (m.isEmpty() || m.get(m.size() - 1).type() != 'Z') {
            throw new AssertionError("startup failed: " + m);
        }
        return c;
    }

    public List<ServerMessage> send(ClientMessages m) {
        channel.writeInbound(m.toByteBuf());
        channel.runPendingTasks();
        return read();
    }

    /** Raw bytes the server wrote since the last read. */
    public ByteBuf readRaw() {
        ByteBuf b;
        while ((b = channel.readOutbound()) != null) {
            pending.writeBytes(b);
            b.release();
        }
        return pending;
    }

    public List<ServerMessage> read() {
        return ServerMessage.split(readRaw());
    }

    public static String types(List<ServerMessage> messages) {
        return messages.stream().map(m -> String.valueOf(m.type())).collect(Collectors.joining());
    }

    @Override
    public void close() {
        channel.finishAndReleaseAll();
        pending.release();
    }
}
