package io.goftgu.supportchat;

import io.goftgu.events.EventTypes;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Blocking a visitor (docs/security.md, "Blocking a visitor"): its token stops working at once, until unblocked. */
@QuarkusTest
class GuestBlockTest extends SupportChatTestSupport {

    @Test
    void aBlockedGuestIsCutOffAtOnceUntilUnblocked() {
        var started = startGuest(Map.of());
        var guest = (String) ((Map<?, ?>) started.get("guest")).get("id");
        var ticket = (String) ((Map<?, ?>) started.get("ticket")).get("id");
        var block = "/api/support-chat/guests/" + guest + "/block";
        asGuest(guest).get("/api/support-chat/" + ticket).then().statusCode(200);

        // who may not: the guest itself, a customer, another workspace's staff; a guest that does not exist
        asGuest(guest).put(block).then().statusCode(403);
        as(customer).put(block).then().statusCode(403);
        as(otherStaff).put(block).then().statusCode(404).contentType("application/problem+json");
        as(agent).put("/api/support-chat/guests/" + UUID.randomUUID() + "/block").then().statusCode(404);
        as(agent).put("/api/support-chat/guests/not-a-uuid/block").then().statusCode(404);
        as(agent).get("/api/support-chat/guests/" + guest).then().body("blockedAt", nullValue());
        asGuest(guest).get("/api/support-chat/" + ticket).then().statusCode(200);

        var blockedAt = as(agent).put(block).then().statusCode(200).body("id", equalTo(guest))
                .body("blockedAt", notNullValue()).body("blockedBy", equalTo(agent.toString()))
                .extract().<String>path("blockedAt");
        // the next request with its token is refused, whatever the token's expiry
        asGuest(guest).get("/api/support-chat/" + ticket).then().statusCode(401);
        say(asGuest(guest), ticket, "still here?", false).statusCode(401);
        // the widget cannot start again as that guest
        RestAssured.given().contentType(ContentType.JSON).header("X-Goftgu-Internal", INTERNAL)
                .body(Map.of("workspaceId", WORKSPACE, "guestId", guest, "subject", "again", "message", "hello"))
                .post("/internal/support-chat/guests/start").then().statusCode(403)
                .contentType("application/problem+json").body("detail", containsString("blocked"));
        // blocking again keeps the first block
        as(agent2).put(block).then().statusCode(200).body("blockedAt", equalTo(blockedAt))
                .body("blockedBy", equalTo(agent.toString()));
        // staff still work the ticket; what they write no longer reaches the guest
        say(as(agent), ticket, "We are closing this", false).statusCode(201);
        var events = Signals.ticketEvents(ticket, found -> found.stream().anyMatch(e -> e.type()
                .equals(EventTypes.SupportChat.MESSAGE_CREATED) && e.payload().path("body").asText().equals("We are closing this")));
        var reply = events.stream().filter(e -> e.payload().path("body").asText().equals("We are closing this")).findFirst().orElseThrow();
        assertTrue(reply.audience().guests().isEmpty(), reply.audience().toString());
        assertEquals(List.of("ADMIN"), List.copyOf(reply.audience().roles()));
        // realtime-service hears of it (and closes the guest's sockets)
        var told = Signals.ticketEvents(guest, found -> found.stream().anyMatch(e -> e.type().equals(EventTypes.SupportChat.GUEST_BLOCKED)));
        assertEquals(1, told.stream().filter(e -> e.type().equals(EventTypes.SupportChat.GUEST_BLOCKED)).count());
        assertTrue(told.getFirst().audience().guests().isEmpty());

        // unblocked: the same token works again
        as(customer).delete(block).then().statusCode(403);
        asGuest(guest).get("/api/support-chat/" + ticket).then().statusCode(401);
        as(agent).delete(block).then().statusCode(200).body("blockedAt", nullValue()).body("blockedBy", nullValue());
        asGuest(guest).get("/api/support-chat/" + ticket).then().statusCode(200);
        as(agent).delete(block).then().statusCode(200).body("blockedAt", nullValue());
    }
}
