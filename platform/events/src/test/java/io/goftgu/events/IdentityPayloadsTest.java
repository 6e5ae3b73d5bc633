package io.goftgu.events;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Plain JUnit: what the gateway writes is what consumers read back, and a payload that does not fit is refused. */
class IdentityPayloadsTest {

    private static final UUID WORKSPACE = UUID.randomUUID();

    private static EventEnvelope event(String type, Object payload) {
        JsonNode node = payload instanceof JsonNode json ? json : EventJson.toPayload(payload);
        var written = new EventEnvelope(UUID.randomUUID(), type, 1, WORKSPACE, UUID.randomUUID(), 1,
                Instant.parse("2026-12-01T05:00:00Z"), Actor.SYSTEM, Audience.role("STAFF"), node);
        return EventJson.read(EventJson.write(written));
    }

    @Test
    void eachIdentityTypeReadsBackAsTheRecordItWasWrittenFrom() {
        var user = new IdentityPayloads.User(UUID.randomUUID(), WORKSPACE, "سارا", "sara@example.com", "ADMIN", true);
        var team = new IdentityPayloads.Team(UUID.randomUUID(), WORKSPACE, "Support", List.of(user.id()));
        var member = new IdentityPayloads.TeamMember(team.id(), WORKSPACE, "Support", user.id());
        var workspace = new IdentityPayloads.Workspace(WORKSPACE, "Acme", "acme");
        assertEquals(user, IdentityPayloads.read(event(EventTypes.Identity.USER_CREATED, user)));
        assertEquals(user, IdentityPayloads.read(event(EventTypes.Identity.USER_UPDATED, user)));
        assertEquals(team, IdentityPayloads.read(event(EventTypes.Identity.TEAM_CREATED, team)));
        assertEquals(member, IdentityPayloads.read(event(EventTypes.Identity.TEAM_MEMBER_ADDED, member)));
        assertEquals(member, IdentityPayloads.read(event(EventTypes.Identity.TEAM_MEMBER_REMOVED, member)));
        assertEquals(workspace, IdentityPayloads.read(event(EventTypes.Identity.WORKSPACE_CREATED, workspace)));
        assertNull(IdentityPayloads.read(event("identity.user.renamed", user)), "a newer type is not ours to read");
    }

    @Test
    void aDeactivationIsInactiveWhateverItsPayloadSaysAndAnAbsentFlagIsActive() {
        var partial = EventJson.MAPPER.createObjectNode().put("id", UUID.randomUUID().toString());
        var user = (IdentityPayloads.User) IdentityPayloads.read(event(EventTypes.Identity.USER_UPDATED, partial));
        assertFalse(user.complete());
        assertTrue(user.activeAfter(EventTypes.Identity.USER_UPDATED));
        assertFalse(user.activeAfter(EventTypes.Identity.USER_DEACTIVATED));
        var deactivated = new IdentityPayloads.User(user.id(), WORKSPACE, "A", "a@example.com", "USER", false);
        assertFalse(deactivated.activeAfter(EventTypes.Identity.USER_UPDATED));
        assertTrue(deactivated.complete());
    }

    @Test
    void aPayloadThatDoesNotFitItsTypeIsABadPayload() {
        var noId = EventJson.MAPPER.createObjectNode().put("name", "x");
        var badId = EventJson.MAPPER.createObjectNode().put("id", "not-an-id");
        var noUser = EventJson.MAPPER.createObjectNode().put("teamId", UUID.randomUUID().toString());
        var notAnObject = EventJson.MAPPER.getNodeFactory().textNode("x");
        var missing = assertThrows(BadPayloadException.class,
                () -> IdentityPayloads.read(event(EventTypes.Identity.USER_CREATED, noId)));
        assertTrue(missing.getMessage().contains("id is required"), missing.getMessage());
        assertThrows(BadPayloadException.class, () -> IdentityPayloads.read(event(EventTypes.Identity.TEAM_CREATED, badId)));
        assertThrows(BadPayloadException.class,
                () -> IdentityPayloads.read(event(EventTypes.Identity.TEAM_MEMBER_ADDED, noUser)));
        assertThrows(BadPayloadException.class,
                () -> IdentityPayloads.read(event(EventTypes.Identity.USER_DEACTIVATED, notAnObject)));
    }

    @Test
    void presenceNeedsAUserAndAKnownStatus() {
        var userId = UUID.randomUUID();
        var seen = Instant.parse("2026-12-01T04:59:00Z");
        var ok = EventJson.MAPPER.createObjectNode().put("userId", userId.toString()).put("status", "away")
                .put("lastSeenAt", seen.toString());
        assertEquals(new PresencePayload(userId, "away", seen),
                PresencePayload.read(event(EventTypes.Realtime.PRESENCE_CHANGED, ok)));
        var older = EventJson.MAPPER.createObjectNode().put("userId", userId.toString()).put("status", "online");
        assertNull(PresencePayload.read(event(EventTypes.Realtime.PRESENCE_CHANGED, older)).lastSeenAt());
        var unknown = ok.deepCopy().put("status", "dancing");
        assertThrows(BadPayloadException.class, () -> PresencePayload.read(event(EventTypes.Realtime.PRESENCE_CHANGED, unknown)));
        var badTime = ok.deepCopy().put("lastSeenAt", "yesterday");
        assertThrows(BadPayloadException.class, () -> PresencePayload.read(event(EventTypes.Realtime.PRESENCE_CHANGED, badTime)));
    }
}
