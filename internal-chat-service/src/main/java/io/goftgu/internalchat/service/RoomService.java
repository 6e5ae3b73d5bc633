package io.goftgu.internalchat.service;

import io.goftgu.internalchat.contacts.ContactDirectory;
import io.goftgu.internalchat.domain.Room;
import io.goftgu.internalchat.domain.RoomMember;
import io.goftgu.internalchat.mapping.Views;
import io.goftgu.internalchat.rest.RoomView;
import io.goftgu.problem.Problems;
import io.goftgu.security.CurrentUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/** Rooms and who is in them. A room the caller is not a member of does not exist for them (404). */
@ApplicationScoped
public class RoomService {

    private final EntityManager entityManager;
    private final ContactDirectory contacts;

    RoomService(EntityManager entityManager, ContactDirectory contacts) {
        this.entityManager = entityManager;
        this.contacts = contacts;
    }

    /** The direct room of the caller and {@code otherId}, created on first use; notes-to-self when it is the caller. */
    @Transactional
    public Created<RoomView> openDirect(CurrentUser me, UUID otherId) {
        if (otherId == null) {
            throw Problems.invalid("userId", "must not be null");
        }
        var workspaceId = me.workspaceId();
        if (!otherId.equals(me.id())) {
            var other = contacts.find(workspaceId, otherId);
            if (other == null || !other.isActiveStaff()) {
                throw Problems.notFound("user " + otherId);
            }
        }
        var key = directKey(me.id(), otherId);
        var existing = findDirect(workspaceId, key);
        if (existing != null) {
            return new Created<>(view(existing, me.id()), false);
        }
        var now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        var roomId = UUID.randomUUID();
        // a concurrent open of the same pair inserts nothing here and returns the winner's room
        int inserted = entityManager.createNativeQuery("""
                        INSERT INTO room (id, workspace_id, type, direct_key, created_by, created_at, last_activity_at)
                        VALUES (?1, ?2, 'DIRECT', ?3, ?4, ?5, ?5) ON CONFLICT (workspace_id, direct_key) DO NOTHING""")
                .setParameter(1, roomId).setParameter(2, workspaceId).setParameter(3, key)
                .setParameter(4, me.id()).setParameter(5, now)
                .executeUpdate();
        if (inserted == 0) {
            return new Created<>(view(findDirect(workspaceId, key), me.id()), false);
        }
        Stream.of(me.id(), otherId).distinct().forEach(userId -> {
            var member = new RoomMember();
            member.key = new RoomMember.Key(roomId, userId);
            member.role = RoomMember.Role.OWNER;
            member.joinedAt = now;
            member.persist();
        });
        return new Created<>(view(Room.findById(roomId), me.id()), true);
    }

    @Transactional
    public RoomView get(CurrentUser me, UUID roomId) {
        return view(requireRoomOfMember(me, roomId), me.id());
    }

    /** My rooms, most recent activity first. */
    @Transactional
    public List<RoomView> mine(CurrentUser me) {
        List<Room> rooms = Room.list("""
                select r from Room r, RoomMember m
                where m.key.roomId = r.id and m.key.userId = ?1 and r.workspaceId = ?2""", me.id(), me.workspaceId());
        return rooms.stream().sorted(Comparator.comparing((Room r) -> r.lastActivityAt).reversed())
                .map(r -> view(r, me.id())).toList();
    }

    /** The room, if it is in the caller's workspace and the caller is a member; otherwise 404. */
    public Room requireRoomOfMember(CurrentUser me, UUID roomId) {
        Room room = roomId == null ? null : Room.findById(roomId);
        if (room == null || !room.workspaceId.equals(me.workspaceId())
                || RoomMember.findById(new RoomMember.Key(roomId, me.id())) == null) {
            throw Problems.notFound("room " + roomId);
        }
        return room;
    }

    public List<RoomMember> members(UUID roomId) {
        return RoomMember.list("key.roomId", roomId);
    }

    private RoomView view(Room room, UUID viewer) {
        var members = members(room.id);
        return Views.room(room, members, viewer,
                contacts.byId(room.workspaceId, members.stream().map(RoomMember::userId).toList()));
    }

    private static Room findDirect(UUID workspaceId, String key) {
        return Room.<Room>find("workspaceId = ?1 and directKey = ?2", workspaceId, key).firstResult();
    }

    static String directKey(UUID a, UUID b) {
        var first = a.toString();
        var second = b.toString();
        return first.equals(second) ? first
                : first.compareTo(second) < 0 ? first + ":" + second : second + ":" + first;
    }
}
