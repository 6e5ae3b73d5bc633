package io.goftgu.events;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Event type names and the rule they follow: {@code <service>.<aggregate>.<past-tense-verb>}, each part lower-case
 * kebab-case, e.g. {@code internal-chat.message.created} or {@code support-chat.ticket.status-changed}. The service
 * part names the topic the event is published on.
 */
public final class EventTypes {

    /** {@code identity.events}, produced by the gateway. */
    public static final class Identity {
        public static final String WORKSPACE_CREATED = "identity.workspace.created";
        /** An ADMIN changed the workspace's CRM link settings (URL templates, lookup endpoint). */
        public static final String WORKSPACE_LINKS_UPDATED = "identity.workspace.links-updated";
        public static final String USER_CREATED = "identity.user.created";
        public static final String USER_UPDATED = "identity.user.updated";
        public static final String USER_DEACTIVATED = "identity.user.deactivated";
        public static final String TEAM_CREATED = "identity.team.created";
        public static final String TEAM_MEMBER_ADDED = "identity.team.member-added";
        public static final String TEAM_MEMBER_REMOVED = "identity.team.member-removed";

        private Identity() {
        }
    }

    /** {@code internal-chat.events}, produced by internal-chat-service; the aggregate is the room. */
    public static final class InternalChat {
        public static final String ROOM_CREATED = "internal-chat.room.created";
        public static final String ROOM_UPDATED = "internal-chat.room.updated";
        public static final String MEMBER_ADDED = "internal-chat.member.added";
        public static final String MEMBER_REMOVED = "internal-chat.member.removed";
        public static final String MEMBER_UPDATED = "internal-chat.member.updated";
        /** A member's read position moved (a read receipt). */
        public static final String MEMBER_READ = "internal-chat.member.read";
        public static final String MESSAGE_CREATED = "internal-chat.message.created";
        public static final String MESSAGE_EDITED = "internal-chat.message.edited";
        public static final String MESSAGE_DELETED = "internal-chat.message.deleted";
        public static final String MESSAGE_PINNED = "internal-chat.message.pinned";
        public static final String MESSAGE_UNPINNED = "internal-chat.message.unpinned";
        public static final String REACTION_ADDED = "internal-chat.reaction.added";
        public static final String REACTION_REMOVED = "internal-chat.reaction.removed";

        private InternalChat() {
        }
    }

    /** {@code support-chat.events}, produced by support-chat-service; the aggregate is the ticket. */
    public static final class SupportChat {
        public static final String TICKET_CREATED = "support-chat.ticket.created";
        /** Any other change of the ticket's fields (priority, category, labels, due date, team). */
        public static final String TICKET_UPDATED = "support-chat.ticket.updated";
        public static final String TICKET_STATUS_CHANGED = "support-chat.ticket.status-changed";
        public static final String TICKET_ASSIGNED = "support-chat.ticket.assigned";
        public static final String TICKET_SLA_AT_RISK = "support-chat.ticket.sla-at-risk";
        public static final String TICKET_SLA_BREACHED = "support-chat.ticket.sla-breached";
        public static final String TICKET_RATED = "support-chat.ticket.rated";
        /** The ticket was merged into another (payload: the ticket, closed, with {@code mergedInto}). */
        public static final String TICKET_MERGED = "support-chat.ticket.merged";
        /** The requester changed: a guest's ticket moved to the customer the guest was merged into. */
        public static final String TICKET_REQUESTER_CHANGED = "support-chat.ticket.requester-changed";
        /** A public reply (staff, customer or guest). */
        public static final String MESSAGE_CREATED = "support-chat.message.created";
        public static final String MESSAGE_EDITED = "support-chat.message.edited";
        public static final String MESSAGE_DELETED = "support-chat.message.deleted";
        /** An internal note: staff audience only, and its payload carries no body (customer-facing consumers read this topic). */
        public static final String NOTE_CREATED = "support-chat.note.created";
        /** Staff blocked a guest (the aggregate is the guest): realtime-service closes its sockets. Staff audience. */
        public static final String GUEST_BLOCKED = "support-chat.guest.blocked";
        public static final String GUEST_UNBLOCKED = "support-chat.guest.unblocked";

        private SupportChat() {
        }
    }

    /** {@code support-info.events}, produced by support-info-service; the aggregate is the record. */
    public static final class SupportInfo {
        public static final String RECORD_CREATED = "support-info.record.created";
        public static final String RECORD_UPDATED = "support-info.record.updated";
        public static final String RECORD_DELETED = "support-info.record.deleted";

        private SupportInfo() {
        }
    }

    /** {@code realtime.signals}, produced by realtime-service: short-lived, never stored by a service as history. */
    public static final class Realtime {
        /** Typing in an internal-chat room (aggregate: the room). */
        public static final String TYPING_CHANGED = "realtime.typing.changed";
        /** Typing in a support ticket (aggregate: the ticket). */
        public static final String TICKET_TYPING_CHANGED = "realtime.ticket-typing.changed";
        /** A staff user's presence across all replicas, announced by one of them (aggregate: the user). */
        public static final String PRESENCE_CHANGED = "realtime.presence.changed";
        /** What one replica holds: staff users with sockets on it and their status (aggregate: the replica). */
        public static final String REPLICA_PRESENCE_REPORTED = "realtime.replica.presence-reported";
        /** A replica's heartbeat; one that stops sending them is taken for dead (aggregate: the replica). */
        public static final String REPLICA_ALIVE = "realtime.replica.alive";
        /** Which staff one replica's sockets show which tickets, and what they compose there (aggregate: the replica). */
        public static final String REPLICA_VIEWERS_REPORTED = "realtime.replica.viewers-reported";

        private Realtime() {
        }
    }

    private static final Pattern RULE = Pattern.compile("([a-z]+(?:-[a-z]+)*)\\.[a-z]+(?:-[a-z]+)*\\.[a-z]+(?:-[a-z]+)*");

    private static final Map<String, String> TOPIC_BY_SERVICE = Map.of(
            "identity", Topics.IDENTITY,
            "internal-chat", Topics.INTERNAL_CHAT,
            "support-chat", Topics.SUPPORT_CHAT,
            "support-info", Topics.SUPPORT_INFO,
            "realtime", Topics.REALTIME_SIGNALS);

    /** Types already checked, with their topic: every event read or written asks, and the set of types is small. */
    private static final Map<String, String> CHECKED = new ConcurrentHashMap<>();
    private static final int CHECKED_MAX = 1_000;

    private EventTypes() {
    }

    /** Returns {@code type} when it follows the rule and names a known service, or throws. */
    public static String requireValid(String type) {
        topicOf(type);
        return type;
    }

    public static String topicOf(String type) {
        if (type == null) {
            throw new IllegalArgumentException("event type is required");
        }
        var known = CHECKED.get(type);
        if (known != null) {
            return known;
        }
        var matcher = RULE.matcher(type);
        if (!matcher.matches()) {
            throw new IllegalArgumentException(
                    "event type '" + type + "' does not follow <service>.<aggregate>.<past-tense-verb>");
        }
        var topic = TOPIC_BY_SERVICE.get(matcher.group(1));
        if (topic == null) {
            throw new IllegalArgumentException("event type '" + type + "' names no known service");
        }
        if (CHECKED.size() < CHECKED_MAX) {
            CHECKED.put(type, topic);
        }
        return topic;
    }
}
