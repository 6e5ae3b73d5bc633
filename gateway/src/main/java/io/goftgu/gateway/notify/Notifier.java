package io.goftgu.gateway.notify;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.goftgu.events.EventEnvelope;
import io.goftgu.events.EventTypes;
import io.goftgu.events.Topics;
import io.goftgu.gateway.domain.UserRole;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;

import javax.sql.DataSource;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The one rule of who is told what, when, by e-mail (docs/subsystems/notifications.md). Fed by the domain events in
 * the consumer's transaction (each event once, {@link NotifyEvents}); it queues a mail in {@code notify_pending}, due
 * after the workspace's delay, and takes it back as soon as the person reads what it was about:
 * <ul>
 *   <li>an internal-chat TEXT message mentioning a member → that member ({@link NotifyKind#MENTION}); in a DIRECT
 *       room → the other member ({@link NotifyKind#DIRECT}); never the sender, a muted member, or someone whose
 *       switch for the kind is off;</li>
 *   <li>a staff public reply on a ticket whose requester is a customer (a {@code USER}) → that customer
 *       ({@link NotifyKind#TICKET_REPLY}); internal notes are never looked at, guests have no account to mail;</li>
 *   <li>a read position moving past the message (a member's {@code member.read}; the ticket's
 *       {@code customerReadSeq}), the customer writing on the ticket, or leaving the room → the mail is dropped.</li>
 * </ul>
 * Whether the person is still active, still wants the kind and still has not read it is checked again when the mail
 * is due ({@link DueMails}).
 */
@ApplicationScoped
public class Notifier {

    private static final int SNIPPET = 300;
    private static final int ROOM_TYPES = 100_000;

    private final DataSource dataSource;
    private final NotifySettings settings;
    private final NotifyConfig config;
    private final TransactionSynchronizationRegistry transactions;
    /** Room id → direct or not; see {@link #direct}. */
    private final Cache<UUID, Boolean> roomTypes = Caffeine.newBuilder().maximumSize(ROOM_TYPES).build();

    Notifier(DataSource dataSource, NotifySettings settings, NotifyConfig config,
             TransactionSynchronizationRegistry transactions) {
        this.dataSource = dataSource;
        this.settings = settings;
        this.config = config;
        this.transactions = transactions;
    }

    /**
     * Whether the event can change anything here. Most are chat messages that mention no one outside a direct room:
     * they are passed over before the consumer's transaction, so a message costs the gateway no write (it was one
     * dedupe row and one commit per message, docs/benchmarks.md).
     */
    public boolean concerns(EventEnvelope event) {
        if (Topics.SUPPORT_CHAT.equals(event.topic())) {
            return event.type().startsWith("support-chat.ticket.") || publicTicketMessage(event);
        }
        return switch (event.type()) {
            case EventTypes.InternalChat.ROOM_CREATED, EventTypes.InternalChat.ROOM_UPDATED,
                 EventTypes.InternalChat.MEMBER_ADDED, EventTypes.InternalChat.MEMBER_UPDATED,
                 EventTypes.InternalChat.MEMBER_REMOVED, EventTypes.InternalChat.MEMBER_READ -> true;
            case EventTypes.InternalChat.MESSAGE_CREATED -> mailable(event.payload())
                    && (!event.payload().path("mentions").isEmpty() || direct(event.aggregateId()));
            default -> false; // edits, reactions, pins: nothing to tell anyone by mail
        };
    }

    /** An event of {@code internal-chat.events}. */
    public void internalChat(EventEnvelope event) {
        var payload = event.payload();
        switch (event.type()) {
            case EventTypes.InternalChat.ROOM_CREATED, EventTypes.InternalChat.ROOM_UPDATED,
                 EventTypes.InternalChat.MEMBER_ADDED, EventTypes.InternalChat.MEMBER_UPDATED -> room(event, payload);
            case EventTypes.InternalChat.MEMBER_REMOVED -> {
                room(event, payload);
                var userId = uuid(payload, "userId");
                if (userId != null) {
                    Sql.update(dataSource, "DELETE FROM notify_pending WHERE user_id = ? AND context_id = ?",
                            userId, event.aggregateId());
                }
            }
            case EventTypes.InternalChat.MEMBER_READ -> read(uuid(payload, "userId"), event.aggregateId(),
                    payload.path("lastReadSeq").asLong(0));
            case EventTypes.InternalChat.MESSAGE_CREATED -> roomMessage(event, payload);
            default -> {
                // not asked for: see concerns
            }
        }
    }

    /** An event of {@code support-chat.events}. */
    public void supportChat(EventEnvelope event) {
        var payload = event.payload();
        if (event.type().startsWith("support-chat.ticket.")) {
            ticket(event, payload);
        } else if (publicTicketMessage(event)) {
            ticketMessage(event, payload);
        }
        // support-chat.note.created (and any internal message) is never read: a note cannot reach a customer
    }

    private void room(EventEnvelope event, JsonNode room) {
        var roomId = event.aggregateId();
        Sql.update(dataSource, """
                INSERT INTO notify_room (id, workspace_id, type, title) VALUES (?, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET type = excluded.type, title = excluded.title""",
                roomId, event.workspaceId(), room.path("type").asText("GROUP"), text(room, "title"));
        if (!room.path("members").isArray()) {
            return;
        }
        Sql.update(dataSource, "DELETE FROM notify_room_member WHERE room_id = ?", roomId);
        for (var member : room.path("members")) {
            var userId = uuid(member, "userId");
            if (userId != null) {
                // notificationsMuted is the member's own choice; "muted" is a moderator's ban on posting, not ours
                Sql.update(dataSource, """
                        INSERT INTO notify_room_member (room_id, user_id, muted) VALUES (?, ?, ?)
                        ON CONFLICT DO NOTHING""",
                        roomId, userId, member.path("notificationsMuted").asBoolean(false));
            }
        }
    }

    private static boolean publicTicketMessage(EventEnvelope event) {
        return EventTypes.SupportChat.MESSAGE_CREATED.equals(event.type())
                && !event.payload().path("internal").asBoolean(false);
    }

    private static boolean mailable(JsonNode message) {
        return "TEXT".equals(message.path("type").asText()) && !message.path("isDeleted").asBoolean(false);
    }

    /**
     * Whether the room is a direct one. A room's type never changes, so the answer is kept once its row is here (the
     * room's creation comes before its messages on the same partition); {@code null} from the loader keeps nothing.
     */
    private boolean direct(UUID roomId) {
        return Boolean.TRUE.equals(roomTypes.get(roomId, id -> Sql.one(dataSource,
                "SELECT type FROM notify_room WHERE id = ?", rs -> "DIRECT".equals(rs.getString(1)), id).orElse(null)));
    }

    private void roomMessage(EventEnvelope event, JsonNode message) {
        if (!mailable(message)) {
            return;
        }
        var senderId = uuid(message.path("sender"), "id");
        var direct = direct(event.aggregateId());
        Set<UUID> recipients = new LinkedHashSet<>();
        if (direct) {
            recipients.addAll(event.audience().users());
        } else {
            for (var mention : message.path("mentions")) {
                var id = parse(mention.asText());
                // the audience is the room's active members: a mention of someone outside the room tells nobody
                if (id != null && event.audience().users().contains(id)) {
                    recipients.add(id);
                }
            }
        }
        recipients.remove(senderId);
        var kind = direct ? NotifyKind.DIRECT : NotifyKind.MENTION;
        for (var userId : recipients) {
            queue(event, userId, UserRole.ADMIN, kind, message);
        }
    }

    private void ticket(EventEnvelope event, JsonNode ticket) {
        Sql.update(dataSource, """
                INSERT INTO notify_ticket (id, workspace_id, number, subject) VALUES (?, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET number = coalesce(excluded.number, notify_ticket.number),
                    subject = coalesce(excluded.subject, notify_ticket.subject)""",
                event.aggregateId(), event.workspaceId(), text(ticket, "number"), text(ticket, "subject"));
        var requester = ticket.path("requester");
        if ("USER".equals(requester.path("kind").asText()) && ticket.has("customerReadSeq")) {
            read(uuid(requester, "id"), event.aggregateId(), ticket.path("customerReadSeq").asLong(0));
        }
    }

    private void ticketMessage(EventEnvelope event, JsonNode message) {
        var sender = message.path("sender");
        var kind = sender.path("kind").asText();
        if ("STAFF".equals(kind)) {
            // a public reply's audience is the staff role and the requester: a user id there is the customer
            for (var userId : event.audience().users()) {
                queue(event, userId, UserRole.USER, NotifyKind.TICKET_REPLY, message);
            }
        } else if ("CUSTOMER".equals(kind)) {
            // the customer is here and writing: whatever waited for them on this ticket is seen
            var customerId = uuid(sender, "id");
            if (customerId != null) {
                Sql.update(dataSource, "DELETE FROM notify_pending WHERE user_id = ? AND context_id = ?",
                        customerId, event.aggregateId());
            }
        }
    }

    /** Queues (or joins) the mail to {@code userId} about the event's room or ticket. */
    private void queue(EventEnvelope event, UUID userId, UserRole role, NotifyKind kind, JsonNode message) {
        // off, or an old event (a first start reading the topics from their beginning): no mail
        if (!config.email() || event.occurredAt().isBefore(Instant.now().minus(config.maxAge()))) {
            return;
        }
        var recipient = recipient(userId, event.aggregateId());
        if (recipient == null || !recipient.active() || recipient.role() != role
                || !recipient.workspaceId().equals(event.workspaceId()) || !recipient.switches().on(kind)
                || recipient.muted()) {
            return;
        }
        var seq = message.path("seq").asLong(event.sequence());
        // counted from now, not from when it happened: a consumer catching up never mails what a read event right
        // behind it on the same partition would take back
        var due = Instant.now().plus(inTransaction(List.of("delay", event.workspaceId()),
                () -> settings.delay(event.workspaceId())));
        var lastSent = recipient.lastSent();
        if (lastSent != null && lastSent.plus(config.digestInterval()).isAfter(due)) {
            due = lastSent.plus(config.digestInterval());
        }
        Sql.update(dataSource, """
                INSERT INTO notify_pending (user_id, context_id, workspace_id, kind, first_seq, last_seq, messages,
                                            sender_name, snippet, due_at)
                VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?, ?)
                ON CONFLICT (user_id, context_id) DO UPDATE SET
                    last_seq = greatest(notify_pending.last_seq, excluded.last_seq),
                    messages = notify_pending.messages + 1,
                    kind = CASE WHEN notify_pending.kind = 'DIRECT' THEN 'DIRECT' ELSE excluded.kind END,
                    sender_name = excluded.sender_name, snippet = excluded.snippet""",
                userId, event.aggregateId(), event.workspaceId(), kind.name(), seq, seq,
                text(message.path("sender"), "name"), snippet(text(message, "body")), Timestamp.from(due));
    }

    /** What a mail to one person about one room or ticket depends on; see {@link #recipient}. */
    private record Recipient(boolean active, UserRole role, UUID workspaceId, NotifySettings.Switches switches,
                             boolean muted, Instant lastSent) {
    }

    /**
     * The person (null when unknown), their switches, whether they muted the room (never, for a ticket: it has no
     * room members) and when they were last mailed about it, in one statement: four per queued mail before, one of
     * the gateway's costs per direct message (docs/benchmarks.md).
     */
    private Recipient recipient(UUID userId, UUID contextId) {
        return Sql.one(dataSource, """
                SELECT u.active, u.role, u.workspace_id, s.mention, s.direct, s.ticket_reply, m.muted, n.sent_at
                FROM workspace_user u
                LEFT JOIN notify_user_settings s ON s.user_id = u.id
                LEFT JOIN notify_room_member m ON m.room_id = ? AND m.user_id = u.id
                LEFT JOIN notify_sent n ON n.user_id = u.id AND n.context_id = ?
                WHERE u.id = ?""",
                rs -> new Recipient(rs.getBoolean(1), UserRole.valueOf(rs.getString(2)), rs.getObject(3, UUID.class),
                        NotifySettings.Switches.of(rs, 4), rs.getBoolean(7),
                        rs.getTimestamp(8) == null ? null : rs.getTimestamp(8).toInstant()),
                contextId, contextId, userId).orElse(null);
    }

    /**
     * {@code read}'s answer, asked once per transaction: the consumer handles a batch of events in one
     * ({@link NotifyEvents}), and a workspace's delay is a setting the notifier never writes, so the events of a batch
     * need not read it again.
     */
    @SuppressWarnings("unchecked")
    private <T> T inTransaction(List<Object> key, Supplier<T> read) {
        var known = (T) transactions.getResource(key);
        if (known == null) {
            known = read.get();
            transactions.putResource(key, known);
        }
        return known;
    }

    /** {@code userId} has read the room or ticket up to {@code seq}: a mail about nothing newer is dropped. */
    private void read(UUID userId, UUID contextId, long seq) {
        if (userId == null) {
            return;
        }
        Sql.update(dataSource, "DELETE FROM notify_pending WHERE user_id = ? AND context_id = ? AND last_seq <= ?",
                userId, contextId, seq);
        Sql.update(dataSource, """
                UPDATE notify_pending SET first_seq = ? WHERE user_id = ? AND context_id = ? AND first_seq <= ?""",
                seq + 1, userId, contextId, seq);
    }

    /** Whether {@code userId} muted notifications about the room. */
    boolean muted(UUID roomId, UUID userId) {
        return Sql.one(dataSource, "SELECT muted FROM notify_room_member WHERE room_id = ? AND user_id = ?",
                rs -> rs.getBoolean(1), roomId, userId).orElse(false);
    }

    private static String snippet(String body) {
        if (body == null) {
            return "";
        }
        var flat = body.strip().replaceAll("\\s+", " ");
        return flat.length() <= SNIPPET ? flat : flat.substring(0, SNIPPET) + "…";
    }

    private static String text(JsonNode node, String field) {
        var value = node.path(field);
        return value.isTextual() ? value.asText() : null;
    }

    private static UUID uuid(JsonNode node, String field) {
        return parse(text(node, field));
    }

    private static UUID parse(String value) {
        try {
            return value == null ? null : UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
