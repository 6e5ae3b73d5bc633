package io.goftgu.supportchat;

import io.goftgu.events.EventTypes;
import io.goftgu.supportchat.service.AutoClose;
import io.goftgu.supportchat.service.SlaService;
import io.goftgu.testing.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The schedulers' work, driven at chosen instants: automatic assignment, SLA due times and breaches, auto-close. */
@QuarkusTest
class AssignmentAndSlaTest extends SupportChatTestSupport {

    @Inject
    SlaService sla;
    @Inject
    AutoClose autoClose;

    @Test
    void automaticAssignmentGoesToAvailableAgentsWithinCapacityAndQueues() {
        var workspace = UUID.randomUUID();
        var a1 = Signals.user(workspace, "Avail One", "ADMIN");
        var a2 = Signals.user(workspace, "Avail Two", "ADMIN");
        var buyer = Signals.user(workspace, "Buyer", "USER");
        var admin = TestTokens.staff(a1, workspace);
        var token = TestTokens.customer(buyer, workspace);
        RestAssured.given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("autoAssign", true, "agentCapacity", 1))
                .put("/api/support-chat/assignment-settings").then().statusCode(200).body("autoAssign", equalTo(true));
        Signals.presence(workspace, a1, "online");
        Signals.presence(workspace, a2, "away");
        await(() -> QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                "SELECT count(*) FROM agent_availability a JOIN workspace_user u ON u.id = a.user_id WHERE a.workspace_id = ?1")
                .setParameter(1, workspace).getSingleResult()).intValue() == 2));
        var first = RestAssured.given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("subject", "one"))
                .post("/api/support-chat").then().statusCode(201).body("assigneeId", equalTo(a1.toString()))
                .extract().<String>path("id");
        // a1 is at capacity, a2 is away: the next ticket waits in the queue
        var second = RestAssured.given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("subject", "two"))
                .post("/api/support-chat").then().statusCode(201).body("assigneeId", nullValue())
                .body("awaitingAssignment", equalTo(true)).extract().<String>path("id");
        Signals.presence(workspace, a2, "online");
        await(() -> a2.toString().equals(RestAssured.given().auth().oauth2(admin).get("/api/support-chat/" + second).path("assigneeId")));
        RestAssured.given().auth().oauth2(admin).get("/api/support-chat?assigneeId=me").then().body("data.id", equalTo(List.of(first)));
        RestAssured.given().auth().oauth2(admin).get("/api/support-chat/" + second + "/history").then()
                .body("data.action", hasItem("ASSIGNED")).body("data.find { it.action == 'ASSIGNED' }.actorKind", equalTo("SYSTEM"));
    }

    @Test
    void slaDueTimesAtRiskAndBreachAreAnnouncedOnceAndCounted() {
        var workspace = UUID.randomUUID();
        var boss = Signals.user(workspace, "Boss", "ADMIN");
        var admin = TestTokens.staff(boss, workspace);
        var days = new java.util.LinkedHashMap<String, Object>();
        for (var d : java.time.DayOfWeek.values()) {
            days.put(d.name(), List.of(Map.of("start", "00:00", "end", "24:00")));
        }
        RestAssured.given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("timeZone", "Asia/Tehran", "days", days, "holidays", List.of()))
                .put("/api/support-chat/business-hours").then().statusCode(200).body("timeZone", equalTo("Asia/Tehran"));
        RestAssured.given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("timeZone", "Mars/Olympus", "days", days)).put("/api/support-chat/business-hours").then().statusCode(400);
        RestAssured.given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("name", "High", "priority", "HIGH", "firstResponseMinutes", 60, "resolutionMinutes", 240))
                .post("/api/support-chat/sla-policies").then().statusCode(201);
        RestAssured.given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("name", "High again", "priority", "HIGH", "firstResponseMinutes", 60, "resolutionMinutes", 240))
                .post("/api/support-chat/sla-policies").then().statusCode(409);
        var buyer = UUID.randomUUID();
        var created = RestAssured.given().auth().oauth2(TestTokens.customer(buyer, workspace)).contentType(ContentType.JSON)
                .body(Map.of("subject", "urgent", "priority", "HIGH")).post("/api/support-chat").then().statusCode(201)
                .body("slaState", equalTo("on-track")).extract().as(Map.class);
        var id = (String) created.get("id");
        var createdAt = java.time.Instant.parse((String) created.get("createdAt"));
        assertEquals(createdAt.plus(Duration.ofMinutes(60)), java.time.Instant.parse((String) created.get("firstResponseDueAt")));
        sla.scan(createdAt.plus(Duration.ofMinutes(50)));
        sla.scan(createdAt.plus(Duration.ofMinutes(55)));
        RestAssured.given().auth().oauth2(admin).get("/api/support-chat/" + id).then().body("slaState", equalTo("at-risk"));
        RestAssured.given().auth().oauth2(admin).get("/api/support-chat?sla=at-risk").then().body("data.id", equalTo(List.of(id)));
        sla.scan(createdAt.plus(Duration.ofMinutes(61)));
        sla.scan(createdAt.plus(Duration.ofMinutes(62)));
        RestAssured.given().auth().oauth2(admin).get("/api/support-chat/" + id).then()
                .body("slaState", equalTo("breached")).body("breached", equalTo(true));
        RestAssured.given().auth().oauth2(admin).get("/api/support-chat/" + id + "/history").then()
                .body("data.findAll { it.action == 'SLA_BREACHED' }", hasSize(1))
                .body("data.findAll { it.action == 'SLA_AT_RISK' }", hasSize(1));
        var events = Signals.ticketEvents(id, found -> found.stream().anyMatch(e -> e.type().equals(EventTypes.SupportChat.TICKET_SLA_BREACHED)));
        assertEquals(1, events.stream().filter(e -> e.type().equals(EventTypes.SupportChat.TICKET_SLA_AT_RISK)).count());
        assertEquals(1, events.stream().filter(e -> e.type().equals(EventTypes.SupportChat.TICKET_SLA_BREACHED)).count());
        RestAssured.given().auth().oauth2(admin).get("/api/support-chat/stats").then().statusCode(200)
                .body("slaBreached", equalTo(1)).body("counts.OPEN", equalTo(1));
        RestAssured.given().auth().oauth2(TestTokens.customer(buyer, workspace)).get("/api/support-chat/stats").then().statusCode(403);
    }

    @Test
    void resolvedTicketsCloseByThemselvesAfterTheConfiguredTime() {
        var id = ticket(customer, "Will auto-close");
        as(agent).body(Map.of("status", "RESOLVED")).patch("/api/support-chat/" + id).then().statusCode(200);
        autoClose.closeResolved(java.time.Instant.now().plus(Duration.ofDays(1)));
        as(agent).get("/api/support-chat/" + id).then().body("status", equalTo("RESOLVED"));
        autoClose.closeResolved(java.time.Instant.now().plus(Duration.ofDays(8)));
        as(agent).get("/api/support-chat/" + id).then().body("status", equalTo("CLOSED"));
    }
}
