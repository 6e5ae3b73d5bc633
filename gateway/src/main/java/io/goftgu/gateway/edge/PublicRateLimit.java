package io.goftgu.gateway.edge;

import io.goftgu.gateway.config.GatewayConfig;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;


/**
 * Sliding-window limits of the anonymous, public endpoints (the guest widget's start and categories): per client IP
 * and per workspace. A request is counted only when it is let through, so a flood stays refused until old requests
 * leave the window. In memory, so each limit holds per gateway replica (with N replicas, at most N times the budget).
 */
@ApplicationScoped
public class PublicRateLimit {

    private final GatewayConfig.PublicSupport config;
    private final SlidingWindows windows;

    PublicRateLimit(GatewayConfig config) {
        this.config = config.publicSupport();
        this.windows = new SlidingWindows(this.config.window().toNanos());
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
        return windows.acquire(key, limit) == 0;
    }

    @Scheduled(every = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void prune() {
        windows.prune();
    }
}
