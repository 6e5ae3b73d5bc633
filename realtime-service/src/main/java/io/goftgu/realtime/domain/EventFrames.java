package io.goftgu.realtime.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.goftgu.events.EventEnvelope;
import io.goftgu.events.EventJson;
import io.goftgu.events.EventTypes;

import java.util.Map;
import java.util.Optional;

/**
 * Which domain events are pushed to sockets, and as which frame (DESIGN.md §4). This table is the one place that
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

    private static final String ROOM = "roomId";
    private static final String USER = "userId";
    private static final String RECORD = "recordId";

    private static final Route MESSAGE_EDITED = new Route("internal-chat:message-edited", ROOM);
    private static final Route ROOM_UPDATED = new Route("internal-chat:room-updated", ROOM);
    private static final Route REACTION = new Route("internal-chat:reaction", ROOM);
    private static final Route RECORD_UPDATED = new Route("support-info:updated", RECORD);

    private static final Map<String, Route> ROUTES = Map.ofEntries(
            Map.entry(EventTypes.InternalChat.MESSAGE_CREATED, new Route("internal-chat:message", ROOM)),
            Map.entry(EventTypes.InternalChat.MESSAGE_EDITED, MESSAGE_EDITED),
            Map.entry(EventTypes.InternalChat.MESSAGE_PINNED, MESSAGE_EDITED),
            Map.entry(EventTypes.InternalChat.MESSAGE_UNPINNED, MESSAGE_EDITED),
            Map.entry(EventTypes.InternalChat.MESSAGE_DELETED, new Route("internal-chat:message-deleted", ROOM)),
            Map.entry(EventTypes.InternalChat.REACTION_ADDED, REACTION),
            Map.entry(EventTypes.InternalChat.REACTION_REMOVED, REACTION),
            Map.entry(EventTypes.InternalChat.MEMBER_READ, new Route("internal-chat:read-receipt", ROOM)),
            Map.entry(EventTypes.InternalChat.ROOM_CREATED, ROOM_UPDATED),
            Map.entry(EventTypes.InternalChat.ROOM_UPDATED, ROOM_UPDATED),
            Map.entry(EventTypes.InternalChat.MEMBER_ADDED, ROOM_UPDATED),
            Map.entry(EventTypes.InternalChat.MEMBER_REMOVED, ROOM_UPDATED),
            Map.entry(EventTypes.InternalChat.MEMBER_UPDATED, ROOM_UPDATED),
            Map.entry(EventTypes.Realtime.TYPING_CHANGED, new Route(FrameTypes.INTERNAL_CHAT_TYPING, ROOM)),
            Map.entry(EventTypes.Realtime.PRESENCE_CHANGED, new Route("internal-chat:user-status", USER)),
            Map.entry(EventTypes.SupportInfo.RECORD_CREATED, RECORD_UPDATED),
            Map.entry(EventTypes.SupportInfo.RECORD_UPDATED, RECORD_UPDATED),
            Map.entry(EventTypes.SupportInfo.RECORD_DELETED, RECORD_UPDATED));

    private EventFrames() {
    }

    public static Optional<Route> routeOf(String eventType) {
        return Optional.ofNullable(ROUTES.get(eventType));
    }

    /** The frame text for {@code event}, serialised once and sent as is to every recipient; empty when not pushed. */
    public static Optional<String> render(EventEnvelope event) {
        return routeOf(event.type()).map(route -> write(event, route));
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
