package io.goftgu.bench;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.WebSocket;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The fault run: messages are sent at a steady rate while one of two realtime-service replicas is killed
 * ({@code kill -9}) and started again, and then Kafka is killed for 30 s and started again. Every socket behaves as
 * a real client does: when it is closed it reconnects through the gateway (which sends it to a live replica) and
 * asks the REST API for the messages after the last seq it saw. In the end every acknowledged message must have
 * reached every socket of its room, by push or by catch-up: acknowledged must equal delivered.
 */
public final class FaultRun {

    /** One drill step, at a time after sending started: a {@code goftgu} command. */
    record Step(Duration at, String... command) {
    }

    static final List<Step> STEPS = List.of(
            new Step(Duration.ofSeconds(15), "kill", "realtime-service-2"),
            new Step(Duration.ofSeconds(25), "up"),
            new Step(Duration.ofSeconds(50), "kill", "kafka"),
            new Step(Duration.ofSeconds(80), "up"));

    private final Vertx vertx;
    private final Profile profile;
    private final BenchClient client;
    private final Path goftgu;
    /** Per message: when its last socket got it (nanoTime), by push or catch-up. */
    private AtomicLongArray deliveredAt;

    public FaultRun(Vertx vertx, Profile profile, Path goftgu) {
        this.vertx = vertx;
        this.profile = profile;
        this.client = new BenchClient(vertx, profile);
        this.goftgu = goftgu;
    }

    /** One open tab of a user: reconnects when closed and catches up by seq, as the dashboard does. */
    private final class Tab {
        private final BenchClient.User user;
        private final String roomId;
        private final BitSet seen = new BitSet();
        private long lastSeq;
        private int pushed;
        private int caughtUp;
        private int reconnects;
        private volatile boolean stopping;
        private volatile WebSocket socket;
        private volatile long lastDeliveryNanos;

        Tab(BenchClient.User user, String roomId) {
            this.user = user;
            this.roomId = roomId;
        }

        void open() {
            client.connect(user).onComplete(connected -> {
                if (connected.failed()) {
                    retry();
                    return;
                }
                socket = connected.result();
                socket.textMessageHandler(this::frame);
                socket.closeHandler(closed -> retry());
                catchUp(lastSeqNow());
            });
        }

        private void retry() {
            if (!stopping) {
                synchronized (this) {
                    reconnects++;
                }
                vertx.setTimer(1000, timer -> open());
            }
        }

        private void frame(String text) {
            if (!text.contains("\"type\":\"internal-chat:message\"")) {
                return;
            }
            var data = new JsonObject(text).getJsonObject("data");
            seen(data.getLong("seq"), LoadRun.messageIndex(data.getString("body", "")), true);
        }

        private void catchUp(long after) {
            client.call(HttpMethod.GET, "/api/internal-chat/messages?roomId=" + roomId + "&after=" + after
                    + "&limit=100", user.token(), null).onComplete(answer -> {
                if (answer.failed() || answer.result().status() != 200) {
                    // the client tries again on its next reconnect; the end of the run asks once more
                    return;
                }
                var page = new JsonArray(answer.result().body());
                long last = after;
                for (int i = 0; i < page.size(); i++) {
                    var message = page.getJsonObject(i);
                    last = message.getLong("seq");
                    seen(last, LoadRun.messageIndex(message.getString("body", "")), false);
                }
                if (page.size() == 100) {
                    catchUp(last);
                }
            });
        }

        private synchronized void seen(long seq, int index, boolean byPush) {
            lastSeq = Math.max(lastSeq, seq);
            if (index < 0 || seen.get(index)) {
                return;
            }
            seen.set(index);
            lastDeliveryNanos = System.nanoTime();
            if (index < deliveredAt.length()) {
                deliveredAt.accumulateAndGet(index, lastDeliveryNanos, Math::max);
            }
            if (byPush) {
                pushed++;
            } else {
                caughtUp++;
            }
        }

        private synchronized long lastSeqNow() {
            return lastSeq;
        }

        synchronized boolean has(int index) {
            return seen.get(index);
        }

        void close() {
            stopping = true;
            var current = socket;
            if (current != null) {
                current.close();
            }
        }
    }

    public record Outcome(boolean ok, String table) {
    }

    public Outcome run() throws Exception {
        var users = client.createUsers();
        var rooms = client.openRooms(users);
        var tabsByRoom = new ArrayList<List<Tab>>();
        var tabs = new ArrayList<Tab>();
        for (int r = 0; r < rooms.size(); r++) {
            var roomTabs = new ArrayList<Tab>();
            for (var member : List.of(users.get(2 * r), users.get(2 * r + 1))) {
                for (int s = 0; s < profile.socketsPerUser(); s++) {
                    roomTabs.add(new Tab(member, rooms.get(r)));
                }
            }
            tabsByRoom.add(roomTabs);
            tabs.addAll(roomTabs);
        }
        tabs.forEach(Tab::open);
        Thread.sleep(3000);

        int total = (int) (profile.rate() * profile.duration().toSeconds());
        var status = new AtomicIntegerArray(total);
        deliveredAt = new AtomicLongArray(total);
        var stepBegan = new AtomicLongArray(STEPS.size());
        var log = new StringBuilder();
        var drills = Executors.newSingleThreadScheduledExecutor();
        long start = System.nanoTime();
        for (var step : STEPS) {
            drills.schedule(() -> {
                long began = System.nanoTime();
                stepBegan.set(STEPS.indexOf(step), began);
                var exit = goftgu(step.command());
                synchronized (log) {
                    Result.row(log, "goftgu " + String.join(" ", step.command()), String.format(Locale.ROOT,
                            "at %.1f s, took %.1f s, exit %d", (began - start) / 1e9,
                            (System.nanoTime() - began) / 1e9, exit));
                }
            }, step.at().toMillis(), TimeUnit.MILLISECONDS);
        }
        long period = TimeUnit.SECONDS.toNanos(1) / profile.rate();
        for (int i = 0; i < total; i++) {
            BenchClient.awaitTurn(i, start, period);
            int index = i;
            client.send(users, rooms, i)
                    .onComplete(answer -> status.set(index, answer.succeeded() ? answer.result().status() : -1));
        }
        long sendEnded = System.nanoTime();
        drills.shutdown();
        drills.awaitTermination(5, TimeUnit.MINUTES);

        // wait while deliveries keep coming; then every tab asks once more, as a client does when it comes back
        long missing = awaitDeliveries(tabsByRoom, status, rooms.size(), Duration.ofSeconds(30));
        if (missing > 0) {
            tabs.forEach(tab -> tab.catchUp(0));
            missing = awaitDeliveries(tabsByRoom, status, rooms.size(), Duration.ofSeconds(10));
        }
        tabs.forEach(Tab::close);

        long acked = 0;
        for (int i = 0; i < total; i++) {
            acked += status.get(i) == 201 ? 1 : 0;
        }
        long expected = acked * tabsByRoom.getFirst().size();
        long pushed = tabs.stream().mapToLong(t -> t.pushed).sum();
        long caughtUp = tabs.stream().mapToLong(t -> t.caughtUp).sum();
        long reconnects = tabs.stream().mapToLong(t -> t.reconnects).sum();
        var table = new StringBuilder();
        Result.row(table, "fault run", String.format(Locale.ROOT, "%d users, %d sockets through %s, %d msg/s for %d s",
                profile.users(), tabs.size(), profile.ws(), profile.rate(), profile.duration().toSeconds()));
        table.append(log);
        Result.row(table, "messages sent / acknowledged", total + " / " + acked);
        Result.row(table, "deliveries expected (acked x sockets)", Long.toString(expected));
        Result.row(table, "delivered: pushed / caught up by seq", pushed + " / " + caughtUp);
        Result.row(table, "lost", Long.toString(missing));
        Result.row(table, "socket reconnects", Long.toString(reconnects));
        // the messages sent while Kafka was down: how long after its restart began the last of them was everywhere
        long kafkaDown = stepBegan.get(2);
        long kafkaRestart = stepBegan.get(3);
        long backlogDone = 0;
        int backlog = 0;
        for (int i = 0; i < total; i++) {
            long sentAt = start + i * period;
            if (sentAt >= kafkaDown && sentAt < kafkaRestart && status.get(i) == 201) {
                backlog++;
                backlogDone = Math.max(backlogDone, deliveredAt.get(i));
            }
        }
        Result.row(table, "sent while Kafka was down", backlog + " messages");
        Result.row(table, "backlog delivered after restart began", backlog == 0 || backlogDone == 0 ? "-"
                : String.format(Locale.ROOT, "%.1f s", (backlogDone - kafkaRestart) / 1e9));
        Result.row(table, "last delivery after sending ended", String.format(Locale.ROOT, "%.1f s",
                (tabs.stream().mapToLong(t -> t.lastDeliveryNanos).max().orElse(sendEnded) - sendEnded) / 1e9));
        Result.row(table, "verdict", missing == 0 ? "PASS: acknowledged = delivered" : "FAIL");
        return new Outcome(missing == 0, table.toString());
    }

    /** Deliveries still missing (acknowledged messages times their room's sockets); waits while the number drops. */
    private static long awaitDeliveries(List<List<Tab>> tabsByRoom, AtomicIntegerArray status, int rooms,
                                        Duration quiet) throws InterruptedException {
        long outstanding = Long.MAX_VALUE;
        long lastMove = System.nanoTime();
        while (true) {
            long missing = 0;
            for (int i = 0; i < status.length(); i++) {
                int code = status.get(i);
                if (code == 0) {
                    missing++;
                } else if (code == 201) {
                    for (var tab : tabsByRoom.get(i % rooms)) {
                        missing += tab.has(i) ? 0 : 1;
                    }
                }
            }
            if (missing < outstanding) {
                outstanding = missing;
                lastMove = System.nanoTime();
            }
            if (missing == 0 || System.nanoTime() - lastMove > quiet.toNanos()) {
                return missing;
            }
            Thread.sleep(200);
        }
    }

    private int goftgu(String... command) {
        var line = new ArrayList<String>(List.of(goftgu.toString()));
        line.addAll(List.of(command));
        try {
            var builder = new ProcessBuilder(line).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
            builder.environment().put("GOFTGU_REALTIME_REPLICAS", "2");
            builder.environment().put("GOFTGU_DEMO", "0");
            return builder.start().waitFor();
        } catch (Exception e) {
            throw new IllegalStateException("goftgu " + String.join(" ", command) + " failed", e);
        }
    }

}
