package io.goftgu.realtime.domain;

import com.fasterxml.jackson.databind.JsonNode;
import io.goftgu.events.Actor;
import io.goftgu.events.Audience;
import io.goftgu.events.EventEnvelope;
import io.goftgu.events.EventJson;
import io.goftgu.events.EventTypes;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The event → frame table and the frame's shape, in plain JUnit. */
class EventFramesTest {

    private final UUID room = UUID.randomUUID();

    @Test
    void messageCreatedBecomesAnInternalChatMessageFrame() throws Exception {
        var payload = EventJson.MAPPER.valueToTree(Map.of("id", "m1", "seq", 7, "body", "hi"));
        var frame = EventJson.MAPPER.readTree(EventFrames.render(event(EventTypes.InternalChat.MESSAGE_CREATED, 9, payload))
                .getFirst().json());

        assertEquals("internal-chat:message", frame.path("type").asText());
        assertEquals(room.toString(), frame.path("roomId").asText());
        assertEquals(7, frame.path("seq").asLong());
        assertEquals(payload, frame.path("data"));
    }

    @Test
    void withoutAPayloadSeqTheEventSequenceIsUsed() throws Exception {
        var payload = EventJson.MAPPER.valueToTree(Map.of("id", "m1"));
        var frame = EventJson.MAPPER.readTree(EventFrames.render(event(EventTypes.InternalChat.MESSAGE_CREATED, 9, payload))
                .getFirst().json());

        assertEquals(9, frame.path("seq").asLong());
    }

    @Test
    void eventTypesNotInTheTableAreNotPushed() {
        var payload = EventJson.MAPPER.createObjectNode();
        assertTrue(EventFrames.render(event(EventTypes.Identity.USER_CREATED, 1, payload)).isEmpty());
        assertTrue(EventFrames.routesOf("internal-chat.room.archived").isEmpty());
    }

    private EventEnvelope event(String type, long sequence, JsonNode payload) {
        return new EventEnvelope(UUID.randomUUID(), type, 1, UUID.randomUUID(), room, sequence, Instant.now(),
                Actor.SYSTEM, Audience.NOBODY, payload);
    }

    @Test
    void everyChangeStaffOrCustomersWatchHasItsFrame() {
        var expected = java.util.Map.ofEntries(
                java.util.Map.entry(EventTypes.InternalChat.MESSAGE_EDITED, "internal-chat:message-edited"),
                java.util.Map.entry(EventTypes.InternalChat.MESSAGE_PINNED, "internal-chat:message-edited"),
                java.util.Map.entry(EventTypes.InternalChat.MESSAGE_UNPINNED, "internal-chat:message-edited"),
                java.util.Map.entry(EventTypes.InternalChat.MESSAGE_DELETED, "internal-chat:message-deleted"),
                java.util.Map.entry(EventTypes.InternalChat.REACTION_ADDED, "internal-chat:reaction"),
                java.util.Map.entry(EventTypes.InternalChat.REACTION_REMOVED, "internal-chat:reaction"),
                java.util.Map.entry(EventTypes.InternalChat.MEMBER_READ, "internal-chat:read-receipt"),
                java.util.Map.entry(EventTypes.InternalChat.ROOM_CREATED, "internal-chat:room-updated"),
                java.util.Map.entry(EventTypes.InternalChat.ROOM_UPDATED, "internal-chat:room-updated"),
                java.util.Map.entry(EventTypes.InternalChat.MEMBER_ADDED, "internal-chat:room-updated"),
                java.util.Map.entry(EventTypes.InternalChat.MEMBER_REMOVED, "internal-chat:room-updated"),
                java.util.Map.entry(EventTypes.InternalChat.MEMBER_UPDATED, "internal-chat:room-updated"),
                java.util.Map.entry(EventTypes.Realtime.TYPING_CHANGED, "internal-chat:typing"),
                java.util.Map.entry(EventTypes.SupportChat.MESSAGE_CREATED, "support-chat:message"),
                java.util.Map.entry(EventTypes.SupportChat.NOTE_CREATED, "support-chat:message"),
                java.util.Map.entry(EventTypes.SupportChat.TICKET_STATUS_CHANGED, "support-chat:ticket-update"),
                java.util.Map.entry(EventTypes.SupportChat.TICKET_MERGED, "support-chat:ticket-update"),
                java.util.Map.entry(EventTypes.SupportChat.TICKET_REQUESTER_CHANGED, "support-chat:ticket-update"),
                java.util.Map.entry(EventTypes.Realtime.TICKET_TYPING_CHANGED, "support-chat:typing"),
                java.util.Map.entry(EventTypes.SupportInfo.RECORD_UPDATED, "support-info:updated"));
        expected.forEach((type, frame) -> assertEquals(frame, EventFrames.routesOf(type).getFirst().frameType(), type));
        assertEquals(java.util.List.of("internal-chat:user-status", "support-chat:agent-status"),
                EventFrames.routesOf(EventTypes.Realtime.PRESENCE_CHANGED).stream().map(EventFrames.Route::frameType).toList());
        for (var field : EventTypes.InternalChat.class.getFields()) {
            try {
                assertFalse(EventFrames.routesOf((String) field.get(null)).isEmpty(), field.getName());
            } catch (IllegalAccessException e) {
                throw new AssertionError(e);
            }
        }
    }
}
