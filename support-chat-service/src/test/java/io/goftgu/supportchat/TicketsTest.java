package io.goftgu.supportchat;

import io.goftgu.events.EventTypes;
import io.goftgu.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Tickets: the lifecycle and its state machine, who may see or change one, bad input, numbering, lists. */
@QuarkusTest
class TicketsTest extends SupportChatTestSupport {

    @Test
    void ticketLifecycleWithHistoryAndStateMachine() {
        var category = as(agent).body(Map.of("name", "Billing " + UUID.randomUUID())).post("/api/support-chat/categories")
                .then().statusCode(201).extract().path("id");
        var label = as(agent).body(Map.of("name", "vip-" + UUID.randomUUID().toString().substring(0, 6), "color", "#1E88E5"))
                .post("/api/support-chat/labels").then().statusCode(201).extract().path("id");
        var created = as(customer).body(Map.of("subject", "چاپگر کار نمی‌کند", "description", "از دیروز", "categoryId", category))
                .post("/api/support-chat").then().statusCode(201)
                .body("status", equalTo("OPEN")).body("priority", equalTo("MEDIUM"))
                .body("number", org.hamcrest.Matchers.startsWith("TKT-"))
                .body("requester.kind", equalTo("USER")).body("requester.id", equalTo(customer.toString()))
                .body("category.id", equalTo(category)).extract().as(Map.class);
        var id = (String) created.get("id");
        as(agent).body(Map.of("status", "IN_PROGRESS", "priority", "HIGH", "assigneeId", agent, "labelIds", List.of(label)))
                .patch("/api/support-chat/" + id).then().statusCode(200)
                .body("status", equalTo("IN_PROGRESS")).body("priority", equalTo("HIGH"))
                .body("assignee.name", equalTo("Agent")).body("labels[0].color", equalTo("#1e88e5"));
        as(agent).body(Map.of("assigneeId", agent2)).patch("/api/support-chat/" + id).then().statusCode(200);
        as(agent).body(Map.of("status", "RESOLVED")).patch("/api/support-chat/" + id).then().statusCode(200)
                .body("resolvedAt", not(nullValue()));
        // RESOLVED → IN_PROGRESS is not a move of the state machine
        as(agent).body(Map.of("status", "IN_PROGRESS")).patch("/api/support-chat/" + id).then().statusCode(409)
                .contentType("application/problem+json");
        as(customer).body(Map.of("status", "CLOSED")).patch("/api/support-chat/" + id).then().statusCode(200)
                .body("status", equalTo("CLOSED")).body("closedAt", not(nullValue()));
        as(customer).body(Map.of("status", "REOPENED")).patch("/api/support-chat/" + id).then().statusCode(200)
                .body("reopenCount", equalTo(1));
        as(agent).get("/api/support-chat/" + id + "/history").then().statusCode(200)
                .body("data.action", hasItem("CREATED")).body("data.action", hasItem("PRIORITY_CHANGED"))
                .body("data.action", hasItem("ASSIGNED")).body("data.action", hasItem("REASSIGNED"))
                .body("data.action", hasItem("LABEL_ADDED")).body("data.action", hasItem("RESOLVED"))
                .body("data.action", hasItem("CLOSED")).body("data.action", hasItem("REOPENED"))
                .body("data.find { it.action == 'PRIORITY_CHANGED' }.oldValue", equalTo("MEDIUM"))
                .body("data.find { it.action == 'PRIORITY_CHANGED' }.newValue", equalTo("HIGH"))
                .body("data.find { it.action == 'PRIORITY_CHANGED' }.actor.id", equalTo(agent.toString()));
        as(customer).get("/api/support-chat/" + id + "/history").then().statusCode(403);
        var events = Signals.ticketEvents(id, found -> found.stream().filter(e -> e.type().equals(EventTypes.SupportChat.TICKET_STATUS_CHANGED)).count() >= 4);
        var resolved = events.stream().filter(e -> e.type().equals(EventTypes.SupportChat.TICKET_STATUS_CHANGED)
                && e.payload().path("status").asText().equals("RESOLVED")).findFirst().orElseThrow();
        assertEquals("IN_PROGRESS", resolved.payload().path("previousStatus").asText());
        assertEquals("USER", resolved.payload().path("requester").path("kind").asText());
        assertTrue(resolved.audience().users().contains(customer) && resolved.audience().roles().contains("ADMIN"));
        for (var field : List.of("id", "number", "subject", "description", "status", "priority", "createdById",
                "createdByStaff", "assigneeId", "teamId", "categoryId", "resolvedAt", "closedAt")) {
            assertTrue(resolved.payload().has(field), "status-changed payload lacks " + field);
        }
    }

    @Test
    void whoMayNotSeeOrChangeATicket() {
        var id = ticket(customer, "Mine only");
        as(customer2).get("/api/support-chat/" + id).then().statusCode(404).contentType("application/problem+json");
        as(otherStaff).get("/api/support-chat/" + id).then().statusCode(404);
        as(otherStaff).body(Map.of("status", "CLOSED")).patch("/api/support-chat/" + id).then().statusCode(404);
        as(customer).body(Map.of("priority", "CRITICAL")).patch("/api/support-chat/" + id).then().statusCode(403);
        as(customer).body(Map.of("assigneeId", agent)).patch("/api/support-chat/" + id).then().statusCode(403);
        as(customer).body(Map.of("status", "IN_PROGRESS")).patch("/api/support-chat/" + id).then().statusCode(403);
        as(customer2).body(Map.of("status", "CLOSED")).patch("/api/support-chat/" + id).then().statusCode(404);
        as(agent).get("/api/support-chat/" + id).then().statusCode(200)
                .body("priority", equalTo("MEDIUM")).body("assigneeId", nullValue()).body("status", equalTo("OPEN"));
        as(customer2).get("/api/support-chat").then().statusCode(200).body("data.id", not(hasItem(id)));
        as(customer).get("/api/support-chat").then().statusCode(200).body("data.id", hasItem(id))
                .body("data.requester.id", everyItemIs(customer.toString()));
    }

    @Test
    void badInputIsRefusedAndChangesNothing() {
        as(customer).body(Map.of("subject", "x".repeat(501))).post("/api/support-chat").then().statusCode(400)
                .body("errors[0].field", equalTo("subject"));
        as(customer).body(Map.of("subject", " ")).post("/api/support-chat").then().statusCode(400);
        as(customer).body(Map.of("subject", "ok", "categoryId", UUID.randomUUID())).post("/api/support-chat")
                .then().statusCode(400).body("errors[0].field", equalTo("categoryId"));
        as(customer).body(Map.of("subject", "ok", "labelIds", List.of(otherLabel))).post("/api/support-chat")
                .then().statusCode(400).body("errors[0].field", equalTo("labelIds"));
        as(customer).body(Map.of("subject", "ok", "priority", "URGENT")).post("/api/support-chat").then().statusCode(400);
        as(agent).body(Map.of("subject", "for whom?")).post("/api/support-chat").then().statusCode(400)
                .body("errors[0].field", equalTo("requesterId"));
        as(agent).body(Map.of("subject", "staff as requester", "requesterId", agent2)).post("/api/support-chat").then().statusCode(400);
        var id = ticket(customer, "Bad input target");
        as(agent).body(Map.of("labelIds", List.of(otherLabel))).patch("/api/support-chat/" + id).then().statusCode(400);
        as(agent).body(Map.of("assigneeId", customer2)).patch("/api/support-chat/" + id).then().statusCode(400);
        as(agent).body(Map.of("assigneeId", otherStaff)).patch("/api/support-chat/" + id).then().statusCode(400);
        as(agent).body(Map.of("status", "NOPE")).patch("/api/support-chat/" + id).then().statusCode(400);
        // a field the update does not take is a 400 naming it, not a 200 that changed nothing
        as(agent).body(Map.of("subject", "renamed")).patch("/api/support-chat/" + id).then().statusCode(400)
                .body("errors[0].field", equalTo("subject"));
        as(customer).body(Map.of("body", "   ", "clientMessageId", UUID.randomUUID())).post("/api/support-chat/" + id + "/messages")
                .then().statusCode(400).body("errors[0].field", equalTo("body"));
        as(customer).body(Map.of("body", "no id")).post("/api/support-chat/" + id + "/messages").then().statusCode(400);
        as(agent).get("/api/support-chat/" + id).then().body("labels", hasSize(0)).body("assigneeId", nullValue())
                .body("lastMessageSeq", equalTo(0));
        as(agent).get("/api/support-chat?sla=sometimes").then().statusCode(400);
        as(agent).get("/api/support-chat?limit=101").then().statusCode(400);
    }

    @Test
    void numbersArePerWorkspaceWithoutGapsOrDuplicatesUnderConcurrency() throws Exception {
        var workspace = UUID.randomUUID();
        var requester = UUID.randomUUID();
        var token = TestTokens.customer(requester, workspace);
        try (var pool = Executors.newFixedThreadPool(8)) {
            var futures = IntStream.range(0, 16).mapToObj(i -> pool.submit(() -> RestAssured.given().auth().oauth2(token)
                    .contentType(ContentType.JSON).body(Map.of("subject", "race " + i)).post("/api/support-chat")
                    .then().statusCode(201).extract().<String>path("number"))).toList();
            var numbers = new java.util.TreeSet<Integer>();
            for (var f : futures) {
                numbers.add(Integer.parseInt(f.get().substring(4)));
            }
            assertEquals(16, numbers.size());
            assertEquals(1001, numbers.first());
            assertEquals(1016, numbers.last());
        }
    }

    @Test
    void listsFilterSortAndCountPerStatus() {
        var workspace = UUID.randomUUID();
        var boss = Signals.user(workspace, "Lister", "ADMIN");
        var admin = TestTokens.staff(boss, workspace);
        var buyer = TestTokens.customer(UUID.randomUUID(), workspace);
        var ids = new java.util.ArrayList<String>();
        for (var subject : List.of("alpha printer", "beta scanner", "gamma printer")) {
            ids.add(RestAssured.given().auth().oauth2(buyer).contentType(ContentType.JSON).body(Map.of("subject", subject))
                    .post("/api/support-chat").then().statusCode(201).extract().path("id"));
        }
        RestAssured.given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("status", "PENDING"))
                .patch("/api/support-chat/" + ids.get(1)).then().statusCode(200);
        RestAssured.given().auth().oauth2(admin).get("/api/support-chat?q=printer&sort=number").then().statusCode(200)
                .body("total", equalTo(2)).body("data.subject", equalTo(List.of("alpha printer", "gamma printer")));
        RestAssured.given().auth().oauth2(admin).get("/api/support-chat?q=TKT-1002").then().body("data.id", equalTo(List.of(ids.get(1))));
        RestAssured.given().auth().oauth2(admin).get("/api/support-chat?status=PENDING").then().body("data.id", equalTo(List.of(ids.get(1))));
        RestAssured.given().auth().oauth2(admin).get("/api/support-chat?assigneeId=unassigned&limit=2&page=2").then()
                .body("total", equalTo(3)).body("totalPages", equalTo(2)).body("data", hasSize(1));
        RestAssured.given().auth().oauth2(admin).get("/api/support-chat/counts").then().statusCode(200)
                .body("OPEN", equalTo(2)).body("PENDING", equalTo(1)).body("total", equalTo(3));
        RestAssured.given().auth().oauth2(admin).get("/api/support-chat?from=2000-01-01&to=2000-12-31").then().body("total", equalTo(0));
    }
}
