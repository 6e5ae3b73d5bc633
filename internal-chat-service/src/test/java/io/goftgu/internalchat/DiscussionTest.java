package io.goftgu.internalchat;

import io.goftgu.events.EventEnvelope;
import io.goftgu.events.EventTypes;
import io.goftgu.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Ticket discussions (issue 15) through the real HTTP stack, PostgreSQL and Kafka: tickets arrive as real
 * {@code support-chat.events} ({@link SupportDesk}), the discussion is opened at {@code /api/support-chat/{id}/discussion}
 * (the gateway routes it here), its room follows the ticket, and customers, guests and other workspaces never learn
 * it exists.
 */
@QuarkusTest
class DiscussionTest extends ChatTestSupport {

    static final UUID WS = UUID.randomUUID();
    static final UUID OTHER_WS = UUID.randomUUID();
    static UUID alice;
    static UUID bob;
    static UUID carol;
    static UUID dana;
    static UUID customer;
    static UUID stranger;

    @BeforeEach
    void users() {
        if (alice != null) {
            return;
        }
        EventLog.start();
        alice = staff(WS, "Alice");
        bob = staff(WS, "Bob");
        carol = staff(WS, "Carol");
        dana = staff(WS, "Dana");
        customer = customer(WS, "Customer");
        stranger = staff(OTHER_WS, "Stranger");
        awaitColleagues(alice, 3);
        awaitTrue(() -> as(stranger).get("/api/internal-chat/contacts").statusCode() == 200, "stranger unknown");
    }

    static String discussion(UUID ticketId) {
        return "/api/support-chat/" + ticketId + "/discussion";
    }

    static String open(UUID who, SupportDesk ticket, int status) {
        return as(who).post(discussion(ticket.id)).then().statusCode(status).extract().path("roomId");
    }

    @Test
    void openingCreatesOneTicketRoomWithTheOpenerAndTheAssigneeAndOnlyTheyHearOfIt() {
        var ticket = SupportDesk.opened(WS, "TKT-1001", "چاپگر کار نمی‌کند", "Reza", bob);
        // at once: the projection may not have the ticket yet, and the call waits for it
        var roomId = open(alice, ticket, 201);
        assertEquals(roomId, open(alice, ticket, 200));

        as(alice).get("/api/internal-chat/rooms/" + roomId).then().statusCode(200)
                .body("type", equalTo("TICKET"))
                .body("title", equalTo("TKT-1001 · چاپگر کار نمی‌کند"))
                .body("ticket.id", equalTo(ticket.id.toString()))
                .body("ticket.number", equalTo("TKT-1001"))
                .body("ticket.subject", equalTo("چاپگر کار نمی‌کند"))
                .body("ticket.status", equalTo("OPEN"))
                .body("ticket.requesterName", equalTo("Reza"))
                .body("settings.whoCanInvite", equalTo("ALL_MEMBERS"))
                .body("members", hasSize(2))
                .body("members.find { it.userId == '" + alice + "' }.role", equalTo("OWNER"))
                .body("members.find { it.userId == '" + bob + "' }.role", equalTo("MEMBER"));
        // the assignee finds it in their sidebar, with its ticket
        as(bob).get("/api/internal-chat/rooms").then().statusCode(200)
                .body("find { it.id == '" + roomId + "' }.ticket.number", equalTo("TKT-1001"));
        as(bob).get(discussion(ticket.id)).then().statusCode(200)
                .body("roomId", equalTo(roomId)).body("unread", equalTo(0)).body("member", equalTo(true));
        send(alice, roomId, "مشتری قبلاً هم این را گزارش داده بود");
        as(bob).get(discussion(ticket.id)).then().statusCode(200).body("unread", equalTo(1));

        var created = EventLog.await(roomId, e -> e.type().equals(EventTypes.InternalChat.ROOM_CREATED));
        assertEquals("TKT-1001", created.payload().path("ticket").path("number").asText());
        EventLog.await(roomId, e -> e.type().equals(EventTypes.InternalChat.MESSAGE_CREATED));
        assertOnlyMembersHear(roomId, Set.of(alice, bob));
    }

    @Test
    void theRoomFollowsTheTicketAndANewAssigneeJoins() {
        var ticket = SupportDesk.opened(WS, "TKT-1002", "Invoice missing", "Reza", bob);
        var roomId = open(alice, ticket, 201);

        ticket.change(EventTypes.SupportChat.TICKET_STATUS_CHANGED, t -> t.status = "IN_PROGRESS");
        ticket.change(EventTypes.SupportChat.TICKET_UPDATED, t -> {
            t.subject = "Invoice for March missing";
            t.requesterName = "Reza Karimi";
        });
        awaitTrue(() -> "Reza Karimi".equals(as(alice).get("/api/internal-chat/rooms/" + roomId).path("ticket.requesterName")),
                "the room never followed the ticket");
        as(alice).get("/api/internal-chat/rooms/" + roomId).then()
                .body("title", equalTo("TKT-1002 · Invoice for March missing"))
                .body("ticket.subject", equalTo("Invoice for March missing"))
                .body("ticket.status", equalTo("IN_PROGRESS"));
        EventLog.await(roomId, e -> e.type().equals(EventTypes.InternalChat.ROOM_UPDATED)
                && "IN_PROGRESS".equals(e.payload().path("ticket").path("status").asText()));

        // reassigned: Carol joins (Bob stays, with the history he took part in)
        ticket.change(EventTypes.SupportChat.TICKET_ASSIGNED, t -> t.assigneeId = carol);
        EventLog.await(roomId, EventTypes.InternalChat.MEMBER_ADDED, "userId", carol.toString());
        as(carol).get(discussion(ticket.id)).then().statusCode(200).body("member", equalTo(true));
        as(carol).get("/api/internal-chat/messages?roomId=" + roomId).then().statusCode(200)
                .body("findAll { it.type == 'SYSTEM' }.system.userId", hasItem(carol.toString()));
        as(alice).get("/api/internal-chat/rooms/" + roomId).then().body("members", hasSize(3));

        // an event older than the one applied changes nothing; a bad payload is skipped and counted, and the events
        // behind it still arrive
        var stale = ticket.payload().put("subject", "stale subject");
        StaffDirectory.send(new EventEnvelope(UUID.randomUUID(), EventTypes.SupportChat.TICKET_UPDATED, 1, WS, ticket.id,
                1, java.time.Instant.now(), null, null, stale));
        var skippedBefore = skipped();
        var bad = ticket.payload();
        bad.remove("subject");
        ticket.publish(EventTypes.SupportChat.TICKET_UPDATED, bad);
        ticket.change(EventTypes.SupportChat.TICKET_STATUS_CHANGED, t -> t.status = "RESOLVED");
        awaitTrue(() -> "RESOLVED".equals(as(alice).get("/api/internal-chat/rooms/" + roomId).path("ticket.status")),
                "the event behind a bad one never arrived");
        as(alice).get("/api/internal-chat/rooms/" + roomId).then()
                .body("ticket.subject", equalTo("Invoice for March missing"));
        assertTrue(skipped() > skippedBefore, "the bad payload was not counted");
        assertOnlyMembersHear(roomId, Set.of(alice, bob, carol));
    }

    @Test
    void customersGuestsAndOtherWorkspacesNeverLearnItExists() {
        var ticket = SupportDesk.opened(WS, "TKT-1003", "Login fails", "Customer", bob);
        var roomId = open(alice, ticket, 201);
        var rooms = count("SELECT count(*) FROM room");

        // the requester, a guest and another workspace's staff: the 404 of a ticket they cannot see
        var guest = TestTokens.guest(UUID.randomUUID(), WS);
        for (var caller : new io.restassured.specification.RequestSpecification[]{as(customer), as(stranger),
                RestAssured.given().auth().oauth2(guest)}) {
            caller.post(discussion(ticket.id)).then().statusCode(404).body("status", equalTo(404))
                    .body("detail", equalTo("ticket " + ticket.id + " was not found"));
        }
        for (var caller : new io.restassured.specification.RequestSpecification[]{as(customer), as(stranger),
                RestAssured.given().auth().oauth2(guest)}) {
            caller.get(discussion(ticket.id)).then().statusCode(404).body("detail", equalTo("ticket " + ticket.id + " was not found"));
        }
        as(customer).get("/api/internal-chat/rooms/" + roomId).then().statusCode(403);
        RestAssured.given().post(discussion(ticket.id)).then().statusCode(401);
        // a ticket nobody has (after the bounded wait), and an id that is none
        as(alice).post(discussion(UUID.randomUUID())).then().statusCode(404);
        as(alice).post("/api/support-chat/not-an-id/discussion").then().statusCode(404);
        assertEquals(rooms, count("SELECT count(*) FROM room"));
        assertOnlyMembersHear(roomId, Set.of(alice, bob));

        // a ticket room's title is the ticket's
        as(alice).body(Map.of("title", "Something else")).patch("/api/internal-chat/rooms/" + roomId).then().statusCode(400);
    }

    @Test
    void staffJoinByOpeningAndMembersInviteColleagues() {
        var ticket = SupportDesk.opened(WS, "TKT-1004", "Refund", "Reza", null);
        var roomId = open(alice, ticket, 201);
        as(alice).get("/api/internal-chat/rooms/" + roomId).then().body("members", hasSize(1));

        // Dana knows the discussion exists (every staff member sees the ticket) but is not in it until she opens it
        as(dana).get(discussion(ticket.id)).then().statusCode(200)
                .body("roomId", equalTo(roomId)).body("member", equalTo(false)).body("unread", equalTo(0));
        as(dana).get("/api/internal-chat/rooms/" + roomId).then().statusCode(404);
        assertEquals(roomId, open(dana, ticket, 200));
        as(dana).get("/api/internal-chat/rooms/" + roomId).then().statusCode(200)
                .body("members.find { it.userId == '" + dana + "' }.role", equalTo("MEMBER"));
        EventLog.await(roomId, EventTypes.InternalChat.MEMBER_ADDED, "userId", dana.toString());

        // any member invites through the room's members API
        as(dana).body(Map.of("userId", carol)).post("/api/internal-chat/rooms/" + roomId + "/members").then().statusCode(201);
        as(carol).get(discussion(ticket.id)).then().statusCode(200).body("member", equalTo(true));
        as(dana).body(Map.of("userId", stranger)).post("/api/internal-chat/rooms/" + roomId + "/members").then().statusCode(404);
    }

    /** Every event of the room went to members only: named users, never a role or a guest. */
    static void assertOnlyMembersHear(String roomId, Set<UUID> members) {
        var heard = new HashSet<UUID>();
        for (var event : EventLog.ofRoom(roomId)) {
            assertTrue(event.audience().roles().isEmpty(), event.type() + " went to a role");
            assertTrue(event.audience().guests().isEmpty(), event.type() + " went to a guest");
            heard.addAll(event.audience().users());
        }
        assertTrue(members.containsAll(heard), "events of the room reached " + heard + ", not only " + members);
        assertTrue(heard.contains(alice));
    }

    static double skipped() {
        var metrics = RestAssured.get("/q/metrics").then().statusCode(200).extract().asString();
        var m = java.util.regex.Pattern.compile("(?m)^goftgu_projection_events_skipped_total\\{[^}]*consumer=\"internal-chat.ticket-projection\"[^}]*} ([0-9.eE+-]+)")
                .matcher(metrics);
        var total = 0.0;
        while (m.find()) {
            total += Double.parseDouble(m.group(1));
        }
        return total;
    }
}
