package io.epochdb.pgwire.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.epochdb.pgwire.testing.ClientMessages;
import io.epochdb.pgwire.testing.FakeEngine;
import io.epochdb.pgwire.testing.ServerMessage;
import io.netty.buffer.Unpooled;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Raw sockets sending broken bytes: the server answers FATAL 08P01 or just closes, and still serves the next
 * connection.
 */
class MalformedInputTest {
    static FakeEngine engine;
    static PgServer server;

    @BeforeAll
    static void start() {
        engine = new FakeEngine();
        server = PgServer.start(engine, "127.0.0.1", 0);
    }

    @AfterAll
    static void stop() {
        server.close();
        engine.close();
    }

    @AfterEach
    void serverStillServes() throws IOException {
        try (Socket s = socket()) {
            send(s, ClientMessages.create().startup(Map.of("user", "epoch")).query("SELECT 1").terminate().toBytes());
            List<ServerMessage> m = ServerMessage.split(Unpooled.wrappedBuffer(readUntilClosed(s)));
            String types = m.stream().map(x -> String.valueOf(x.type())).reduce("", String::concat);
            assertTrue(types.endsWith("ZTDCZ"), types);
        }
    }

    private static Socket socket() throws IOException {
        Socket s = new Socket("127.0.0.1", server.port());
        s.setSoTimeout(5000);
        return s;
    }

    private static void send(Socket s, byte[] bytes) throws IOException {
        OutputStream out = s.getOutputStream();
        out.write(bytes);
        out.flush();
    }

    /** Everything the server sends until it closes (fails the test if it never does). */
    private static byte[] readUntilClosed(Socket s) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        InputStream in = s.getInputStream();
        byte[] buf = new byte[8192];
        try {
            int n;
            while ((n = in.read(buf)) >= 0) {
                b.write(buf, 0, n);
            }
        } catch (SocketTimeoutException e) {
            throw new AssertionError("server did not close the connection; got " + b.size() + " bytes");
        } catch (IOException e) {
            // connection reset: closed
        }
        return b.toByteArray();
    }

    private static ServerMessage lastMessage(byte[] bytes) {
        List<ServerMessage> m = ServerMessage.split(Unpooled.wrappedBuffer(bytes));
        return m.get(m.size() - 1);
    }

    private static void assertFatal08P01(byte[] reply) {
        ServerMessage e = lastMessage(reply);
        assertEquals('E', e.type());
        assertEquals("FATAL", e.fields().get('S'));
        assertEquals("08P01", e.sqlState());
    }

    @Test
    void negativeStartupLength() throws IOException {
        try (Socket s = socket()) {
            send(s, ClientMessages.create().rawInt(-1).rawInt(196608).toBytes());
            assertFatal08P01(readUntilClosed(s));
        }
    }

    @Test
    void hugeStartupLength() throws IOException {
        try (Socket s = socket()) {
            send(s, ClientMessages.create().rawInt(Integer.MAX_VALUE).rawInt(196608).toBytes());
            assertFatal08P01(readUntilClosed(s));
        }
    }

    @Test
    void startupWithoutTerminator() throws IOException {
        try (Socket s = socket()) {
            send(s, ClientMessages.create().rawInt(14).rawInt(196608).raw("user\0x".getBytes()).toBytes());
            assertFatal08P01(readUntilClosed(s));
        }
    }

    @Test
    void truncatedStartupThenClose() throws IOException {
        try (Socket s = socket()) {
            send(s, new byte[] {0, 0, 0, 40, 0, 3});
            s.shutdownOutput();
            readUntilClosed(s);
        }
    }

    @Test
    void negativeMessageLength() throws IOException {
        try (Socket s = socket()) {
            send(s, ClientMessages.create().startup(Map.of("user", "epoch")).rawByte('Q').rawInt(-20).toBytes());
            assertFatal08P01(readUntilClosed(s));
        }
    }

    @Test
    void lengthAboveOneGiB() throws IOException {
        try (Socket s = socket()) {
            send(s, ClientMessages.create().startup(Map.of("user", "epoch")).rawByte('Q').rawInt((1 << 30) + 10).toBytes());
            assertFatal08P01(readUntilClosed(s));
        }
    }

    @Test
    void smallMessageTooLarge() throws IOException {
        try (Socket s = socket()) {
            send(s, ClientMessages.create().startup(Map.of("user", "epoch")).rawByte('S').rawInt(100_000).toBytes());
            assertFatal08P01(readUntilClosed(s));
        }
    }

    @Test
    void unknownMessageType() throws IOException {
        try (Socket s = socket()) {
            send(s, ClientMessages.create().startup(Map.of("user", "epoch")).rawByte('!').rawInt(4).toBytes());
            byte[] reply = readUntilClosed(s);
            assertFatal08P01(reply);
            assertEquals("invalid frontend message type 33", lastMessage(reply).message());
        }
    }

    @Test
    void truncatedMessageThenClose() throws IOException {
        try (Socket s = socket()) {
            send(s, ClientMessages.create().startup(Map.of("user", "epoch")).rawByte('Q').rawInt(100).raw("SEL".getBytes()).toBytes());
            s.shutdownOutput();
            readUntilClosed(s);
        }
    }

    @Test
    void bindWithBrokenLayout() throws IOException {
        try (Socket s = socket()) {
            // Bind claiming 3 parameter values but carrying none
            send(s, ClientMessages.create().startup(Map.of("user", "epoch")).rawByte('B').rawInt(12)
                .raw(new byte[] {0, 0, 0, 0, 0, 3, 0, 0}).toBytes());
            assertFatal08P01(readUntilClosed(s));
        }
    }

    @Test
    void garbageBytes() throws IOException {
        Random r = new Random(42);
        for (int i = 0; i < 20; i++) {
            byte[] junk = new byte[1 + r.nextInt(200)];
            r.nextBytes(junk);
            try (Socket s = socket()) {
                send(s, junk);
                s.shutdownOutput();
                readUntilClosed(s);
            }
        }
        for (int i = 0; i < 20; i++) {
            byte[] junk = new byte[1 + r.nextInt(200)];
            r.nextBytes(junk);
            try (Socket s = socket()) {
                send(s, ClientMessages.create().startup(Map.of("user", "epoch")).raw(junk).toBytes());
                s.shutdownOutput();
                readUntilClosed(s);
            }
        }
    }

    @Test
    void disconnectCancelsTheRunningStatementAndClosesTheSession() throws Exception {
        int before = engine.closedSessions.get();
        long start = System.nanoTime();
        try (Socket s = socket()) {
            send(s, ClientMessages.create().startup(Map.of("user", "epoch")).query("SLEEP 30000").toBytes());
            Thread.sleep(300);
        }
        while (engine.closedSessions.get() == before && System.nanoTime() - start < 10_000_000_000L) {
            Thread.sleep(20);
        }
        assertEquals(before + 1, engine.closedSessions.get());
        assertTrue(System.nanoTime() - start < 10_000_000_000L, "statement was not cancelled");
    }

    @Test
    void garbageAfterFatalIsIgnored() throws IOException {
        try (Socket s = socket()) {
            send(s, ClientMessages.create().startup(Map.of("user", "epoch")).rawByte(0).rawInt(4).query("SELECT 1").toBytes());
            byte[] reply = readUntilClosed(s);
            assertFatal08P01(reply);
        }
    }
}
