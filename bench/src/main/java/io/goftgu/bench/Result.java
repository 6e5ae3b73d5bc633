package io.goftgu.bench;

import org.HdrHistogram.Histogram;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** What a run measured, printed as one table; a run passes when nothing was lost, duplicated or refused. */
public record Result(Profile profile, int sockets, Histogram connectMicros, int sent, long acknowledged, long errors,
                     long expectedDeliveries, long measuredDeliveries, long lost, long duplicates,
                     Histogram latencyMicros, long sendMillis, LoadRun.Memory before, LoadRun.Memory after,
                     LoadRun.Memory gcFrom, LoadRun.Memory gcTo, ProcessCpu.Usage idle, ProcessCpu.Usage cpu, List<String> anomalies) {

    public boolean ok() {
        return lost == 0 && duplicates == 0 && errors == 0 && acknowledged == sent;
    }

    public String table() {
        var rows = new StringBuilder();
        row(rows, "profile", profile.name() + " (" + profile.users() + " users in " + profile.rooms()
                + " rooms of two, " + profile.socketsPerUser() + " sockets each, fan-out " + profile.fanOut() + ", "
                + profile.rate() + " msg/s, "
                + profile.duration().toSeconds() + " s measured)");
        row(rows, "sockets open", sockets + " via " + profile.ws());
        row(rows, "connect p50 / p99 / max", ms(connectMicros.getValueAtPercentile(50)) + " / "
                + ms(connectMicros.getValueAtPercentile(99)) + " / " + ms(connectMicros.getMaxValue()));
        row(rows, "messages sent / acknowledged / errors", sent + " / " + acknowledged + " / " + errors);
        row(rows, "send rate achieved", String.format(Locale.ROOT, "%.1f msg/s", sent * 1000.0 / Math.max(1, sendMillis)));
        row(rows, "deliveries measured / expected", measuredDeliveries + " / " + expectedDeliveries
                + String.format(Locale.ROOT, " (%.0f frames/s)", measuredDeliveries * 1000.0
                / Math.max(1, profile.duration().toMillis())));
        row(rows, "lost / duplicated", lost + " / " + duplicates);
        row(rows, "latency p50 / p90 / p99 / p99.9 / max", ms(latencyMicros.getValueAtPercentile(50)) + " / "
                + ms(latencyMicros.getValueAtPercentile(90)) + " / " + ms(latencyMicros.getValueAtPercentile(99))
                + " / " + ms(latencyMicros.getValueAtPercentile(99.9)) + " / " + ms(latencyMicros.getMaxValue()));
        memoryRows(rows, before, after, sockets);
        gcRows(rows, gcFrom, gcTo, "while sending and catching up");
        if (cpu != null && idle != null) {
            cpuRows(rows);
        }
        anomalies.forEach(anomaly -> row(rows, "anomaly", anomaly));
        row(rows, "verdict", ok() ? "PASS: nothing lost, duplicated or refused" : "FAIL");
        return rows.toString();
    }

    /** realtime-service's resident memory and heap before and after {@code sockets} sockets opened, when read. */
    static void memoryRows(StringBuilder rows, LoadRun.Memory before, LoadRun.Memory after, int sockets) {
        if (before.rssBytes() > 0 && after.rssBytes() > 0) {
            row(rows, "realtime RSS before / after sockets", mib(before.rssBytes()) + " / " + mib(after.rssBytes())
                    + String.format(Locale.ROOT, " (%.1f KiB per socket)",
                    (after.rssBytes() - before.rssBytes()) / 1024.0 / Math.max(1, sockets)));
        }
        if (before.heapBytes() > 0 && after.heapBytes() > 0) {
            row(rows, "realtime heap before / after sockets", mib(before.heapBytes()) + " / " + mib(after.heapBytes())
                    + String.format(Locale.ROOT, " (%.1f KiB per socket)",
                    (after.heapBytes() - before.heapBytes()) / 1024.0 / Math.max(1, sockets)));
        }
    }

    /** realtime-service's collections between two readings (the overload case: no storm of major collections). */
    static void gcRows(StringBuilder rows, LoadRun.Memory from, LoadRun.Memory to, String when) {
        if (from.minor().count() < 0 || to.minor().count() < 0) {
            return;
        }
        var minor = to.minor().minus(from.minor());
        var major = to.major().minus(from.major());
        row(rows, "realtime GC " + when, String.format(Locale.ROOT,
                "%d minor (%.0f ms of pauses), %d major (%.0f ms)", minor.count(), minor.seconds() * 1000,
                major.count(), major.seconds() * 1000));
    }

    /**
     * CPU per message acknowledged over the measured window, per process, then the stack's total (the generator apart),
     * then each JVM's busiest thread groups (where its time goes: request threads, event loop, outbox relay, ...).
     */
    private void cpuRows(StringBuilder rows) {
        row(rows, "CPU window", String.format(Locale.ROOT,
                "%.1f s, %d messages sent, %d acknowledged; load average %s -> %s; %s", cpu.windowMillis() / 1000.0,
                cpu.sent(), cpu.acknowledged(), cpu.loadBefore(), cpu.loadAfter(), cpu.steal() < 0 ? "steal unknown"
                        : String.format(Locale.ROOT, "steal %.1f %% of the machine's CPU time", 100 * cpu.steal())));
        cpu.millis().forEach((process, millis) -> {
            var jit = cpu.jitMillis().get(process);
            var gc = cpu.gcMillis().get(process);
            row(rows, "CPU per message: " + process, perMessage(millis, idle.millis().getOrDefault(process, 0L))
                    + (jit == null ? "" : String.format(Locale.ROOT, "; of it JIT %.2f ms, GC %.2f ms",
                    jit / (double) Math.max(1, cpu.acknowledged()), gc / (double) Math.max(1, cpu.acknowledged()))));
        });
        cpu.threadMillis().forEach((process, groups) -> {
            var busiest = groups.entrySet().stream()
                    .filter(group -> group.getValue() >= MIN_THREAD_SHARE * cpu.acknowledged())
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(6)
                    .map(group -> String.format(Locale.ROOT, "%s %.2f", group.getKey(),
                            group.getValue() / (double) Math.max(1, cpu.acknowledged())))
                    .collect(Collectors.joining(", "));
            if (!busiest.isEmpty()) {
                row(rows, "  threads of " + process, busiest + " ms");
            }
        });
        if (cpu.millis().size() > 1) {
            row(rows, "CPU per message: whole stack", perMessage(cpu.stackMillis(), idle.stackMillis()));
        }
    }

    /** Thread groups listed under a process: those that used at least this many milliseconds per message. */
    private static final double MIN_THREAD_SHARE = 0.05;

    /** Per acknowledged message; then the share of a core, busy and idle, and the per-message cost above idle. */
    private String perMessage(long millis, long idleMillis) {
        double idleShare = idleMillis / (double) Math.max(1, idle.windowMillis());
        double aboveIdle = (millis - idleShare * cpu.windowMillis()) / Math.max(1, cpu.acknowledged());
        return String.format(Locale.ROOT, "%.2f ms (%.0f %% of a core; idle %.1f %%; above idle %.2f ms)",
                millis / (double) Math.max(1, cpu.acknowledged()), 100.0 * millis / Math.max(1, cpu.windowMillis()),
                100 * idleShare, aboveIdle);
    }

    static void row(StringBuilder rows, String name, String value) {
        rows.append(String.format(Locale.ROOT, "| %-40s | %s%n", name, value));
    }

    static String ms(long micros) {
        return String.format(Locale.ROOT, "%.1f ms", micros / 1000.0);
    }

    private static String mib(long bytes) {
        return String.format(Locale.ROOT, "%.0f MiB", bytes / 1024.0 / 1024.0);
    }
}
