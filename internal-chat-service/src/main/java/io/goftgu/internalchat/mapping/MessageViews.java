package io.goftgu.internalchat.mapping;

import io.goftgu.internalchat.api.AttachmentView;
import io.goftgu.internalchat.api.LinkView;
import io.goftgu.internalchat.api.MessageView;
import io.goftgu.internalchat.contacts.ContactDirectory;
import io.goftgu.internalchat.domain.Attachment;
import io.goftgu.internalchat.domain.Contact;
import io.goftgu.internalchat.domain.Message;
import io.goftgu.internalchat.domain.RoomMember;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.util.ArrayList;
import java.util.Collection;
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

    MessageViews(EntityManager entityManager, ContactDirectory contacts) {
        this.entityManager = entityManager;
        this.contacts = contacts;
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
        for (var row : rows("SELECT message_id, kind, ref_id, title FROM message_link WHERE message_id IN (?1) ORDER BY position", ids)) {
            links.computeIfAbsent((UUID) row[0], k -> new ArrayList<>())
                    .add(new LinkView((String) row[1], (String) row[2], (String) row[3]));
        }
        var files = new HashMap<UUID, List<AttachmentView>>();
        Attachment.<Attachment>list("messageId in ?1 order by createdAt", ids).forEach(a ->
                files.computeIfAbsent(a.messageId, k -> new ArrayList<>()).add(attachment(a)));
        var roomIds = messages.stream().map(m -> m.roomId).distinct().toList();
        List<RoomMember> members = RoomMember.list("key.roomId in ?1", roomIds);
        return messages.stream().map(m -> view(m, senders, reactions.getOrDefault(m.id, Map.of()),
                mentions.getOrDefault(m.id, List.of()), files.getOrDefault(m.id, List.of()),
                links.getOrDefault(m.id, List.of()),
                members.stream().filter(x -> x.roomId().equals(m.roomId)).toList(), viewer)).toList();
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

    private static MessageView view(Message m, Map<UUID, Contact> senders, Map<String, MessageView.ReactionView> reactions,
                                    List<UUID> mentions, List<AttachmentView> files, List<LinkView> links,
                                    List<RoomMember> members, UUID viewer) {
        var sender = senders.get(m.senderId);
        long readBy = members.stream().filter(x -> !x.userId().equals(m.senderId) && x.lastReadSeq >= m.seq).count();
        long others = members.stream().filter(x -> !x.userId().equals(m.senderId)).count();
        Boolean isRead = null;
        if (viewer != null) {
            isRead = viewer.equals(m.senderId)
                    ? readBy == others
                    : members.stream().anyMatch(x -> x.userId().equals(viewer) && x.lastReadSeq >= m.seq);
        }
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
