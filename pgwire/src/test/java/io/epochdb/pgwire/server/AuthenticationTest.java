package io.epochdb.pgwire.server;

import static io.epochdb.pgwire.testing.EmbeddedConnection.types;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.epochdb.pgwire.auth.ScramClient;
import io.epochdb.pgwire.testing.ClientMessages;
import io.epochdb.pgwire.testing.EmbeddedConnection;
import io.epochdb.pgwire.testing.FakeEngine;
import io.epochdb.pgwire.testing.ServerMessage;
import io.epochdb.storage.catalog.ScramVerifier;
import io.netty.buffer.ByteBuf;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** SCRAM-SHA-256 run by hand through the protocol handler. */
class AuthenticationTest {
    private final FakeEngine engine = new FakeEngine().role("alice", ScramVerifier.create("s3cret").encode());

    @AfterEach
    void close() {
        engine.close();
    }

    private static byte[] rest(ServerMessage m) {
        ByteBuf b = m.buf();
        b.readInt();
        byte[] out = new byte[b.readableBytes()];
        b.readBytes(out);
        return out;
    }

    private static int authCode(ServerMessage m) {
        return m.buf().readInt();
    }

    @Test
    void scramExchange() {
        try (EmbeddedConnection c = new EmbeddedConnection(engine)) {
            List<ServerMessage> m = c.send(ClientMessages.create().startup(Map.of("user", "alice")));
            assertEquals("R", types(m));
            assertEquals(10, authCode(m.get(0)));
            assertEquals("SCRAM-SHA-256\0\0", new String(rest(m.get(0))));
            ScramClient client = new ScramClient("s3cret", "clientnonce");
            m = c.send(ClientMessages.create().saslInitial("SCRAM-SHA-256", client.clientFirst()));
            assertEquals(11, authCode(m.get(0)));
            m = c.send(ClientMessages.create().saslResponse(client.clientFinal(rest(m.get(0)))));
            assertEquals(12, authCode(m.get(0)));
            assertTrue(client.verifyServerFinal(rest(m.get(0))));
            assertEquals(0, authCode(m.get(1)));
            assertEquals('Z', m.get(m.size() - 1).type());
        }
    }

    @Test
    void wrongPassword() {
        try (EmbeddedConnection c = new EmbeddedConnection(engine)) {
            c.send(ClientMessages.create().startup(Map.of("user", "alice")));
            ScramClient client = new ScramClient("nope", "clientnonce");
            List<ServerMessage> m = c.send(ClientMessages.create().saslInitial("SCRAM-SHA-256", client.clientFirst()));
            m = c.send(ClientMessages.create().saslResponse(client.clientFinal(rest(m.get(0)))));
            assertEquals("E", types(m));
            assertEquals("FATAL", m.get(0).fields().get('S'));
            assertEquals("28P01", m.get(0).sqlState());
            assertEquals("password authentication failed for user \"alice\"", m.get(0).message());
            assertFalse(c.channel.isActive());
            assertTrue(engine.sessions().isEmpty());
        }
    }

    @Test
    void wrongMechanismAndWrongMessage() {
        try (EmbeddedConnection c = new EmbeddedConnection(engine)) {
            c.send(ClientMessages.create().startup(Map.of("user", "alice")));
            List<ServerMessage> m = c.send(ClientMessages.create().saslInitial("PLAIN", new byte[0]));
            assertEquals("08P01", m.get(0).sqlState());
            assertFalse(c.channel.isActive());
        }
        try (EmbeddedConnection c = new EmbeddedConnection(engine)) {
            c.send(ClientMessages.create().startup(Map.of("user", "alice")));
            List<ServerMessage> m = c.send(ClientMessages.create().query("SELECT 1"));
            assertEquals("08P01", m.get(0).sqlState());
            assertFalse(c.channel.isActive());
        }
    }

    @Test
    void startupMustCompleteInTime() {
        io.netty.channel.embedded.EmbeddedChannel ch = new io.netty.channel.embedded.EmbeddedChannel(
            new PgFrameDecoder(), new PgProtocolHandler(engine, Runnable::run, 1000));
        ch.writeInbound(ClientMessages.create().startup(Map.of("user", "alice")).toByteBuf());
        ch.advanceTimeBy(500, java.util.concurrent.TimeUnit.MILLISECONDS);
        ch.runScheduledPendingTasks();
        assertTrue(ch.isActive());
        ch.advanceTimeBy(600, java.util.concurrent.TimeUnit.MILLISECONDS);
        ch.runScheduledPendingTasks();
        assertFalse(ch.isActive());
        ch.finishAndReleaseAll();
    }

    @Test
    void passwordlessRolesOnlyFromLoopback() {
        assertTrue(PgConnection.isLoopback(new InetSocketAddress("127.0.0.1", 5)));
        assertTrue(PgConnection.isLoopback(new InetSocketAddress("::1", 5)));
        assertFalse(PgConnection.isLoopback(new InetSocketAddress("192.0.2.7", 5)));
    }
}
