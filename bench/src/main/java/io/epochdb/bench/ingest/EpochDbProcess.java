package io.epochdb.bench.ingest;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** An EpochDB server started from the runnable jar in its own JVM, on a free port, output appended to a log file. */
public final class EpochDbProcess implements AutoCloseable {
    private static final long START_TIMEOUT_MS = 300_000;

    private final Process process;
    private final int port;
    private final Path logFile;

    private EpochDbProcess(Process process, int port, Path logFile) {
        this.process = requireNonNull(process, "process");
        this.port = port;
        this.logFile = requireNonNull(logFile, "logFile");
    }

    /** Starts {@code java -jar jar --data dataDir} and waits until {@code SELECT 1} works. */
    public static EpochDbProcess start(Path jar, Path dataDir, Path logFile, List<String> jvmArgs)
        throws IOException, InterruptedException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("--add-opens=java.base/java.nio=ALL-UNNAMED");
        command.addAll(jvmArgs);
        command.addAll(List.of("-jar", jar.toString(), "--host", "127.0.0.1", "--port", Integer.toString(port),
            "--data", dataDir.toString()));
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile())).start();
        EpochDbProcess server = new EpochDbProcess(p, port, logFile);
        try {
            server.awaitReady();
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e;
        }
        return server;
    }

    private void awaitReady() throws IOException, InterruptedException {
        long deadline = System.currentTimeMillis() + START_TIMEOUT_MS;
        while (System.currentTimeMillis() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("EpochDB exited with status " + process.exitValue() + " during startup; see "
                    + logFile);
            }
            try (Connection c = DriverManager.getConnection(url() + "&connectTimeout=2");
                 Statement s = c.createStatement()) {
                s.execute("SELECT 1");
                return;
            } catch (SQLException e) {
                Thread.sleep(100);
            }
        }
        throw new IOException("EpochDB not ready after " + START_TIMEOUT_MS + " ms; see " + logFile);
    }

    public String url() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=postgres";
    }

    /** SIGTERM: the server's shutdown hook closes the engine cleanly. */
    public void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(300, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("EpochDB did not stop within 300 s of SIGTERM; see " + logFile);
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

    /** Sizes of the regular files under {@code dir} grouped by their first path component, largest first. */
    static String sizeBreakdown(Path dir) throws IOException {
        java.util.Map<String, Long> sizes = new java.util.TreeMap<>();
        try (Stream<Path> files = Files.walk(dir)) {
            files.filter(Files::isRegularFile).forEach(p -> {
                try {
                    sizes.merge(dir.relativize(p).getName(0).toString(), Files.size(p), Long::sum);
                } catch (IOException e) {
                    // removed while walking
                }
            });
        }
        StringBuilder s = new StringBuilder();
        sizes.entrySet().stream().sorted(java.util.Map.Entry.<String, Long>comparingByValue().reversed())
            .forEach(e -> s.append(s.length() == 0 ? "" : ", ").append(e.getKey()).append(' ')
                .append(String.format(java.util.Locale.ROOT, "%,d", e.getValue())));
        return s.toString();
    }

    /** Total size of the regular files under {@code dir}. */
    static long directorySize(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> {
                try {
                    return Files.size(p);
                } catch (IOException e) {
                    return 0; // removed while walking (a temp file being renamed)
                }
            }).sum();
        }
    }
}
