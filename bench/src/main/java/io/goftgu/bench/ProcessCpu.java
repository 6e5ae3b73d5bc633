package io.goftgu.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * CPU time of the stack's processes, read from {@code /proc/<pid>/stat} ({@code utime + stime}, in clock ticks of
 * 10 ms: Linux's {@code USER_HZ} is 100). The processes are found by the pid files {@code ./goftgu up} writes into
 * its run folder ({@code gateway.pid}, {@code internal-chat-service.pid}, {@code realtime-service-2.pid},
 * {@code kafka.pid}, {@code postgresql.pid}, ...). PostgreSQL is the postmaster plus every process it started
 * (backends, WAL writer, checkpointer, ...): the live children's own time, plus the postmaster's {@code cutime +
 * cstime}, where the kernel adds the time of children that exited (a closed connection's backend).
 * The generator (this JVM) is read separately and is not part of the stack's total.
 */
final class ProcessCpu {

    static final String GENERATOR = "generator (bench)";
    static final String POSTGRESQL = "postgresql";
    private static final long MILLIS_PER_TICK = 10;

    /**
     * CPU milliseconds used so far by each process, by name, in the order of the run folder's pid files; and, for the
     * JVMs, by their live threads grouped by name ({@code executor-thread-7} counts as {@code executor-thread}; Linux
     * keeps 15 characters of a name), as far as the threads still live tell (a thread that ended takes its time
     * along). Of them, what the JIT compiler threads and the GC (Serial GC collects in the {@code VM Thread}) used.
     * With them, the machine's load average and its CPU time so far ({@link Machine}).
     */
    record Snapshot(long atNanos, Map<String, Long> millis, Map<String, Map<String, Long>> threadMillis,
                    String loadAverage, Machine machine) {

        Map<String, Long> jitMillis() {
            return sum(threadMillis, "C1 Compiler", "C2 Compiler");
        }

        Map<String, Long> gcMillis() {
            return sum(threadMillis, "VM Thread", "GC Thread", "G1 ");
        }
    }

    private static Map<String, Long> sum(Map<String, Map<String, Long>> threads, String... prefixes) {
        var sums = new LinkedHashMap<String, Long>();
        threads.forEach((process, groups) -> sums.put(process, groups.entrySet().stream()
                .filter(group -> Arrays.stream(prefixes).anyMatch(group.getKey()::startsWith))
                .mapToLong(Map.Entry::getValue).sum()));
        return sums;
    }

    private final Path runDir;

    ProcessCpu(Path runDir) {
        this.runDir = runDir;
    }

    Snapshot take() {
        var millis = new LinkedHashMap<String, Long>();
        var threads = new LinkedHashMap<String, Map<String, Long>>();
        for (var process : processes()) {
            boolean postgres = process.name().equals(POSTGRESQL);
            long used = postgres ? postgresql(process.pid()) : own(process.pid(), false);
            if (used >= 0) {
                millis.put(process.name(), used);
                if (!postgres) {
                    threads.put(process.name(), threads(process.pid()));
                }
            }
        }
        long self = ProcessHandle.current().pid();
        millis.put(GENERATOR, own(self, false));
        threads.put(GENERATOR, threads(self));
        return new Snapshot(System.nanoTime(), millis, threads, loadAverage(), Machine.read());
    }

    /**
     * The machine's CPU time so far, in ticks, from the {@code cpu} line of {@code /proc/stat}: all of it (user, nice,
     * system, idle, iowait, irq, softirq, steal; guest time is already counted in user), and the steal, the time a
     * virtual machine's CPUs were ready to run but the hypervisor ran something else. A share of steal in the window
     * says the host was busy with other machines: the stack's work then takes more CPU time than on a quiet host
     * (caches shared and cold), and comparing runs means comparing runs with a similar steal.
     */
    record Machine(long allTicks, long stealTicks) {

        private static final int STEAL = 8;
        static final Machine UNKNOWN = new Machine(-1, -1);

        static Machine read() {
            try (var lines = Files.lines(Path.of("/proc/stat"))) {
                return lines.findFirst().map(Machine::parse).orElse(UNKNOWN);
            } catch (IOException | RuntimeException e) {
                return UNKNOWN;
            }
        }

        /** {@code cpu  user nice system idle iowait irq softirq steal guest guest_nice}, as proc(5) gives it. */
        static Machine parse(String line) {
            var fields = line.trim().split("\\s+");
            if (!fields[0].equals("cpu") || fields.length <= STEAL) {
                return UNKNOWN;
            }
            long all = 0;
            for (int i = 1; i <= STEAL; i++) {
                all += Long.parseLong(fields[i]);
            }
            return new Machine(all, Long.parseLong(fields[STEAL]));
        }

        /** The share of the machine's CPU time stolen between {@code from} and this reading, or -1 when unknown. */
        double stealSince(Machine from) {
            long all = allTicks - from.allTicks;
            return allTicks < 0 || from.allTicks < 0 || all <= 0 ? -1 : (stealTicks - from.stealTicks) / (double) all;
        }
    }

    // a thread's number, however it is written: executor-thread-12, C2 CompilerThread0, GC Thread#1, kafka-producer-network-thread | x
    private static final Pattern NUMBERED = Pattern.compile("([-# ]?\\d+)+$");

    /** The CPU of a process's live threads, by their name without its number. */
    private static Map<String, Long> threads(long pid) {
        var groups = new HashMap<String, Long>();
        try (var tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            for (var task : tasks.toList()) {
                try {
                    var text = Files.readString(task.resolve("stat"));
                    var name = NUMBERED.matcher(text.substring(text.indexOf('(') + 1, text.lastIndexOf(')')))
                            .replaceFirst("");
                    groups.merge(name, ticks(text.substring(text.lastIndexOf(')') + 2).split(" "), false)
                            * MILLIS_PER_TICK, Long::sum);
                } catch (IOException | RuntimeException e) {
                    // a thread that ended meanwhile
                }
            }
        } catch (IOException e) {
            return Map.of();
        }
        return groups;
    }

    private record Named(String name, long pid) {
    }

    private List<Named> processes() {
        var found = new ArrayList<Named>();
        if (runDir == null || !Files.isDirectory(runDir)) {
            return found;
        }
        try (var files = Files.list(runDir)) {
            for (var file : files.filter(f -> f.getFileName().toString().endsWith(".pid")).sorted().toList()) {
                var name = file.getFileName().toString().replaceFirst("\\.pid$", "");
                try {
                    found.add(new Named(name, Long.parseLong(Files.readString(file).strip())));
                } catch (IOException | NumberFormatException e) {
                    // a pid file being rewritten: the process is left out of this snapshot
                }
            }
        } catch (IOException e) {
            return found;
        }
        return found;
    }

    /** The postmaster's own and reaped children's time plus its live children's. */
    private static long postgresql(long postmaster) {
        long total = own(postmaster, true);
        if (total < 0) {
            return -1;
        }
        try (var procs = Files.list(Path.of("/proc"))) {
            for (var dir : procs.filter(d -> d.getFileName().toString().chars().allMatch(Character::isDigit)).toList()) {
                var fields = stat(Long.parseLong(dir.getFileName().toString()));
                if (fields != null && Long.parseLong(fields[PPID]) == postmaster) {
                    total += ticks(fields, false) * MILLIS_PER_TICK;
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return total;
    }

    private static long own(long pid, boolean withReapedChildren) {
        var fields = stat(pid);
        return fields == null ? -1 : ticks(fields, withReapedChildren) * MILLIS_PER_TICK;
    }

    // fields after "pid (comm) ", counted from state = 0 (proc(5) numbers them from 1 with pid and comm first)
    private static final int PPID = 1;
    private static final int UTIME = 11;
    private static final int CUTIME = 13;

    private static long ticks(String[] fields, boolean withReapedChildren) {
        long ticks = Long.parseLong(fields[UTIME]) + Long.parseLong(fields[UTIME + 1]);
        if (withReapedChildren) {
            ticks += Long.parseLong(fields[CUTIME]) + Long.parseLong(fields[CUTIME + 1]);
        }
        return ticks;
    }

    /** The fields of {@code /proc/<pid>/stat} after the command name (which may hold spaces), or null. */
    private static String[] stat(long pid) {
        try {
            var text = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            return text.substring(text.lastIndexOf(')') + 2).split(" ");
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** The 1-, 5- and 15-minute load averages, as {@code /proc/loadavg} has them. */
    private static String loadAverage() {
        try {
            var fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    /**
     * What each process used between two snapshots, and the messages sent and acknowledged in between: the CPU is
     * reported per acknowledged message, the work the stack finished in the window (the same as per sent message
     * when the stack keeps up; a stack that falls behind finishes fewer).
     */
    record Usage(Map<String, Long> millis, Map<String, Long> jitMillis, Map<String, Long> gcMillis,
                 Map<String, Map<String, Long>> threadMillis, long windowMillis, int sent, long acknowledged,
                 String loadBefore, String loadAfter, double steal) {

        static Usage between(Snapshot from, Snapshot to, int sent, long acknowledged) {
            var threads = new LinkedHashMap<String, Map<String, Long>>();
            to.threadMillis().forEach((process, groups) -> {
                var before = from.threadMillis().get(process);
                if (before != null) {
                    var used = new LinkedHashMap<String, Long>();
                    groups.forEach((group, millis) -> used.put(group, Math.max(0, millis - before.getOrDefault(group, 0L))));
                    threads.put(process, used);
                }
            });
            return new Usage(difference(from.millis(), to.millis()), difference(from.jitMillis(), to.jitMillis()),
                    difference(from.gcMillis(), to.gcMillis()), threads, (to.atNanos() - from.atNanos()) / 1_000_000,
                    sent, acknowledged, from.loadAverage(), to.loadAverage(), to.machine().stealSince(from.machine()));
        }

        private static Map<String, Long> difference(Map<String, Long> from, Map<String, Long> to) {
            var used = new LinkedHashMap<String, Long>();
            to.forEach((name, millis) -> {
                var before = from.get(name);
                if (before != null) {
                    used.put(name, Math.max(0, millis - before));
                }
            });
            return used;
        }

        long stackMillis() {
            return millis.entrySet().stream().filter(e -> !e.getKey().equals(GENERATOR))
                    .mapToLong(Map.Entry::getValue).sum();
        }
    }
}
