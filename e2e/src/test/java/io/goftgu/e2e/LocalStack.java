package io.goftgu.e2e;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.goftgu.testing.FreePorts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The whole platform as a newcomer runs it: {@code ./goftgu up} (packaged services, PostgreSQL, a standalone KRaft
 * Kafka broker from Kafka's own artifacts) in a throwaway home, on ports shifted by {@link #PORT_OFFSET} so it
 * does not meet a stack a developer already runs. {@link #close()} runs {@code ./goftgu down --wipe}. Test classes
 * share one stack per JVM ({@link #shared()}): starting one costs half a minute.
 */
final class LocalStack implements AutoCloseable {

    /** Where the stack's ports start above the defaults; {@code -De2e.port-offset} moves it (two checkouts testing at once). */
    static final int PORT_OFFSET = Integer.getInteger("e2e.port-offset", 1000);
    /** Two realtime-service replicas behind the gateway, as in production: every test crosses replicas. */
    static final int REALTIME_REPLICAS = 2;

    private static LocalStack shared;

    /** The stack of this test JVM, started on first use and stopped when the JVM exits. */
    static synchronized LocalStack shared() throws IOException {
        if (shared == null) {
            var stack = new LocalStack();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    stack.close();
                } catch (IOException e) {
                    System.err.println("stopping the local stack failed: " + e.getMessage());
                }
            }));
            shared = stack;
        }
        return shared;
    }

    private final Path root = Path.of(System.getProperty("goftgu.root", ".."))
            .toAbsolutePath().normalize();
    private final Path home;

    /**
     * {@code -De2e.home=DIR}: the stack that {@code ./goftgu up} keeps in DIR (started when it is not running)
     * and left running afterwards, for iterating on a test; otherwise a throwaway one.
     */
    private final boolean kept = System.getProperty("e2e.home", "").length() > 0;

    /** The stack's pid files, for the CPU each process spends (the bench's {@code --run-dir}). */
    java.nio.file.Path runDir() {
        return home.resolve("run");
    }

    /** Where the stack's services send their spans (tracing is on in the end-to-end stack only). */
    final TraceCollector traces = new TraceCollector();

    /** The SMTP server the gateway's notification mails go to, after a short delay (NotificationMailIT). */
    final GreenMail mail = startMail();

    private static GreenMail startMail() {
        var server = new GreenMail(new ServerSetup(FreePorts.next(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        return server;
    }

    LocalStack() throws IOException {
        home = kept ? Path.of(System.getProperty("e2e.home")) : Files.createTempDirectory("goftgu-e2e-");
        try {
            run(Duration.ofMinutes(8), "up");
        } catch (IOException | RuntimeException e) {
            try {
                close(); // a half-started stack would keep its ports and processes after the test JVM has gone
            } catch (IOException stopping) {
                e.addSuppressed(stopping);
            }
            throw e;
        }
    }

    String gateway() {
        return "http://127.0.0.1:" + (8080 + PORT_OFFSET);
    }

    String ws() {
        return "ws://127.0.0.1:" + (8080 + PORT_OFFSET) + "/ws";
    }

    /** Replica {@code n} (1-based) of realtime-service, directly, for tests about the replicas themselves. */
    String realtimeWs(int n) {
        return "ws://127.0.0.1:" + (8083 + n + PORT_OFFSET) + "/ws";
    }

    /** {@code kill -9} of one service process, as a crashed machine would. */
    void kill(String service) throws IOException {
        run(Duration.ofSeconds(30), "kill", service);
    }

    /** {@code ./goftgu up} again: starts whatever is not running. */
    void restart() throws IOException {
        run(Duration.ofMinutes(3), "up");
    }

    String origin() {
        return "http://localhost:" + (8080 + PORT_OFFSET);
    }

    private void run(Duration timeout, String... args) throws IOException {
        var command = new java.util.ArrayList<>(List.of(root.resolve("goftgu").toString()));
        command.addAll(List.of(args));
        var log = home.resolveSibling(home.getFileName() + "-" + args[0] + ".log");
        var builder = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("GOFTGU_HOME", home.toString());
        builder.environment().put("GOFTGU_PORT_OFFSET", Integer.toString(PORT_OFFSET));
        builder.environment().put("GOFTGU_DEMO", "0");
        // every test signs up workspaces of its own, all from this one address
        builder.environment().put("GOFTGU_SIGNUP_PER_IP_PER_HOUR", "100000");
        builder.environment().put("GOFTGU_SIGNUP_PER_HOUR", "100000");
        // traces on, exported to this JVM's collector, so a test can follow one request across the processes
        builder.environment().put("QUARKUS_OTEL_SDK_DISABLED", "false");
        builder.environment().put("QUARKUS_OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", traces.endpoint());
        builder.environment().put("QUARKUS_OTEL_EXPORTER_OTLP_TRACES_PROTOCOL", "http/protobuf");
        builder.environment().put("QUARKUS_OTEL_BSP_SCHEDULE_DELAY", "1s");
        builder.environment().put("GOFTGU_REALTIME_REPLICAS", Integer.toString(REALTIME_REPLICAS));
        // notification mails to this JVM's SMTP server, a few seconds after a message stays unread
        builder.environment().put("GOFTGU_SMTP_HOST", "127.0.0.1");
        builder.environment().put("GOFTGU_SMTP_PORT", Integer.toString(mail.getSmtp().getPort()));
        builder.environment().put("GOFTGU_SMTP_STARTTLS", "DISABLED");
        builder.environment().put("GOFTGU_NOTIFY_DELAY", "3s");
        builder.environment().put("GOFTGU_NOTIFY_SCAN_EVERY", "1s");
        // a mail the test SMTP server refused (421 on a connection it had just timed out) is tried again within the
        // tests' minute, not after the default minute
        builder.environment().put("GOFTGU_NOTIFY_RETRY_AFTER", "3s");
        var process = builder.start();
        try {
            if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("goftgu " + args[0] + " timed out\n" + describe(log));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException("goftgu " + args[0] + " failed\n" + describe(log));
        }
    }

    /** The launcher's output and the tail of every service log, for a failure message. */
    private String describe(Path launcherLog) throws IOException {
        return Files.readString(launcherLog) + serviceLogs(40);
    }

    /** The last {@code lines} lines of every service's log, for a failure message. */
    String serviceLogs(int lines) throws IOException {
        var text = new StringBuilder();
        var logs = home.resolve("logs");
        if (Files.isDirectory(logs)) {
            try (var files = Files.list(logs)) {
                for (var file : files.sorted().toList()) {
                    var all = Files.readAllLines(file);
                    text.append("\n--- ").append(file.getFileName()).append('\n')
                            .append(String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size())));
                }
            }
        }
        return text.toString();
    }

    @Override
    public void close() throws IOException {
        try {
            if (!kept) {
                run(Duration.ofMinutes(2), "down", "--wipe");
            }
        } finally {
            mail.stop();
        }
    }
}
