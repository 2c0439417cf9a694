package io.epochdb.pgwire.server;

import static io.epochdb.pgwire.testing.EmbeddedConnection.types;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.epochdb.common.types.SqlType;
import io.epochdb.pgwire.testing.ClientMessages;
import io.epochdb.pgwire.testing.EmbeddedConnection;
import io.epochdb.pgwire.testing.FakeEngine;
import io.epochdb.pgwire.testing.ServerMessage;
import io.netty.buffer.ByteBuf;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ProtocolTest {
    private final FakeEngine engine = new FakeEngine();

    @AfterEach
    void allocatorIsEmpty() {
        assertEquals(0, engine.allocator.getAllocatedMemory(), "leaked Arrow memory");
        engine.close();
    }

    private static ClientMessages msg() {
        return ClientMessages.create();
    }

    @Test
    void startupSendsAuthOkParametersKeyDataAndReady() {
        try (EmbeddedConnection c = new EmbeddedConnection(engine)) {
            List<ServerMessage> m = c.send(msg().startup(Map.of("user", "epoch", "database", "metrics",
                "application_name", "psql", "TimeZone", "Europe/Berlin")));
            assertEquals('R', m.get(0).type());
            assertEquals(0, m.get(0).buf().readInt());
            Map<String, String> params = new LinkedHashMap<>();
            for (ServerMessage s : m) {
                if (s.type() == 'S') {
                    ByteBuf b = s.buf();
                    params.put(ServerMessage.cstring(b), ServerMessage.cstring(b));
                }
            }
            assertEquals("15.0 (EpochDB 0.1)", params.get("server_version"));
            assertEquals("Europe/Berlin", params.get("TimeZone"));
            assertEquals("psql", params.get("application_name"));
            ServerMessage key = m.get(m.size() - 2);
            assertEquals('K', key.type());
            int pid = key.buf().readInt();
            assertTrue(engine.session(pid) != null);
            assertEquals("Z(I)", m.get(m.size() - 1).toString());
            assertEquals("metrics", engine.lastDatabase);
        }
    }

    @Test
    void sslAndGssRequestsAreRefusedWithN() {
        try (EmbeddedConnection c = new EmbeddedConnection(engine)) {
            c.channel.writeInbound(msg().sslRequest().toByteBuf());
            ByteBuf raw = c.readRaw();
            assertEquals(1, raw.readableBytes());
            assertEquals('N', raw.readByte());
            c.channel.writeInbound(msg().gssEncRequest().toByteBuf());
            assertEquals('N', c.readRaw().readByte());
            List<ServerMessage> m = c.send(msg().startup(Map.of("user", "epoch")));
            assertEquals('Z', m.get(m.size() - 1).type());
            assertEquals("epoch", engine.lastDatabase, "database defaults to the user name");
        }
    }

    @Test
    void unknownRoleIsFatal28000() {
        try (EmbeddedConnection c = new EmbeddedConnection(engine)) {
            List<ServerMessage> m = c.send(msg().startup(Map.of("user", "nobody")));
            assertEquals(1, m.size());
            assertEquals("FATAL", m.get(0).fields().get('S'));
            assertEquals("28000", m.get(0).sqlState());
            assertEquals("role \"nobody\" does not exist", m.get(0).message());
            assertFalse(c.channel.isActive());
        }
    }

    @Test
    void missingUserIsFatal() {
        try (EmbeddedConnection c = new EmbeddedConnection(engine)) {
            List<ServerMessage> m = c.send(msg().startup(Map.of("database", "x")));
            assertEquals("28000", m.get(0).sqlState());
            assertFalse(c.channel.isActive());
        }
    }

    @Test
    void openSessionFailureIsFatal() {
        try (EmbeddedConnection c = new EmbeddedConnection(engine)) {
            List<ServerMessage> m = c.send(msg().startup(Map.of("user", "epoch", "database", "nodb")));
            assertEquals("E", types(m));
            assertEquals("FATAL", m.get(0).fields().get('S'));
            assertEquals("42704", m.get(0).sqlState());
            assertFalse(c.channel.isActive());
        }
    }

    @Test
    void otherProtocolMajorIsRejected() {
        try (EmbeddedConnection c = new EmbeddedConnection(engine)) {
            List<ServerMessage> m = c.send(msg().startup(2 << 16, Map.of()));
            assertEquals("0A000", m.get(0).sqlState());
            assertEquals("unsupported frontend protocol 2.0: server supports 3.0 to 3.0", m.get(0).message());
            assertFalse(c.channel.isActive());
        }
    }

    @Test
    void newerMinorVersionGetsNegotiateProtocolVersion() {
        try (EmbeddedConnection c = new EmbeddedConnection(engine)) {
            Map<String, String> p = new LinkedHashMap<>();
            p.put("user", "epoch");
            p.put("_pq_.something", "x");
            List<ServerMessage> m = c.send(msg().startup((3 << 16) | 2, p));
            assertEquals('v', m.get(0).type());
            ByteBuf b = m.get(0).buf();
            assertEquals(3 << 16, b.readInt());
            assertEquals(1, b.readInt());
            assertEquals("_pq_.something", ServerMessage.cstring(b));
            assertEquals('Z', m.get(m.size() - 1).type());
        }
    }

    @Test
    void simpleSelectOne() {
        try (EmbeddedConnection c = EmbeddedConnection.started(engine)) {
            List<ServerMessage> m = c.send(msg().query("SELECT 1"));
            assertEquals("TDCZ", types(m));
            ServerMessage.Field f = m.get(0).rowDescription().get(0);
            assertEquals(new ServerMessage.Field("?column?", 0, 0, 23, 4, -1, 0), f);
            assertEquals(List.of("1"), m.get(1).textValues());
            assertEquals("SELECT 1", m.get(2).tag());
            assertEquals("Z(I)", m.get(3).toString());
        }
    }

    @Test
    void rowDescriptionCarriesTableOidAndAttnum() {
        try (EmbeddedConnection c = EmbeddedConnection.started(engine)) {
            List<ServerMessage> m = c.send(msg().query("GEN 3"));
            assertEquals(new ServerMessage.Field("n", 16384, 1, 20, 8, -1, 0), m.get(0).rowDescription().get(0));
            assertEquals("TDDDCZ", types(m));
            assertEquals("SELECT 3", m.get(4).tag());
        }
    }

    @Test
    void severalStatementsAndEmptyQuery() {
        try (EmbeddedConnection c = EmbeddedConnection.started(engine)) {
            assertEquals("TDCTDCZ", types(c.send(msg().query("SELECT 1; SELECT 1"))));
            assertEquals("IZ", types(c.send(msg().query(""))));
            assertEquals("IZ", types(c.send(msg().query("-- nothing"))));
        }
    }

    @Test
    void errorStopsTheRestOfTheQueryString() {
        try (EmbeddedConnection c = EmbeddedConnection.started(engine)) {
            List<ServerMessage> m = c.send(msg().query("SELECT 1; ERROR 42P01 relation \"x\" does not exist; SELECT 1"));
            assertEquals("TDCEZ", types(m));
            Map<Character, String> f = m.get(3).fields();
            assertEquals("ERROR", f.get('S'));
            assertEquals("ERROR", f.get('V'));
            assertEquals("42P01", f.get('C'));
            assertEquals("relation \"x\" does not exist", f.get('M'));
            assertEquals("some detail", f.get('D'));
            assertEquals("some hint", f.get('H'));
            assertEquals("3", f.get('P'));
        }
    }

    @Test
    void syntaxErrorFromParse() {
        try (EmbeddedConnection c = EmbeddedConnection.started(engine)) {
            List<ServerMessage> m = c.send(msg().query("SYNTAX"));
            assertEquals("EZ", types(m));
            assertEquals("42601", m.get(0).sqlState());
            assertEquals("1", m.get(0).fields().get('P'));
        }
    }

    @Test
    void internalErrorIsXX000AndConnectionLivesOn() {
        try (EmbeddedConnection c = EmbeddedConnection.started(engine)) {
            List<ServerMessage> m = c.send(msg().query("BOOM"));
            assertEquals("EZ", types(m));
            assertEquals("XX000", m.get(0).sqlState());
            assertEquals("boom", m.get(0).message());
            assertEquals("TDCZ", types(c.send(msg().query("SELECT 1"))));
        }
    }

    @Test
    void noticesAndParameterStatusChanges() {
        try (EmbeddedConnection c = EmbeddedConnection.started(engine)) {
            List<ServerMessage> m = c.send(msg().query("NOTICE hello"));
            assertEquals("NCZ", types(m));
            assertEquals("hello", m.get(0).message());
            assertEquals("00000", m.get(0).sqlState());
            m = c.send(msg().query("SET TimeZone Asia/Kolkata"));
            assertEquals("CSZ", types(m));
            assertEquals("S(TimeZone=Asia/Kolkata)", m.get(1).toString());
        }
    }

    @Test
    void transactionStatusInReadyForQuery() {
        try (EmbeddedConnection c = EmbeddedConnection.started(engine)) {
            List<ServerMessage> m = c.send(msg().query("BEGIN"));
            assertEquals("Z(T)", m.get(m.size() - 1).toString());
            m = c.send(msg().query("COMMIT"));
            assertEquals("Z(I)", m.get(m.size() - 1).toString());
        }
    }

    @Test
    void extendedProtocolUnnamed() {
        try (EmbeddedConnection c = EmbeddedConnection.started(engine)) {
            List<ServerMessage> m = c.send(msg().parse("", "SELECT 1").bind("", "").describe('P', "")
                .execute("", 0).sync());
            assertEquals("12TDCZ", types(m));
            assertEquals(List.of("1"), m.get(3).textValues());
        }
    }

    @Test
    void describeStatementGivesParametersAndRow() {
        try (EmbeddedConnection c = EmbeddedConnection.started(engine)) {
            List<ServerMessage> m = c.send(msg().parse("s1", "ECHO int8 $1").describe('S', "s1").sync());
            assertEquals("1tTZ", types(m));
            ByteBuf t = m.get(1).buf();
            assertEquals(1, t.readShort());
            assertEquals(20, t.readInt());
            assertEquals(20, m.get(2).rowDescription().get(0).typeOid());
            m = c.send(msg().parse("s2", "BEGIN").describe('S', "s2").sync());
            assertEquals("1tnZ", types(m));
        }
    }

    @Test
    void bindTextAndBinaryParametersAndBinaryResults() {
        try (EmbeddedConnection c = EmbeddedConnection.started(engine)) {
            List<ServerMessage> m = c.send(msg().parse("", "ECHO int4 $1", 23)
                .bind("", "", new short[] {1}, List.of(ByteBuffer.allocate(4).putInt(42).array()), (short) 1)
                .describe('P', "").execute("", 0).sync());
            assertEquals("12TDCZ", types(m));
            assertEquals(1, m.get(2).rowDescription().get(0).format());
            assertEquals(42, ByteBuffer.wrap(m.get(3).rawValues().get(0)).getInt());
            m = c.send(msg().parse("", "ECHO int4 $1")
                .bind("", "", new short[0], List.of("-7".getBytes(StandardCharsets.UTF_8)))
                .execute("", 0).sync());
            assertEquals("12DCZ", types(m));
            assertEquals(List.of("-7"), m.get(2).textValues());
            List<byte[]> nullValue = new ArrayList<>();
            nullValue.add(null);
            m = c.send(msg().parse("", "ECHO int4 $1").bind("", "", new short[0], nullValue).execute("", 0).sync());
            assertEquals(java.util.Collections.singletonList(null), m.get(2).textValues());
        }
    }

    @Test
    void declaredTypeDiffersFromStatementType() {
        try (EmbeddedConnection c = EmbeddedConnection.started(engine)) {
            // client sends an int8 in binary where the statement takes int4
            List<ServerMessage> m = c.send(msg().parse("", "ECHO int4 $1", SqlType.INT8.oid())
                .bind("", "", new short[] {1}, List.of(ByteBuffer.allocate(8).putLong(5).array()))
                .execute("", 0).sync());
            assertEquals("12DCZ", types(m));
            assertEquals(List.of("5"), m.get(2).textValues());
        }
    }

    @Test
    void badParameterIsAnErrorThenSkipUntilSync() {
        try (EmbeddedConnection c = EmbeddedConnection.started(engine)) {
            List<ServerMessage> m = c.send(msg().parse("", "ECHO int4 $1")
                .bind("", "", new short[0], List.of("abc".getBytes(StandardCharsets.UTF_8)))
                .execute("", 0).parse("", "SELECT 1").bind("", "").execute("", 0).sync());
            assertEquals("1EZ", types(m));
            assertEquals("22P02", m.get(1).sqlState());
            assertEquals("invalid input syntax for type integer: \"abc\"", m.get(1).message());
            assertEquals("12DCZ", types(c.send(msg().parse("", "SELECT 1").bind("", "").execute("", 0).sync())));
        }
    }

    @Test
    void wrongParameterCount() {
        try (EmbeddedConnection c = EmbeddedConnection.started(engine)) {
            List<ServerMessage> m = c.send(msg().parse("", "ECHO int4 $1").bind("", "").sync());
            assertEquals("1EZ", types(m));
            assertEquals("08P01", m.get(1).sqlState());
            assertEquals("bind message supplies 0 parameters, but prepared statement \"\" requires 1", m.get(1).message());
        }
    }

    @Test
    void portalSuspendsAndResumes() {
        try (EmbeddedConnection c = EmbeddedConnection.started(engine)) {
            List<ServerMessage> m = c.send(msg().parse("", "GEN 2500").bind("", "").execute("", 1200).flush());
            assertEquals("12" + "D".repeat(1200) + "s", types(m));
            m = c.send(msg().execute("", 1200).flush());
            assertEquals("D".repeat(1200) + "s", types(m));
            assertEquals(List.of("2400"), m.get(1199).textValues());
            m = c.send(msg().execute("", 1200).sync());
            assertEquals("D".repeat(100) + "CZ", types(m));
            assertEquals(List.of("2500"), m.get(99).textValues());
            assertEquals("SELECT 100", m.get(100).tag(), "rows of this Execute, as PostgreSQL reports");
        }
    }

    @Test
    void portalLimitAtExactEndThenCompletes() {
        try (EmbeddedConnection c = EmbeddedConnection.started(engine)) {
            List<ServerMessage> m = c.send(msg().parse("", "GEN 1000").bind("", "").execute("", 1000).execute("", 1000).sync());
            assertEquals("12" + "D".repeat(1000) + "sCZ", types(m));
        }
    }

    @Test
    void namedStatementsAndPortals() {
        try (EmbeddedConnection c = EmbeddedConnection.started(engine)) {
            List<ServerMessage> m = c.send(msg().parse("S_1", "GEN 5").sync());
            assertEquals("1Z", types(m));
            m = c.send(msg().parse("S_1", "GEN 5").sync());
            assertEquals("EZ", types(m));
            assertEquals("42P05", m.get(0).sqlState());
            // named portals survive inside a transaction block
            m = c.send(msg().query("BEGIN"));
            m = c.send(msg().bind("P1", "S_1").execute("P1", 2).sync());
            assertEquals("2DDsZ", types(m));
            m = c.send(msg().execute("P1", 0).sync());
            assertEquals("DDDCZ", types(m));
            m = c.send(msg().close('P', "P1").close('S', "S_1").sync());
            assertEquals("33Z", types(m));
            m = c.send(msg().bind("", "S_1").sync());
            assertEquals("26000", m.get(0).sqlState());
            assertEquals("prepared statement \"S_1\" does not exist", m.get(0).message());
            m = c.send(msg().execute("nope", 0).sync());
            assertEquals("34000", m.get(0).sqlState());
            c.send(msg().query("COMMIT"));
        }
    }

    @Test
    void portalsEndWithTheTransaction() {
        try (EmbeddedConnection c = EmbeddedConnection.started(engine)) {
            List<ServerMessage> m = c.send(msg().parse("S", "GEN 3000").bind("P", "S").execute("P", 10).sync());
            assertEquals('Z', m.get(m.size() - 1).type());
            m = c.send(msg().execute("P", 10).sync());
            assertEquals("EZ", types(m));
            assertEquals("34000", m.get(0).sqlState());
        }
    }

    @Test
    void pipelinedBindExecuteBeforeOneSync() {
        try (EmbeddedConnection c = EmbeddedConnection.started(engine)) {
            ClientMessages b = msg().parse("S_2", "ECHO int8 $1", 20);
            for (int i = 0; i < 5; i++) {
                b.bind("", "S_2", new short[] {1}, List.of(ByteBuffer.allocate(8).putLong(i).array()), (short) 1)
                    .execute("", 0);
            }
            List<ServerMessage> m = c.send(b.sync());
            assertEquals("1" + "2DC".repeat(5) + "Z", types(m));
            assertEquals(4, ByteBuffer.wrap(m.get(14).rawValues().get(0)).getLong());
        }
    }

    @Test
    void emptyStatementInExtendedProtocol() {
        try (EmbeddedConnection c = EmbeddedConnection.started(engine)) {
            List<ServerMessage> m = c.send(msg().parse("", "").bind("", "").describe('P', "").execute("", 0).sync());
            assertEquals("12nIZ", types(m));
        }
    }

    @Test
    void multipleCommandsCannotBePrepared() {
        try (EmbeddedConnection c = EmbeddedConnection.started(engine)) {
            List<ServerMessage> m = c.send(msg().parse("", "SELECT 1; SELECT 1").sync());
            assertEquals("EZ", types(m));
            assertEquals("42601", m.get(0).sqlState());
        }
    }

    @Test
    void executeErrorClosesPortalAndSkipsToSync() {
        try (EmbeddedConnection c = EmbeddedConnection.started(engine)) {
            List<ServerMessage> m = c.send(msg().parse("", "ERROR 22012 division by zero").bind("", "").execute("", 0)
                .describe('S', "").sync());
            assertEquals("12EZ", types(m));
            assertEquals("22012", m.get(2).sqlState());
        }
    }

    @Test
    void copyInSimpleQuery() {
        try (EmbeddedConnection c = EmbeddedConnection.started(engine)) {
            List<ServerMessage> m = c.send(msg().query("COPY IN; SELECT 1"));
            assertEquals("G", types(m));
            ByteBuf g = m.get(0).buf();
            assertEquals(0, g.readByte());
            assertEquals(2, g.readShort());
            m = c.send(msg().copyData("1\ta\n2\t").copyData("b\n").copyDone());
            assertEquals("CTDCZ", types(m));
            assertEquals("COPY 2", m.get(0).tag());
            int pid = engine.sessions().iterator().next();
            assertEquals(List.of("1\ta", "2\tb"), engine.session(pid).copied);
        }
    }

    @Test
    void copyFailAndCopyErrors() {
        try (EmbeddedConnection c = EmbeddedConnection.started(engine)) {
            assertEquals("G", types(c.send(msg().query("COPY IN"))));
            List<ServerMessage> m = c.send(msg().copyData("x").copyFail("client gave up"));
            assertEquals("EZ", types(m));
            assertEquals("57014", m.get(0).sqlState());
            assertEquals("COPY from stdin failed: client gave up", m.get(0).message());
            assertEquals("G", types(c.send(msg().query("COPY IN"))));
            m = c.send(msg().copyData("bad\n").copyDone());
            assertEquals("EZ", types(m));
            assertEquals("22P04", m.get(0).sqlState());
            // leftover copy messages after a failure are ignored
            assertEquals("TDCZ", types(c.send(msg().copyData("late").copyDone().query("SELECT 1"))));
        }
    }

    @Test
    void copyInThroughExtendedProtocol() {
        try (EmbeddedConnection c = EmbeddedConnection.started(engine)) {
            List<ServerMessage> m = c.send(msg().parse("", "COPY IN").bind("", "").execute("", 0).flush());
            assertEquals("12G", types(m));
            m = c.send(msg().copyData("5\tz\n").copyDone().sync());
            assertEquals("CZ", types(m));
        }
    }

    @Test
    void copyOut() {
        try (EmbeddedConnection c = EmbeddedConnection.started(engine)) {
            List<ServerMessage> m = c.send(msg().query("COPY OUT"));
            assertEquals("HdddcCZ", types(m));
            assertEquals("2\tb\n", new String(m.get(2).body(), StandardCharsets.UTF_8));
            assertEquals("COPY 3", m.get(5).tag());
        }
    }

    @Test
    void unknownMessageTypeIsFatal08P01() {
        try (EmbeddedConnection c = EmbeddedConnection.started(engine)) {
            List<ServerMessage> m = c.send(msg().rawByte('y').rawInt(4));
            assertEquals("E", types(m));
            assertEquals("FATAL", m.get(0).fields().get('S'));
            assertEquals("08P01", m.get(0).sqlState());
            assertEquals("invalid frontend message type 121", m.get(0).message());
            assertFalse(c.channel.isActive());
            assertEquals(1, engine.closedSessions.get());
        }
    }

    @Test
    void badLengthIsFatal() {
        try (EmbeddedConnection c = EmbeddedConnection.started(engine)) {
            List<ServerMessage> m = c.send(msg().rawByte('Q').rawInt(2));
            assertEquals("08P01", m.get(0).sqlState());
            assertFalse(c.channel.isActive());
        }
        try (EmbeddedConnection c = new EmbeddedConnection(engine)) {
            List<ServerMessage> m = c.send(msg().rawInt(-5).rawInt(0));
            assertEquals("08P01", m.get(0).sqlState());
            assertEquals("invalid length of startup packet", m.get(0).message());
            assertFalse(c.channel.isActive());
        }
    }

    @Test
    void malformedBodyIsFatal() {
        try (EmbeddedConnection c = EmbeddedConnection.started(engine)) {
            // Query without its terminating NUL
            List<ServerMessage> m = c.send(msg().rawByte('Q').rawInt(7).raw("abc".getBytes(StandardCharsets.US_ASCII)));
            assertEquals("08P01", m.get(0).sqlState());
            assertFalse(c.channel.isActive());
        }
    }

    @Test
    void terminateClosesAndClosesSession() {
        try (EmbeddedConnection c = EmbeddedConnection.started(engine)) {
            c.send(msg().terminate());
            assertFalse(c.channel.isActive());
            c.channel.runPendingTasks();
            assertEquals(1, engine.closedSessions.get());
        }
    }

    @Test
    void cancelRequestCancelsTheSession() {
        try (EmbeddedConnection c = EmbeddedConnection.started(engine)) {
            int pid = engine.sessions().iterator().next();
            var s = engine.session(pid);
            try (EmbeddedConnection cancel = new EmbeddedConnection(engine)) {
                List<ServerMessage> m = cancel.send(msg().cancelRequest(pid, s.secretKey()));
                assertTrue(m.isEmpty());
                assertFalse(cancel.channel.isActive());
            }
            assertTrue(s.wasCancelled());
            assertNull(null);
        }
    }
}
