package io.goftgu.gateway.edge;

import java.util.ArrayDeque;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sliding-window counters by key, in memory: the one mechanism behind the gateway's rate limits
 * ({@link PublicRateLimit}, {@link WriteRateLimit}). A request is counted only when it is let through, so a flood
 * stays refused until old requests leave the window. Memory is bounded under a flood of distinct keys: past
 * {@link #MAX_KEYS}, empty windows are dropped at once.
 */
final class SlidingWindows {

    static final int MAX_KEYS = 100_000;

    private final long windowNanos;
    private final ConcurrentHashMap<String, ArrayDeque<Long>> hits = new ConcurrentHashMap<>();

    SlidingWindows(long windowNanos) {
        this.windowNanos = windowNanos;
    }

    /** Counts a request under {@code key}: 0 when it may go, else the nanoseconds until the window has room. */
    long acquire(String key, int limit) {
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
                return Math.max(1, window.peekFirst() + windowNanos - now);
            }
            window.addLast(now);
            return 0;
        }
    }

    /** Drops what has left the window, and the keys left with nothing. */
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
