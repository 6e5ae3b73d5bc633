package io.goftgu.internalchat.service;

import io.goftgu.events.Actor;
import io.goftgu.events.Audience;
import io.goftgu.events.EventTypes;
import io.goftgu.internalchat.contacts.ContactDirectory;
import io.goftgu.internalchat.domain.Message;
import io.goftgu.internalchat.domain.RoomMember;
import io.goftgu.internalchat.mapping.Views;
import io.goftgu.internalchat.rest.MessageView;
import io.goftgu.internalchat.rest.SendMessage;
import io.goftgu.outbox.NewEvent;
import io.goftgu.outbox.Outbox;
import io.goftgu.problem.Problems;
import io.goftgu.security.CurrentUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

/** Sending and reading messages. Each send takes the room row's lock, so seqs are gap-free under concurrency. */
@ApplicationScoped
public class MessageService {

    public static final int DEFAULT_PAGE = 50;
    public static final int MAX_PAGE = 100;

    private final EntityManager entityManager;
    private final RoomService rooms;
    private final ContactDirectory contacts;
    private final Outbox outbox;

    MessageService(EntityManager entityManager, RoomService rooms, ContactDirectory contacts, Outbox outbox) {
        this.entityManager = entityManager;
        this.rooms = rooms;
        this.contacts = contacts;
        this.outbox = outbox;
    }

    @Transactional
    public Created<MessageView> send(CurrentUser me, SendMessage command) {
        var room = rooms.requireRoomOfMember(me, command.roomId());
        // SELECT ... FOR UPDATE and re-read: concurrent sends into this room queue here
        entityManager.refresh(room, LockModeType.PESSIMISTIC_WRITE);
        // checked under the room lock, so a concurrent repeat of the same send sees the first one
        Message earlier = Message.find("roomId = ?1 and senderId = ?2 and clientMessageId = ?3",
                room.id, me.id(), command.clientMessageId()).firstResult();
        if (earlier != null) {
            return new Created<>(view(earlier, me.workspaceId()), false);
        }
        var now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        room.lastSeq += 1;
        room.lastActivityAt = now;

        var message = new Message();
        message.id = UUID.randomUUID();
        message.roomId = room.id;
        message.seq = room.lastSeq;
        message.senderId = me.id();
        message.type = Message.Type.TEXT;
        message.body = command.body();
        message.clientMessageId = command.clientMessageId();
        message.createdAt = now;
        message.persist();

        var members = rooms.members(room.id);
        members.stream().filter(m -> m.userId().equals(me.id())).forEach(m -> m.lastReadSeq = message.seq);
        var view = view(message, me.workspaceId());
        outbox.add(new NewEvent(EventTypes.InternalChat.MESSAGE_CREATED, me.workspaceId(), room.id, Actor.user(me.id()),
                Audience.users(members.stream().map(RoomMember::userId).toList()), view));
        return new Created<>(view, true);
    }

    /**
     * Messages in seq order: after {@code after}, or before {@code before}, or the latest; at most {@code limit}.
     */
    @Transactional
    public List<MessageView> list(CurrentUser me, UUID roomId, Long after, Long before, Integer limit) {
        if (roomId == null) {
            throw Problems.invalid("roomId", "must not be null");
        }
        if (after != null && before != null) {
            throw Problems.badRequest("give either after or before, not both");
        }
        int size = limit == null ? DEFAULT_PAGE : limit;
        if (size < 1 || size > MAX_PAGE) {
            throw Problems.invalid("limit", "must be between 1 and " + MAX_PAGE);
        }
        rooms.requireRoomOfMember(me, roomId);
        List<Message> page;
        if (after != null) {
            page = Message.find("roomId = ?1 and seq > ?2 order by seq", roomId, after).page(0, size).list();
        } else {
            page = new ArrayList<>(before != null
                    ? Message.find("roomId = ?1 and seq < ?2 order by seq desc", roomId, before).page(0, size).list()
                    : Message.find("roomId = ?1 order by seq desc", roomId).page(0, size).<Message>list());
            Collections.reverse(page);
        }
        var senders = contacts.byId(me.workspaceId(), page.stream().map(m -> m.senderId).distinct().toList());
        return page.stream().map(m -> Views.message(m, senders)).toList();
    }

    private MessageView view(Message message, UUID workspaceId) {
        return Views.message(message, contacts.byId(workspaceId, List.of(message.senderId)));
    }
}
