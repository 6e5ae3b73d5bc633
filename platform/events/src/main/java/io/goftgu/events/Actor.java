package io.goftgu.events;

import java.util.UUID;

/** Who caused an event: a workspace user, a guest visitor, or the system itself (schedulers, automations). */
public record Actor(Kind kind, UUID id) {

    public static final Actor SYSTEM = new Actor(Kind.SYSTEM, null);

    public enum Kind { USER, GUEST, SYSTEM }

    public static Actor user(UUID id) {
        return new Actor(Kind.USER, id);
    }

    public static Actor guest(UUID id) {
        return new Actor(Kind.GUEST, id);
    }
}
