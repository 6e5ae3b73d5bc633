package io.goftgu.supportchat;

import io.goftgu.events.EventEnvelope;
import io.goftgu.events.EventTypes;
import io.goftgu.supportchat.service.GuestService;
import io.goftgu.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Merging duplicate tickets (linked into the target) and merging a guest into the customer they turned out to be. */
@QuarkusTest
class MergeTest extends SupportChatTestSupport {

    @Test
    void duplicatesMergeIntoOneTicketAndStayTheirOwnConversations() {
        var target = ticket(customer, "The printer is broken");
        var duplicate = ticket(customer, "Printer broken again");
        var stranger = ticket(customer2, "My printer too");
        say(as(customer), duplicate, "It smokes", false).statusCode(201);
        say(as(agent), duplicate, "Customer is upset", true).statusCode(201);
        var path = "/api/support-chat/" + target + "/merge";

        // who may not: customers, guests, another workspace's staff
        as(customer).body(Map.of("ticketIds", List.of(duplicate))).post(path).then().statusCode(403);
        var guest = (String) ((Map<?, ?>) startGuest(Map.of()).get("guest")).get("id");
        asGuest(guest).body(Map.of("ticketIds", List.of(duplicate))).post(path).then().statusCode(403);
        as(otherStaff).body(Map.of("ticketIds", List.of(duplicate))).post(path).then().statusCode(404);
        // bad input changes nothing
        as(agent).body(Map.of("ticketIds", List.of())).post(path).then().statusCode(400)
                .contentType("application/problem+json");
        as(agent).body(Map.of()).post(path).then().statusCode(400);
        as(agent).body(Map.of("ticketIds", IntStream.range(0, 21).mapToObj(i -> UUID.randomUUID()).toList()))
                .post(path).then().statusCode(400);
        as(agent).body(Map.of("ticketIds", List.of(target))).post(path).then().statusCode(400)
                .body("detail", containsString("ticketIds"));
        as(agent).body(Map.of("ticketIds", List.of(duplicate, UUID.randomUUID()))).post(path).then().statusCode(404);
        as(agent).body(Map.of("ticketIds", List.of(stranger))).post(path).then().statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("another requester"))
                .body("detail", containsString("force"));
        as(agent).get("/api/support-chat/" + duplicate).then().body("status", equalTo("OPEN"))
                .body("mergedInto", nullValue());

        var merged = as(agent).body(Map.of("ticketIds", List.of(duplicate))).post(path).then().statusCode(200)
                .body("id", equalTo(target)).body("mergedTickets.id", equalTo(List.of(duplicate)))
                .extract().asString();
        // idempotent: again, the same answer, no new history
        var historyBefore = as(agent).get("/api/support-chat/" + duplicate + "/history?limit=100").then()
                .extract().<Integer>path("total");
        as(agent).body(Map.of("ticketIds", List.of(duplicate))).post(path).then().statusCode(200)
                .body("mergedTickets.id", equalTo(List.of(duplicate)));
        assertEquals(historyBefore, as(agent).get("/api/support-chat/" + duplicate + "/history?limit=100").then()
                .extract().<Integer>path("total"));
        assertTrue(merged.contains(duplicate));

        // the merged ticket: closed, pointing at the target, its conversation intact (notes still notes)
        as(customer).get("/api/support-chat/" + duplicate).then().statusCode(200).body("status", equalTo("CLOSED"))
                .body("mergedInto.id", equalTo(target)).body("mergedInto.number", containsString("TKT-"));
        as(customer).get("/api/support-chat/" + duplicate + "/messages").then().statusCode(200)
                .body("body", equalTo(List.of("It smokes"))).body("seq", equalTo(List.of(1)));
        as(agent).get("/api/support-chat/" + duplicate + "/messages").then().body("internal", equalTo(List.of(false, true)));
        as(customer).get("/api/support-chat/" + target).then().body("mergedTickets.id", equalTo(List.of(duplicate)));
        as(agent).get("/api/support-chat/" + duplicate + "/history?limit=100").then()
                .body("data.action", hasItem("MERGED")).body("data.action", hasItem("CLOSED"));
        as(agent).get("/api/support-chat/" + target + "/history?limit=100").then()
                .body("data.action", hasItem("TICKET_MERGED_IN"));
        // frozen: no more messages, no reopening, no rating (the conversation is rated where it continues)
        say(as(customer), duplicate, "hello?", false).statusCode(409).body("detail", containsString("merged into"));
        say(as(agent), duplicate, "note", true).statusCode(409);
        as(customer).body(Map.of("status", "REOPENED")).patch("/api/support-chat/" + duplicate).then().statusCode(409);
        as(customer).body(Map.of("score", 5)).post("/api/support-chat/" + duplicate + "/rating").then().statusCode(409)
                .body("detail", containsString("merged into"));
        as(customer).get("/api/support-chat/" + duplicate).then().body("rating", nullValue());

        // a merged ticket is no target and cannot go elsewhere; one with merged tickets cannot be merged away
        var third = ticket(customer, "Third");
        as(agent).body(Map.of("ticketIds", List.of(third))).post("/api/support-chat/" + duplicate + "/merge").then()
                .statusCode(409).body("detail", containsString("merged into"));
        as(agent).body(Map.of("ticketIds", List.of(duplicate))).post("/api/support-chat/" + third + "/merge").then()
                .statusCode(409).body("detail", containsString("already"));
        as(agent).body(Map.of("ticketIds", List.of(target))).post("/api/support-chat/" + third + "/merge").then()
                .statusCode(409).body("detail", containsString("merged into it"));

        // another requester, confirmed by staff: staff see both links; neither requester learns the other's ticket
        var targetNumber = as(agent).get("/api/support-chat/" + target).then().extract().<String>path("number");
        var strangerNumber = as(agent).get("/api/support-chat/" + stranger).then().extract().<String>path("number");
        as(agent).body(Map.of("ticketIds", List.of(stranger), "force", true)).post(path).then().statusCode(200)
                .body("mergedTickets.id", equalTo(List.of(duplicate, stranger)));
        as(agent).get("/api/support-chat/" + stranger).then().body("mergedInto.id", equalTo(target))
                .body("mergedInto.number", equalTo(targetNumber));
        var strangersView = as(customer2).get("/api/support-chat/" + stranger).then().statusCode(200)
                .body("status", equalTo("CLOSED")).body("mergedInto.id", nullValue())
                .body("mergedInto.number", nullValue()).extract().asString();
        assertTrue(!strangersView.contains(target) && !strangersView.contains(targetNumber + "\""), strangersView);
        assertTrue(!as(customer2).get("/api/support-chat?limit=100").then().statusCode(200).extract().asString()
                .contains(target));
        say(as(customer2), stranger, "hello?", false).statusCode(409).body("detail", containsString("another ticket"))
                .body("detail", not(containsString(targetNumber + ";")));
        as(customer2).body(Map.of("status", "REOPENED")).patch("/api/support-chat/" + stranger).then().statusCode(409)
                .body("detail", not(containsString(targetNumber + ";")));
        as(customer2).get("/api/support-chat/" + target).then().statusCode(404);
        as(customer).get("/api/support-chat/" + target).then().body("mergedTickets.id", equalTo(List.of(duplicate)));
        assertTrue(!as(customer).get("/api/support-chat?limit=100").then().extract().asString().contains(stranger));
        // events reach the requester too, so they carry the requester's view
        var strangerMerged = Signals.ticketEvents(stranger, found -> found.stream().anyMatch(e ->
                e.type().equals(EventTypes.SupportChat.TICKET_MERGED))).stream()
                .filter(e -> e.type().equals(EventTypes.SupportChat.TICKET_MERGED)).findFirst().orElseThrow();
        assertTrue(strangerMerged.payload().path("mergedInto").path("id").isNull(), strangerMerged.payload().toString());
        assertTrue(!strangerMerged.payload().toString().contains(target));
        assertTrue(Signals.ticketEvents(target, found -> found.stream().filter(e -> isUpdateListing(e, duplicate)).count() >= 2)
                .stream().noneMatch(e -> e.payload().toString().contains(stranger) || e.payload().toString().contains(strangerNumber + "\"")));

        // events: the merged ticket's, to the staff and its requester; the target's update
        var events = Signals.ticketEvents(duplicate, found -> found.stream().anyMatch(e ->
                e.type().equals(EventTypes.SupportChat.TICKET_MERGED)));
        var event = events.stream().filter(e -> e.type().equals(EventTypes.SupportChat.TICKET_MERGED)).findFirst().orElseThrow();
        assertEquals(target, event.payload().path("mergedInto").path("id").asText());
        assertEquals(List.of(customer), List.copyOf(event.audience().users()));
        assertEquals(1, events.stream().filter(e -> e.type().equals(EventTypes.SupportChat.TICKET_MERGED)).count());
        assertTrue(events.stream().noneMatch(e -> e.payload().toString().contains("Customer is upset")));
        assertTrue(Signals.ticketEvents(target, found -> found.stream().anyMatch(e -> isUpdateListing(e, duplicate)))
                .stream().anyMatch(e -> isUpdateListing(e, duplicate)));
    }

    private static boolean isUpdateListing(EventEnvelope e, String ticketId) {
        return e.type().equals(EventTypes.SupportChat.TICKET_UPDATED)
                && e.payload().path("mergedTickets").toString().contains(ticketId);
    }

    @Test
    void staffMergeAGuestIntoACustomerWhoThenOwnsTheTickets() {
        var started = startGuest(Map.of("subject", "Before I signed up"));
        var guest = (String) ((Map<?, ?>) started.get("guest")).get("id");
        var ticketId = (String) ((Map<?, ?>) started.get("ticket")).get("id");
        var path = "/api/support-chat/guests/" + guest + "/merge";
        var newcomer = Signals.user(WORKSPACE, "Newcomer", "USER");
        Signals.awaitUser(entityManager, newcomer);
        var asNewcomer = RestAssured.given().auth().oauth2(TestTokens.customer(newcomer, WORKSPACE)).contentType(ContentType.JSON);

        asNewcomer.body(Map.of("userId", newcomer)).post(path).then().statusCode(403);
        asGuest(guest).body(Map.of("userId", newcomer)).post(path).then().statusCode(403);
        as(otherStaff).body(Map.of("userId", newcomer)).post(path).then().statusCode(404);
        as(agent).body(Map.of("userId", newcomer)).post("/api/support-chat/guests/" + UUID.randomUUID() + "/merge")
                .then().statusCode(404);
        as(agent).body(Map.of()).post(path).then().statusCode(400);
        as(agent).body(Map.of("userId", agent)).post(path).then().statusCode(400).body("detail", containsString("customer"));
        as(agent).body(Map.of("userId", UUID.randomUUID())).post(path).then().statusCode(400);
        asGuest(guest).get("/api/support-chat/" + ticketId).then().statusCode(200);

        as(agent).body(Map.of("userId", newcomer)).post(path).then().statusCode(200)
                .body("id", equalTo(guest)).body("mergedIntoUserId", equalTo(newcomer.toString()));
        RestAssured.given().auth().oauth2(TestTokens.customer(newcomer, WORKSPACE)).get("/api/support-chat").then()
                .statusCode(200).body("data.id", equalTo(List.of(ticketId)));
        RestAssured.given().auth().oauth2(TestTokens.customer(newcomer, WORKSPACE)).get("/api/support-chat/" + ticketId
                + "/messages").then().statusCode(200).body("sender.kind", equalTo(List.of("GUEST")));
        as(agent).get("/api/support-chat/" + ticketId).then().body("requester.kind", equalTo("USER"))
                .body("requester.id", equalTo(newcomer.toString()));
        asGuest(guest).get("/api/support-chat/" + ticketId).then().statusCode(404);
        asGuest(guest).get("/api/support-chat").then().body("data.id", not(hasItem(ticketId)));
        // again: 200, nothing else; into someone else: 409
        as(agent).body(Map.of("userId", newcomer)).post(path).then().statusCode(200).body("mergedIntoUserId", equalTo(newcomer.toString()));
        as(agent).body(Map.of("userId", customer)).post(path).then().statusCode(409);
        as(agent).get("/api/support-chat/" + ticketId + "/history?limit=100").then()
                .body("data.action", hasItem("REQUESTER_CHANGED"));

        var events = Signals.ticketEvents(ticketId, found -> found.stream().anyMatch(e ->
                e.type().equals(EventTypes.SupportChat.TICKET_REQUESTER_CHANGED)));
        var event = events.stream().filter(e -> e.type().equals(EventTypes.SupportChat.TICKET_REQUESTER_CHANGED))
                .findFirst().orElseThrow();
        assertEquals(List.of(newcomer), List.copyOf(event.audience().users()));
        assertEquals(List.of(UUID.fromString(guest)), List.copyOf(event.audience().guests()));
        assertEquals(guest, event.payload().path("previousRequester").path("id").asText());
    }

    @Test
    void aVerifiedExternalIdNamingACustomerMergesTheGuestAutomatically() {
        var workspace = UUID.randomUUID();
        var admin = UUID.randomUUID();
        var secret = RestAssured.given().auth().oauth2(TestTokens.staff(admin, workspace)).contentType(ContentType.JSON)
                .body(Map.of("regenerateSecret", true)).put("/api/support-chat/widget-settings").then().statusCode(200)
                .extract().<String>path("secret");
        var buyer = Signals.user(workspace, "Buyer", "USER");
        Signals.awaitUser(entityManager, buyer);

        // identified at the widget: the earlier conversation joins the customer's, the one opened now stays the guest's
        var first = start(workspace, secret, "Buyer@Example.com", null);
        var guest = (String) ((Map<?, ?>) first.get("guest")).get("id");
        var firstTicket = (String) ((Map<?, ?>) first.get("ticket")).get("id");
        var second = start(workspace, secret, "Buyer@Example.com", guest);
        var secondTicket = (String) ((Map<?, ?>) second.get("ticket")).get("id");
        assertEquals(guest, ((Map<?, ?>) second.get("guest")).get("id"));
        var asBuyer = RestAssured.given().auth().oauth2(TestTokens.customer(buyer, workspace));
        asBuyer.get("/api/support-chat").then().statusCode(200).body("data.id", equalTo(List.of(firstTicket)));
        var asTheGuest = RestAssured.given().auth().oauth2(TestTokens.guest(UUID.fromString(guest), workspace));
        asTheGuest.get("/api/support-chat/" + secondTicket).then().statusCode(200);
        asTheGuest.get("/api/support-chat/" + firstTicket).then().statusCode(404);
        // an unverified visitor claiming the same id merges nothing
        var unverified = new HashMap<String, Object>(Map.of("workspaceId", workspace, "subject", "s", "message", "m",
                "email", "buyer@example.com"));
        var other = RestAssured.given().contentType(ContentType.JSON).header("X-Goftgu-Internal", INTERNAL).body(unverified)
                .post("/internal/support-chat/guests/start").then().statusCode(201).extract().<String>path("ticket.id");
        RestAssured.given().auth().oauth2(TestTokens.staff(admin, workspace)).get("/api/support-chat/" + other).then()
                .body("requester.kind", equalTo("GUEST"));

        // signed up later: the verified guest that names the new customer's e-mail is merged when the customer appears
        var early = start(workspace, secret, "later@example.com", null);
        var earlyTicket = (String) ((Map<?, ?>) early.get("ticket")).get("id");
        var later = Signals.user(workspace, "Later", "USER");
        await(() -> "USER".equals(RestAssured.given().auth().oauth2(TestTokens.staff(admin, workspace))
                .get("/api/support-chat/" + earlyTicket).then().extract().path("requester.kind")));
        RestAssured.given().auth().oauth2(TestTokens.customer(later, workspace)).get("/api/support-chat").then()
                .body("data.id", equalTo(List.of(earlyTicket)));
        RestAssured.given().auth().oauth2(TestTokens.staff(admin, workspace))
                .get("/api/support-chat/guests/" + ((Map<?, ?>) early.get("guest")).get("id")).then()
                .body("mergedIntoUserId", equalTo(later.toString()));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> start(UUID workspace, String secret, String externalId, String guestId) {
        var body = new HashMap<String, Object>(Map.of("workspaceId", workspace, "subject", "Question", "message", "Hello",
                "externalId", externalId, "identifierHash", GuestService.hmac(secret, externalId)));
        if (guestId != null) {
            body.put("guestId", guestId);
        }
        RequestSpecification request = RestAssured.given().contentType(ContentType.JSON).header("X-Goftgu-Internal", INTERNAL);
        return request.body(body).post("/internal/support-chat/guests/start").then().statusCode(201).extract().as(Map.class);
    }
}
