package io.goftgu.supportchat;

import io.goftgu.events.EventTypes;
import io.goftgu.events.Topics;
import io.goftgu.supportchat.service.SlaService;
import io.goftgu.testing.TestTokens;
import io.goftgu.testing.TopicContract;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What support-chat-service writes to {@code support-chat.events} matches docs/asyncapi/support-chat.yaml: a
 * customer's ticket and a guest's go through their life over the REST and internal APIs and the SLA scan (the
 * service's own code paths), then every record on the topic, these and whatever the other tests of this run
 * produced, is checked against its schema.
 */
@QuarkusTest
class EventContractTest {

    @Inject
    SlaService sla;
    @Inject
    EntityManager entityManager;

    @Test
    void everyRecordOnTheTopicMatchesItsAsyncApiSchema() {
        var workspace = UUID.randomUUID();
        var agent = Signals.user(workspace, "Agent", "ADMIN");
        var customer = Signals.user(workspace, "Customer", "USER");
        awaitProjected(agent, customer);
        var staff = as(TestTokens.staff(agent, workspace));
        var days = new LinkedHashMap<String, Object>();
        for (var day : DayOfWeek.values()) {
            days.put(day.name(), List.of(Map.of("start", "00:00", "end", "24:00")));
        }
        staff.body(Map.of("timeZone", "Asia/Tehran", "days", days, "holidays", List.of()))
                .put("/api/support-chat/business-hours").then().statusCode(200);
        as(TestTokens.staff(agent, workspace)).body(Map.of("name", "High", "priority", "HIGH",
                "firstResponseMinutes", 60, "resolutionMinutes", 240)).post("/api/support-chat/sla-policies")
                .then().statusCode(201);
        var label = as(TestTokens.staff(agent, workspace)).body(Map.of("name", "VIP", "color", "#E53935"))
                .post("/api/support-chat/labels").then().statusCode(201).extract().<String>path("id");

        var ticket = as(TestTokens.customer(customer, workspace))
                .body(Map.of("subject", "The printer is broken", "description", "It does not start", "priority", "HIGH"))
                .post("/api/support-chat").then().statusCode(201).extract().<String>path("id");
        var createdAt = Instant.parse(as(TestTokens.customer(customer, workspace)).get("/api/support-chat/" + ticket)
                .then().statusCode(200).extract().<String>path("createdAt"));
        var path = "/api/support-chat/" + ticket;
        as(TestTokens.staff(agent, workspace)).body(Map.of("labelIds", List.of(label), "dueAt", "2030-01-01T00:00:00Z"))
                .patch(path).then().statusCode(200);
        as(TestTokens.staff(agent, workspace)).body(Map.of("assigneeId", agent)).patch(path).then().statusCode(200);
        var message = as(TestTokens.customer(customer, workspace))
                .body(Map.of("body", "Any news?", "clientMessageId", UUID.randomUUID()))
                .post(path + "/messages").then().statusCode(201).extract().<String>path("id");
        as(TestTokens.customer(customer, workspace)).body(Map.of("body", "Any news at all?"))
                .patch(path + "/messages/" + message).then().statusCode(200);
        as(TestTokens.staff(agent, workspace))
                .body(Map.of("body", "The customer is waiting", "clientMessageId", UUID.randomUUID(), "internal", true))
                .post(path + "/messages").then().statusCode(201);
        as(TestTokens.customer(customer, workspace)).delete(path + "/messages/" + message).then().statusCode(204);
        sla.scan(createdAt.plus(Duration.ofMinutes(55)));
        sla.scan(createdAt.plus(Duration.ofMinutes(61)));
        as(TestTokens.staff(agent, workspace)).body(Map.of("status", "RESOLVED")).patch(path).then().statusCode(200);
        as(TestTokens.customer(customer, workspace)).body(Map.of("score", 5, "comment", "Thanks"))
                .post(path + "/rating").then().statusCode(200);
        // a guest's conversation, as the gateway starts it: guest ids in the audience and the actor
        var started = RestAssured.given().contentType(ContentType.JSON).header("X-Goftgu-Internal", "test-internal-secret")
                .body(Map.of("workspaceId", workspace, "subject", "Where is my order?", "message", "It has not arrived",
                        "name", "Visitor", "email", "visitor@example.com"))
                .post("/internal/support-chat/guests/start").then().statusCode(201).extract();
        var guest = started.<String>path("guest.id");
        // merges: a duplicate into the first ticket, the guest's ticket too (another requester: it is not named to
        // them), then the guest into the customer
        var duplicate = as(TestTokens.customer(customer, workspace)).body(Map.of("subject", "Printer, again"))
                .post("/api/support-chat").then().statusCode(201).extract().<String>path("id");
        as(TestTokens.staff(agent, workspace)).body(Map.of("ticketIds", List.of(duplicate)))
                .post(path + "/merge").then().statusCode(200);
        as(TestTokens.staff(agent, workspace)).body(Map.of("ticketIds", List.of(started.<String>path("ticket.id")), "force", true))
                .post(path + "/merge").then().statusCode(200);
        as(TestTokens.staff(agent, workspace)).body(Map.of("userId", customer))
                .post("/api/support-chat/guests/" + guest + "/merge").then().statusCode(200);
        as(TestTokens.staff(agent, workspace)).put("/api/support-chat/guests/" + guest + "/block").then().statusCode(200);
        as(TestTokens.staff(agent, workspace)).delete("/api/support-chat/guests/" + guest + "/block").then().statusCode(200);

        TopicContract.assertProducedMatch(Topics.SUPPORT_CHAT, Set.of(EventTypes.SupportChat.TICKET_CREATED,
                EventTypes.SupportChat.TICKET_UPDATED, EventTypes.SupportChat.TICKET_STATUS_CHANGED,
                EventTypes.SupportChat.TICKET_ASSIGNED, EventTypes.SupportChat.TICKET_SLA_AT_RISK,
                EventTypes.SupportChat.TICKET_SLA_BREACHED, EventTypes.SupportChat.TICKET_RATED,
                EventTypes.SupportChat.TICKET_MERGED, EventTypes.SupportChat.TICKET_REQUESTER_CHANGED,
                EventTypes.SupportChat.MESSAGE_CREATED, EventTypes.SupportChat.MESSAGE_EDITED,
                EventTypes.SupportChat.MESSAGE_DELETED, EventTypes.SupportChat.NOTE_CREATED,
                EventTypes.SupportChat.GUEST_BLOCKED, EventTypes.SupportChat.GUEST_UNBLOCKED));
    }

    private static RequestSpecification as(String token) {
        return RestAssured.given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    private void awaitProjected(UUID... users) {
        var deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                "SELECT count(*) FROM workspace_user WHERE id IN (?1, ?2)").setParameter(1, users[0])
                .setParameter(2, users[1]).getSingleResult()).intValue()) < users.length) {
            assertTrue(System.nanoTime() < deadline, "identity.events never reached the projection");
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
