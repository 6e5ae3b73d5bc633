package io.goftgu.gateway.edge;

import io.goftgu.gateway.config.GatewayConfig;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayDeque;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sliding-window limits of the anonymous, public endpoints (the guest widget's start and categories): per client IP
 * and per workspace. A request is counted only when it is let through, so a flood stays refused until old requests
 * leave the window. In memory, so each limit holds per gateway replica (with N replicas, at most N times the budget).
 */
@ApplicationScoped
public class PublicRateLimit {

    /** Bounds memory under a flood of distinct keys; past it, empty windows are dropped at once. */
    private static final int MAX_KEYS = 100_000;

    private final GatewayConfig.PublicSupport config;
    private final long windowNanos;
    private final ConcurrentHashMap<String, ArrayDeque<Long>> hits = new ConcurrentHashMap<>();

    PublicRateLimit(GatewayConfig config) {
        this.config = config.publicSupport();
        this.windowNanos = this.config.window().toNanos();
    }

    /** Counts a guest start from {@code ip}; false when the IP used up its starts in the window. */
    public boolean startFromIp(String ip) {
        return acquire("start-ip:" + ip, config.startsPerIp());
    }

    /** Counts a guest start in {@code workspaceId}; false when the workspace used up its starts in the window. */
    public boolean startInWorkspace(Object workspaceId) {
        return acquire("start-ws:" + workspaceId, config.startsPerWorkspace());
    }

    /** Counts a public read from {@code ip}; false when the IP used up its reads in the window. */
    public boolean readFromIp(String ip) {
        return acquire("read-ip:" + ip, config.readsPerIp());
    }

    /** Seconds until the window lets a request through again (for {@code Retry-After}), at least 1. */
    public long retryAfterSeconds() {
        return Math.max(1, config.window().toSeconds());
    }

    private boolean acquire(String key, int limit) {
        if (hits.size() > MAX_KEYS) {
            prune();
        }
        var now = System.nanoTime();
        var window = hits.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (window) {
            while (!window.isEmpty() && now - window.peekFirst() >= windowNanos) {
                window.removeFirst();
            }
            if (window.size() >= limit) {
                return false;
            }
            window.addLast(now);
            return true;
        }
    }

    @Scheduled(every = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void prune() {
        var now = System.nanoTime();
        hits.entrySet().removeIf(entry -> {
            synchronized (entry.getValue()) {
                var window = entry.getValue();
                while (!window.isEmpty() && now - window.peekFirst() >= windowNanos) {
                    window.removeFirst();
                }
                return window.isEmpty();
            }
        });
    }
}
