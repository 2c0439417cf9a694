package io.epochdb.pgwire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.epochdb.pgwire.testing.FakeEngine;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {
    @TempDir
    Path tmp;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Main.run(args, new PrintStream(out, true), new PrintStream(err, true), p -> new FakeEngine(), false);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void help() {
        assertEquals(0, run("--help"));
        assertTrue(out.toString().contains("--port"));
        assertEquals("", err());
    }

    @Test
    void startsPrintsOneLineAndCreatesDataDir() {
        Path data = tmp.resolve("d1/nested");
        assertEquals(0, run("--port", "0", "--data", data.toString()));
        String line = out.toString(StandardCharsets.UTF_8).trim();
        assertTrue(line.matches("EpochDB listening on 127\\.0\\.0\\.1:\\d+, data dir .*nested"), line);
        assertTrue(Files.isDirectory(data));
    }

    @Test
    void takenPortIsOneLineAndExitCode1() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertEquals(1, run("--port", String.valueOf(taken.getLocalPort()), "--data", tmp.toString()));
        }
        String e = err();
        assertEquals(1, e.strip().lines().count(), e);
        assertTrue(e.startsWith("epochdb: could not listen on 127.0.0.1:"), e);
        assertTrue(!e.contains("\tat "), e);
    }

    @Test
    void unusableDataDirectory() throws IOException {
        Path file = Files.writeString(tmp.resolve("plainfile"), "x");
        assertEquals(1, run("--port", "0", "--data", file.toString()));
        assertEquals(1, err().strip().lines().count(), err());
        assertTrue(err().startsWith("epochdb: cannot use data directory"), err());
    }

    @Test
    void engineFailureIsOneLine() {
        int code = Main.run(new String[] {"--port", "0", "--data", tmp.toString()}, new PrintStream(out, true),
            new PrintStream(err, true), p -> {
                throw new IllegalStateException("disk on fire");
            }, false);
        assertEquals(1, code);
        assertTrue(err().contains("disk on fire"), err());
        assertEquals(1, err().strip().lines().count());
    }

    @Test
    void badArguments() {
        assertEquals(1, run("--port", "abc"));
        assertTrue(err().startsWith("epochdb: invalid port: abc"));
        assertEquals(1, run("--bogus"));
    }
}
