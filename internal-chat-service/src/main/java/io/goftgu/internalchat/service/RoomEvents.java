package io.goftgu.internalchat.service;

import io.goftgu.events.Actor;
import io.goftgu.events.Audience;
import io.goftgu.internalchat.domain.Room;
import io.goftgu.outbox.NewEvent;
import io.goftgu.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Announces a room's changes on {@code internal-chat.events} through the outbox, in the caller's transaction. The
 * audience is the room's members at that moment, leaving out deactivated users (and anyone no longer staff).
 */
@ApplicationScoped
public class RoomEvents {

    private final EntityManager entityManager;
    private final Outbox outbox;

    RoomEvents(EntityManager entityManager, Outbox outbox) {
        this.entityManager = entityManager;
        this.outbox = outbox;
    }

    public void announce(String type, Room room, UUID actor, Object payload) {
        announce(type, room, actor, payload, List.of());
    }

    /** {@code alsoTo}: people no longer members who must still hear this one (a removed member). */
    public void announce(String type, Room room, UUID actor, Object payload, List<UUID> alsoTo) {
        var audience = new ArrayList<>(members(room.id).active());
        alsoTo.stream().filter(u -> !audience.contains(u)).forEach(audience::add);
        announceTo(type, room, actor, payload, audience);
    }

    /** To an audience the caller has just read with {@link #members} in this transaction. */
    public void announceTo(String type, Room room, UUID actor, Object payload, List<UUID> audience) {
        outbox.add(new NewEvent(type, room.workspaceId, room.id, actor == null ? Actor.SYSTEM : Actor.user(actor),
                Audience.users(audience), payload));
    }

    /** How many people are in a room, and those of them an event reaches. */
    public record Members(int count, List<UUID> active) {
    }

    /** One query for both: a send needs the count for its view and the active ones for its event. */
    public Members members(UUID roomId) {
        entityManager.flush();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                        SELECT m.user_id, (c.id IS NULL OR (c.active AND c.role = 'ADMIN'))
                        FROM room_member m LEFT JOIN contact c ON c.id = m.user_id WHERE m.room_id = ?1""")
                .setParameter(1, roomId).getResultList();
        return new Members(rows.size(), rows.stream().filter(row -> (Boolean) row[1]).map(row -> (UUID) row[0]).toList());
    }
}
