package io.goftgu.internalchat.mapping;

import io.goftgu.internalchat.api.LinkView;
import io.goftgu.internalchat.api.RoomSettings;
import io.goftgu.internalchat.api.RoomView;
import io.goftgu.internalchat.contacts.ContactDirectory;
import io.goftgu.internalchat.domain.Message;
import io.goftgu.internalchat.domain.Room;
import io.goftgu.internalchat.domain.RoomMember;
import io.goftgu.internalchat.domain.Ticket;
import io.goftgu.links.CrmLinks;
import io.goftgu.links.LinkSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/** Rooms to API records. */
@ApplicationScoped
public class RoomViews {

    private final EntityManager entityManager;
    private final ContactDirectory contacts;
    private final MessageViews messages;
    private final CrmLinks crmLinks;

    RoomViews(EntityManager entityManager, ContactDirectory contacts, MessageViews messages, CrmLinks crmLinks) {
        this.entityManager = entityManager;
        this.contacts = contacts;
        this.messages = messages;
        this.crmLinks = crmLinks;
    }

    /** {@code viewer} null: the view as events carry it, without anyone's read state. */
    public RoomView view(Room room, UUID viewer) {
        entityManager.flush();
        List<RoomMember> members = RoomMember.list("key.roomId", room.id);
        var names = contacts.byId(room.workspaceId, members.stream().map(RoomMember::userId).toList());
        var memberViews = members.stream()
                .sorted(Comparator.comparing((RoomMember m) -> m.joinedAt).thenComparing(m -> m.userId().toString()))
                .map(m -> new RoomView.MemberView(m.userId(), names.containsKey(m.userId()) ? names.get(m.userId()).name : null,
                        m.role.name(), m.nickname, m.muted, m.mutedUntil, m.joinedAt, m.notificationsMuted))
                .toList();
        Long lastRead = null;
        Long unread = null;
        Long mentions = null;
        if (viewer != null) {
            lastRead = members.stream().filter(m -> m.userId().equals(viewer)).mapToLong(m -> m.lastReadSeq).findFirst().orElse(0);
            unread = Math.max(0, room.lastSeq - lastRead);
            mentions = ((Number) entityManager.createNativeQuery(
                            "SELECT count(*) FROM message_mention WHERE room_id = ?1 AND user_id = ?2 AND seq > ?3")
                    .setParameter(1, room.id).setParameter(2, viewer).setParameter(3, lastRead).getSingleResult()).longValue();
        }
        Message last = room.lastSeq == 0 ? null
                : Message.<Message>find("roomId = ?1 and seq = ?2", room.id, room.lastSeq).firstResult();
        var pinned = pinnedLinks(room.id);
        // URLs by the workspace's templates as they are now (docs/design.md, "CRM links"); read only when needed
        var templates = pinned.isEmpty() && room.projectId == null ? null : crmLinks.settings(room.workspaceId);
        return new RoomView(room.id, room.type.name(), room.title, room.description, room.isPrivate, room.isArchived,
                room.isLocked, room.teamId, room.projectId, LinkSettings.url(templates, "PROJECT", room.projectId),
                ticket(room), settings(room), memberViews,
                pinned.stream().map(l -> new LinkView(l.kind(), l.refId(), l.title(),
                        LinkSettings.url(templates, l.kind(), l.refId()))).toList(),
                room.lastSeq, lastRead, unread, mentions, mentions == null ? null : mentions > 0,
                last == null ? null : messages.one(last, room.workspaceId, viewer), room.createdAt, room.lastActivityAt);
    }

    /** A TICKET room's ticket from the projection; only its id while the projection has not heard of it. */
    private static RoomView.TicketLink ticket(Room room) {
        if (room.ticketId == null) {
            return null;
        }
        Ticket t = Ticket.findById(room.ticketId);
        return t == null ? new RoomView.TicketLink(room.ticketId, null, null, null, null)
                : new RoomView.TicketLink(t.id, t.number, t.subject, t.status, t.requesterName);
    }

    public static RoomSettings settings(Room room) {
        return new RoomSettings(room.whoCanPost.name(), room.whoCanInvite.name(), room.whoCanChangeSettings.name(),
                room.allowAttachments, room.allowReactions, room.allowReplies, room.maxMessageLength, room.maxFileSize,
                room.retentionDays);
    }

    @SuppressWarnings("unchecked")
    private List<LinkView> pinnedLinks(UUID roomId) {
        List<Object[]> rows = entityManager.createNativeQuery(
                "SELECT kind, ref_id, title FROM room_link WHERE room_id = ?1 ORDER BY position")
                .setParameter(1, roomId).getResultList();
        return rows.stream().map(r -> new LinkView((String) r[0], (String) r[1], (String) r[2])).toList();
    }
}
