package io.goftgu.gateway.edge;

import io.goftgu.gateway.config.GatewayConfig;
import io.goftgu.problem.Problems;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayDeque;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Sign-up ({@code POST /api/workspaces}) is anonymous and costs a password hash and a workspace: at most
 * {@code per-ip-per-hour} from one address and {@code per-hour} from everyone on this replica, then 429 with
 * Retry-After. Counted only when let through, in memory per replica.
 */
@ApplicationScoped
public class SignUpLimit {

    private static final long HOUR = TimeUnit.HOURS.toNanos(1);
    private static final int MAX_KEYS = 100_000;

    private final int perIp;
    private final int total;
    private final ConcurrentHashMap<String, ArrayDeque<Long>> hits = new ConcurrentHashMap<>();

    SignUpLimit(GatewayConfig config) {
        this.perIp = config.signupLimits().perIpPerHour();
        this.total = config.signupLimits().perHour();
    }

    public void acquire(String ip) {
        if (hits.size() > MAX_KEYS) {
            prune();
        }
        var now = System.nanoTime();
        var all = hits.computeIfAbsent("*", k -> new ArrayDeque<>());
        var mine = hits.computeIfAbsent("ip:" + ip, k -> new ArrayDeque<>());
        synchronized (this) {
            evict(all, now);
            evict(mine, now);
            if (mine.size() >= perIp) {
                throw Problems.tooManyRequests("too many sign-ups from your address; try again later",
                        retryAfter(mine, now));
            }
            if (all.size() >= total) {
                throw Problems.tooManyRequests("too many sign-ups right now; try again later", retryAfter(all, now));
            }
            all.addLast(now);
            mine.addLast(now);
        }
    }

    private static long retryAfter(ArrayDeque<Long> window, long now) {
        return Math.max(1, TimeUnit.NANOSECONDS.toSeconds(window.peekFirst() + HOUR - now) + 1);
    }

    private static void evict(ArrayDeque<Long> window, long now) {
        while (!window.isEmpty() && now - window.peekFirst() >= HOUR) {
            window.removeFirst();
        }
    }

    @Scheduled(every = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    synchronized void prune() {
        var now = System.nanoTime();
        hits.entrySet().removeIf(entry -> {
            evict(entry.getValue(), now);
            return entry.getValue().isEmpty();
        });
    }
}
