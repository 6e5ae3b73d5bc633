package io.goftgu.internalchat.service;

import io.goftgu.events.EventTypes;
import io.goftgu.internalchat.api.EventPayloads;
import io.goftgu.internalchat.api.MemberChange;
import io.goftgu.internalchat.api.OpenRoom;
import io.goftgu.internalchat.api.RoomView;
import io.goftgu.internalchat.api.UpdateRoom;
import io.goftgu.internalchat.contacts.ContactDirectory;
import io.goftgu.internalchat.domain.Contact;
import io.goftgu.internalchat.domain.Room;
import io.goftgu.internalchat.domain.RoomMember;
import io.goftgu.internalchat.domain.Team;
import io.goftgu.internalchat.mapping.RoomViews;
import io.goftgu.problem.Problems;
import io.goftgu.security.CurrentUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Rooms and who is in them. A room the caller is not a member of does not exist for them (404). Membership and
 * settings changes lock the room row, write a SYSTEM message where one is due, and announce themselves.
 */
@ApplicationScoped
public class RoomService {

    private final EntityManager entityManager;
    private final ContactDirectory contacts;
    private final RoomAccess access;
    private final RoomViews views;
    private final RoomEvents events;
    private final MessageService messages;

    RoomService(EntityManager entityManager, ContactDirectory contacts, RoomAccess access, RoomViews views,
                RoomEvents events, MessageService messages) {
        this.entityManager = entityManager;
        this.contacts = contacts;
        this.access = access;
        this.views = views;
        this.events = events;
        this.messages = messages;
    }

    @Transactional
    public Created<RoomView> open(CurrentUser me, String type, OpenRoom body) {
        access.requireActive(me);
        return switch (type == null ? "" : type) {
            case "direct" -> openDirect(me, body.userId());
            case "team" -> openTeam(me, body.teamId());
            case "group" -> createGroup(me, body);
            case "project" -> openProject(me, body);
            default -> throw Problems.invalid("type", "must be direct, team, group or project");
        };
    }

    /** The direct room of the caller and {@code otherId}, created on first use; notes-to-self when it is the caller. */
    private Created<RoomView> openDirect(CurrentUser me, UUID otherId) {
        if (otherId == null) {
            throw Problems.invalid("userId", "must not be null");
        }
        var workspaceId = me.workspaceId();
        if (!otherId.equals(me.id()) && !contacts.isActiveStaff(workspaceId, otherId)) {
            throw Problems.notFound("user " + otherId);
        }
        var key = directKey(me.id(), otherId);
        var existing = findDirect(workspaceId, key);
        if (existing != null) {
            return new Created<>(views.view(existing, me.id()), false);
        }
        var now = MessageService.now();
        var roomId = UUID.randomUUID();
        // a concurrent open of the same pair inserts nothing here and returns the winner's room
        int inserted = entityManager.createNativeQuery("""
                        INSERT INTO room (id, workspace_id, type, direct_key, created_by, created_at, last_activity_at)
                        VALUES (?1, ?2, 'DIRECT', ?3, ?4, ?5, ?5) ON CONFLICT (workspace_id, direct_key) DO NOTHING""")
                .setParameter(1, roomId).setParameter(2, workspaceId).setParameter(3, key)
                .setParameter(4, me.id()).setParameter(5, now)
                .executeUpdate();
        if (inserted == 0) {
            return new Created<>(views.view(findDirect(workspaceId, key), me.id()), false);
        }
        new LinkedHashSet<>(List.of(me.id(), otherId)).forEach(userId -> addMember(roomId, userId, RoomMember.Role.OWNER, now));
        Room room = Room.findById(roomId);
        events.announce(EventTypes.InternalChat.ROOM_CREATED, room, me.id(), views.view(room, null));
        return new Created<>(views.view(room, me.id()), true);
    }

    /** The team's room, created on first use by a team member; its members are the team's. */
    private Created<RoomView> openTeam(CurrentUser me, UUID teamId) {
        if (teamId == null) {
            throw Problems.invalid("teamId", "must not be null");
        }
        Team team = Team.<Team>find("id = ?1 and workspaceId = ?2", teamId, me.workspaceId()).firstResult();
        var teamMembers = team == null ? List.<UUID>of() : teamMembers(teamId);
        if (team == null || !teamMembers.contains(me.id())) {
            throw Problems.notFound("team " + teamId);
        }
        Room existing = Room.<Room>find("workspaceId = ?1 and teamId = ?2", me.workspaceId(), teamId).firstResult();
        if (existing != null) {
            return new Created<>(views.view(existing, me.id()), false);
        }
        var now = MessageService.now();
        var roomId = UUID.randomUUID();
        int inserted = entityManager.createNativeQuery("""
                        INSERT INTO room (id, workspace_id, type, title, team_id, created_by, created_at, last_activity_at)
                        VALUES (?1, ?2, 'TEAM', ?3, ?4, ?5, ?6, ?6)
                        ON CONFLICT (workspace_id, team_id) WHERE team_id IS NOT NULL DO NOTHING""")
                .setParameter(1, roomId).setParameter(2, me.workspaceId()).setParameter(3, team.name)
                .setParameter(4, teamId).setParameter(5, me.id()).setParameter(6, now).executeUpdate();
        if (inserted == 0) {
            return new Created<>(views.view(Room.<Room>find("workspaceId = ?1 and teamId = ?2", me.workspaceId(), teamId)
                    .firstResult(), me.id()), false);
        }
        addMember(roomId, me.id(), RoomMember.Role.OWNER, now);
        var active = contacts.byId(me.workspaceId(), teamMembers);
        teamMembers.stream().filter(u -> !u.equals(me.id()))
                .filter(u -> !active.containsKey(u) || active.get(u).isActiveStaff())
                .forEach(u -> addMember(roomId, u, RoomMember.Role.MEMBER, now));
        Room room = Room.findById(roomId);
        events.announce(EventTypes.InternalChat.ROOM_CREATED, room, me.id(), views.view(room, null));
        return new Created<>(views.view(room, me.id()), true);
    }

    private Created<RoomView> createGroup(CurrentUser me, OpenRoom body) {
        var title = requireTitle(body.title());
        var members = requireStaff(me, body.memberIds());
        var room = newRoom(me, Room.Type.GROUP, title, body.description());
        room.isPrivate = body.isPrivate() == null || body.isPrivate();
        room.persist();
        seedMembers(me, room, members);
        events.announce(EventTypes.InternalChat.ROOM_CREATED, room, me.id(), views.view(room, null));
        return new Created<>(views.view(room, me.id()), true);
    }

    /** One room per CRM project: a repeat returns it to its members; to anyone else it is a conflict. */
    private Created<RoomView> openProject(CurrentUser me, OpenRoom body) {
        if (body.projectId() == null || body.projectId().isBlank()) {
            throw Problems.invalid("projectId", "must not be blank");
        }
        var title = requireTitle(body.title());
        var members = requireStaff(me, body.memberIds());
        // serialise creates of one project's room without a unique-violation rollback
        entityManager.createNativeQuery("SELECT pg_advisory_xact_lock(hashtext(?1))")
                .setParameter(1, me.workspaceId() + "/project/" + body.projectId()).getSingleResult();
        Room existing = Room.<Room>find("workspaceId = ?1 and projectId = ?2", me.workspaceId(), body.projectId()).firstResult();
        if (existing != null) {
            if (RoomMember.findById(new RoomMember.Key(existing.id, me.id())) == null) {
                throw Problems.conflict("project " + body.projectId() + " already has a room");
            }
            return new Created<>(views.view(existing, me.id()), false);
        }
        var room = newRoom(me, Room.Type.PROJECT, title, body.description());
        room.projectId = body.projectId();
        room.persist();
        seedMembers(me, room, members);
        events.announce(EventTypes.InternalChat.ROOM_CREATED, room, me.id(), views.view(room, null));
        return new Created<>(views.view(room, me.id()), true);
    }

    @Transactional
    public RoomView get(CurrentUser me, UUID roomId) {
        return views.view(access.require(me, roomId).room(), me.id());
    }

    /** My rooms, most recent activity first; archived ones only when asked for. */
    @Transactional
    public List<RoomView> mine(CurrentUser me, boolean includeArchived) {
        access.requireActive(me);
        List<Room> rooms = Room.list("""
                select r from Room r, RoomMember m
                where m.key.roomId = r.id and m.key.userId = ?1 and r.workspaceId = ?2""", me.id(), me.workspaceId());
        return rooms.stream().filter(r -> includeArchived || !r.isArchived)
                .sorted(Comparator.comparing((Room r) -> r.lastActivityAt).reversed())
                .map(r -> views.view(r, me.id())).toList();
    }

    @Transactional
    public RoomView update(CurrentUser me, UUID roomId, UpdateRoom change) {
        var membership = access.requireLocked(me, roomId);
        var room = membership.room();
        RoomAccess.requirePolicy(room.whoCanChangeSettings, membership.member(), "change this room's settings");
        boolean unarchiveOnly = room.isArchived && Boolean.FALSE.equals(change.isArchived());
        if (room.isArchived && !unarchiveOnly) {
            throw Problems.conflict("the room is archived (read-only); unarchive it first");
        }
        if (room.type == Room.Type.DIRECT && (change.title() != null || change.description() != null)) {
            throw Problems.invalid("title", "a direct room has no title or description");
        }
        if (room.type == Room.Type.TICKET && change.title() != null) {
            throw Problems.invalid("title", "a ticket room's title follows its ticket");
        }
        String renamedTo = null;
        if (change.title() != null) {
            var title = requireTitle(change.title());
            if (!title.equals(room.title)) {
                room.title = title;
                renamedTo = title;
            }
        }
        if (change.description() != null) {
            room.description = change.description().isBlank() ? null : change.description().strip();
        }
        if (change.isArchived() != null) {
            room.isArchived = change.isArchived();
        }
        if (change.isLocked() != null) {
            room.isLocked = change.isLocked();
        }
        var s = change.settings();
        if (s != null) {
            if (s.whoCanPost() != null) {
                room.whoCanPost = Room.PostPolicy.valueOf(s.whoCanPost());
            }
            if (s.whoCanInvite() != null) {
                room.whoCanInvite = Room.ManagePolicy.valueOf(s.whoCanInvite());
            }
            if (s.whoCanChangeSettings() != null) {
                room.whoCanChangeSettings = Room.ManagePolicy.valueOf(s.whoCanChangeSettings());
            }
            room.allowAttachments = Objects.requireNonNullElse(s.allowAttachments(), room.allowAttachments);
            room.allowReactions = Objects.requireNonNullElse(s.allowReactions(), room.allowReactions);
            room.allowReplies = Objects.requireNonNullElse(s.allowReplies(), room.allowReplies);
            room.maxMessageLength = Objects.requireNonNullElse(s.maxMessageLength(), room.maxMessageLength);
            room.maxFileSize = Objects.requireNonNullElse(s.maxFileSize(), room.maxFileSize);
            if (s.retentionDays() != null) {
                room.retentionDays = s.retentionDays() == 0 ? null : s.retentionDays();
            }
        }
        if (change.pinnedLinks() != null) {
            entityManager.createNativeQuery("DELETE FROM room_link WHERE room_id = ?1").setParameter(1, room.id).executeUpdate();
            for (int i = 0; i < change.pinnedLinks().size(); i++) {
                var link = change.pinnedLinks().get(i);
                entityManager.createNativeQuery(
                                "INSERT INTO room_link (room_id, position, kind, ref_id, title) VALUES (?1, ?2, ?3, ?4, ?5)")
                        .setParameter(1, room.id).setParameter(2, i).setParameter(3, link.kind())
                        .setParameter(4, link.refId()).setParameter(5, link.title()).executeUpdate();
            }
        }
        if (renamedTo != null) {
            messages.appendSystem(room, me.id(), "renamed", null, renamedTo);
        }
        events.announce(EventTypes.InternalChat.ROOM_UPDATED, room, me.id(), views.view(room, null));
        return views.view(room, me.id());
    }

    @Transactional
    public List<RoomView.MemberView> members(CurrentUser me, UUID roomId) {
        return views.view(access.require(me, roomId).room(), me.id()).members();
    }

    /**
     * Invites {@code userId}; or, for a public group, lets any staff member join themselves. Role other than MEMBER
     * or GUEST only from the OWNER.
     */
    @Transactional
    public RoomView.MemberView invite(CurrentUser me, UUID roomId, MemberChange change) {
        if (change.userId() == null) {
            throw Problems.invalid("userId", "must not be null");
        }
        var role = change.role() == null ? RoomMember.Role.MEMBER : RoomMember.Role.valueOf(change.role());
        Room room;
        if (change.userId().equals(me.id()) && isPublicGroupToJoin(me, roomId)) {
            room = Room.findById(roomId);
            entityManager.refresh(room, LockModeType.PESSIMISTIC_WRITE);
            role = RoomMember.Role.MEMBER;
        } else {
            var membership = access.requireLocked(me, roomId);
            room = membership.room();
            requireFreeMembership(room);
            RoomAccess.requireWritable(room);
            RoomAccess.requirePolicy(room.whoCanInvite, membership.member(), "invite");
            if (role != RoomMember.Role.MEMBER && role != RoomMember.Role.GUEST && membership.member().role != RoomMember.Role.OWNER) {
                throw Problems.forbidden("only the OWNER gives roles above MEMBER");
            }
            if (!contacts.isActiveStaff(me.workspaceId(), change.userId())) {
                throw Problems.notFound("user " + change.userId());
            }
        }
        RoomAccess.requireWritable(room);
        if (RoomMember.findById(new RoomMember.Key(room.id, change.userId())) != null) {
            throw Problems.conflict("already a member");
        }
        var member = addMember(room.id, change.userId(), role, MessageService.now());
        joined(room, me.id(), change.userId());
        return views.view(room, me.id()).members().stream().filter(m -> m.userId().equals(member.userId())).findFirst().orElseThrow();
    }

    @Transactional
    public RoomView.MemberView changeMember(CurrentUser me, UUID roomId, UUID userId, MemberChange change) {
        var membership = access.requireLocked(me, roomId);
        var room = membership.room();
        var mine = membership.member();
        RoomAccess.requireWritable(room);
        RoomMember target = RoomMember.findById(new RoomMember.Key(room.id, userId));
        if (target == null) {
            throw Problems.notFound("member " + userId);
        }
        String roleChangedTo = null;
        if (change.role() != null) {
            var role = RoomMember.Role.valueOf(change.role());
            if (mine.role != RoomMember.Role.OWNER) {
                throw Problems.forbidden("only the OWNER changes roles");
            }
            if (target.role == RoomMember.Role.OWNER && role != RoomMember.Role.OWNER && owners(room.id) == 1) {
                throw Problems.conflict("the room must keep an OWNER");
            }
            if (role != target.role) {
                target.role = role;
                roleChangedTo = role.name();
            }
        }
        if (change.muted() != null || change.mutedUntil() != null) {
            if (!mine.role.isModerator() || target.role == RoomMember.Role.OWNER || target.userId().equals(me.id())) {
                throw Problems.forbidden("only a room OWNER, ADMIN or MODERATOR mutes, and never the OWNER or themselves");
            }
            target.muted = change.muted() != null ? change.muted() : true;
            target.mutedUntil = target.muted ? change.mutedUntil() : null;
        }
        if (change.notificationsMuted() != null) {
            if (!target.userId().equals(me.id())) {
                throw Problems.forbidden("only the member themselves mutes their notifications about a room");
            }
            target.notificationsMuted = change.notificationsMuted();
        }
        if (change.nickname() != null) {
            if (!target.userId().equals(me.id()) && !mine.role.isAdmin()) {
                throw Problems.forbidden("only the member themselves or a room OWNER or ADMIN sets a nickname");
            }
            target.nickname = change.nickname().isBlank() ? null : change.nickname().strip();
        }
        if (roleChangedTo != null) {
            messages.appendSystem(room, me.id(), "role-changed", userId, roleChangedTo);
        }
        var view = views.view(room, null);
        events.announce(EventTypes.InternalChat.MEMBER_UPDATED, room, me.id(), new EventPayloads.MemberChanged(userId, view));
        return view.members().stream().filter(m -> m.userId().equals(userId)).findFirst().orElseThrow();
    }

    /** Removes a member (OWNER or ADMIN; never the OWNER), or leaves (the caller themselves). */
    @Transactional
    public void removeMember(CurrentUser me, UUID roomId, UUID userId) {
        var membership = access.requireLocked(me, roomId);
        var room = membership.room();
        requireFreeMembership(room);
        RoomMember target = RoomMember.findById(new RoomMember.Key(room.id, userId));
        if (target == null) {
            throw Problems.notFound("member " + userId);
        }
        if (userId.equals(me.id())) {
            if (target.role == RoomMember.Role.OWNER && owners(room.id) == 1 && RoomMember.count("key.roomId", room.id) > 1) {
                throw Problems.conflict("the last OWNER must give the role to someone else before leaving");
            }
        } else {
            RoomAccess.requireWritable(room);
            if (!membership.member().role.isAdmin()) {
                throw Problems.forbidden("only a room OWNER or ADMIN removes members");
            }
            if (target.role == RoomMember.Role.OWNER) {
                throw Problems.forbidden("the OWNER cannot be removed");
            }
        }
        removed(room, me.id(), target);
    }

    /** identity.events: a team member joined or left; its room (if any) follows. */
    public void teamMemberChanged(UUID workspaceId, UUID teamId, UUID userId, boolean added) {
        Room room = Room.<Room>find("workspaceId = ?1 and teamId = ?2", workspaceId, teamId).firstResult();
        if (room == null) {
            return;
        }
        entityManager.refresh(room, LockModeType.PESSIMISTIC_WRITE);
        RoomMember member = RoomMember.findById(new RoomMember.Key(room.id, userId));
        if (added && member == null) {
            Contact contact = contacts.find(workspaceId, userId);
            if (contact != null && !contact.isActiveStaff()) {
                return;
            }
            addMember(room.id, userId, RoomMember.Role.MEMBER, MessageService.now());
            joined(room, null, userId);
        } else if (!added && member != null) {
            removed(room, null, member);
        }
    }

    void joined(Room room, UUID actor, UUID userId) {
        messages.appendSystem(room, actor, "member-joined", userId, null);
        events.announce(EventTypes.InternalChat.MEMBER_ADDED, room, actor, new EventPayloads.MemberChanged(userId, views.view(room, null)));
    }

    private void removed(Room room, UUID actor, RoomMember target) {
        var userId = target.userId();
        target.delete();
        entityManager.flush();
        messages.appendSystem(room, actor, "member-left", userId, null);
        // the removed member hears this one last event, so their client drops the room
        events.announce(EventTypes.InternalChat.MEMBER_REMOVED, room, actor,
                new EventPayloads.MemberChanged(userId, views.view(room, null)), List.of(userId));
    }

    private boolean isPublicGroupToJoin(CurrentUser me, UUID roomId) {
        access.requireActive(me);
        Room room = roomId == null ? null : Room.findById(roomId);
        return room != null && room.workspaceId.equals(me.workspaceId()) && room.type == Room.Type.GROUP && !room.isPrivate
                && RoomMember.findById(new RoomMember.Key(roomId, me.id())) == null;
    }

    private static void requireFreeMembership(Room room) {
        if (room.type == Room.Type.DIRECT) {
            throw Problems.conflict("a direct room's members are fixed");
        }
        if (room.type == Room.Type.TEAM) {
            throw Problems.conflict("a team room's members follow the team");
        }
    }

    private long owners(UUID roomId) {
        return RoomMember.count("key.roomId = ?1 and role = ?2", roomId, RoomMember.Role.OWNER);
    }

    Room newRoom(CurrentUser me, Room.Type type, String title, String description) {
        var now = MessageService.now();
        var room = new Room();
        room.id = UUID.randomUUID();
        room.workspaceId = me.workspaceId();
        room.type = type;
        room.title = title;
        room.description = description == null || description.isBlank() ? null : description.strip();
        room.createdBy = me.id();
        room.createdAt = now;
        room.lastActivityAt = now;
        return room;
    }

    private void seedMembers(CurrentUser me, Room room, List<UUID> others) {
        var now = room.createdAt;
        addMember(room.id, me.id(), RoomMember.Role.OWNER, now);
        others.stream().filter(u -> !u.equals(me.id())).forEach(u -> addMember(room.id, u, RoomMember.Role.MEMBER, now));
    }

    RoomMember addMember(UUID roomId, UUID userId, RoomMember.Role role, Instant now) {
        var member = new RoomMember();
        member.key = new RoomMember.Key(roomId, userId);
        member.role = role;
        member.joinedAt = now;
        member.persist();
        return member;
    }

    private List<UUID> requireStaff(CurrentUser me, List<UUID> ids) {
        var distinct = ids == null ? List.<UUID>of() : new ArrayList<>(new LinkedHashSet<>(ids));
        if (distinct.contains(null)) {
            throw Problems.invalid("memberIds", "must not contain null");
        }
        var known = contacts.byId(me.workspaceId(), distinct);
        for (var id : distinct) {
            if (!id.equals(me.id()) && (!known.containsKey(id) || !known.get(id).isActiveStaff())) {
                throw Problems.invalid("memberIds", id + " is not a staff member of this workspace");
            }
        }
        return distinct;
    }

    @SuppressWarnings("unchecked")
    private List<UUID> teamMembers(UUID teamId) {
        return entityManager.createNativeQuery("SELECT user_id FROM team_member WHERE team_id = ?1")
                .setParameter(1, teamId).getResultList();
    }

    private static String requireTitle(String title) {
        if (title == null || title.isBlank()) {
            throw Problems.invalid("title", "must not be blank");
        }
        if (title.strip().length() > 200) {
            throw Problems.invalid("title", "must be at most 200 characters");
        }
        return title.strip();
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
