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
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The event → frame table and the frame's shape, in plain JUnit. */
class EventFramesTest {

    private final UUID room = UUID.randomUUID();

    @Test
    void messageCreatedBecomesAnInternalChatMessageFrame() throws Exception {
        var payload = EventJson.MAPPER.valueToTree(Map.of("id", "m1", "seq", 7, "body", "hi"));
        var frame = EventJson.MAPPER.readTree(EventFrames.render(event(EventTypes.InternalChat.MESSAGE_CREATED, 9, payload))
                .orElseThrow());

        assertEquals("internal-chat:message", frame.path("type").asText());
        assertEquals(room.toString(), frame.path("roomId").asText());
        assertEquals(7, frame.path("seq").asLong());
        assertEquals(payload, frame.path("data"));
    }

    @Test
    void withoutAPayloadSeqTheEventSequenceIsUsed() throws Exception {
        var payload = EventJson.MAPPER.valueToTree(Map.of("id", "m1"));
        var frame = EventJson.MAPPER.readTree(EventFrames.render(event(EventTypes.InternalChat.MESSAGE_CREATED, 9, payload))
                .orElseThrow());

        assertEquals(9, frame.path("seq").asLong());
    }

    @Test
    void eventTypesNotInTheTableAreNotPushed() {
        var payload = EventJson.MAPPER.createObjectNode();
        assertTrue(EventFrames.render(event(EventTypes.Identity.USER_CREATED, 1, payload)).isEmpty());
        assertTrue(EventFrames.routeOf("internal-chat.room.archived").isEmpty());
    }

    private EventEnvelope event(String type, long sequence, JsonNode payload) {
        return new EventEnvelope(UUID.randomUUID(), type, 1, UUID.randomUUID(), room, sequence, Instant.now(),
                Actor.SYSTEM, Audience.NOBODY, payload);
    }
}
