package io.goftgu.bench;

import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import org.HdrHistogram.ConcurrentHistogram;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * How fast a socket opens at a steady connect rate ({@code ./goftgu bench connect}): a fresh workspace of
 * {@code users} staff, then {@code users × sockets-per-user} sockets opened at {@code rate} connects per second on a
 * fixed schedule (connect {@code i} starts at {@code start + i / rate}, whatever the earlier ones are doing), each
 * timed from its start until the upgrade is answered (TCP connect, HTTP upgrade, token check, and through the gateway
 * its second hop). All sockets are then held open while the file descriptors of the gateway and realtime-service
 * are counted from {@code /proc} (and realtime-service's memory read as {@code standard} does: with the sockets straight to
 * it, that is the memory per socket), and closed after {@code duration} (0 by default; longer to take a class histogram of
 * realtime-service meanwhile, docs/benchmarks.md). A run passes when every socket opened and
 * stayed open.
 */
public final class ConnectRun {

    /** What a connect run measured, as a table. */
    public record Outcome(boolean ok, String table) {
    }

    private final Profile profile;
    private final BenchClient client;
    private final Map<String, Path> pids;

    /** {@code pids}: the pid files of the processes whose descriptors are counted (name → file); may be empty. */
    public ConnectRun(Vertx vertx, Profile profile, Map<String, Path> pids) {
        this.profile = profile;
        this.client = new BenchClient(vertx, profile);
        this.pids = pids;
    }

    /** The gateway's and every realtime replica's pid file, beside realtime-service's ({@code .goftgu/run/}). */
    static Map<String, Path> pidFiles(Profile profile) throws java.io.IOException {
        var files = new java.util.TreeMap<String, Path>();
        if (profile.realtimePid() == null || profile.realtimePid().getParent() == null
                || !Files.isDirectory(profile.realtimePid().getParent())) {
            return files;
        }
        try (var run = Files.list(profile.realtimePid().getParent())) {
            run.filter(file -> file.getFileName().toString().matches("(gateway|realtime-service(-\\d+)?)\\.pid"))
                    .forEach(file -> files.put(file.getFileName().toString().replace(".pid", ""), file));
        }
        return files;
    }

    public Outcome run() throws Exception {
        var users = client.createUsers();
        var descriptorsBefore = descriptors();
        var memoryBefore = LoadRun.Memory.of(profile);
        int total = profile.sockets();
        var latency = new ConcurrentHistogram(TimeUnit.MINUTES.toMicros(5), 3);
        var failures = new ConcurrentSkipListMap<String, Integer>();
        var open = new ConcurrentLinkedQueue<WebSocket>();
        var answered = new CountDownLatch(total);
        var closedEarly = new ConcurrentSkipListMap<String, Integer>();
        var closing = new java.util.concurrent.atomic.AtomicBoolean();
        long period = TimeUnit.SECONDS.toNanos(1) / profile.rate();
        long start = System.nanoTime();
        for (int i = 0; i < total; i++) {
            BenchClient.awaitTurn(i, start, period);
            // socket i belongs to user i mod users: each user gets sockets-per-user of them, under the per-user cap
            var user = users.get(i % users.size());
            long begun = System.nanoTime();
            client.connect(user).onComplete(result -> {
                if (result.succeeded()) {
                    latency.recordValue((System.nanoTime() - begun) / 1000);
                    var socket = result.result();
                    socket.closeHandler(closed -> {
                        if (!closing.get()) {
                            closedEarly.merge(socket.closeStatusCode() + " " + socket.closeReason(), 1, Integer::sum);
                        }
                    });
                    open.add(socket);
                } else {
                    failures.merge(String.valueOf(result.cause()), 1, Integer::sum);
                }
                answered.countDown();
            });
        }
        long scheduleMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        answered.await(2, TimeUnit.MINUTES);
        Thread.sleep(1000);
        var descriptorsHeld = descriptors();
        var memoryHeld = LoadRun.Memory.of(profile);
        // the server may have cut some already (a generator too slow to read is a slow consumer): count what is held
        int heldSockets = (int) open.stream().filter(socket -> !socket.isClosed()).count();
        // --duration: how long the sockets stay open after the last connect (to take a class histogram meanwhile)
        Thread.sleep(profile.duration().toMillis());
        closing.set(true);
        long stillOpen = open.stream().filter(socket -> !socket.isClosed()).count();
        open.forEach(WebSocket::close);

        var rows = new StringBuilder();
        Result.row(rows, "profile", profile.name() + " (" + total + " sockets of " + users.size() + " users, "
                + profile.rate() + " connects/s)");
        Result.row(rows, "sockets via", profile.ws().toString());
        Result.row(rows, "connects opened / failed", open.size() + " / " + (total - open.size()));
        Result.row(rows, "still open when closed by the bench", stillOpen + " of " + open.size());
        Result.row(rows, "connect rate achieved", String.format(Locale.ROOT, "%.1f connects/s",
                total * 1000.0 / Math.max(1, scheduleMillis)));
        Result.row(rows, "connect p50 / p90 / p99 / p99.9 / max", Result.ms(latency.getValueAtPercentile(50)) + " / "
                + Result.ms(latency.getValueAtPercentile(90)) + " / " + Result.ms(latency.getValueAtPercentile(99)) + " / "
                + Result.ms(latency.getValueAtPercentile(99.9)) + " / " + Result.ms(latency.getMaxValue()));
        descriptorsHeld.forEach((name, held) -> {
            var before = descriptorsBefore.getOrDefault(name, -1L);
            Result.row(rows, name + " file descriptors", before + " before, " + held + " with the sockets open"
                    + String.format(Locale.ROOT, " (%.2f per socket)", (held - before) / (double) Math.max(1, heldSockets)));
        });
        Result.memoryRows(rows, memoryBefore, memoryHeld, heldSockets);
        failures.forEach((failure, count) -> Result.row(rows, "anomaly", count + " connects failed: " + failure));
        closedEarly.forEach((reason, count) -> Result.row(rows, "anomaly", count + " sockets closed by the server: "
                + reason));
        boolean ok = open.size() == total && stillOpen == total;
        Result.row(rows, "verdict", ok ? "PASS: every socket opened and stayed open" : "FAIL");
        return new Outcome(ok, rows.toString());
    }

    /** Open file descriptors of each process whose pid file exists. */
    private Map<String, Long> descriptors() {
        var counts = new java.util.TreeMap<String, Long>();
        pids.forEach((name, file) -> {
            try {
                if (Files.exists(file)) {
                    try (var fds = Files.list(Path.of("/proc", Files.readString(file).strip(), "fd"))) {
                        counts.put(name, fds.count());
                    }
                }
            } catch (Exception e) {
                // counted when readable
            }
        });
        return counts;
    }
}
