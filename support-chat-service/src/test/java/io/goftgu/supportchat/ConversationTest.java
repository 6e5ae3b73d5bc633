package io.goftgu.supportchat;

import io.goftgu.events.EventTypes;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The conversation of a ticket: automatic moves, read state, rating; internal notes stay with staff. */
@QuarkusTest
class ConversationTest extends SupportChatTestSupport {

    @Test
    void conversationWithAutomaticMovesReadStateAndRating() {
        var id = ticket(customer, "Where is my invoice?");
        var clientId = UUID.randomUUID();
        var first = as(customer).body(Map.of("body", "Hello?", "clientMessageId", clientId))
                .post("/api/support-chat/" + id + "/messages").then().statusCode(201)
                .body("sender.kind", equalTo("CUSTOMER")).body("seq", equalTo(1)).extract().as(Map.class);
        as(customer).body(Map.of("body", "Hello?", "clientMessageId", clientId))
                .post("/api/support-chat/" + id + "/messages").then().statusCode(200).body("id", equalTo(first.get("id")));
        var reply = say(as(agent), id, "Looking into it", false).statusCode(201).extract().<String>path("id");
        as(agent).get("/api/support-chat/" + id).then().body("firstResponseAt", not(nullValue()));
        as(agent).body(Map.of("status", "WAITING_CUSTOMER")).patch("/api/support-chat/" + id).then().statusCode(200);
        say(as(customer), id, "Here is the order number", false).statusCode(201);
        as(agent).get("/api/support-chat/" + id).then().body("status", equalTo("IN_PROGRESS"));
        // read state: the customer has seen the agent's reply
        as(customer).body(Map.of("seq", 3)).post("/api/support-chat/" + id + "/read").then().statusCode(200);
        as(agent).get("/api/support-chat/" + id + "/messages").then().statusCode(200)
                .body("find { it.id == '" + reply + "' }.seenByCustomer", equalTo(true))
                .body("body", equalTo(List.of("Hello?", "Looking into it", "Here is the order number")));
        // edit and delete own only
        as(customer).body(Map.of("body", "hijack")).patch("/api/support-chat/" + id + "/messages/" + reply).then().statusCode(403);
        as(agent).body(Map.of("body", "Looking into it now")).patch("/api/support-chat/" + id + "/messages/" + reply)
                .then().statusCode(200).body("isEdited", equalTo(true));
        as(customer).delete("/api/support-chat/" + id + "/messages/" + first.get("id")).then().statusCode(204);
        as(agent).get("/api/support-chat/" + id + "/messages").then()
                .body("find { it.id == '" + first.get("id") + "' }.isDeleted", equalTo(true))
                .body("find { it.id == '" + first.get("id") + "' }.body", equalTo(""));
        // rating: only after RESOLVED, once, by the requester
        as(customer).body(Map.of("score", 5)).post("/api/support-chat/" + id + "/rating").then().statusCode(409);
        as(agent).body(Map.of("status", "RESOLVED")).patch("/api/support-chat/" + id).then().statusCode(200);
        as(customer).body(Map.of("score", 6)).post("/api/support-chat/" + id + "/rating").then().statusCode(400);
        as(agent).body(Map.of("score", 5)).post("/api/support-chat/" + id + "/rating").then().statusCode(403);
        as(customer).body(Map.of("score", 4, "comment", "خوب بود")).post("/api/support-chat/" + id + "/rating")
                .then().statusCode(200).body("rating.score", equalTo(4));
        as(customer).body(Map.of("score", 1)).post("/api/support-chat/" + id + "/rating").then().statusCode(409);
        // a customer reply to a RESOLVED ticket reopens it
        say(as(customer), id, "It broke again", false).statusCode(201);
        as(agent).get("/api/support-chat/" + id).then().body("status", equalTo("REOPENED")).body("reopenCount", equalTo(1));
        as(customer2).get("/api/support-chat/" + id + "/messages").then().statusCode(404);
        say(as(customer2), id, "sneaky", false).statusCode(404);
    }

    /**
     * Collision check: a public reply sent with {@code lastSeenSeq} is refused (409, field lastSeenSeq, nothing
     * written) when another staff member replied after it; the customer's messages, notes and the sender's own
     * replies do not count; without the field it is sent anyway; customers cannot trip it.
     */
    @Test
    void aReplyWithLastSeenSeqIsRefusedWhenAnotherAgentRepliedMeanwhile() {
        var id = ticket(customer, "Two agents, one customer");
        say(as(customer), id, "Hello?", false).statusCode(201);
        say(as(agent), id, "my own earlier reply", false).statusCode(201);
        say(as(agent2), id, "only a note", true).statusCode(201);
        say(as(customer), id, "still there?", false).statusCode(201);
        // seq 4 is the newest; since seq 1 only my reply, a note and the customer came: no collision
        sendSeen(agent, id, "first answer", 1L).statusCode(201).body("seq", equalTo(5));
        say(as(agent2), id, "I got this one", false).statusCode(201);
        var refused = sendSeen(agent, id, "duplicate answer", 5L).statusCode(409)
                .body("errors[0].field", equalTo("lastSeenSeq")).extract().<String>path("detail");
        assertTrue(refused.contains("Agent Two"), refused);
        as(agent).get("/api/support-chat/" + id + "/messages").then().body("body", not(hasItem("duplicate answer")));
        sendSeen(agent, id, "duplicate answer", 6L).statusCode(201);
        sendSeen(agent, id, "bad", -1L).statusCode(400);
        sendSeen(customer, id, "customers cannot collide", 0L).statusCode(201);
        // an internal note never collides
        as(agent).body(Map.of("body", "note", "clientMessageId", UUID.randomUUID(), "internal", true, "lastSeenSeq", 0))
                .post("/api/support-chat/" + id + "/messages").then().statusCode(201);
    }

    private static io.restassured.response.ValidatableResponse sendSeen(UUID who, String id, String body, long seen) {
        return as(who).body(Map.of("body", body, "clientMessageId", UUID.randomUUID(), "lastSeenSeq", seen))
                .post("/api/support-chat/" + id + "/messages").then();
    }

    @Test
    void internalNotesReachNoCustomerOrGuestByAnyPath() {
        var id = ticket(customer, "Refund please");
        say(as(customer), id, "I want a refund", false).statusCode(201);
        var secret = "NOTE-" + UUID.randomUUID();
        var note = say(as(agent), id, secret, true).statusCode(201).body("internal", equalTo(true)).extract().<String>path("id");
        say(as(customer), id, "trying to post a note", true).statusCode(403);
        as(agent).get("/api/support-chat/" + id + "/messages").then().body("body", hasItem(secret));
        as(customer).get("/api/support-chat/" + id + "/messages").then().statusCode(200)
                .body("id", not(hasItem(note))).body("body", not(hasItem(secret))).body("internal", not(hasItem(true)));
        as(customer).body(Map.of("body", "x")).patch("/api/support-chat/" + id + "/messages/" + note).then().statusCode(404);
        as(customer).get("/api/support-chat?q=" + secret).then().statusCode(200).body("total", equalTo(0));
        as(agent).get("/api/support-chat?q=" + secret).then().statusCode(200).body("total", equalTo(1));
        // the guest side
        var started = startGuest(Map.of());
        var guestTicket = (String) ((Map<?, ?>) started.get("ticket")).get("id");
        var guestId = (String) ((Map<?, ?>) started.get("guest")).get("id");
        var guestSecret = "GNOTE-" + UUID.randomUUID();
        say(as(agent), guestTicket, guestSecret, true).statusCode(201);
        asGuest(guestId).get("/api/support-chat/" + guestTicket + "/messages").then().statusCode(200)
                .body("body", not(hasItem(guestSecret))).body("body", hasSize(1));
        // events: the note is announced to staff only, without its body
        var events = Signals.ticketEvents(id, found -> found.stream().anyMatch(e -> e.type().equals(EventTypes.SupportChat.NOTE_CREATED)));
        var noteEvent = events.stream().filter(e -> e.type().equals(EventTypes.SupportChat.NOTE_CREATED)).findFirst().orElseThrow();
        assertEquals(java.util.Set.of("ADMIN"), noteEvent.audience().roles());
        assertTrue(noteEvent.audience().users().isEmpty() && noteEvent.audience().guests().isEmpty());
        assertFalse(noteEvent.payload().has("body"));
        assertEquals(note, noteEvent.payload().path("id").asText());
        for (var e : events) {
            assertFalse(e.payload().toString().contains(secret), e.type() + " carries the note's text");
        }
        var guestEvents = Signals.ticketEvents(guestTicket, found -> found.stream().anyMatch(e -> e.type().equals(EventTypes.SupportChat.NOTE_CREATED)));
        guestEvents.forEach(e -> assertFalse(e.payload().toString().contains(guestSecret)));
    }
}
