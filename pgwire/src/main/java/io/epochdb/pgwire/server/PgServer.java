package io.epochdb.pgwire.server;

import io.epochdb.planner.Engine;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The PostgreSQL wire protocol server: a Netty acceptor (epoll when available, else NIO), one pipeline per
 * connection (frame decoder, protocol handler) and a worker pool on which statements run. Does not own the engine.
 */
public final class PgServer implements AutoCloseable {
    private final EventLoopGroup group;
    private final ExecutorService workers;
    private final Channel serverChannel;
    private final int port;

    private PgServer(EventLoopGroup group, ExecutorService workers, Channel serverChannel) {
        this.group = group;
        this.workers = workers;
        this.serverChannel = serverChannel;
        this.port = ((InetSocketAddress) serverChannel.localAddress()).getPort();
    }

    /**
     * Binds and starts serving. {@code port} 0 picks a free port ({@link #port()} tells which).
     *
     * @throws java.io.UncheckedIOException wrapping the bind failure (for example the port is taken)
     */
    public static PgServer start(Engine engine, String host, int port) {
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(host, "host");
        boolean epoll = Epoll.isAvailable();
        IoHandlerFactory io = epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
        Class<? extends ServerChannel> channelClass = epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(Math.max(2, Runtime.getRuntime().availableProcessors()),
            daemonThreads("epochdb-io-"), io);
        ExecutorService workers = Executors.newCachedThreadPool(daemonThreads("epochdb-worker-"));
        try {
            Channel ch = new ServerBootstrap()
                .group(group)
                .channel(channelClass)
                .option(ChannelOption.SO_BACKLOG, 512)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.SO_KEEPALIVE, true)
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(256 * 1024, 1024 * 1024))
                .childHandler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel c) {
                        c.pipeline().addLast("decoder", new PgFrameDecoder());
                        c.pipeline().addLast("protocol", new PgProtocolHandler(engine, workers));
                    }
                })
                .bind(host, port)
                .syncUninterruptibly()
                .channel();
            return new PgServer(group, workers, ch);
        } catch (Exception e) { // the bind failure arrives as a sneaky-thrown IOException
            group.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
            workers.shutdownNow();
            String message = "could not listen on " + host + ":" + port + ": " + describe(e);
            throw new java.io.UncheckedIOException(message, new java.io.IOException(message, e));
        }
    }

    private static String describe(Throwable e) {
        String m = e.getMessage();
        if (m == null) {
            return e.getClass().getSimpleName();
        }
        // epoll words it "bind(..) failed with error(-98): Address already in use"
        int i = m.lastIndexOf("): ");
        return m.startsWith("bind(") && i > 0 ? m.substring(i + 3) : m;
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    public int port() {
        return port;
    }

    /** Stops accepting, closes every connection (their sessions close on the workers) and stops the threads. */
    @Override
    public void close() {
        serverChannel.close().syncUninterruptibly();
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        workers.shutdown();
        try {
            if (!workers.awaitTermination(5, TimeUnit.SECONDS)) {
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            workers.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
