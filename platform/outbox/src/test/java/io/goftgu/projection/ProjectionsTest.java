package io.goftgu.projection;

import io.goftgu.events.Actor;
import io.goftgu.events.Audience;
import io.goftgu.events.EventEnvelope;
import io.goftgu.events.EventJson;
import io.goftgu.events.EventTypes;
import io.goftgu.events.IdentityPayloads;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Plain JUnit: the identity dispatch hands each type to its table method, a bad payload is skipped and counted, and
 * any other failure is left to the subscriber to retry.
 */
class ProjectionsTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final Projections projections = new Projections(null, meters);
    private final List<String> applied = new ArrayList<>();

    private final IdentityTable table = new IdentityTable() {
        @Override
        public void user(EventEnvelope event, IdentityPayloads.User user, boolean active) {
            applied.add("user " + user.name() + " active=" + active);
        }

        @Override
        public void teamMemberAdded(EventEnvelope event, IdentityPayloads.TeamMember member) {
            applied.add("added " + member.teamName());
        }

        @Override
        public void teamMemberRemoved(EventEnvelope event, IdentityPayloads.TeamMember member) {
            applied.add("removed " + member.teamName());
        }
    };

    private static EventEnvelope event(String type, Object payload) {
        return new EventEnvelope(UUID.randomUUID(), type, 1, UUID.randomUUID(), UUID.randomUUID(), 1, Instant.now(),
                Actor.SYSTEM, Audience.role("STAFF"), EventJson.toPayload(payload));
    }

    private void apply(EventEnvelope event) {
        projections.apply("test.identity", e -> IdentityProjection.apply(table, e), event);
    }

    @Test
    void eachTypeReachesItsTableMethod() {
        var user = new IdentityPayloads.User(UUID.randomUUID(), null, "Ali", "ali@example.com", "USER", true);
        var member = new IdentityPayloads.TeamMember(UUID.randomUUID(), null, "Billing", user.id());
        apply(event(EventTypes.Identity.USER_CREATED, user));
        apply(event(EventTypes.Identity.USER_DEACTIVATED, user));
        apply(event(EventTypes.Identity.TEAM_MEMBER_ADDED, member));
        apply(event(EventTypes.Identity.TEAM_MEMBER_REMOVED, member));
        apply(event(EventTypes.Identity.TEAM_CREATED, new IdentityPayloads.Team(UUID.randomUUID(), null, "T", null)));
        apply(event(EventTypes.Identity.WORKSPACE_CREATED, new IdentityPayloads.Workspace(UUID.randomUUID(), "W", "w")));
        assertEquals(List.of("user Ali active=true", "user Ali active=false", "added Billing", "removed Billing"), applied);
    }

    @Test
    void aBadPayloadIsSkippedAndCounted() {
        var bad = EventJson.MAPPER.createObjectNode().put("id", "nope");
        apply(event(EventTypes.Identity.USER_UPDATED, bad));
        apply(event(EventTypes.Identity.USER_UPDATED, bad));
        assertEquals(List.of(), applied);
        assertEquals(2.0, meters.get("goftgu.projection.events.skipped").tag("consumer", "test.identity")
                .tag("type", EventTypes.Identity.USER_UPDATED).counter().count());
    }

    @Test
    void anyOtherFailureIsRetriedNotSkipped() {
        var user = new IdentityPayloads.User(UUID.randomUUID(), null, "Ali", "ali@example.com", "USER", true);
        assertThrows(IllegalStateException.class, () -> projections.apply("test.identity", e -> {
            throw new IllegalStateException("database away");
        }, event(EventTypes.Identity.USER_CREATED, user)));
        assertEquals(0, meters.find("goftgu.projection.events.skipped").counters().size());
    }
}
