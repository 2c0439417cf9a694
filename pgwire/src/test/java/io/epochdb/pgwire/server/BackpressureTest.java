package io.epochdb.pgwire.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.epochdb.pgwire.testing.ClientMessages;
import io.epochdb.pgwire.testing.FakeEngine;
import java.io.DataInputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A client that does not read holds the query back: the server does not buffer the whole result. */
class BackpressureTest {
    @Test
    void slowClientStallsTheResultStream() throws Exception {
        FakeEngine engine = new FakeEngine();
        try (PgServer server = PgServer.start(engine, "127.0.0.1", 0); Socket s = new Socket()) {
            s.setReceiveBufferSize(64 * 1024);
            s.connect(new InetSocketAddress("127.0.0.1", server.port()));
            s.setSoTimeout(20_000);
            int rows = 3_000_000;
            s.getOutputStream().write(ClientMessages.create().startup(Map.of("user", "epoch")).query("GEN " + rows).toBytes());
            Thread.sleep(1500);
            long produced = engine.generatedRows.get();
            assertTrue(produced < 1_000_000, "server produced " + produced + " rows for a client that reads nothing");
            DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(s.getInputStream(), 65536));
            int dataRows = 0;
            while (true) {
                char type = (char) in.readByte();
                int len = in.readInt();
                in.skipNBytes(len - 4);
                if (type == 'D') {
                    dataRows++;
                } else if (type == 'Z' && dataRows > 0) {
                    break;
                }
            }
            assertEquals(rows, dataRows);
            assertEquals(rows, engine.generatedRows.get());
        } catch (IOException e) {
            throw new AssertionError(e);
        } finally {
            engine.close();
        }
    }
}
