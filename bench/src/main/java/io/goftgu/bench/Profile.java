package io.goftgu.bench;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * What one benchmark run does. {@code standard} fits a 2-core machine running the whole stack in under five
 * minutes; {@code cpu} measures the CPU per message at a rate the stack carries easily; {@code smoke} is the 20-second run CI makes; {@code fault} is {@link FaultRun}'s; any field can be overridden with {@code --name=value}.
 *
 * @param gateway        REST goes here (sign-up, users, login, rooms, message sends)
 * @param ws             sockets connect here: the gateway's {@code /ws}, or realtime-service's directly as the
 *                       Kubernetes Ingress does (the gateway holds two file descriptors per proxied socket)
 * @param users          staff users, paired into rooms of two
 * @param socketsPerUser open tabs per user: a message reaches its recipient's tabs (the fan-out) and the sender's
 * @param rate           messages sent per second, through the REST API
 * @param warmup         sending before measuring starts
 * @param duration       measured sending
 * @param realtimePid    realtime-service's pid file, to read its resident memory (optional)
 * @param realtimeUrl    realtime-service's own HTTP address, for its heap from {@code /q/metrics} (optional)
 * @param runDir         the stack's run folder with a pid file per process ({@code .goftgu/run}), for the CPU each
 *                       process spends per message (optional: {@link ProcessCpu})
 * @param cycles         {@link CyclesRun}: how many times every socket is opened and closed again
 * @param rooms          {@code direct} (the default: a direct message is also one the recipient may be mailed about,
 *                       so the gateway's notifier handles each) or {@code group} (a group room of the same two, whose
 *                       messages without mentions concern no notifier: most of a workspace's traffic)
 */
public record Profile(String name, URI gateway, URI ws, int users, int socketsPerUser, int rate, Duration warmup,
                      Duration duration, Path realtimePid, URI realtimeUrl, Path runDir, int cycles, String rooms) {

    public Profile {
        if (!rooms.equals("direct") && !rooms.equals("group")) {
            throw new IllegalArgumentException("--rooms= is direct or group, not " + rooms);
        }
    }

    public static Profile standard() {
        return new Profile("standard", URI.create("http://127.0.0.1:8080"), URI.create("ws://127.0.0.1:8084/ws"),
                1000, 10, 200, Duration.ofSeconds(10), Duration.ofSeconds(60),
                Path.of(".goftgu/run/realtime-service.pid"), URI.create("http://127.0.0.1:8084"), Path.of(".goftgu/run"), 1,
                "direct");
    }

    /**
     * Issue 12's CPU measurement: 1,000 sockets (200 users × 5), each message on 10 sockets (the recipient's 5 and
     * the sender's 5), 100 msg/s through the gateway, 20 s of warm-up, then 60 s over which the CPU of every process
     * is read.
     */
    public static Profile cpu() {
        var standard = standard();
        return new Profile("cpu", standard.gateway, standard.ws, 200, 5, 100, Duration.ofSeconds(20),
                Duration.ofSeconds(60), standard.realtimePid, standard.realtimeUrl, standard.runDir, 1, "direct");
    }

    public static Profile smoke() {
        return new Profile("smoke", URI.create("http://127.0.0.1:8080"), URI.create("ws://127.0.0.1:8080/ws"),
                20, 2, 20, Duration.ofSeconds(2), Duration.ofSeconds(18), null, null, null, 1, "direct");
    }

    /**
     * {@link ConnectRun}: 2,000 sockets (200 users × 10) opened through the gateway at {@code rate} = 100 connects per
     * second; the gateway holds two descriptors per proxied socket, so this machine's 20,000 per process bound it.
     */
    public static Profile connect() {
        return new Profile("connect", URI.create("http://127.0.0.1:8080"), URI.create("ws://127.0.0.1:8080/ws"),
                200, 10, 100, Duration.ZERO, Duration.ZERO, Path.of(".goftgu/run/realtime-service.pid"), null, null, 1,
                "direct");
    }

    /**
     * {@link CyclesRun}: 2,000 sockets (200 users × 10) straight to realtime-service, opened at 200 connects per second
     * and all closed again, five times over; realtime-service's memory after each opening and each closing.
     */
    public static Profile connectCycles() {
        var standard = standard();
        return new Profile("cycles", standard.gateway, standard.ws, 200, 10, 200, Duration.ZERO, Duration.ZERO,
                standard.realtimePid, standard.realtimeUrl, null, 5, "direct");
    }

    /** {@link FaultRun}: sockets through the gateway, which moves them to the live replica. */
    public static Profile fault() {
        return new Profile("fault", URI.create("http://127.0.0.1:8080"), URI.create("ws://127.0.0.1:8080/ws"),
                100, 2, 40, Duration.ZERO, Duration.ofSeconds(110), null, null, null, 1, "direct");
    }

    /** The fan-out: sockets that receive each message besides the sender's own. */
    public int fanOut() {
        return socketsPerUser;
    }

    public int sockets() {
        return users * socketsPerUser;
    }

    /** {@code standard}, {@code cpu}, {@code smoke}, {@code connect}, {@code cycles} or {@code fault}, then {@code --field=value} overrides. */
    public static Profile parse(String... args) {
        var base = standard();
        var overrides = new HashMap<String, String>();
        for (var arg : args) {
            if (arg.equals("smoke")) {
                base = smoke();
            } else if (arg.equals("cpu")) {
                base = cpu();
            } else if (arg.equals("connect")) {
                base = connect();
            } else if (arg.equals("fault")) {
                base = fault();
            } else if (arg.equals("cycles")) {
                base = connectCycles();
            } else if (arg.startsWith("--") && arg.contains("=")) {
                overrides.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
            } else if (!arg.equals("standard")) {
                throw new IllegalArgumentException("unknown argument " + arg
                        + " (profiles: standard, cpu, smoke, connect, cycles, fault; overrides: --gateway= --ws="
                        + " --users= --sockets-per-user= --rate= --warmup= --duration= --realtime-pid= --realtime-url="
                        + " --run-dir= --cycles= --rooms=direct|group)");
            }
        }
        return base.with(overrides);
    }

    private Profile with(Map<String, String> o) {
        return new Profile(o.getOrDefault("name", name),
                URI.create(o.getOrDefault("gateway", gateway.toString())),
                URI.create(o.getOrDefault("ws", ws.toString())),
                Integer.parseInt(o.getOrDefault("users", Integer.toString(users))),
                Integer.parseInt(o.getOrDefault("sockets-per-user", Integer.toString(socketsPerUser))),
                Integer.parseInt(o.getOrDefault("rate", Integer.toString(rate))),
                o.containsKey("warmup") ? Duration.parse("PT" + o.get("warmup").toUpperCase()) : warmup,
                o.containsKey("duration") ? Duration.parse("PT" + o.get("duration").toUpperCase()) : duration,
                o.containsKey("realtime-pid") ? Path.of(o.get("realtime-pid")) : realtimePid,
                o.containsKey("realtime-url") ? URI.create(o.get("realtime-url")) : realtimeUrl,
                o.containsKey("run-dir") ? Path.of(o.get("run-dir")) : runDir,
                Integer.parseInt(o.getOrDefault("cycles", Integer.toString(cycles))),
                o.getOrDefault("rooms", rooms));
    }
}
