package io.goftgu.gateway.session;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Logins in progress per client address, at most {@code max} at once: one address cannot take every password-hashing
 * turn (or database connection), so others still log in while it floods. Entries leave the map when they reach zero.
 */
final class InFlight {

    private final int max;
    private final ConcurrentHashMap<String, AtomicInteger> counts = new ConcurrentHashMap<>();

    InFlight(int max) {
        this.max = max;
    }

    boolean enter(String key) {
        var admitted = new boolean[1];
        counts.compute(key, (k, count) -> {
            var now = count == null ? new AtomicInteger() : count;
            if (now.get() < max) {
                now.incrementAndGet();
                admitted[0] = true;
            }
            return now.get() == 0 ? null : now;
        });
        return admitted[0];
    }

    void exit(String key) {
        counts.computeIfPresent(key, (k, count) -> count.decrementAndGet() <= 0 ? null : count);
    }
}
