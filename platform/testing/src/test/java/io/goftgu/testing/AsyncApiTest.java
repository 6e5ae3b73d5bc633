package io.goftgu.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.goftgu.events.Actor;
import io.goftgu.events.Audience;
import io.goftgu.events.EventEnvelope;
import io.goftgu.events.EventJson;
import io.goftgu.events.EventTypes;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * docs/asyncapi against platform/events: every event type is described exactly once, nothing else is, and the
 * checker each service's contract test relies on accepts a well-formed record and refuses broken ones.
 */
class AsyncApiTest {

    private final AsyncApi documents = AsyncApi.documents();

    @Test
    void everyEventTypeIsDescribedAndNothingElse() {
        var undocumented = new TreeSet<>(AsyncApi.eventTypes());
        undocumented.removeAll(documents.documentedTypes());
        assertEquals(new TreeSet<String>(), undocumented, "event types of EventTypes missing from docs/asyncapi");

        var unknown = new TreeSet<>(documents.documentedTypes());
        unknown.removeAll(AsyncApi.eventTypes());
        assertEquals(new TreeSet<String>(), unknown, "docs/asyncapi describes types EventTypes does not have");
    }

    @Test
    void eachTopicHasItsOwnDocument() {
        assertEquals("identity.yaml", documents.documentOf(EventTypes.Identity.USER_DEACTIVATED));
        assertEquals("internal-chat.yaml", documents.documentOf(EventTypes.InternalChat.MESSAGE_CREATED));
        assertEquals("support-chat.yaml", documents.documentOf(EventTypes.SupportChat.NOTE_CREATED));
        assertEquals("support-info.yaml", documents.documentOf(EventTypes.SupportInfo.RECORD_DELETED));
        assertEquals("realtime-signals.yaml", documents.documentOf(EventTypes.Realtime.PRESENCE_CHANGED));
    }

    @Test
    void aWellFormedRecordMatches() {
        assertEquals(List.of(), documents.violations(presenceChanged()));
    }

    @Test
    void aMissingFieldAWrongFormatOrAWrongEnumIsCaught() {
        var missing = presenceChanged();
        ((ObjectNode) missing.get("payload")).remove("status");
        assertViolation(missing, "status");

        var badId = presenceChanged();
        ((ObjectNode) badId.get("payload")).put("userId", "not-a-uuid");
        assertViolation(badId, "userId");

        var badStatus = presenceChanged();
        ((ObjectNode) badStatus.get("payload")).put("status", "sleeping");
        assertViolation(badStatus, "status");

        var noEnvelopeField = presenceChanged();
        ((ObjectNode) noEnvelopeField).remove("sequence");
        assertViolation(noEnvelopeField, "sequence");
    }

    @Test
    void aNoteThatCarriesItsBodyIsCaught() {
        var ticket = UUID.randomUUID();
        var payload = new LinkedHashMap<String, Object>();
        payload.put("id", UUID.randomUUID());
        payload.put("ticketId", ticket);
        payload.put("seq", 3);
        payload.put("sender", java.util.Map.of("kind", "STAFF", "id", UUID.randomUUID().toString()));
        payload.put("internal", true);
        payload.put("createdAt", Instant.now());
        var note = record(EventTypes.SupportChat.NOTE_CREATED, ticket, Actor.user(UUID.randomUUID()),
                Audience.role("ADMIN"), payload);
        assertEquals(List.of(), documents.violations(note));

        ((ObjectNode) note.get("payload")).put("body", "the customer is difficult");
        assertViolation(note, "body");
    }

    @Test
    void anUndocumentedTypeIsAViolation() {
        var unknown = presenceChanged();
        ((ObjectNode) unknown).put("type", "realtime.mood.changed");
        assertFalse(documents.violations(unknown).isEmpty());
    }

    private void assertViolation(JsonNode record, String field) {
        var violations = documents.violations(record);
        assertTrue(violations.stream().anyMatch(v -> v.contains(field)),
                "expected a violation naming " + field + ", got " + violations);
    }

    private static JsonNode presenceChanged() {
        var user = UUID.randomUUID();
        var payload = new LinkedHashMap<String, Object>();
        payload.put("userId", user);
        payload.put("status", "offline");
        payload.put("lastSeenAt", Instant.now());
        return record(EventTypes.Realtime.PRESENCE_CHANGED, user, Actor.user(user), Audience.role("ADMIN"), payload);
    }

    private static JsonNode record(String type, UUID aggregate, Actor actor, Audience audience, Object payload) {
        var envelope = new EventEnvelope(UUID.randomUUID(), type, 1, UUID.randomUUID(), aggregate, 1, Instant.now(),
                actor, audience, EventJson.toPayload(payload));
        try {
            return EventJson.MAPPER.readTree(EventJson.write(envelope));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
