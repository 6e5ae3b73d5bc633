package io.goftgu.realtime.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.goftgu.events.EventEnvelope;
import io.goftgu.events.EventJson;
import io.goftgu.events.EventTypes;

import java.util.Map;
import java.util.List;

/**
 * Which domain events are pushed to sockets, and as which frame (docs/design.md §4). This table is the one place that
 * maps event types to frame names; an event type not listed here is not pushed.
 *
 * <p>A frame is {@code {"type", <subject field>: aggregateId, "seq", "data": payload}}, where the subject field is
 * {@code roomId} for room events and {@code ticketId} for ticket events, and {@code seq} is the payload's own
 * {@code seq} (a message's position in its room) or, when the payload has none, the event's aggregate sequence.
 */
public final class EventFrames {

    /** How one event type becomes a frame. */
    public record Route(String frameType, String subjectField) {
    }

    /** A frame ready to send: its type (for metrics) and its text, serialised once for every recipient. */
    public record Frame(String type, String json) {
    }

    private static final String ROOM = "roomId";
    private static final String TICKET = "ticketId";
    private static final String USER = "userId";
    private static final String RECORD = "recordId";

    private static final List<Route> MESSAGE_EDITED = List.of(new Route("internal-chat:message-edited", ROOM));
    private static final List<Route> ROOM_UPDATED = List.of(new Route("internal-chat:room-updated", ROOM));
    private static final List<Route> REACTION = List.of(new Route("internal-chat:reaction", ROOM));
    private static final List<Route> TICKET_MESSAGE = List.of(new Route("support-chat:message", TICKET));
    private static final List<Route> TICKET_UPDATE = List.of(new Route("support-chat:ticket-update", TICKET));
    private static final List<Route> RECORD_UPDATED = List.of(new Route("support-info:updated", RECORD));

    private static final Map<String, List<Route>> ROUTES = Map.ofEntries(
            Map.entry(EventTypes.InternalChat.MESSAGE_CREATED, List.of(new Route("internal-chat:message", ROOM))),
            Map.entry(EventTypes.InternalChat.MESSAGE_EDITED, MESSAGE_EDITED),
            Map.entry(EventTypes.InternalChat.MESSAGE_PINNED, MESSAGE_EDITED),
            Map.entry(EventTypes.InternalChat.MESSAGE_UNPINNED, MESSAGE_EDITED),
            Map.entry(EventTypes.InternalChat.MESSAGE_DELETED, List.of(new Route("internal-chat:message-deleted", ROOM))),
            Map.entry(EventTypes.InternalChat.REACTION_ADDED, REACTION),
            Map.entry(EventTypes.InternalChat.REACTION_REMOVED, REACTION),
            Map.entry(EventTypes.InternalChat.MEMBER_READ, List.of(new Route("internal-chat:read-receipt", ROOM))),
            Map.entry(EventTypes.InternalChat.ROOM_CREATED, ROOM_UPDATED),
            Map.entry(EventTypes.InternalChat.ROOM_UPDATED, ROOM_UPDATED),
            Map.entry(EventTypes.InternalChat.MEMBER_ADDED, ROOM_UPDATED),
            Map.entry(EventTypes.InternalChat.MEMBER_REMOVED, ROOM_UPDATED),
            Map.entry(EventTypes.InternalChat.MEMBER_UPDATED, ROOM_UPDATED),
            Map.entry(EventTypes.SupportChat.MESSAGE_CREATED, TICKET_MESSAGE),
            Map.entry(EventTypes.SupportChat.MESSAGE_EDITED, TICKET_MESSAGE),
            Map.entry(EventTypes.SupportChat.MESSAGE_DELETED, TICKET_MESSAGE),
            Map.entry(EventTypes.SupportChat.NOTE_CREATED, TICKET_MESSAGE),
            Map.entry(EventTypes.SupportChat.TICKET_CREATED, TICKET_UPDATE),
            Map.entry(EventTypes.SupportChat.TICKET_UPDATED, TICKET_UPDATE),
            Map.entry(EventTypes.SupportChat.TICKET_STATUS_CHANGED, TICKET_UPDATE),
            Map.entry(EventTypes.SupportChat.TICKET_ASSIGNED, TICKET_UPDATE),
            Map.entry(EventTypes.SupportChat.TICKET_SLA_AT_RISK, TICKET_UPDATE),
            Map.entry(EventTypes.SupportChat.TICKET_SLA_BREACHED, TICKET_UPDATE),
            Map.entry(EventTypes.SupportChat.TICKET_RATED, TICKET_UPDATE),
            Map.entry(EventTypes.SupportChat.TICKET_MERGED, TICKET_UPDATE),
            Map.entry(EventTypes.SupportChat.TICKET_REQUESTER_CHANGED, TICKET_UPDATE),
            Map.entry(EventTypes.SupportInfo.RECORD_CREATED, RECORD_UPDATED),
            Map.entry(EventTypes.SupportInfo.RECORD_UPDATED, RECORD_UPDATED),
            Map.entry(EventTypes.SupportInfo.RECORD_DELETED, RECORD_UPDATED),
            Map.entry(EventTypes.Realtime.TYPING_CHANGED, List.of(new Route(FrameTypes.INTERNAL_CHAT_TYPING, ROOM))),
            Map.entry(EventTypes.Realtime.TICKET_TYPING_CHANGED, List.of(new Route(FrameTypes.SUPPORT_CHAT_TYPING, TICKET))),
            // one presence change, told to staff both as a colleague's status and as an agent's availability
            Map.entry(EventTypes.Realtime.PRESENCE_CHANGED, List.of(new Route("internal-chat:user-status", USER),
                    new Route("support-chat:agent-status", USER))));

    private EventFrames() {
    }

    /** The frames an event type becomes; empty for types that are not pushed. */
    public static List<Route> routesOf(String eventType) {
        return ROUTES.getOrDefault(eventType, List.of());
    }

    /** The frames for {@code event}, each serialised once and sent as is to every recipient. */
    public static List<Frame> render(EventEnvelope event) {
        return routesOf(event.type()).stream().map(route -> new Frame(route.frameType(), write(event, route))).toList();
    }

    private static String write(EventEnvelope event, Route route) {
        var payload = event.payload();
        var frame = EventJson.MAPPER.createObjectNode();
        frame.put("type", route.frameType());
        frame.put(route.subjectField(), event.aggregateId().toString());
        frame.put("seq", sequenceOf(event, payload));
        frame.set("data", payload == null ? EventJson.MAPPER.nullNode() : payload);
        try {
            return EventJson.MAPPER.writeValueAsString(frame);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event " + event.id() + " cannot be written as a frame", e);
        }
    }

    private static long sequenceOf(EventEnvelope event, JsonNode payload) {
        var seq = payload == null ? null : payload.get("seq");
        return seq != null && seq.canConvertToLong() ? seq.asLong() : event.sequence();
    }
}
