package io.goftgu.gateway.session;

import io.goftgu.gateway.config.GatewayConfig;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayDeque;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts failed logins per account and per client IP in a sliding window; at the limit, further attempts are refused
 * (429) until old failures leave the window. In memory, so the limit holds per gateway replica: with N replicas an
 * attacker gets at most N times the budget, which still stops online guessing.
 */
@ApplicationScoped
public class LoginThrottle {

    /** Bounds memory under a flood of distinct keys; past it the oldest windows are simply forgotten. */
    private static final int MAX_KEYS = 100_000;

    private final int maxFailures;
    private final long windowNanos;
    private final ConcurrentHashMap<String, ArrayDeque<Long>> failures = new ConcurrentHashMap<>();

    LoginThrottle(GatewayConfig config) {
        this.maxFailures = config.login().maxFailures();
        this.windowNanos = config.login().window().toNanos();
    }

    /** Whether the account or the IP has used up its failures. */
    public boolean isBlocked(String account, String ip) {
        var now = System.nanoTime();
        return count("account:" + account, now) >= maxFailures || count("ip:" + ip, now) >= maxFailures;
    }

    public void recordFailure(String account, String ip) {
        if (failures.size() > MAX_KEYS) {
            prune();
        }
        var now = System.nanoTime();
        add("account:" + account, now);
        add("ip:" + ip, now);
    }

    /** A successful login clears the account's failures (not the IP's: one good password must not reset a spray). */
    public void recordSuccess(String account) {
        failures.remove("account:" + account);
    }

    private int count(String key, long now) {
        var window = failures.get(key);
        if (window == null) {
            return 0;
        }
        synchronized (window) {
            evict(window, now);
            return window.size();
        }
    }

    private void add(String key, long now) {
        var window = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (window) {
            evict(window, now);
            window.addLast(now);
        }
    }

    private void evict(ArrayDeque<Long> window, long now) {
        while (!window.isEmpty() && now - window.peekFirst() >= windowNanos) {
            window.removeFirst();
        }
    }

    @Scheduled(every = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void prune() {
        var now = System.nanoTime();
        failures.entrySet().removeIf(entry -> {
            synchronized (entry.getValue()) {
                evict(entry.getValue(), now);
                return entry.getValue().isEmpty();
            }
        });
    }
}
