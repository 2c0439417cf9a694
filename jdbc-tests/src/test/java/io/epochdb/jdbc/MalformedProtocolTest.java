package io.epochdb.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Broken protocol bytes on a raw socket against the real engine: the server must answer with an ErrorResponse
 * (SQLSTATE 08P01) or close that connection, never hang or crash, and pgjdbc must still connect afterwards.
 */
class MalformedProtocolTest {
    @RegisterExtension
    static final EpochServer server = new EpochServer();

    /** What the server did with the bad bytes. */
    private enum Outcome { PROTOCOL_ERROR, CLOSED }

    @AfterEach
    void serverStillServesPgjdbc() throws Exception {
        try (Connection c = server.connect()) {
            assertEquals("2", Sql.scalar(c, "SELECT 1 + 1"));
        }
    }

    @Test
    void startupLengthTooSmall() throws Exception {
        assertRejected(send(startupWithLength(3)));
    }

    @Test
    void startupLengthHuge() throws Exception {
        assertRejected(send(ByteBuffer.allocate(8).putInt(Integer.MAX_VALUE).putInt(196608).array()));
    }

    @Test
    void startupNegativeLength() throws Exception {
        assertRejected(send(ByteBuffer.allocate(8).putInt(-5).putInt(196608).array()));
    }

    @Test
    void unsupportedProtocolVersion() throws Exception {
        byte[] body = "user\0postgres\0\0".getBytes(StandardCharsets.US_ASCII);
        ByteBuffer b = ByteBuffer.allocate(8 + body.length).putInt(8 + body.length).putInt(0x00010000).put(body);
        Outcome o = send(b.array());
        assertTrue(o == Outcome.CLOSED || lastSqlState.startsWith("08") || lastSqlState.equals("0A000"), lastSqlState);
    }

    @Test
    void garbageBytesInsteadOfStartup() throws Exception {
        byte[] garbage = new byte[2048];
        new Random(42).nextBytes(garbage);
        ByteBuffer.wrap(garbage).putInt(garbage.length); // a complete packet, so the server has it all to judge
        Outcome o = send(garbage);
        // the random version code makes PostgreSQL answer "unsupported frontend protocol" with 0A000
        assertTrue(o == Outcome.CLOSED || "08P01".equals(lastSqlState) || "0A000".equals(lastSqlState), lastSqlState);
    }

    @Test
    void unknownMessageTypeAfterStartup() throws Exception {
        assertRejected(sendAfterStartup(message('!', new byte[0])));
    }

    @Test
    void messageLengthBelowFour() throws Exception {
        assertRejected(sendAfterStartup(new byte[] {'Q', 0, 0, 0, 2}));
    }

    @Test
    void negativeMessageLength() throws Exception {
        assertRejected(sendAfterStartup(new byte[] {'Q', (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xf0}));
    }

    @Test
    void hugeMessageLength() throws Exception {
        assertRejected(sendAfterStartup(new byte[] {'Q', 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff, 'S', 'E', 'L'}));
    }

    @Test
    void queryWithoutTerminatingNul() throws Exception {
        Outcome o = sendAfterStartup(message('Q', "SELECT 1".getBytes(StandardCharsets.US_ASCII)));
        assertRejected(o);
    }

    @Test
    void bindForUnknownStatementIsAnErrorNotACrash() throws Exception {
        // Bind "" portal to statement "nope" with no parameters, then Sync
        ByteArrayOutputStream bind = new ByteArrayOutputStream();
        bind.writeBytes(new byte[] {0});                       // portal ""
        bind.writeBytes("nope\0".getBytes(StandardCharsets.US_ASCII));
        bind.writeBytes(new byte[] {0, 0, 0, 0, 0, 0});        // 0 format codes, 0 params, 0 result formats
        ByteArrayOutputStream both = new ByteArrayOutputStream();
        both.writeBytes(message('B', bind.toByteArray()));
        both.writeBytes(message('S', new byte[0]));
        try (Socket s = open()) {
            startup(s);
            s.getOutputStream().write(both.toByteArray());
            DataInputStream in = new DataInputStream(s.getInputStream());
            String state = readUntilError(in);
            assertEquals("26000", state);
            // the connection lives on: a simple query still answers
            s.getOutputStream().write(message('Q', "SELECT 1\0".getBytes(StandardCharsets.US_ASCII)));
            assertTrue(readUntilReady(in), "ReadyForQuery after the query");
        }
    }

    @Test
    void truncatedMessageThenClientGoesAway() throws Exception {
        try (Socket s = open()) {
            startup(s);
            OutputStream out = s.getOutputStream();
            out.write(new byte[] {'Q', 0, 0, 0, 100, 'S', 'E', 'L'});
            out.flush();
        } // closed mid-message: the server must drop the session
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (server.sessionCount() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(0, server.sessionCount(), "session of the half-sent message was not closed");
    }

    @Test
    void manyBadConnectionsInARow() throws Exception {
        Random random = new Random(7);
        for (int i = 0; i < 30; i++) {
            byte[] junk = new byte[1 + random.nextInt(64)];
            random.nextBytes(junk);
            try (Socket s = open()) {
                if (i % 2 == 0) {
                    startup(s);
                }
                s.getOutputStream().write(junk);
                s.getOutputStream().flush();
            } catch (SocketException e) {
                // the server may already have closed it
            }
        }
    }

    // ---- raw protocol helpers ----

    private String lastSqlState = "";

    private void assertRejected(Outcome o) {
        assertTrue(o == Outcome.CLOSED || "08P01".equals(lastSqlState), "expected 08P01 or a close, got " + lastSqlState);
    }

    private static Socket open() throws IOException {
        Socket s = new Socket();
        s.connect(new InetSocketAddress("127.0.0.1", server.port()), 2000);
        s.setSoTimeout(5000);
        return s;
    }

    private static byte[] startupWithLength(int length) {
        return ByteBuffer.allocate(8).putInt(length).putInt(196608).array();
    }

    private static byte[] message(char type, byte[] body) {
        return ByteBuffer.allocate(5 + body.length).put((byte) type).putInt(4 + body.length).put(body).array();
    }

    private static void startup(Socket s) throws IOException {
        byte[] body = "user\0postgres\0database\0postgres\0\0".getBytes(StandardCharsets.US_ASCII);
        s.getOutputStream().write(ByteBuffer.allocate(8 + body.length).putInt(8 + body.length).putInt(196608).put(body).array());
        if (!readUntilReady(new DataInputStream(s.getInputStream()))) {
            fail("no ReadyForQuery after startup");
        }
    }

    /** Reads messages until ReadyForQuery (true) or an ErrorResponse during startup (false). */
    private static boolean readUntilReady(DataInputStream in) throws IOException {
        while (true) {
            int type = in.read();
            if (type < 0) {
                return false;
            }
            int len = in.readInt();
            in.readFully(new byte[len - 4]);
            if (type == 'Z') {
                return true;
            }
        }
    }

    private static String readUntilError(DataInputStream in) throws IOException {
        while (true) {
            int type = in.read();
            if (type < 0) {
                throw new EOFException("closed before an ErrorResponse");
            }
            int len = in.readInt();
            byte[] body = new byte[len - 4];
            in.readFully(body);
            if (type == 'E') {
                return sqlState(body);
            }
        }
    }

    private static String sqlState(byte[] errorBody) {
        int i = 0;
        while (i < errorBody.length && errorBody[i] != 0) {
            char field = (char) errorBody[i++];
            int start = i;
            while (errorBody[i] != 0) {
                i++;
            }
            String value = new String(errorBody, start, i - start, StandardCharsets.UTF_8);
            i++;
            if (field == 'C') {
                return value;
            }
        }
        return "";
    }

    private Outcome send(byte[] bytes) throws IOException {
        try (Socket s = open()) {
            s.getOutputStream().write(bytes);
            s.getOutputStream().flush();
            return outcome(s);
        }
    }

    private Outcome sendAfterStartup(byte[] bytes) throws IOException {
        try (Socket s = open()) {
            startup(s);
            s.getOutputStream().write(bytes);
            s.getOutputStream().flush();
            return outcome(s);
        }
    }

    /** An ErrorResponse (remembering its SQLSTATE), or the server closing the socket; a silent server fails. */
    private Outcome outcome(Socket s) throws IOException {
        lastSqlState = "";
        DataInputStream in = new DataInputStream(s.getInputStream());
        try {
            while (true) {
                int type = in.read();
                if (type < 0) {
                    return Outcome.CLOSED;
                }
                int len = in.readInt();
                if (len < 4 || len > 1 << 20) {
                    fail("server sent a malformed frame, type " + type + " length " + len);
                }
                byte[] body = new byte[len - 4];
                in.readFully(body);
                if (type == 'E') {
                    lastSqlState = sqlState(body);
                    return Outcome.PROTOCOL_ERROR;
                }
            }
        } catch (SocketException | EOFException e) {
            return Outcome.CLOSED; // reset by the server
        } catch (SocketTimeoutException e) {
            fail("the server neither answered nor closed within 5 s");
            return null;
        }
    }
}
