package io.goftgu.bench;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One benchmark run against a running stack: a fresh workspace of staff paired into direct (or group) rooms, every
 * user with several sockets open, messages sent at a steady rate through the REST API, and each frame's arrival
 * timed on the receiving socket against the send's start on the same clock. Every message must reach every socket
 * of both members exactly once: anything else is counted as lost or duplicated.
 */
public final class LoadRun {

    static final String MARK = "bench:";
    static final Duration IDLE_WINDOW = Duration.ofSeconds(10);

    private final Profile profile;
    private final BenchClient client;

    public LoadRun(Vertx vertx, Profile profile) {
        this.profile = profile;
        this.client = new BenchClient(vertx, profile);
    }

    public Result run() throws Exception {
        var users = client.createUsers();
        var rooms = client.openRooms(users);
        var memoryBefore = Memory.of(profile);

        int maxMessages = (int) (profile.rate() * (profile.warmup().toMillis() + profile.duration().toMillis()) / 1000) + 10;
        var startedAt = new long[maxMessages];
        var deliveries = new AtomicIntegerArray(maxMessages);
        var duplicates = new AtomicLong();
        var latency = new ConcurrentHistogram(TimeUnit.MINUTES.toMicros(5), 3);
        var connectTimes = new ConcurrentHistogram(TimeUnit.MINUTES.toMicros(5), 3);
        var measuredFrom = new int[] {Integer.MAX_VALUE};

        var closes = new java.util.concurrent.ConcurrentSkipListMap<String, Integer>();
        var open = connectAll(users, connectTimes, closes, (socketSeen, index, arrivedAt) -> {
            if (socketSeen.get(index)) {
                duplicates.incrementAndGet();
                return;
            }
            socketSeen.set(index);
            deliveries.incrementAndGet(index);
            if (index >= measuredFrom[0]) {
                latency.recordValue(Math.max(0, (arrivedAt - startedAt[index]) / 1000));
            }
        });
        var memoryAfter = Memory.of(profile);
        // what the stack spends holding the sockets with nothing sent (timers, heartbeats, consumers polling), so the
        // cost of the messages themselves shows apart from it
        var cpu = new ProcessCpu(profile.runDir());
        var idleFrom = cpu.take();
        Thread.sleep(IDLE_WINDOW.toMillis());
        var idle = ProcessCpu.Usage.between(idleFrom, cpu.take(), 0, 0);

        // steady sending: message i starts at start + i / rate, whatever the previous ones are doing
        int warmupCount = (int) (profile.rate() * profile.warmup().toMillis() / 1000);
        measuredFrom[0] = warmupCount;
        int total = maxMessages - 10;
        var status = new AtomicIntegerArray(maxMessages);
        var errorKinds = new java.util.concurrent.ConcurrentSkipListMap<String, Integer>();
        var acknowledged = new AtomicLong();
        long acknowledgedFrom = 0;
        ProcessCpu.Snapshot cpuFrom = null;
        var memorySending = Memory.of(profile);
        long start = System.nanoTime();
        long period = TimeUnit.SECONDS.toNanos(1) / profile.rate();
        for (int i = 0; i < total; i++) {
            BenchClient.awaitTurn(i, start, period);
            if (i == warmupCount) {
                // the CPU window is the measured sending: from the first measured send to the end of the last period
                cpuFrom = cpu.take();
                acknowledgedFrom = acknowledged.get();
            }
            startedAt[i] = System.nanoTime();
            int index = i;
            client.send(users, rooms, i).onComplete(answer -> {
                int code = answer.succeeded() ? answer.result().status() : -1;
                status.set(index, code);
                if (code == 201) {
                    acknowledged.incrementAndGet();
                } else {
                    errorKinds.merge(answer.succeeded() ? code + " " + answer.result().body().toString()
                            : answer.cause().toString(), 1, Integer::sum);
                }
            });
        }
        BenchClient.awaitTurn(total, start, period);
        var cpuUsage = cpuFrom == null ? null
                : ProcessCpu.Usage.between(cpuFrom, cpu.take(), total - warmupCount,
                acknowledged.get() - acknowledgedFrom);
        long sendSeconds = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

        // catch-up: wait until every send is answered and every acknowledged message reached every socket of its
        // room. A slow machine delivers late, not never: give up only when nothing moved for 15 s (or after 5 min)
        int perMessage = 2 * profile.socketsPerUser();
        long giveUpAt = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        long lastMoveAt = System.nanoTime();
        long outstanding = Long.MAX_VALUE;
        while (System.nanoTime() < giveUpAt && System.nanoTime() - lastMoveAt < TimeUnit.SECONDS.toNanos(15)) {
            long now = unanswered(status, total) + missing(deliveries, status, total, perMessage, null);
            if (now == 0) {
                break;
            }
            if (now < outstanding) {
                outstanding = now;
                lastMoveAt = System.nanoTime();
            }
            Thread.sleep(100);
        }
        var lostSample = new ArrayList<String>();
        long lost = missing(deliveries, status, total, perMessage, lostSample);
        long acked = 0;
        for (int i = 0; i < total; i++) {
            acked += status.get(i) == 201 ? 1 : 0;
        }
        var anomalies = new ArrayList<String>();
        errorKinds.forEach((kind, count) -> anomalies.add(count + " sends answered " + kind));
        closes.forEach((reason, count) -> anomalies.add(count + " sockets closed by the server: " + reason));
        if (!lostSample.isEmpty()) {
            anomalies.add("lost (message#: deliveries of " + perMessage + "): " + String.join(", ", lostSample));
        }
        var memorySent = Memory.of(profile);
        open.forEach(WebSocket::close);
        var measured = total - warmupCount;
        return new Result(profile, open.size(), connectTimes, total, acked, total - acked,
                (long) measured * perMessage, latency.getTotalCount(), lost, duplicates.get(), latency,
                sendSeconds, memoryBefore, memoryAfter, memorySending, memorySent, idle, cpuUsage, anomalies);
    }

    private static int unanswered(AtomicIntegerArray status, int total) {
        int waiting = 0;
        for (int i = 0; i < total; i++) {
            waiting += status.get(i) == 0 ? 1 : 0;
        }
        return waiting;
    }

    /** Deliveries still missing for acknowledged messages; the first 20 such messages go to {@code sample}. */
    private static long missing(AtomicIntegerArray deliveries, AtomicIntegerArray status, int total, int perMessage,
                                List<String> sample) {
        long missing = 0;
        for (int i = 0; i < total; i++) {
            int shortBy = status.get(i) == 201 ? Math.max(0, perMessage - deliveries.get(i)) : 0;
            missing += shortBy;
            if (shortBy > 0 && sample != null && sample.size() < 20) {
                sample.add(i + ": " + deliveries.get(i));
            }
        }
        return missing;
    }

    interface Arrival {
        void frame(BitSet socketSeen, int messageIndex, long arrivedAtNanos);
    }

    private List<WebSocket> connectAll(List<BenchClient.User> users, Histogram connectTimes, Map<String, Integer> closes,
                                       Arrival arrival) throws Exception {
        var open = new ArrayList<WebSocket>(profile.sockets());
        var batch = new ArrayList<Future<WebSocket>>();
        for (var user : users) {
            for (int s = 0; s < profile.socketsPerUser(); s++) {
                batch.add(connect(user, connectTimes, closes, arrival));
                if (batch.size() == 200) {
                    open.addAll(await(batch));
                    batch.clear();
                }
            }
        }
        open.addAll(await(batch));
        return open;
    }

    private Future<WebSocket> connect(BenchClient.User user, Histogram connectTimes, Map<String, Integer> closes,
                                      Arrival arrival) {
        long begun = System.nanoTime();
        return client.connect(user).map(socket -> {
            connectTimes.recordValue((System.nanoTime() - begun) / 1000);
            var seen = new BitSet();
            socket.closeHandler(closed -> {
                if (socket.closeStatusCode() != null) {
                    closes.merge(socket.closeStatusCode() + " " + socket.closeReason(), 1, Integer::sum);
                }
            });
            socket.textMessageHandler(text -> {
                long arrived = System.nanoTime();
                int index = messageIndex(text);
                if (index >= 0 && text.contains("\"type\":\"internal-chat:message\"")) {
                    arrival.frame(seen, index, arrived);
                }
            });
            return socket;
        });
    }

    /** The number a benchmark message carries in its body ({@code bench:<n>}), or -1. */
    static int messageIndex(String text) {
        int at = text.indexOf(MARK);
        if (at < 0) {
            return -1;
        }
        int end = at + MARK.length();
        while (end < text.length() && Character.isDigit(text.charAt(end))) {
            end++;
        }
        return end == at + MARK.length() ? -1 : Integer.parseInt(text.substring(at + MARK.length(), end));
    }

    static <T> List<T> await(List<Future<T>> futures) throws ExecutionException, InterruptedException {
        var all = new ArrayList<T>();
        for (var future : futures) {
            all.add(future.toCompletionStage().toCompletableFuture().get());
        }
        return all;
    }

    /**
     * realtime-service's resident memory (from its pid file), heap in use and garbage collections so far (from its
     * metrics: the pauses of minor and major collections, counted and summed), when reachable.
     */
    record Memory(long rssBytes, long heapBytes, Gc minor, Gc major) {

        /** Collections of one kind: how many, and their pauses in all. */
        record Gc(long count, double seconds) {

            Gc minus(Gc earlier) {
                return new Gc(count - earlier.count, seconds - earlier.seconds);
            }
        }

        static Memory of(Profile profile) {
            var metrics = metrics(profile);
            return new Memory(rss(profile), (long) sum(metrics, "jvm_memory_used_bytes{", "area=\"heap\""),
                    gc(metrics, "minor"), gc(metrics, "major"));
        }

        /** Unknown (-1) when the metrics could not be read; none yet is 0 (a meter appears with its first pause). */
        private static Gc gc(List<String> metrics, String kind) {
            if (metrics.isEmpty()) {
                return new Gc(-1, -1);
            }
            return new Gc(Math.max(0, (long) sum(metrics, "jvm_gc_pause_seconds_count{", "of " + kind + " GC")),
                    Math.max(0, sum(metrics, "jvm_gc_pause_seconds_sum{", "of " + kind + " GC")));
        }

        private static long rss(Profile profile) {
            try {
                if (profile.realtimePid() == null || !Files.exists(profile.realtimePid())) {
                    return -1;
                }
                var pid = Files.readString(profile.realtimePid()).strip();
                for (var line : Files.readAllLines(java.nio.file.Path.of("/proc", pid, "status"))) {
                    if (line.startsWith("VmRSS:")) {
                        return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
                    }
                }
            } catch (Exception e) {
                // memory is reported when it can be read
            }
            return -1;
        }

        private static List<String> metrics(Profile profile) {
            if (profile.realtimeUrl() == null) {
                return List.of();
            }
            try {
                var client = java.net.http.HttpClient.newHttpClient();
                return client.send(java.net.http.HttpRequest.newBuilder(profile.realtimeUrl().resolve("/q/metrics"))
                        .timeout(Duration.ofSeconds(10)).build(), java.net.http.HttpResponse.BodyHandlers.ofString())
                        .body().lines().toList();
            } catch (Exception e) {
                return List.of();
            }
        }

        /** The sum of the samples named {@code prefix} whose labels contain {@code label}; -1 when there are none. */
        private static double sum(List<String> metrics, String prefix, String label) {
            var values = metrics.stream().filter(l -> l.startsWith(prefix) && l.contains(label))
                    .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).toArray();
            return values.length == 0 ? -1 : java.util.Arrays.stream(values).sum();
        }
    }
}
