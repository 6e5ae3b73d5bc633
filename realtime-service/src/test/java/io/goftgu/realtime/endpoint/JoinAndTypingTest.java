package io.goftgu.realtime.endpoint;

import com.fasterxml.jackson.databind.JsonNode;
import io.goftgu.events.Topics;
import io.goftgu.realtime.listener.DomainEventConsumer;
import io.goftgu.realtime.support.Events;
import io.goftgu.realtime.support.FakeOwners;
import io.goftgu.testing.KafkaResource;
import io.goftgu.testing.TestSocket;
import io.goftgu.testing.TestTokens;
import io.goftgu.testing.TokensResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.UUID;

import static io.goftgu.realtime.support.Sockets.SOON;
import static io.goftgu.realtime.support.Sockets.bearer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code internal-chat:join}/{@code leave} and {@code support-chat:join}/{@code leave}: a join is checked with the
 * owner (here {@link FakeOwners}, counting its calls) and answered by {@code ack}; typing is passed on only for a
 * joined room or ticket, and for any other dropped with {@code not-joined} without a call to the owner. Joins have
 * a budget of owner checks, and a socket holds at most five.
 */
@QuarkusTest
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(TokensResource.class)
@QuarkusTestResource(FakeOwners.class)
class JoinAndTypingTest {

    @TestHTTPResource("/ws")
    URI uri;

    @ConfigProperty(name = "goftgu.test.fake-owners-url")
    String owners;

    @Inject
    DomainEventConsumer consumer;

    private final UUID workspace = UUID.randomUUID();
    private final UUID ali = UUID.randomUUID();
    private final UUID mina = UUID.randomUUID();

    @BeforeEach
    void consumerReadsSignals() {
        Events.awaitReading(consumer, Topics.REALTIME_SIGNALS);
    }

    private UUID visibleRoom() {
        var room = UUID.randomUUID();
        FakeOwners.show(owners, "/api/internal-chat/rooms/" + room, "{\"id\":\"" + room + "\",\"members\":[{\"userId\":\""
                + ali + "\"},{\"userId\":\"" + mina + "\"}]}");
        return room;
    }

    private static JsonNode join(TestSocket socket, String type, String field, UUID id, String tempId) {
        socket.send("{\"type\":\"" + type + "\",\"" + field + "\":\"" + id + "\",\"tempId\":\"" + tempId + "\"}");
        return socket.await(f -> tempId.equals(f.path("tempId").asText()), SOON).json();
    }

    private static String typing(UUID roomId, boolean isTyping) {
        return "{\"type\":\"internal-chat:typing\",\"roomId\":\"" + roomId + "\",\"isTyping\":" + isTyping + "}";
    }

    @Test
    void typingForARoomNotJoinedIsDroppedWithoutAskingTheOwner() {
        try (var socket = bearer(uri, TestTokens.guest(UUID.randomUUID(), workspace))) {
            int before = FakeOwners.calls(owners);
            for (int i = 0; i < 30; i++) {
                socket.send(typing(UUID.randomUUID(), true));
                socket.send("{\"type\":\"support-chat:typing\",\"ticketId\":\"" + UUID.randomUUID() + "\",\"isTyping\":true}");
                assertEquals("not-joined", socket.awaitType("error", SOON).json().path("code").asText());
                assertEquals("not-joined", socket.awaitType("error", SOON).json().path("code").asText());
                if (i % 10 == 9) {
                    sleepMillis(1_100); // stay inside the frame budget (20/s)
                }
            }
            assertEquals(before, FakeOwners.calls(owners), "no owner was asked");
            socket.send("{\"type\":\"ping\"}");
            socket.awaitType("pong", SOON);
        }
    }

    @Test
    void aJoinedRoomsTypingReachesTheOtherMembersUntilLeave() {
        var room = visibleRoom();
        try (var aliSocket = bearer(uri, TestTokens.staff(ali, workspace));
             var minaSocket = bearer(uri, TestTokens.staff(mina, workspace))) {
            var hidden = UUID.randomUUID();
            var refused = join(aliSocket, "internal-chat:join", "roomId", hidden, "j0");
            assertEquals("error", refused.path("type").asText());
            assertEquals(404, refused.path("status").asInt());
            aliSocket.send(typing(hidden, true));
            assertEquals("not-joined", aliSocket.awaitType("error", SOON).json().path("code").asText());

            var ack = join(aliSocket, "internal-chat:join", "roomId", room, "j1");
            assertEquals("ack", ack.path("type").asText());
            assertEquals(room.toString(), ack.path("data").path("roomId").asText());
            int afterJoin = FakeOwners.calls(owners);

            aliSocket.send(typing(room, true));
            var frame = minaSocket.awaitType("internal-chat:typing", SOON).json();
            assertEquals(ali.toString(), frame.path("data").path("userId").asText());
            assertTrue(frame.path("data").path("isTyping").asBoolean());
            assertEquals(afterJoin, FakeOwners.calls(owners), "the join's answer is reused");

            aliSocket.send("{\"type\":\"internal-chat:leave\",\"roomId\":\"" + room + "\"}");
            var stopped = minaSocket.awaitType("internal-chat:typing", SOON).json();
            assertFalse(stopped.path("data").path("isTyping").asBoolean(), "leaving stops the typing there");
            aliSocket.send(typing(room, true));
            assertEquals("not-joined", aliSocket.awaitType("error", SOON).json().path("code").asText());
            assertTrue(minaSocket.drain(Duration.ofMillis(500)).stream()
                    .noneMatch(f -> "internal-chat:typing".equals(f.path("type").asText())));
        }
    }

    @Test
    void aSocketHoldsAtMostFiveJoinsTheOldestGoesFirst() {
        try (var socket = bearer(uri, TestTokens.staff(ali, workspace))) {
            var rooms = new java.util.ArrayList<UUID>();
            for (int i = 0; i < 6; i++) {
                var room = visibleRoom();
                rooms.add(room);
                assertEquals("ack", join(socket, "internal-chat:join", "roomId", room, "m" + i).path("type").asText());
            }
            socket.send(typing(rooms.get(0), true));
            assertEquals("not-joined", socket.awaitType("error", SOON).json().path("code").asText());
            socket.send(typing(rooms.get(5), true));
            socket.send("{\"type\":\"ping\"}");
            var next = socket.await(f -> !"internal-chat:user-status".equals(f.path("type").asText())
                    && !"support-chat:agent-status".equals(f.path("type").asText()), SOON).json();
            assertEquals("pong", next.path("type").asText(), "typing in a joined room is not refused: " + next);
        }
    }

    @Test
    void joinsOfUnknownIdsHaveABudgetOfOwnerChecks() {
        try (var socket = bearer(uri, TestTokens.guest(UUID.randomUUID(), workspace))) {
            int before = FakeOwners.calls(owners);
            int limited = 0;
            for (int i = 0; i < 15; i++) {
                var answer = join(socket, "support-chat:join", "ticketId", UUID.randomUUID(), "t" + i);
                if ("rate-limited".equals(answer.path("code").asText())) {
                    limited++;
                } else {
                    assertEquals(404, answer.path("status").asInt());
                }
            }
            assertTrue(limited >= 4, "joins past the burst are refused: " + limited);
            assertTrue(FakeOwners.calls(owners) - before <= 11, "owner calls stay within the budget");
        }
    }

    @Test
    void aJoinedTicketAcceptsTyping() {
        var ticket = UUID.randomUUID();
        var guest = UUID.randomUUID();
        FakeOwners.show(owners, "/api/support-chat/" + ticket, "{\"id\":\"" + ticket + "\",\"requester\":{\"id\":\""
                + guest + "\",\"kind\":\"GUEST\"}}");
        try (var agent = bearer(uri, TestTokens.staff(ali, workspace));
             var visitor = bearer(uri, TestTokens.guest(guest, workspace))) {
            assertEquals("ack", join(agent, "support-chat:join", "ticketId", ticket, "k1").path("type").asText());
            agent.send("{\"type\":\"support-chat:typing\",\"ticketId\":\"" + ticket + "\",\"isTyping\":true}");
            var frame = visitor.awaitType("support-chat:typing", SOON).json();
            assertEquals(ticket.toString(), frame.path("ticketId").asText());
            agent.send("{\"type\":\"support-chat:join\",\"ticketId\":\"nope\"}");
            assertEquals("malformed-frame", agent.awaitType("error", SOON).json().path("code").asText());
        }
    }

    private static void sleepMillis(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
