package io.goftgu.bench;

import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Whether realtime-service's memory stays flat across connect/close cycles ({@code ./goftgu bench cycles}): a fresh
 * workspace of {@code users} staff, then {@code cycles} times over: {@code users × sockets-per-user} sockets opened
 * at {@code rate} connects per second, held for a second, and all closed again. After each opening and each closing
 * it reads realtime-service's resident memory ({@code /proc}) and heap in use ({@code /q/metrics}); after each
 * closing also its live heap (heap in use right after {@code jcmd <pid> GC.run}, a full collection) and the
 * collections the cycle caused. Flat means the closed rows come back to the same level cycle after cycle; the run
 * fails only when a socket did not open.
 */
public final class CyclesRun {

    private final Profile profile;
    private final BenchClient client;

    public CyclesRun(Vertx vertx, Profile profile) {
        this.profile = profile;
        this.client = new BenchClient(vertx, profile);
    }

    public ConnectRun.Outcome run() throws Exception {
        var users = client.createUsers();
        var rows = new StringBuilder();
        Result.row(rows, "profile", profile.name() + " (" + profile.cycles() + " cycles of " + profile.sockets()
                + " sockets of " + users.size() + " users, " + profile.rate() + " connects/s, via " + profile.ws() + ")");
        var start = LoadRun.Memory.of(profile);
        Result.row(rows, "before", memory(start, liveHeap()));
        boolean ok = true;
        var previous = LoadRun.Memory.of(profile);
        for (int cycle = 1; cycle <= profile.cycles(); cycle++) {
            var open = new ConcurrentLinkedQueue<WebSocket>();
            var failed = new AtomicInteger();
            var answered = new CountDownLatch(profile.sockets());
            long period = TimeUnit.SECONDS.toNanos(1) / profile.rate();
            long begun = System.nanoTime();
            for (int i = 0; i < profile.sockets(); i++) {
                BenchClient.awaitTurn(i, begun, period);
                client.connect(users.get(i % users.size())).onComplete(result -> {
                    if (result.succeeded()) {
                        open.add(result.result());
                    } else {
                        failed.incrementAndGet();
                    }
                    answered.countDown();
                });
            }
            answered.await(2, TimeUnit.MINUTES);
            Thread.sleep(1000);
            var held = LoadRun.Memory.of(profile);
            var closed = new CountDownLatch(open.size());
            for (var socket : open) {
                socket.closeHandler(done -> closed.countDown());
                socket.close();
            }
            closed.await(1, TimeUnit.MINUTES);
            // the server notices a close on its own schedule: give it a moment before reading
            Thread.sleep(2000);
            var after = LoadRun.Memory.of(profile);
            long live = liveHeap();
            ok &= failed.get() == 0 && open.size() == profile.sockets();
            Result.row(rows, "cycle " + cycle + ": " + open.size() + " open", memory(held, -1));
            Result.row(rows, "cycle " + cycle + ": all closed", memory(after, live) + String.format(Locale.ROOT,
                    "; GC in the cycle: %d minor, %d major", after.minor().count() - previous.minor().count(),
                    after.major().count() - previous.major().count()));
            if (failed.get() > 0) {
                Result.row(rows, "anomaly", failed.get() + " connects failed in cycle " + cycle);
            }
            // the forced collection is not the cycle's own: count from after it
            previous = LoadRun.Memory.of(profile);
        }
        Result.row(rows, "verdict", ok ? "PASS: every socket opened in every cycle (flat: compare the closed rows)"
                : "FAIL");
        return new ConnectRun.Outcome(ok, rows.toString());
    }

    private static String memory(LoadRun.Memory memory, long liveHeapBytes) {
        return String.format(Locale.ROOT, "RSS %.1f MiB, heap in use %.1f MiB", memory.rssBytes() / 1048576.0,
                memory.heapBytes() / 1048576.0)
                + (liveHeapBytes < 0 ? "" : String.format(Locale.ROOT, ", live heap %.1f MiB", liveHeapBytes / 1048576.0));
    }

    /** Heap in use right after a full collection ({@code jcmd <pid> GC.run}, the JDK's own tool); -1 when unknown. */
    private long liveHeap() {
        try {
            if (profile.realtimePid() == null || !Files.exists(profile.realtimePid())) {
                return -1;
            }
            var java = ProcessHandle.current().info().command().orElseThrow();
            var jcmd = Path.of(java).resolveSibling("jcmd").toString();
            var gc = new ProcessBuilder(List.of(jcmd, Files.readString(profile.realtimePid()).strip(), "GC.run"))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!gc.waitFor(1, TimeUnit.MINUTES) || gc.exitValue() != 0) {
                return -1;
            }
            return LoadRun.Memory.of(profile).heapBytes();
        } catch (Exception e) {
            return -1;
        }
    }
}
