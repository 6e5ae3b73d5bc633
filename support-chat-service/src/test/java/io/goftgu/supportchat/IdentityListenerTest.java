package io.goftgu.supportchat;

import io.goftgu.events.EventJson;
import io.goftgu.events.EventTypes;
import io.goftgu.testing.KafkaResource;
import io.goftgu.testing.PostgresResource;
import io.goftgu.testing.TokensResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An identity event with a bad payload is logged, counted and skipped without stalling the events behind it
 * (platform's {@code Projections}).
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = "database", value = "support_chat"))
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(TokensResource.class)
class IdentityListenerTest {

    @Inject
    EntityManager entityManager;

    @Test
    void aBadIdentityPayloadIsSkippedAndTheNextEventOfTheSameUserStillApplies() {
        var workspace = UUID.randomUUID();
        var user = UUID.randomUUID();
        // same aggregate, so same partition: a retried bad event would hold the good one back for ever
        Signals.identity(EventTypes.Identity.USER_CREATED, workspace, user,
                EventJson.MAPPER.createObjectNode().put("id", "not-an-id").put("name", "Broken"));
        Signals.identity(EventTypes.Identity.USER_CREATED, workspace, user, EventJson.MAPPER.createObjectNode()
                .put("id", user.toString()).put("workspaceId", workspace.toString()).put("name", "Fine")
                .put("email", "fine@example.com").put("role", "USER").put("active", true));
        Signals.awaitUser(entityManager, user);
        String metrics = RestAssured.get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(metrics.contains("goftgu_projection_events_skipped_total{consumer=\"support-chat.identity-projection\","
                + "type=\"identity.user.created\"}"), "the skipped event is counted");
    }
}
