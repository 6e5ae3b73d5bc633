package io.goftgu.gateway.rest;

import io.goftgu.events.EventTypes;
import io.goftgu.events.Topics;
import io.goftgu.gateway.support.GatewayTest;
import io.goftgu.testing.TopicContract;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the gateway writes to {@code identity.events} matches docs/asyncapi/identity.yaml: a sign-up, users and a
 * team are made and changed through the public API (the gateway's own code path), then every record on the topic,
 * these and whatever the other tests of this run produced, is checked against its schema.
 */
@QuarkusTest
class EventContractTest extends GatewayTest {

    @Test
    void everyRecordOnTheTopicMatchesItsAsyncApiSchema() {
        var workspace = signUp("contract");
        var admin = adminToken(workspace);
        var colleague = createUser(admin, "Sara Staff", "sara@" + workspace.slug() + ".example", "ADMIN");
        var customer = createUser(admin, "Reza Customer", "reza@" + workspace.slug() + ".example", "USER");
        bearer(admin).body(Map.of("name", "Reza Moshtari")).patch("/api/workspace/users/" + customer)
                .then().statusCode(200);
        bearer(admin).body(Map.of("active", false)).patch("/api/workspace/users/" + customer).then().statusCode(200);
        var team = bearer(admin).body(Map.of("name", "Field support", "memberIds", List.of(workspace.adminId())))
                .post("/api/workspace/teams").then().statusCode(201).extract().<String>path("id");
        bearer(admin).put("/api/workspace/teams/" + team + "/members/" + colleague).then().statusCode(200);
        bearer(admin).delete("/api/workspace/teams/" + team + "/members/" + colleague).then().statusCode(204);
        bearer(admin).body(Map.of("templates", Map.of("TASK", "https://crm.example.com/tasks/{refId}"),
                "lookupUrl", "https://crm.example.com/lookup")).put("/api/workspace/links").then().statusCode(200);

        TopicContract.assertProducedMatch(Topics.IDENTITY, Set.of(EventTypes.Identity.WORKSPACE_CREATED,
                EventTypes.Identity.WORKSPACE_LINKS_UPDATED,
                EventTypes.Identity.USER_CREATED, EventTypes.Identity.USER_UPDATED,
                EventTypes.Identity.USER_DEACTIVATED, EventTypes.Identity.TEAM_CREATED,
                EventTypes.Identity.TEAM_MEMBER_ADDED, EventTypes.Identity.TEAM_MEMBER_REMOVED));
    }
}
