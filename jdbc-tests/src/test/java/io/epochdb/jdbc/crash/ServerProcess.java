package io.epochdb.jdbc.crash;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * An EpochDB server in its own JVM ({@code io.epochdb.pgwire.Main} on this JVM's class path), so a test can kill it
 * with SIGKILL and start another on the same data directory. Output goes to a log file appended across restarts.
 */
final class ServerProcess implements AutoCloseable {
    /** Exit status Java reports for a process ended by SIGKILL (128 + 9). */
    static final int SIGKILL_EXIT = 137;
    /** Exit status of a JVM that ran its shutdown hooks after SIGTERM (128 + 15). */
    static final int SIGTERM_EXIT = 143;
    private static final long START_TIMEOUT_MS = 180_000;

    /** How long the last successful {@link #start} took, to aim kills during start-up. */
    private static volatile long lastStartMillis = 5000;

    private final Process process;
    private final int port;
    private final Path dataDir;
    private final Path logFile;

    private ServerProcess(Process process, int port, Path dataDir, Path logFile) {
        this.process = requireNonNull(process, "process");
        this.port = port;
        this.dataDir = requireNonNull(dataDir, "dataDir");
        this.logFile = requireNonNull(logFile, "logFile");
    }

    /** Starts a server on a free port over {@code dataDir} and waits until it answers a query. */
    static ServerProcess start(Path dataDir, Path logFile) throws IOException, InterruptedException {
        IOException last = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            long t0 = System.nanoTime();
            ServerProcess server = launch(dataDir, logFile, freePort());
            try {
                server.awaitReady();
                lastStartMillis = (System.nanoTime() - t0) / 1_000_000;
                System.out.printf("[crash] server pid %d ready on port %d in %d ms%n", server.pid(), server.port(),
                    lastStartMillis);
                return server;
            } catch (IOException e) {
                server.close();
                last = e;
                if (!e.getMessage().contains("in use")) {
                    break; // another free port would not help
                }
            }
        }
        throw last;
    }

    /** Milliseconds the last successful {@link #start} took until a query worked. */
    static long lastStartMillis() {
        return lastStartMillis;
    }

    /**
     * Starts a server over {@code dataDir} and SIGKILLs it {@code delayMs} later whether or not it is ready yet: a
     * crash during JVM start-up, recovery or the checkpoint taken on open, which the next start must survive.
     */
    static void startAndKillEarly(Path dataDir, Path logFile, long delayMs) throws IOException, InterruptedException {
        try (ServerProcess server = launch(dataDir, logFile, freePort())) {
            Thread.sleep(delayMs);
            Files.writeString(logFile, "==== SIGKILL " + delayMs + " ms after the start\n", StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            server.kill9();
        }
    }

    private static ServerProcess launch(Path dataDir, Path logFile, int port) throws IOException {
        Files.createDirectories(logFile.toAbsolutePath().getParent());
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(javaBin,
            "--add-opens=java.base/java.nio=ALL-UNNAMED",
            "-Xmx" + System.getProperty("epochdb.crash.serverHeap", "1g"),
            // checkpoints every few MB of WAL instead of every 256 MB, so kills also land during checkpoints
            "-Depochdb.checkpointWalBytes=" + System.getProperty("epochdb.crash.checkpointWalBytes", "4194304")));
        for (String arg : System.getProperty("epochdb.crash.serverJvmArgs", "").trim().split("\\s+")) {
            if (!arg.isEmpty()) {
                command.add(arg);
            }
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"),
            "io.epochdb.pgwire.Main", "--port", Integer.toString(port), "--host", "127.0.0.1",
            "--data", dataDir.toAbsolutePath().toString()));
        Files.writeString(logFile, "==== starting server on port " + port + " over " + dataDir + "\n",
            StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        Process p = new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
            .start();
        return new ServerProcess(p, port, dataDir, logFile);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        }
    }

    /** Polls until {@code SELECT 1} works; fails early with the log tail if the process exits. */
    private void awaitReady() throws IOException, InterruptedException {
        long deadline = System.currentTimeMillis() + START_TIMEOUT_MS;
        SQLException lastFailure = null;
        while (System.currentTimeMillis() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("server exited with status " + process.exitValue() + " during startup; log tail:\n"
                    + logTail(30));
            }
            try (Connection c = DriverManager.getConnection(url("connectTimeout=2", "socketTimeout=30"));
                 Statement s = c.createStatement()) {
                s.execute("SELECT 1");
                return;
            } catch (SQLException e) {
                if (e.getSQLState() != null && !e.getSQLState().startsWith("08") && !"57P03".equals(e.getSQLState())) {
                    // the server answered with an error: waiting longer will not help
                    throw new IOException("server started but SELECT 1 failed: " + e.getMessage() + "; log tail:\n"
                        + logTail(30), e);
                }
                lastFailure = e;
                Thread.sleep(100);
            }
        }
        throw new IOException("server not ready after " + START_TIMEOUT_MS + " ms (" + lastFailure + "); log tail:\n"
            + logTail(30));
    }

    int port() {
        return port;
    }

    Path dataDir() {
        return dataDir;
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** The pgjdbc URL as the bootstrap superuser, with extra query parameters. */
    String url(String... parameters) {
        StringBuilder url = new StringBuilder("jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=postgres");
        for (String p : parameters) {
            url.append('&').append(p);
        }
        return url.toString();
    }

    Connection connect(String... parameters) throws SQLException {
        return DriverManager.getConnection(url(parameters));
    }

    /** SIGKILL; returns once the process is gone, throwing if it did not die of that signal. */
    void kill9() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new AssertionError("server pid " + process.pid() + " still alive 30 s after SIGKILL");
        }
        if (process.exitValue() != SIGKILL_EXIT) {
            throw new AssertionError("server pid " + process.pid() + " exited with " + process.exitValue()
                + " before/instead of SIGKILL (expected " + SIGKILL_EXIT + "); log tail:\n" + logTail(30));
        }
    }

    /**
     * SIGTERM, then SIGKILL {@code delayMs} later unless the JVM is gone by then: a crash in the middle of the clean
     * shutdown (the checkpoint taken on close). Returns the exit status (143 or 137).
     */
    int terminateThenKill(long delayMs) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(delayMs, TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
        }
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new AssertionError("server pid " + process.pid() + " still alive 30 s after SIGKILL");
        }
        int status = process.exitValue();
        if (status != SIGKILL_EXIT && status != SIGTERM_EXIT && status != 0) {
            throw new AssertionError("server pid " + process.pid() + " exited with " + status
                + " during shutdown; log tail:\n" + logTail(30));
        }
        return status;
    }

    /**
     * SIGTERM: the server's shutdown hook closes the engine cleanly. A JVM that ran its hooks after SIGTERM exits
     * with 143 (128 + 15); anything else means the shutdown went wrong.
     */
    void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            throw new AssertionError("server pid " + process.pid() + " did not stop within 120 s of SIGTERM");
        }
        int status = process.exitValue();
        if (status != SIGTERM_EXIT && status != 0) {
            throw new AssertionError("server pid " + process.pid() + " exited with " + status
                + " after SIGTERM; log tail:\n" + logTail(30));
        }
    }

    /** The last {@code lines} lines of the server log (every run appends to it). */
    String logTail(int lines) {
        return logTail(logFile, lines);
    }

    static String logTail(Path logFile, int lines) {
        try {
            List<String> all = Files.readAllLines(logFile, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | java.io.UncheckedIOException e) {
            return "(cannot read " + logFile + ": " + e + ")";
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
