package io.epochdb.pgwire.server;

import io.epochdb.pgwire.message.FrontendMessage;
import io.epochdb.planner.Engine;
import io.epochdb.planner.Session;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.io.IOException;
import java.util.Objects;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Netty end of a connection: hands each decoded message to the connection's {@link PgConnection} on a serial
 * worker (queries never run on the event loop), stops reading while too many messages wait, wakes a worker that
 * waits for writability, and cancels the running statement when the client disconnects.
 */
public final class PgProtocolHandler extends ChannelInboundHandlerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(PgProtocolHandler.class);
    /** Stop reading from the socket while this many messages wait for the worker; resume below the low mark. */
    static final int QUEUE_HIGH = 256;
    static final int QUEUE_LOW = 32;

    /** PostgreSQL's authentication_timeout: a connection must finish startup within this time or is closed. */
    static final long DEFAULT_STARTUP_TIMEOUT_MILLIS = 60_000;

    private final Engine engine;
    private final Executor workers;
    private final long startupTimeoutMillis;
    private SerialExecutor serial;
    private PgConnection connection;
    private Output output;

    /** @param workers the shared worker pool (a direct executor in tests runs everything on the caller) */
    public PgProtocolHandler(Engine engine, Executor workers) {
        this(engine, workers, DEFAULT_STARTUP_TIMEOUT_MILLIS);
    }

    PgProtocolHandler(Engine engine, Executor workers, long startupTimeoutMillis) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.workers = Objects.requireNonNull(workers, "workers");
        this.startupTimeoutMillis = startupTimeoutMillis;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        serial = new SerialExecutor(workers);
        output = new Output(ctx.channel());
        connection = new PgConnection(engine, ctx.channel(), output);
        // A client that connects and never completes startup (or stalls in authentication) is dropped silently.
        ctx.executor().schedule(() -> {
            if (connection.session() == null && ctx.channel().isActive()) {
                LOG.info("closing connection from {}: startup not completed in time", ctx.channel().remoteAddress());
                ctx.close();
            }
        }, startupTimeoutMillis, java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof FrontendMessage m)) {
            ctx.fireChannelRead(msg);
            return;
        }
        if (serial.pending() >= QUEUE_HIGH) {
            ctx.channel().config().setAutoRead(false);
        }
        serial.execute(() -> {
            try {
                connection.handle(m);
            } finally {
                if (serial.pending() <= QUEUE_LOW && !ctx.channel().config().isAutoRead() && ctx.channel().isActive()) {
                    ctx.channel().config().setAutoRead(true);
                }
            }
        });
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        output.wakeUp();
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        output.wakeUp();
        Session s = connection.session();
        if (s != null) {
            try {
                s.cancel(); // stop a statement that is still computing for a client that is gone
            } catch (RuntimeException e) {
                LOG.debug("cancel on disconnect failed", e);
            }
        }
        serial.execute(connection::closed);
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof IOException) {
            LOG.debug("connection error: {}", cause.toString());
        } else {
            LOG.warn("connection error", cause);
        }
        ctx.close();
    }
}
