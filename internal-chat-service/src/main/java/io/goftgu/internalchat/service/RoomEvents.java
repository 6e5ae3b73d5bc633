package io.goftgu.internalchat.service;

import io.goftgu.events.Actor;
import io.goftgu.events.Audience;
import io.goftgu.internalchat.domain.Room;
import io.goftgu.outbox.NewEvent;
import io.goftgu.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import javax.sql.DataSource;
import java.sql.ResultSet;
import java.sql.SQLException;
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
    private final DataSource dataSource;
    private final Outbox outbox;

    RoomEvents(EntityManager entityManager, DataSource dataSource, Outbox outbox) {
        this.entityManager = entityManager;
        this.dataSource = dataSource;
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

    /** To an audience the caller has just read in this transaction ({@link #AUDIENCE}, after the room's lock). */
    public void announceTo(String type, Room room, UUID actor, Object payload, List<UUID> audience) {
        outbox.add(new NewEvent(type, room.workspaceId, room.id, actor == null ? Actor.SYSTEM : Actor.user(actor),
                Audience.users(audience), payload));
    }

    /** How many people are in a room, and those of them an event reaches. */
    public record Members(int count, List<UUID> active) {
    }

    /** Everyone in a room (one parameter, the room id), and whether an event reaches them. */
    static final String AUDIENCE = """
            SELECT m.user_id, (c.id IS NULL OR (c.active AND c.role = 'ADMIN'))
            FROM room_member m LEFT JOIN contact c ON c.id = m.user_id WHERE m.room_id = ?""";

    /** The room's members now (a send reads them with its writes instead: {@link SendStatements#write}). */
    private Members members(UUID roomId) {
        entityManager.flush();
        // the transaction's connection, which the flush has just written to
        try (var connection = dataSource.getConnection(); var query = connection.prepareStatement(AUDIENCE)) {
            query.setObject(1, roomId);
            try (var rows = query.executeQuery()) {
                return members(rows);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the members of room " + roomId, e);
        }
    }

    /** The rows of {@link #AUDIENCE}. */
    static Members members(ResultSet rows) throws SQLException {
        int count = 0;
        var active = new ArrayList<UUID>();
        while (rows.next()) {
            count++;
            if (rows.getBoolean(2)) {
                active.add(rows.getObject(1, UUID.class));
            }
        }
        return new Members(count, List.copyOf(active));
    }
}
