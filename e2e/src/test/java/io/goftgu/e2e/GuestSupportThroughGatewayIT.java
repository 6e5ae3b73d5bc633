package io.goftgu.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.goftgu.testing.TestSocket;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;

import static io.goftgu.e2e.Gateway.PASSWORD;
import static io.goftgu.e2e.Gateway.call;
import static io.goftgu.e2e.Gateway.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 4 end to end, through the gateway only, against the packaged services as {@code ./goftgu up} runs them (real
 * PostgreSQL, real Kafka): a workspace turns automatic assignment on, its agent connects (presence online), a website
 * visitor starts a conversation on the public endpoint and the ticket is assigned to that agent; visitor and agent
 * chat in real time over their sockets (the guest's authenticated by the guest token); the agent's internal note and
 * its typing reach staff but never the guest (socket or REST); the agent resolves, the guest rates; another visitor's
 * ticket is 404 to the guest.
 */
class GuestSupportThroughGatewayIT {

    private static final Duration FRAME_WAIT = Duration.ofSeconds(20);

    static LocalStack stack;

    @BeforeAll
    static void start() throws IOException {
        stack = LocalStack.shared();
    }

    @Test
    void aGuestIsAutoAssignedChatsLiveNeverSeesNotesAndRates() throws Exception {
        var slug = "e2e-support-" + UUID.randomUUID().toString().substring(0, 8);
        call("POST", "/api/workspaces", null, Map.of("name", "Shop " + slug, "slug", slug, "ownerName", "Owner",
                "ownerEmail", "owner@e2e.test", "ownerPassword", PASSWORD), 201);
        var owner = Gateway.login(slug, "owner@e2e.test").token();
        var agentId = call("POST", "/api/workspace/users", owner,
                Map.of("name", "Agent Arman", "email", "agent@e2e.test", "password", PASSWORD, "role", "ADMIN"), 201)
                .path("id").asText();
        var agent = Gateway.login(slug, "agent@e2e.test").token();
        call("PUT", "/api/support-chat/assignment-settings", owner, Map.of("autoAssign", true, "agentCapacity", 10), 200);
        assertTrue(call("GET", "/api/support-chat/assignment-settings", agent, null, 200).path("autoAssign").asBoolean());

        call("GET", "/api/support-chat/public/" + slug + "/categories", null, null, 200);
        call("POST", "/api/support-chat/public/no-such-" + slug + "/start", null,
                Map.of("subject", "x", "message", "y"), 404);

        try (var agentSocket = TestSocket.connect(URI.create(stack.ws()), agent)) {
            // the agent's socket announces them online; support chat hears it over realtime.signals
            var started = call("POST", "/api/support-chat/public/" + slug + "/start", null, Map.of(
                    "subject", "سفارش ۱۰۴۲ نرسیده", "message", "سلام، سفارشم هنوز نرسیده",
                    "name", "Visitor Vida", "email", "vida@visitor.test",
                    "referrer", "https://search.example/?q=shop", "utm", Map.of("source", "newsletter")), 201);
            var guestToken = started.path("guestToken").asText();
            var guestId = started.path("guestId").asText();
            var ticketId = started.path("ticket").path("id").asText();
            assertEquals("GUEST", started.path("ticket").path("requester").path("kind").asText());
            assertEquals(guestId, started.path("ticket").path("requester").path("id").asText());

            var assigned = awaitAssignee(agent, ticketId, agentId);
            System.out.printf("ticket %s auto-assigned to the online agent%n", assigned.path("number").asText());
            var guestView = call("GET", "/api/support-chat/" + ticketId, guestToken, null, 200);
            assertEquals(agentId, guestView.path("assignee").path("id").asText());
            var profile = call("GET", "/api/support-chat/guests/" + guestId, agent, null, 200);
            assertEquals("newsletter", profile.path("utmSource").asText());
            assertEquals("https://search.example/?q=shop", profile.path("referrer").asText());

            try (var guestSocket = TestSocket.connect(URI.create(stack.ws()), guestToken)) {
                // the agent's public reply reaches the guest's socket
                var reply = call("POST", "/api/support-chat/" + ticketId + "/messages", agent,
                        Map.of("body", "سلام ویدا، بررسی می‌کنم", "clientMessageId", UUID.randomUUID()), 201);
                var atGuest = guestSocket.await(f -> isMessage(f, reply.path("id").asText()), FRAME_WAIT).json();
                assertEquals(ticketId, atGuest.path("ticketId").asText());
                assertEquals("سلام ویدا، بررسی می‌کنم", atGuest.path("data").path("body").asText());

                // the guest's reply reaches the agent's socket
                var answer = call("POST", "/api/support-chat/" + ticketId + "/messages", guestToken,
                        Map.of("body", "ممنون!", "clientMessageId", UUID.randomUUID()), 201);
                var atAgent = agentSocket.await(f -> isMessage(f, answer.path("id").asText()), FRAME_WAIT).json();
                assertEquals("ممنون!", atAgent.path("data").path("body").asText());
                assertEquals(guestId, atAgent.path("data").path("sender").path("id").asText());

                // a guest may not write internal notes
                call("POST", "/api/support-chat/" + ticketId + "/messages", guestToken,
                        Map.of("body", "x", "clientMessageId", UUID.randomUUID(), "internal", true), 403);

                try (var ownerSocket = TestSocket.connect(URI.create(stack.ws()), owner)) {
                    // an internal note: staff get a frame for it, the guest nothing
                    var note = call("POST", "/api/support-chat/" + ticketId + "/messages", agent,
                            Map.of("body", "NOTE: customer is a VIP, refund allowed", "clientMessageId",
                                    UUID.randomUUID(), "internal", true), 201);
                    var noteId = note.path("id").asText();
                    agentSocket.await(f -> isMessage(f, noteId), FRAME_WAIT);
                    ownerSocket.await(f -> isMessage(f, noteId), FRAME_WAIT);

                    // typing: a public draft shows to the guest, an internal-note draft only to staff
                    agentSocket.send(Map.of("type", "support-chat:join", "ticketId", ticketId, "tempId", "join-t"));
                    agentSocket.await(f -> "join-t".equals(f.path("tempId").asText()), FRAME_WAIT);
                    // ticket typing reaches the staff viewing the ticket (docs/subsystems/collision-detection.md)
                    ownerSocket.send(Map.of("type", "support-chat:join", "ticketId", ticketId, "tempId", "join-o"));
                    ownerSocket.await(f -> "join-o".equals(f.path("tempId").asText()), FRAME_WAIT);
                    agentSocket.send(Map.of("type", "support-chat:typing", "ticketId", ticketId, "isTyping", true));
                    var typing = guestSocket.await(f -> isTyping(f, ticketId), FRAME_WAIT).json();
                    assertTrue(typing.path("data").path("isTyping").asBoolean());
                    agentSocket.send(Map.of("type", "support-chat:typing", "ticketId", ticketId, "isTyping", false));
                    guestSocket.await(f -> isTyping(f, ticketId) && !f.path("data").path("isTyping").asBoolean(),
                            FRAME_WAIT);
                    ownerSocket.drain(Duration.ZERO);
                    agentSocket.send(Map.of("type", "support-chat:typing", "ticketId", ticketId, "isTyping", true,
                            "internal", true));
                    var staffTyping = ownerSocket.await(f -> isTyping(f, ticketId)
                            && f.path("data").path("isTyping").asBoolean(), FRAME_WAIT).json();
                    assertEquals(agentId, staffTyping.path("data").path("userId").asText());

                    var leaked = guestSocket.drain(Duration.ofSeconds(3));
                    assertTrue(leaked.stream().noneMatch(f -> isMessage(f, noteId)), "the note reached the guest: " + leaked);
                    assertTrue(leaked.stream().noneMatch(f -> f.toString().contains("VIP")), "note text reached the guest");
                    assertTrue(leaked.stream().noneMatch(f -> isTyping(f, ticketId)),
                            "an internal-note draft showed as typing to the guest: " + leaked);
                    agentSocket.send(Map.of("type", "support-chat:typing", "ticketId", ticketId, "isTyping", false,
                            "internal", true));

                    var guestList = messages(call("GET", "/api/support-chat/" + ticketId + "/messages", guestToken, null, 200));
                    assertTrue(guestList.stream().noneMatch(m -> noteId.equals(m.path("id").asText())),
                            "the guest's message list holds the note: " + guestList);
                    assertTrue(guestList.stream().anyMatch(m -> reply.path("id").asText().equals(m.path("id").asText())));
                    var staffList = messages(call("GET", "/api/support-chat/" + ticketId + "/messages", agent, null, 200));
                    assertTrue(staffList.stream().anyMatch(m -> noteId.equals(m.path("id").asText())));
                }

                // the agent resolves; the guest sees the update and rates
                var resolved = call("PATCH", "/api/support-chat/" + ticketId, agent, Map.of("status", "RESOLVED"), 200);
                assertEquals("RESOLVED", resolved.path("status").asText());
                guestSocket.await(f -> "support-chat:ticket-update".equals(f.path("type").asText())
                        && "RESOLVED".equals(f.path("data").path("status").asText()), FRAME_WAIT);
                var rated = send("POST", "/api/support-chat/" + ticketId + "/rating", guestToken,
                        Map.of("score", 5, "comment", "عالی بود"));
                assertTrue(rated.statusCode() == 200 || rated.statusCode() == 201, rated.body());
                call("POST", "/api/support-chat/" + ticketId + "/rating", guestToken, Map.of("score", 4), 409);
                assertEquals(5, call("GET", "/api/support-chat/" + ticketId, agent, null, 200)
                        .path("rating").path("score").asInt());
            }

            // the same visitor returns with its token: the same guest, a new ticket
            var again = call("POST", "/api/support-chat/public/" + slug + "/start", guestToken,
                    Map.of("subject", "یک سؤال دیگر", "message", "باز هم سلام"), 201);
            assertEquals(guestId, again.path("guestId").asText());

            // another visitor's ticket is not found for this guest
            var other = call("POST", "/api/support-chat/public/" + slug + "/start", null,
                    Map.of("subject", "Another visitor", "message", "hello"), 201);
            var otherTicket = other.path("ticket").path("id").asText();
            assertFalse(guestId.equals(other.path("guestId").asText()));
            call("GET", "/api/support-chat/" + otherTicket, guestToken, null, 404);
            call("GET", "/api/support-chat/" + otherTicket + "/messages", guestToken, null, 404);
            call("POST", "/api/support-chat/" + otherTicket + "/messages", guestToken,
                    Map.of("body", "hi", "clientMessageId", UUID.randomUUID()), 404);
            var mine = call("GET", "/api/support-chat", guestToken, null, 200).path("data");
            assertTrue(StreamSupport.stream(mine.spliterator(), false)
                    .noneMatch(t -> otherTicket.equals(t.path("id").asText())));
        }
    }

    private static boolean isMessage(JsonNode frame, String messageId) {
        return "support-chat:message".equals(frame.path("type").asText())
                && messageId.equals(frame.path("data").path("id").asText());
    }

    private static boolean isTyping(JsonNode frame, String ticketId) {
        return "support-chat:typing".equals(frame.path("type").asText())
                && ticketId.equals(frame.path("ticketId").asText());
    }

    private static List<JsonNode> messages(JsonNode list) {
        var items = list.isArray() ? list : list.path("data");
        return StreamSupport.stream(items.spliterator(), false).toList();
    }

    /** Presence travels realtime → Kafka → support chat; the queued ticket is assigned once the agent counts online. */
    private static JsonNode awaitAssignee(String token, String ticketId, String agentId) throws Exception {
        var deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        JsonNode ticket = null;
        while (System.nanoTime() < deadline) {
            ticket = call("GET", "/api/support-chat/" + ticketId, token, null, 200);
            if (agentId.equals(ticket.path("assignee").path("id").asText())) {
                return ticket;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the ticket was never auto-assigned to the online agent: " + ticket);
    }

}
