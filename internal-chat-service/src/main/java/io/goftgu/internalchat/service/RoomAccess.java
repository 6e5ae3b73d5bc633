package io.goftgu.internalchat.service;

import io.goftgu.internalchat.domain.Contact;
import io.goftgu.internalchat.domain.Room;
import io.goftgu.internalchat.domain.RoomMember;
import io.goftgu.problem.Problems;
import io.goftgu.security.CurrentUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import java.util.List;
import java.util.UUID;

/**
 * Who may see and change a room. A room the caller is not a member of, or of another workspace, does not exist for
 * them (404); a deactivated caller sees no rooms at all. What a member's room role forbids is 403; what the room's
 * state forbids (archived, locked) is 409.
 */
@ApplicationScoped
public class RoomAccess {

    /** The room and the caller's membership of it. */
    public record Membership(Room room, RoomMember member) {
    }

    private final EntityManager entityManager;

    RoomAccess(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * As {@link #require}, holding the room row's lock until the transaction ends: one {@code SELECT … FOR UPDATE} of
     * the room joined with the caller's membership, so the room is read under its lock. Call it before anything else
     * loads this room in the transaction (a room already loaded would keep the state it was read with).
     */
    public Membership requireLocked(CurrentUser me, UUID roomId) {
        requireActive(me);
        var found = roomId == null ? List.<Object[]>of() : entityManager.createQuery("""
                        SELECT r, m FROM Room r JOIN RoomMember m ON m.key.roomId = r.id
                        WHERE r.id = :room AND m.key.userId = :me""", Object[].class)
                .setParameter("room", roomId).setParameter("me", me.id())
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
        if (found.isEmpty() || !((Room) found.getFirst()[0]).workspaceId.equals(me.workspaceId())) {
            throw Problems.notFound("room " + roomId);
        }
        return new Membership((Room) found.getFirst()[0], (RoomMember) found.getFirst()[1]);
    }

    public Membership require(CurrentUser me, UUID roomId) {
        requireActive(me);
        Room room = roomId == null ? null : Room.findById(roomId);
        if (room == null || !room.workspaceId.equals(me.workspaceId())) {
            throw Problems.notFound("room " + roomId);
        }
        RoomMember member = RoomMember.findById(new RoomMember.Key(roomId, me.id()));
        if (member == null) {
            throw Problems.notFound("room " + roomId);
        }
        return new Membership(room, member);
    }

    /**
     * A deactivated user is nobody here from the moment identity.events say so. A user the projection has not
     * heard of yet is let through (their rooms can only be ones they opened themselves).
     */
    public void requireActive(CurrentUser me) {
        requireActive(me, Contact.findById(me.id()));
    }

    /** As {@link #requireActive(CurrentUser)}, with my contact already read (null: not heard of yet). */
    public static void requireActive(CurrentUser me, Contact contact) {
        if (contact != null && (!contact.active || !contact.workspaceId.equals(me.workspaceId()))) {
            throw Problems.notFound("user " + me.id());
        }
    }

    public static void requireWritable(Room room) {
        if (room.isArchived) {
            throw Problems.conflict("the room is archived (read-only)");
        }
    }

    public static void requirePolicy(Room.ManagePolicy policy, RoomMember member, String what) {
        boolean allowed = switch (policy) {
            case ALL_MEMBERS -> member.role != RoomMember.Role.GUEST;
            case ADMINS -> member.role.isAdmin();
            case OWNER_ONLY -> member.role == RoomMember.Role.OWNER;
        };
        if (!allowed) {
            throw Problems.forbidden("your room role (" + member.role + ") may not " + what);
        }
    }

    public static void requireMayPost(Room room, RoomMember member, java.time.Instant now) {
        boolean allowed = switch (room.whoCanPost) {
            case ALL_MEMBERS -> true;
            case ADMINS_ONLY -> member.role.isAdmin();
            case OWNER_ONLY -> member.role == RoomMember.Role.OWNER;
        };
        if (!allowed) {
            throw Problems.forbidden("only " + room.whoCanPost + " may post in this room");
        }
        if (member.isMutedAt(now)) {
            throw Problems.forbidden("you are muted in this room"
                    + (member.mutedUntil == null ? "" : " until " + member.mutedUntil));
        }
    }
}
