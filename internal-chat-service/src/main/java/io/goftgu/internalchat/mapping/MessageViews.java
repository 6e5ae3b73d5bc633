package io.goftgu.internalchat.mapping;

import io.goftgu.internalchat.api.AttachmentView;
import io.goftgu.internalchat.api.LinkView;
import io.goftgu.internalchat.api.MessageView;
import io.goftgu.internalchat.contacts.ContactDirectory;
import io.goftgu.internalchat.domain.Attachment;
import io.goftgu.internalchat.domain.Contact;
import io.goftgu.internalchat.domain.Message;
import io.goftgu.internalchat.domain.RoomMember;
import io.goftgu.links.CrmLinks;
import io.goftgu.links.LinkSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Messages to API records, with their reactions, mentions, files, links and read counts loaded per page. */
@ApplicationScoped
public class MessageViews {

    private final EntityManager entityManager;
    private final ContactDirectory contacts;
    private final CrmLinks crmLinks;

    MessageViews(EntityManager entityManager, ContactDirectory contacts, CrmLinks crmLinks) {
        this.entityManager = entityManager;
        this.contacts = contacts;
        this.crmLinks = crmLinks;
    }

    public MessageView one(Message message, UUID workspaceId, UUID viewer) {
        return page(List.of(message), workspaceId, viewer).getFirst();
    }

    /** {@code viewer} null: the view as events carry it (no {@code isRead}). */
    public List<MessageView> page(List<Message> messages, UUID workspaceId, UUID viewer) {
        if (messages.isEmpty()) {
            return List.of();
        }
        entityManager.flush();
        var ids = messages.stream().map(m -> m.id).toList();
        var senders = contacts.byId(workspaceId, messages.stream().map(m -> m.senderId).distinct().toList());
        var reactions = reactions(ids);
        var mentions = new HashMap<UUID, List<UUID>>();
        for (var row : rows("SELECT message_id, user_id FROM message_mention WHERE message_id IN (?1) ORDER BY user_id", ids)) {
            mentions.computeIfAbsent((UUID) row[0], k -> new ArrayList<>()).add((UUID) row[1]);
        }
        var links = new HashMap<UUID, List<LinkView>>();
        var linkRows = rows("SELECT message_id, kind, ref_id, title FROM message_link WHERE message_id IN (?1) ORDER BY position", ids);
        // URLs by the workspace's templates as they are now (docs/design.md, "CRM links"); read only for a page with links
        var templates = linkRows.isEmpty() ? null : crmLinks.settings(workspaceId);
        for (var row : linkRows) {
            links.computeIfAbsent((UUID) row[0], k -> new ArrayList<>()).add(new LinkView((String) row[1],
                    (String) row[2], (String) row[3], LinkSettings.url(templates, (String) row[1], (String) row[2])));
        }
        var files = new HashMap<UUID, List<AttachmentView>>();
        Attachment.<Attachment>list("messageId in ?1 order by createdAt", ids).forEach(a ->
                files.computeIfAbsent(a.messageId, k -> new ArrayList<>()).add(attachment(a)));
        var roomIds = messages.stream().map(m -> m.roomId).distinct().toList();
        List<RoomMember> members = RoomMember.list("key.roomId in ?1", roomIds);
        return messages.stream().map(m -> {
            var inRoom = members.stream().filter(x -> x.roomId().equals(m.roomId)).toList();
            long readBy = inRoom.stream().filter(x -> !x.userId().equals(m.senderId) && x.lastReadSeq >= m.seq).count();
            Boolean isRead = null;
            if (viewer != null) {
                isRead = viewer.equals(m.senderId)
                        ? readBy == inRoom.stream().filter(x -> !x.userId().equals(m.senderId)).count()
                        : inRoom.stream().anyMatch(x -> x.userId().equals(viewer) && x.lastReadSeq >= m.seq);
            }
            return view(m, senders.get(m.senderId), reactions.getOrDefault(m.id, Map.of()),
                    mentions.getOrDefault(m.id, List.of()), files.getOrDefault(m.id, List.of()),
                    links.getOrDefault(m.id, List.of()), readBy, isRead);
        }).toList();
    }

    /**
     * The view, for its sender, of a message this transaction has just created, built from what the send already
     * holds instead of read back: a new message has no reactions and no edits, its mentions, files and links are
     * the ones it was sent with, and no other member has read it (a read position never passes the room's last seq,
     * and this seq is new under the room's lock). The same as {@link #one} would answer, without its six queries.
     *
     * @param sender      the sender's contact, or null when the projection has not heard of them yet
     * @param roomMembers everyone in the room, the sender included
     */
    public static MessageView created(Message message, Contact sender, List<UUID> mentions, List<Attachment> files,
                                      List<LinkView> links, int roomMembers) {
        // as the page's queries order them: mentions by user id (PostgreSQL compares uuids byte by byte, as their
        // hex text sorts), files by upload time, links by position
        var sortedMentions = mentions.stream().sorted(Comparator.comparing(UUID::toString)).toList();
        var fileViews = files.stream().sorted(Comparator.comparing((Attachment a) -> a.createdAt))
                .map(MessageViews::attachment).toList();
        return view(message, sender, Map.of(), sortedMentions, fileViews, links == null ? List.of() : List.copyOf(links),
                0, roomMembers == 1);
    }

    /** Emoji → count and who, in the order the emoji were first used. */
    public Map<String, MessageView.ReactionView> reactionsOf(UUID messageId) {
        entityManager.flush();
        return reactions(List.of(messageId)).getOrDefault(messageId, Map.of());
    }

    public static AttachmentView attachment(Attachment a) {
        return new AttachmentView(a.id, a.name, a.size, a.contentType, a.width, a.height);
    }

    private Map<UUID, Map<String, MessageView.ReactionView>> reactions(Collection<UUID> ids) {
        var byMessage = new HashMap<UUID, Map<String, List<UUID>>>();
        for (var row : rows("SELECT message_id, emoji, user_id FROM reaction WHERE message_id IN (?1) ORDER BY created_at, user_id", ids)) {
            byMessage.computeIfAbsent((UUID) row[0], k -> new LinkedHashMap<>())
                    .computeIfAbsent((String) row[1], k -> new ArrayList<>()).add((UUID) row[2]);
        }
        var result = new HashMap<UUID, Map<String, MessageView.ReactionView>>();
        byMessage.forEach((id, emojis) -> {
            var views = new LinkedHashMap<String, MessageView.ReactionView>();
            emojis.forEach((emoji, users) -> views.put(emoji, new MessageView.ReactionView(users.size(), List.copyOf(users))));
            result.put(id, views);
        });
        return result;
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql, Collection<UUID> ids) {
        return entityManager.createNativeQuery(sql).setParameter(1, ids).getResultList();
    }

    private static MessageView view(Message m, Contact sender, Map<String, MessageView.ReactionView> reactions,
                                    List<UUID> mentions, List<AttachmentView> files, List<LinkView> links,
                                    long readBy, Boolean isRead) {
        var replyTo = m.replyToId == null ? null
                : new MessageView.ReplyTo(m.replyToId, m.replySeq, m.replySenderId, m.replySenderName, m.replyExcerpt);
        var system = m.systemKind == null ? null : new MessageView.SystemInfo(m.systemKind, m.systemUserId, m.systemValue);
        boolean deleted = m.isDeleted();
        return new MessageView(m.id, m.roomId, m.seq, new MessageView.Sender(m.senderId, sender == null ? null : sender.name),
                m.type.name(), deleted ? null : m.body, m.clientMessageId, deleted ? null : replyTo,
                deleted ? List.of() : mentions, deleted ? Map.of() : reactions, deleted ? List.of() : files,
                deleted ? List.of() : links, m.editedAt != null, m.editedAt, deleted, m.deletedAt,
                m.pinnedAt != null, m.pinnedAt, m.pinnedBy, system, readBy, isRead, m.createdAt);
    }
}
