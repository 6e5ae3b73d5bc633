package io.goftgu.events;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Plain JUnit: the envelope's JSON round trip, the type-name rule and the audience check. */
class EventEnvelopeTest {

    private static EventEnvelope sample(String type) {
        var payload = JsonNodeFactory.instance.objectNode().put("body", "سلام");
        return new EventEnvelope(UUID.randomUUID(), type, 1, UUID.randomUUID(), UUID.randomUUID(), 7,
                Instant.parse("2026-11-24T10:15:30.123Z"), Actor.user(UUID.randomUUID()),
                Audience.users(Set.of(UUID.randomUUID())), payload);
    }

    @Test
    void roundTripsThroughJsonUnchanged() {
        var event = sample(EventTypes.InternalChat.MESSAGE_CREATED);
        var json = EventJson.write(event);
        assertTrue(json.contains("\"occurredAt\":\"2026-11-24T10:15:30.123Z\""), json);
        assertEquals(event, EventJson.read(json));
    }

    @Test
    void ignoresFieldsAddedByNewerProducers() throws Exception {
        var node = EventJson.MAPPER.readTree(EventJson.write(sample(EventTypes.InternalChat.MESSAGE_CREATED)));
        ((com.fasterxml.jackson.databind.node.ObjectNode) node).put("addedLater", true);
        assertEquals(EventTypes.InternalChat.MESSAGE_CREATED, EventJson.read(node.toString()).type());
    }

    @Test
    void typeNamesFollowTheRuleAndNameTheirTopic() {
        assertEquals(Topics.INTERNAL_CHAT, EventTypes.topicOf("internal-chat.message.created"));
        assertEquals(Topics.SUPPORT_CHAT, EventTypes.topicOf("support-chat.ticket.status-changed"));
        assertEquals(Topics.IDENTITY, EventTypes.topicOf(EventTypes.Identity.TEAM_MEMBER_ADDED));
        for (var bad : new String[] {"message.created", "Internal-chat.message.created", "internal_chat.message.created",
                "internal-chat.message.created.twice", "billing.invoice.created", "", "internal-chat..created"}) {
            assertThrows(IllegalArgumentException.class, () -> EventTypes.topicOf(bad), bad);
        }
        assertThrows(IllegalArgumentException.class, () -> sample("not-a-type"));
    }

    @Test
    void everyDeclaredTypeFollowsTheRuleAndLandsOnItsServicesTopic() throws Exception {
        var topics = java.util.Map.of(EventTypes.Identity.class, Topics.IDENTITY,
                EventTypes.InternalChat.class, Topics.INTERNAL_CHAT, EventTypes.SupportChat.class, Topics.SUPPORT_CHAT,
                EventTypes.SupportInfo.class, Topics.SUPPORT_INFO, EventTypes.Realtime.class, Topics.REALTIME_SIGNALS);
        assertEquals(topics.keySet(), Set.of(EventTypes.class.getDeclaredClasses()));
        for (var entry : topics.entrySet()) {
            for (var field : entry.getKey().getFields()) {
                assertEquals(entry.getValue(), EventTypes.topicOf((String) field.get(null)), field.getName());
            }
        }
    }

    @Test
    void sequenceStartsAtOne() {
        assertThrows(IllegalArgumentException.class, () -> new EventEnvelope(UUID.randomUUID(),
                EventTypes.InternalChat.MESSAGE_CREATED, 1, UUID.randomUUID(), UUID.randomUUID(), 0, Instant.now(), null, null,
                null));
    }

    @Test
    void audienceAdmitsListedUsersAndRolesButGuestsOnlyByTheirId() {
        var alice = UUID.randomUUID();
        var guest = UUID.randomUUID();
        var audience = new Audience(Set.of(alice), Set.of(guest), Set.of("ADMIN"));
        assertTrue(audience.includes(alice, "USER"));
        assertTrue(audience.includes(UUID.randomUUID(), "ADMIN"));
        assertFalse(audience.includes(UUID.randomUUID(), "USER"));
        assertTrue(audience.includes(guest, "GUEST"));
        assertFalse(audience.includes(alice, "GUEST"), "a guest token never matches a user id");
        assertFalse(Audience.role("ADMIN").includes(UUID.randomUUID(), "GUEST"));
        assertFalse(Audience.NOBODY.includes(alice, "ADMIN"));
    }
}
