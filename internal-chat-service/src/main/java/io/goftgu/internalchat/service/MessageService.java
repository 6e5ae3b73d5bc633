package io.goftgu.internalchat.service;

import io.goftgu.events.EventTypes;
import io.goftgu.files.BlobStore;
import io.goftgu.internalchat.api.EventPayloads;
import io.goftgu.internalchat.api.LinkView;
import io.goftgu.internalchat.api.MessageView;
import io.goftgu.internalchat.api.ReadViews;
import io.goftgu.internalchat.api.SendMessage;
import io.goftgu.internalchat.contacts.ContactDirectory;
import io.goftgu.internalchat.domain.Attachment;
import io.goftgu.internalchat.domain.Message;
import io.goftgu.internalchat.domain.Room;
import io.goftgu.internalchat.domain.RoomMember;
import io.goftgu.internalchat.mapping.MessageViews;
import io.goftgu.internalchat.search.PersianText;
import io.goftgu.problem.Problems;
import io.goftgu.security.CurrentUser;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Sending, reading and changing messages. A send (and a system message) takes the room row's lock, so seqs are
 * gap-free under concurrency; every change and its event commit together.
 */
@ApplicationScoped
public class MessageService {

    public static final int DEFAULT_PAGE = 50;
    public static final int MAX_PAGE = 100;
    static final int REPLY_EXCERPT = 200;
    /** Files one message may carry (also the API's @Size on attachmentIds). */
    static final int MAX_ATTACHMENTS = 10;

    private final EntityManager entityManager;
    private final RoomAccess access;
    private final ContactDirectory contacts;
    private final MessageViews views;
    private final RoomEvents events;
    private final BlobStore blobs;
    private final SendStatements statements;

    MessageService(EntityManager entityManager, RoomAccess access, ContactDirectory contacts, MessageViews views,
                   RoomEvents events, BlobStore blobs, SendStatements statements) {
        this.entityManager = entityManager;
        this.access = access;
        this.contacts = contacts;
        this.views = views;
        this.events = events;
        this.blobs = blobs;
        this.statements = statements;
    }

    /**
     * Sends, or answers a repeat of an earlier send with its message. A repeat sent while the first was still running
     * fails on the unique index once the first commits ({@link SendStatements#lock}); it is tried once more, and then
     * finds the first message.
     */
    public Created<MessageView> send(CurrentUser me, SendMessage command) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> sendOnce(me, command));
        } catch (RuntimeException e) {
            if (!SendStatements.isRepeatOfARunningSend(e)) {
                throw e;
            }
            return QuarkusTransaction.requiringNew().call(() -> sendOnce(me, command));
        }
    }

    private Created<MessageView> sendOnce(CurrentUser me, SendMessage command) {
        // SELECT ... FOR NO KEY UPDATE: concurrent sends into this room queue here. The send reads and writes with
        // plain SQL (SendStatements): the room and member it holds are copies of their rows, not managed entities
        var locked = lockForSend(me, command.roomId(), command.clientMessageId());
        var room = locked.room();
        var member = locked.member();
        // a repeat of a send that committed before this one began; a repeat of one still running when this one began
        // fails on the unique index and is tried again (SendStatements#lock)
        if (locked.earlier() != null) {
            return new Created<>(views.one(Message.findById(locked.earlier()), me.workspaceId(), me.id()), false);
        }
        RoomAccess.requireWritable(room);
        if (room.isLocked) {
            throw Problems.conflict("the room is locked: no new messages");
        }
        var now = now();
        RoomAccess.requireMayPost(room, member, now);
        requireLength(room, command.body());

        var message = new Message();
        message.id = UUID.randomUUID();
        message.roomId = room.id;
        message.senderId = me.id();
        message.type = Message.Type.TEXT;
        message.body = command.body();
        message.searchText = PersianText.normalise(command.body());
        message.clientMessageId = command.clientMessageId();
        message.createdAt = now;
        if (command.replyToId() != null) {
            snapshotReply(room, message, command.replyToId());
        }
        var mentions = command.mentions() == null ? List.<UUID>of() : command.mentions().stream().distinct().toList();
        if (!mentions.isEmpty()) {
            var strangers = statements.notMembers(room.id, mentions);
            if (!strangers.isEmpty()) {
                throw Problems.invalid("mentions", strangers.getFirst() + " is not a member of this room");
            }
        }
        var files = attachmentsToCarry(me, room, command.attachmentIds());

        room.lastSeq += 1;
        room.lastActivityAt = now;
        message.seq = room.lastSeq;
        // the message, the room's last seq, my read position, and the room's members in one statement
        var members = statements.write(message, me.id());
        for (var userId : mentions) {
            entityManager.createNativeQuery(
                            "INSERT INTO message_mention (message_id, user_id, room_id, seq) VALUES (?1, ?2, ?3, ?4)")
                    .setParameter(1, message.id).setParameter(2, userId).setParameter(3, room.id)
                    .setParameter(4, message.seq).executeUpdate();
        }
        insertLinks(message.id, command.links());
        files.forEach(a -> a.messageId = message.id);

        // one view for the sender and the event, from what this send holds (reading it back was most of a send's
        // work); the sender's contact is the one the lock query read
        var view = MessageViews.created(message, locked.contact(), mentions, files, command.links(), members.count());
        events.announceTo(EventTypes.InternalChat.MESSAGE_CREATED, room, me.id(), view.forEveryone(), members.active());
        return new Created<>(view, true);
    }

    /**
     * {@link RoomAccess#requireLocked} for a send, in one statement with my contact ({@link SendStatements#lock}): the
     * same answers in the same order (a deactivated caller is 404 before the room is looked at).
     */
    private SendStatements.Locked lockForSend(CurrentUser me, UUID roomId, UUID clientMessageId) {
        var locked = roomId == null ? null : statements.lock(roomId, me.id(), clientMessageId);
        if (locked == null) {
            access.requireActive(me);
            throw Problems.notFound("room " + roomId);
        }
        RoomAccess.requireActive(me, locked.contact());
        if (!locked.room().workspaceId.equals(me.workspaceId())) {
            throw Problems.notFound("room " + roomId);
        }
        return locked;
    }

    /**
     * A SYSTEM message (member-joined, member-left, renamed, role-changed) in a room whose row the caller has
     * locked, announced to the members at this moment.
     */
    public void appendSystem(Room room, UUID actor, String kind, UUID userId, String value) {
        var now = now();
        var name = userId == null ? null : contacts.byId(room.workspaceId, List.of(userId)).get(userId);
        var who = name == null ? String.valueOf(userId) : name.name;
        var message = new Message();
        message.id = UUID.randomUUID();
        message.roomId = room.id;
        message.senderId = actor == null ? userId : actor;
        message.type = Message.Type.SYSTEM;
        message.body = switch (kind) {
            case "member-joined" -> who + " joined";
            case "member-left" -> who + " left";
            case "renamed" -> "renamed the room to " + value;
            case "role-changed" -> who + " is now " + value;
            default -> kind;
        };
        message.systemKind = kind;
        message.systemUserId = userId;
        message.systemValue = value;
        message.createdAt = now;
        room.lastSeq += 1;
        room.lastActivityAt = now;
        message.seq = room.lastSeq;
        message.persist();
        if (actor != null) {
            // what I did myself is not unread for me
            RoomMember mine = RoomMember.findById(new RoomMember.Key(room.id, actor));
            if (mine != null && mine.lastReadSeq < message.seq) {
                mine.lastReadSeq = message.seq;
                mine.readAt = now;
            }
        }
        events.announce(EventTypes.InternalChat.MESSAGE_CREATED, room, actor, views.one(message, room.workspaceId, null));
    }

    /**
     * Messages in seq order: after {@code after}, before {@code before}, around the message {@code around}, or the
     * latest; at most {@code limit}. Deleted messages are placeholders, so the seqs have no holes.
     */
    @Transactional
    public List<MessageView> list(CurrentUser me, UUID roomId, Long after, Long before, UUID around, Integer limit) {
        if (roomId == null) {
            throw Problems.invalid("roomId", "must not be null");
        }
        int cursors = (after != null ? 1 : 0) + (before != null ? 1 : 0) + (around != null ? 1 : 0);
        if (cursors > 1) {
            throw Problems.badRequest("give one of after, before or around");
        }
        int size = limit == null ? DEFAULT_PAGE : limit;
        if (size < 1 || size > MAX_PAGE) {
            throw Problems.invalid("limit", "must be between 1 and " + MAX_PAGE);
        }
        access.require(me, roomId);
        List<Message> page;
        if (after != null) {
            page = Message.find("roomId = ?1 and seq > ?2 order by seq", roomId, after).page(0, size).list();
        } else if (around != null) {
            Message target = Message.findById(around);
            if (target == null || !target.roomId.equals(roomId)) {
                throw Problems.notFound("message " + around);
            }
            int older = size / 2;
            page = new ArrayList<>(Message.find("roomId = ?1 and seq < ?2 order by seq desc", roomId, target.seq)
                    .page(0, older).<Message>list());
            Collections.reverse(page);
            page.addAll(Message.find("roomId = ?1 and seq >= ?2 order by seq", roomId, target.seq)
                    .page(0, size - older).<Message>list());
        } else {
            page = new ArrayList<>(before != null
                    ? Message.find("roomId = ?1 and seq < ?2 order by seq desc", roomId, before).page(0, size).list()
                    : Message.find("roomId = ?1 order by seq desc", roomId).page(0, size).<Message>list());
            Collections.reverse(page);
        }
        return views.page(page, me.workspaceId(), me.id());
    }

    @Transactional
    public MessageView get(CurrentUser me, UUID messageId) {
        var message = requireMessage(me, messageId).message();
        return views.one(message, me.workspaceId(), me.id());
    }

    @Transactional
    public MessageView edit(CurrentUser me, UUID messageId, String body) {
        var target = requireMessage(me, messageId);
        var message = target.message();
        var room = target.membership().room();
        if (!message.senderId.equals(me.id()) || message.type != Message.Type.TEXT) {
            throw Problems.forbidden("only your own messages can be edited");
        }
        RoomAccess.requireWritable(room);
        if (message.isDeleted()) {
            throw Problems.conflict("the message is deleted");
        }
        requireLength(room, body);
        entityManager.lock(message, LockModeType.PESSIMISTIC_WRITE);
        message.body = body;
        message.searchText = PersianText.normalise(body);
        message.editedAt = now();
        events.announce(EventTypes.InternalChat.MESSAGE_EDITED, room, me.id(), views.one(message, room.workspaceId, null));
        return views.one(message, me.workspaceId(), me.id());
    }

    /** Soft delete: the row and its seq stay, the content goes (files too). Deleting twice changes nothing. */
    @Transactional
    public void delete(CurrentUser me, UUID messageId) {
        var target = requireMessage(me, messageId);
        var message = target.message();
        var room = target.membership().room();
        boolean own = message.senderId.equals(me.id()) && message.type == Message.Type.TEXT;
        if (!own && !target.membership().member().role.isModerator()) {
            throw Problems.forbidden("only the sender, or a room OWNER, ADMIN or MODERATOR, may delete this message");
        }
        RoomAccess.requireWritable(room);
        entityManager.lock(message, LockModeType.PESSIMISTIC_WRITE);
        if (message.isDeleted()) {
            return;
        }
        message.deletedAt = now();
        message.body = null;
        message.searchText = null;
        message.pinnedAt = null;
        message.pinnedBy = null;
        entityManager.createNativeQuery("DELETE FROM message_mention WHERE message_id = ?1").setParameter(1, message.id).executeUpdate();
        entityManager.createNativeQuery("DELETE FROM reaction WHERE message_id = ?1").setParameter(1, message.id).executeUpdate();
        entityManager.createNativeQuery("DELETE FROM message_link WHERE message_id = ?1").setParameter(1, message.id).executeUpdate();
        for (Attachment file : Attachment.<Attachment>list("messageId", message.id)) {
            blobs.delete(file.storageKey);
            file.delete();
        }
        events.announce(EventTypes.InternalChat.MESSAGE_DELETED, room, me.id(), views.one(message, room.workspaceId, null));
    }

    @Transactional
    public MessageView pin(CurrentUser me, UUID messageId, boolean pinned) {
        var target = requireMessage(me, messageId);
        var message = target.message();
        var room = target.membership().room();
        if (target.membership().member().role == RoomMember.Role.GUEST) {
            throw Problems.forbidden("guests may not pin messages");
        }
        RoomAccess.requireWritable(room);
        entityManager.lock(message, LockModeType.PESSIMISTIC_WRITE);
        if (message.isDeleted()) {
            throw Problems.conflict("the message is deleted");
        }
        if ((message.pinnedAt != null) != pinned) {
            message.pinnedAt = pinned ? now() : null;
            message.pinnedBy = pinned ? me.id() : null;
            events.announce(pinned ? EventTypes.InternalChat.MESSAGE_PINNED : EventTypes.InternalChat.MESSAGE_UNPINNED,
                    room, me.id(), views.one(message, room.workspaceId, null));
        }
        return views.one(message, me.workspaceId(), me.id());
    }

    @Transactional
    public List<MessageView> pins(CurrentUser me, UUID roomId) {
        access.require(me, roomId);
        List<Message> pinned = Message.list("roomId = ?1 and pinnedAt is not null order by pinnedAt desc", roomId);
        return views.page(pinned, me.workspaceId(), me.id());
    }

    @Transactional
    public EventPayloads.ReactionChanged react(CurrentUser me, UUID messageId, String rawEmoji, boolean add) {
        var emoji = Emoji.require(rawEmoji);
        var target = requireMessage(me, messageId);
        var message = target.message();
        var room = target.membership().room();
        if (add && !room.allowReactions) {
            throw Problems.forbidden("reactions are turned off in this room");
        }
        RoomAccess.requireWritable(room);
        if (message.isDeleted()) {
            throw Problems.conflict("the message is deleted");
        }
        int changed = add
                ? entityManager.createNativeQuery("""
                        INSERT INTO reaction (message_id, user_id, emoji, created_at) VALUES (?1, ?2, ?3, ?4)
                        ON CONFLICT DO NOTHING""")
                .setParameter(1, message.id).setParameter(2, me.id()).setParameter(3, emoji).setParameter(4, now())
                .executeUpdate()
                : entityManager.createNativeQuery("DELETE FROM reaction WHERE message_id = ?1 AND user_id = ?2 AND emoji = ?3")
                .setParameter(1, message.id).setParameter(2, me.id()).setParameter(3, emoji).executeUpdate();
        var payload = new EventPayloads.ReactionChanged(message.id, room.id, message.seq, emoji, me.id(),
                views.reactionsOf(message.id));
        if (changed > 0) {
            events.announce(add ? EventTypes.InternalChat.REACTION_ADDED : EventTypes.InternalChat.REACTION_REMOVED,
                    room, me.id(), payload);
        }
        return payload;
    }

    /** I have read up to {@code seq}; the read position only moves forward. */
    @Transactional
    public EventPayloads.ReadMoved markRead(CurrentUser me, UUID roomId, long seq) {
        var membership = access.require(me, roomId);
        var room = membership.room();
        var member = membership.member();
        if (seq > room.lastSeq) {
            throw Problems.invalid("seq", "is beyond the room's last seq " + room.lastSeq);
        }
        entityManager.lock(member, LockModeType.PESSIMISTIC_WRITE);
        if (seq > member.lastReadSeq) {
            member.lastReadSeq = seq;
            member.readAt = now();
            var payload = new EventPayloads.ReadMoved(room.id, me.id(), member.lastReadSeq, member.readAt);
            events.announce(EventTypes.InternalChat.MEMBER_READ, room, me.id(), payload);
            return payload;
        }
        return new EventPayloads.ReadMoved(room.id, me.id(), member.lastReadSeq, member.readAt);
    }

    /** The other members who have read the message (their read position is at or past it). */
    @Transactional
    public List<ReadViews.Receipt> receipts(CurrentUser me, UUID messageId) {
        var message = requireMessage(me, messageId).message();
        List<RoomMember> readers = RoomMember.list("key.roomId = ?1 and lastReadSeq >= ?2 and key.userId <> ?3",
                message.roomId, message.seq, message.senderId);
        var names = contacts.byId(me.workspaceId(), readers.stream().map(RoomMember::userId).toList());
        return readers.stream()
                .map(r -> new ReadViews.Receipt(r.userId(), names.containsKey(r.userId()) ? names.get(r.userId()).name : null,
                        r.lastReadSeq, r.readAt))
                .toList();
    }

    @Transactional
    @SuppressWarnings("unchecked")
    public ReadViews.Unread unread(CurrentUser me) {
        access.requireActive(me);
        List<Object[]> rows = entityManager.createNativeQuery("""
                        SELECT r.id, r.last_seq - m.last_read_seq,
                               (SELECT count(*) FROM message_mention x
                                WHERE x.room_id = r.id AND x.user_id = m.user_id AND x.seq > m.last_read_seq)
                        FROM room r JOIN room_member m ON m.room_id = r.id
                        WHERE m.user_id = ?1 AND r.workspace_id = ?2 AND r.last_seq > m.last_read_seq
                        ORDER BY r.last_activity_at DESC""")
                .setParameter(1, me.id()).setParameter(2, me.workspaceId()).getResultList();
        var rooms = rows.stream().map(r -> {
            long mentions = ((Number) r[2]).longValue();
            return new ReadViews.RoomUnread((UUID) r[0], ((Number) r[1]).longValue(), mentions, mentions > 0);
        }).toList();
        return new ReadViews.Unread(rooms.stream().mapToLong(ReadViews.RoomUnread::count).sum(),
                rooms.stream().mapToLong(ReadViews.RoomUnread::mentionCount).sum(), rooms);
    }

    /** Unread count per room id for the caller, for contacts. */
    @SuppressWarnings("unchecked")
    public Map<UUID, Long> unreadByRoom(CurrentUser me) {
        List<Object[]> rows = entityManager.createNativeQuery("""
                        SELECT r.id, r.last_seq - m.last_read_seq FROM room r JOIN room_member m ON m.room_id = r.id
                        WHERE m.user_id = ?1 AND r.workspace_id = ?2""")
                .setParameter(1, me.id()).setParameter(2, me.workspaceId()).getResultList();
        var result = new HashMap<UUID, Long>();
        rows.forEach(r -> result.put((UUID) r[0], Math.max(0, ((Number) r[1]).longValue())));
        return result;
    }

    record Target(Message message, RoomAccess.Membership membership) {
    }

    /** The message, if it is in a room the caller belongs to; otherwise 404. */
    private Target requireMessage(CurrentUser me, UUID messageId) {
        Message message = messageId == null ? null : Message.findById(messageId);
        if (message == null) {
            throw Problems.notFound("message " + messageId);
        }
        try {
            return new Target(message, access.require(me, message.roomId));
        } catch (io.goftgu.problem.ProblemException e) {
            throw e.status() == 404 ? Problems.notFound("message " + messageId) : e;
        }
    }

    private void snapshotReply(Room room, Message message, UUID replyToId) {
        if (!room.allowReplies) {
            throw Problems.forbidden("replies are turned off in this room");
        }
        Message original = Message.findById(replyToId);
        if (original == null || !original.roomId.equals(room.id)) {
            throw Problems.invalid("replyToId", "is not a message of this room");
        }
        if (original.isDeleted()) {
            throw Problems.invalid("replyToId", "the message is deleted");
        }
        var sender = contacts.byId(room.workspaceId, List.of(original.senderId)).get(original.senderId);
        message.replyToId = original.id;
        message.replySeq = original.seq;
        message.replySenderId = original.senderId;
        message.replySenderName = sender == null ? null : sender.name;
        int codePoints = original.body.codePointCount(0, original.body.length());
        message.replyExcerpt = codePoints <= REPLY_EXCERPT ? original.body
                : original.body.substring(0, original.body.offsetByCodePoints(0, REPLY_EXCERPT)) + "…";
    }

    private List<Attachment> attachmentsToCarry(CurrentUser me, Room room, List<UUID> ids) {
        if (ids == null || ids.isEmpty()) {
            return List.of();
        }
        if (!room.allowAttachments) {
            throw Problems.forbidden("attachments are turned off in this room");
        }
        var distinct = ids.stream().distinct().toList();
        if (distinct.size() > MAX_ATTACHMENTS) {
            throw Problems.invalid("attachmentIds", "at most " + MAX_ATTACHMENTS + " files per message");
        }
        var files = new ArrayList<Attachment>();
        for (var id : distinct) {
            // another's upload, another workspace's, another room's or one already sent: all the same answer
            Attachment file = id == null ? null : Attachment.findById(id, LockModeType.PESSIMISTIC_WRITE);
            if (file == null || !file.workspaceId.equals(room.workspaceId) || !file.uploaderId.equals(me.id())
                    || file.messageId != null || (file.roomId != null && !file.roomId.equals(room.id))) {
                throw Problems.invalid("attachmentIds", id + " is not an unsent upload of yours in this room");
            }
            if (file.size > room.maxFileSize) {
                throw Problems.tooLarge("attachmentIds: " + id + " is " + file.size + " bytes; this room allows at most "
                        + room.maxFileSize);
            }
            files.add(file);
        }
        // an upload made without a room joins the room of the message that carries it
        files.forEach(file -> file.roomId = room.id);
        return files;
    }

    private void insertLinks(UUID messageId, List<LinkView> links) {
        if (links == null) {
            return;
        }
        for (int i = 0; i < links.size(); i++) {
            var link = links.get(i);
            entityManager.createNativeQuery(
                            "INSERT INTO message_link (message_id, position, kind, ref_id, title) VALUES (?1, ?2, ?3, ?4, ?5)")
                    .setParameter(1, messageId).setParameter(2, i).setParameter(3, link.kind())
                    .setParameter(4, link.refId()).setParameter(5, link.title()).executeUpdate();
        }
    }

    private static void requireLength(Room room, String body) {
        if (body == null || body.isBlank()) {
            throw Problems.invalid("body", "must not be blank");
        }
        if (body.length() > room.maxMessageLength) {
            throw Problems.invalid("body", "must be at most " + room.maxMessageLength + " characters in this room");
        }
    }

    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
