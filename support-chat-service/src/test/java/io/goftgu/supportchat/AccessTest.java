package io.goftgu.supportchat;

import io.goftgu.testing.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Readiness, tokens, and a role change or deactivation counting on the next request. */
@QuarkusTest
class AccessTest extends SupportChatTestSupport {

    @Test
    void readyWithItsDatabaseAndOutbox() {
        RestAssured.get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        long pending = QuarkusTransaction.requiringNew().call(() ->
                ((Number) entityManager.createNativeQuery("SELECT count(*) FROM outbox_event").getSingleResult())
                        .longValue());
        assertEquals(0, pending);
    }

    @Test
    void callersWithoutTheRightTokenAreRefused() {
        RestAssured.get("/api/support-chat/categories").then().statusCode(401).contentType("application/problem+json");
        RestAssured.given().auth().oauth2("garbage").get("/api/support-chat/categories").then().statusCode(401);
        RestAssured.given().auth().oauth2(TestTokens.customer(UUID.randomUUID(), WORKSPACE))
                .get("/api/support-chat/categories").then().statusCode(200);
    }

    @Test
    void demotionAndDeactivationTakeEffectOnTheNextRequest() {
        var agent = Signals.user(WORKSPACE, "Revoked", "ADMIN");
        var token = TestTokens.staff(agent, WORKSPACE);
        await(() -> RestAssured.given().auth().oauth2(token).get("/api/support-chat/stats").statusCode() == 200);
        var ticketId = ticket(customer, "Revocation probe");
        say(as(agent), ticketId, "secret staff note about revocation", true).statusCode(201);
        Signals.userChanged(WORKSPACE, agent, "Revoked", "USER", true);
        // the old ADMIN token now counts as the projection's USER: staff endpoints 403, no internal notes
        await(() -> RestAssured.given().auth().oauth2(token).get("/api/support-chat/stats").statusCode() == 403);
        RestAssured.given().auth().oauth2(token).get("/api/support-chat/" + ticketId + "/history").then().statusCode(403);
        var seen = RestAssured.given().auth().oauth2(token).get("/api/support-chat/" + ticketId + "/messages");
        org.junit.jupiter.api.Assertions.assertTrue(seen.statusCode() == 404 || !seen.asString().contains("secret staff note"),
                "a demoted admin still reads internal notes: " + seen.asString());
        Signals.userChanged(WORKSPACE, agent, "Revoked", "USER", false);
        await(() -> RestAssured.given().auth().oauth2(token).get("/api/support-chat").statusCode() == 401);
    }
}
