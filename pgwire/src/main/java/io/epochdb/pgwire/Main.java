package io.epochdb.pgwire;

import io.epochdb.pgwire.server.PgServer;
import io.epochdb.planner.Engine;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;

/**
 * Entry point of the runnable jar: {@code java -jar epochdb.jar [--host H] [--port P] [--data DIR]}. Startup
 * failures (port taken, unusable data directory) end the process with one line on stderr and exit code 1.
 */
public final class Main {
    static final String USAGE = String.join("\n",
        "Usage: java -jar epochdb.jar [options]",
        "  --host HOST   address to listen on (default 127.0.0.1)",
        "  --port PORT   TCP port to listen on (default 5432)",
        "  --data DIR    data directory, created if missing (default ./data)",
        "  --help        show this help and exit");

    private Main() {
    }

    /** Parsed command line. */
    record Options(String host, int port, Path dataDir, boolean help) {
        static Options parse(String[] args) {
            String host = "127.0.0.1";
            int port = 5432;
            Path data = Paths.get("data");
            boolean help = false;
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                String value = null;
                int eq = a.indexOf('=');
                if (a.startsWith("--") && eq > 0) {
                    value = a.substring(eq + 1);
                    a = a.substring(0, eq);
                }
                switch (a) {
                    case "--help", "-h" -> help = true;
                    case "--host" -> host = value != null ? value : next(args, ++i, a);
                    case "--port" -> {
                        String p = value != null ? value : next(args, ++i, a);
                        try {
                            port = Integer.parseInt(p);
                        } catch (NumberFormatException e) {
                            throw new IllegalArgumentException("invalid port: " + p);
                        }
                        if (port < 0 || port > 65535) {
                            throw new IllegalArgumentException("invalid port: " + p);
                        }
                    }
                    case "--data" -> data = Paths.get(value != null ? value : next(args, ++i, a));
                    default -> throw new IllegalArgumentException("unknown option: " + args[i]);
                }
            }
            return new Options(host, port, data, help);
        }

        private static String next(String[] args, int i, String option) {
            if (i >= args.length) {
                throw new IllegalArgumentException("option " + option + " needs a value");
            }
            return args[i];
        }
    }

    public static void main(String[] args) {
        // Arrow checks every buffer access against bounds and the reference count (a volatile read) unless told
        // otherwise; that was a fifth of a scan's time. The engine's vector code is tested with the checks on
        // (surefire runs keep the default), so the server runs without them. Must be set before Arrow loads.
        if (System.getProperty("arrow.enable_unsafe_memory_access") == null) {
            System.setProperty("arrow.enable_unsafe_memory_access", "true");
        }
        int code = run(args, System.out, System.err, Engine::open, true);
        if (code != 0) {
            System.exit(code);
        }
    }

    /**
     * Runs the server; returns the exit code. With {@code block}, waits until the JVM shuts down (SIGTERM runs the
     * shutdown hook that closes server and engine).
     */
    static int run(String[] args, PrintStream stdout, PrintStream stderr, Function<Path, Engine> opener, boolean block) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            stderr.println("epochdb: " + e.getMessage());
            stderr.println(USAGE);
            return 1;
        }
        if (options.help()) {
            stdout.println(USAGE);
            return 0;
        }
        Path data = options.dataDir().toAbsolutePath().normalize();
        String problem = dataDirectoryProblem(data);
        if (problem != null) {
            stderr.println("epochdb: cannot use data directory " + data + ": " + problem);
            return 1;
        }
        Engine engine;
        try {
            engine = opener.apply(data);
        } catch (Throwable e) {
            stderr.println("epochdb: cannot open data directory " + data + ": " + oneLine(e));
            return 1;
        }
        PgServer server;
        try {
            server = PgServer.start(engine, options.host(), options.port());
        } catch (Throwable e) {
            closeQuietly(engine);
            stderr.println("epochdb: " + oneLine(e));
            return 1;
        }
        stdout.println("EpochDB listening on " + options.host() + ":" + server.port() + ", data dir " + data);
        stdout.flush();
        if (!block) {
            server.close();
            closeQuietly(engine);
            return 0;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.close();
            } finally {
                closeQuietly(engine);
                stopped.countDown();
            }
        }, "epochdb-shutdown"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    /** Creates the data directory if missing; returns why it cannot be used, or null. */
    static String dataDirectoryProblem(Path data) {
        if (Files.exists(data) && !Files.isDirectory(data)) {
            return "not a directory";
        }
        try {
            Files.createDirectories(data);
        } catch (java.nio.file.AccessDeniedException e) {
            return "permission denied";
        } catch (java.io.IOException | RuntimeException e) {
            return oneLine(e);
        }
        if (!Files.isWritable(data)) {
            return "permission denied";
        }
        return null;
    }

    private static void closeQuietly(Engine engine) {
        try {
            engine.close();
        } catch (Throwable e) {
            System.err.println("epochdb: error while closing the engine: " + oneLine(e));
        }
    }

    /** The first message found walking down the causes, on one line. */
    static String oneLine(Throwable e) {
        String message = null;
        for (Throwable t = e; t != null && message == null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                message = t.getMessage();
            }
        }
        if (message == null) {
            message = e.getClass().getSimpleName();
        }
        return message.replace('\n', ' ').replace('\r', ' ');
    }
}
