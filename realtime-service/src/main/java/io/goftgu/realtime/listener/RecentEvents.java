package io.goftgu.realtime.listener;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The ids of the last {@code capacity} events seen, to drop an event the outbox relay published twice. Owned by the
 * consumer thread: not thread-safe.
 */
final class RecentEvents {

    private final Map<UUID, Boolean> seen;

    RecentEvents(int capacity) {
        this.seen = new LinkedHashMap<>(capacity, 0.75f) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<UUID, Boolean> eldest) {
                return size() > capacity;
            }
        };
    }

    /** Records {@code id}; false when it was already seen. */
    boolean firstTime(UUID id) {
        return seen.put(id, Boolean.TRUE) == null;
    }
}
