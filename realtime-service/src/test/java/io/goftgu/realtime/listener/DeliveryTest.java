package io.goftgu.realtime.listener;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.goftgu.events.Audience;
import io.goftgu.events.EventJson;
import io.goftgu.events.EventTypes;
import io.goftgu.events.Topics;
import io.goftgu.realtime.endpoint.ConnectionRegistry;
import io.goftgu.realtime.support.Events;
import io.goftgu.testing.KafkaResource;
import io.goftgu.testing.TestSocket;
import io.goftgu.testing.TestTokens;
import io.goftgu.testing.TokensResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.goftgu.realtime.support.Sockets.SOON;
import static io.goftgu.realtime.support.Sockets.await;
import static io.goftgu.realtime.support.Sockets.bearer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Fan-out from Kafka to sockets, end to end: events are published to the real broker the way the outbox relay does
 * (JSON envelope keyed by aggregate id) and received on real sockets. Every test makes fresh workspaces and users, so
 * tests sharing the application never see each other's frames. Silence is checked by draining a socket for a second
 * after the sockets that should receive the frame got it.
 */
@QuarkusTest
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(TokensResource.class)
class DeliveryTest {

    private static final String MESSAGE_FRAME = "internal-chat:message";
    private static final Duration SILENCE = Duration.ofSeconds(1);

    @TestHTTPResource("/ws")
    URI uri;

    @Inject
    ConnectionRegistry registry;

    @Inject
    DomainEventConsumer consumer;

    private final UUID workspace = UUID.randomUUID();
    private final UUID otherWorkspace = UUID.randomUUID();
    private final UUID alice = UUID.randomUUID();
    private final UUID bob = UUID.randomUUID();
    private final UUID carol = UUID.randomUUID();
    private final UUID customer = UUID.randomUUID();
    private final UUID room = UUID.randomUUID();
    private final List<TestSocket> opened = new ArrayList<>();

    @BeforeEach
    void consumerOwnsEveryPartitionOfTheChatTopic() {
        Events.awaitReading(consumer, Topics.INTERNAL_CHAT);
    }

    @AfterEach
    void closeSockets() {
        opened.forEach(TestSocket::close);
    }

    @Test
    void messageReachesEverySocketOfItsAudienceExactlyOnce() throws Exception {
        var alice1 = open(workspace, alice, TestTokens.staff(alice, workspace));
        var alice2 = open(workspace, alice, TestTokens.staff(alice, workspace));
        var bobs = open(workspace, bob, TestTokens.staff(bob, workspace));
        var carols = open(workspace, carol, TestTokens.staff(carol, workspace));
        var aliceElsewhere = open(otherWorkspace, alice, TestTokens.staff(alice, otherWorkspace));
        var guestWithAlicesId = open(workspace, alice, TestTokens.guest(alice, workspace));

        var payload = message(42, "سلام، جلسه ساعت ۱۰");
        Events.publish(Events.event(EventTypes.InternalChat.MESSAGE_CREATED, workspace, room, 43,
                Audience.users(Set.of(alice, bob)), payload));

        for (var socket : List.of(alice1, alice2, bobs)) {
            var frame = socket.awaitType(MESSAGE_FRAME, SOON).json();
            assertEquals(room.toString(), frame.path("roomId").asText());
            assertEquals(42, frame.path("seq").asLong());
            assertEquals(payload, frame.path("data"));
        }
        for (var socket : List.of(alice1, alice2, bobs, carols, aliceElsewhere, guestWithAlicesId)) {
            assertEquals(List.of(), framesOf(socket, MESSAGE_FRAME));
        }
    }

    /**
     * An event's frame is encoded once and the same bytes are written to every recipient: each socket still gets
     * every frame whole, as text, in order, and once, whether it is short or longer than the size below which Netty
     * copies a frame into one buffer (1 KiB) rather than writing the shared bytes as they are.
     */
    @Test
    void oneEncodedFrameReachesEverySocketWholeInOrderAndOnce() throws Exception {
        var sockets = new ArrayList<TestSocket>();
        for (int i = 0; i < 4; i++) {
            sockets.add(open(workspace, alice, TestTokens.staff(alice, workspace)));
        }
        sockets.add(open(workspace, bob, TestTokens.staff(bob, workspace)));
        var longBody = "پیام بلند ".repeat(300);
        var payloads = List.of(message(1, longBody), message(2, "کوتاه"), message(3, longBody + "!"));
        Events.publishAll(payloads.stream().map(payload -> Events.event(EventTypes.InternalChat.MESSAGE_CREATED,
                workspace, room, payload.path("seq").asLong(), Audience.users(Set.of(alice, bob)), payload)).toList());

        for (var socket : sockets) {
            for (var payload : payloads) {
                var frame = socket.awaitType(MESSAGE_FRAME, SOON).json();
                assertEquals(payload.path("seq").asLong(), frame.path("seq").asLong());
                assertEquals(payload, frame.path("data"));
            }
        }
        for (var socket : sockets) {
            assertEquals(List.of(), framesOf(socket, MESSAGE_FRAME));
        }
    }

    @Test
    void roleAudienceReachesEveryStaffSocketOfTheWorkspaceOnly() throws Exception {
        var alices = open(workspace, alice, TestTokens.staff(alice, workspace));
        var bobs = open(workspace, bob, TestTokens.staff(bob, workspace));
        var customers = open(workspace, customer, TestTokens.customer(customer, workspace));
        var guests = open(workspace, carol, TestTokens.guest(carol, workspace));
        var otherStaff = open(otherWorkspace, carol, TestTokens.staff(carol, otherWorkspace));

        Events.publish(Events.event(EventTypes.InternalChat.MESSAGE_CREATED, workspace, room, 1, Audience.role("ADMIN"),
                message(1, "to all staff")));

        alices.awaitType(MESSAGE_FRAME, SOON);
        bobs.awaitType(MESSAGE_FRAME, SOON);
        for (var socket : List.of(customers, guests, otherStaff)) {
            assertEquals(List.of(), framesOf(socket, MESSAGE_FRAME));
        }
    }

    @Test
    void guestAudienceMatchesTheGuestIdOnly() throws Exception {
        var guests = open(workspace, carol, TestTokens.guest(carol, workspace));
        var staffWithTheGuestsId = open(workspace, carol, TestTokens.staff(carol, workspace));

        Events.publish(Events.event(EventTypes.InternalChat.MESSAGE_CREATED, workspace, room, 1,
                new Audience(Set.of(), Set.of(carol), Set.of()), message(1, "hello visitor")));

        guests.awaitType(MESSAGE_FRAME, SOON);
        assertEquals(List.of(), framesOf(staffWithTheGuestsId, MESSAGE_FRAME));
    }

    @Test
    void republishedEventIsDeliveredOnce() throws Exception {
        var alices = open(workspace, alice, TestTokens.staff(alice, workspace));
        var event = Events.event(EventTypes.InternalChat.MESSAGE_CREATED, workspace, room, 5, Audience.users(Set.of(alice)),
                message(5, "once"));

        Events.publish(event);
        Events.publish(event);

        alices.awaitType(MESSAGE_FRAME, SOON);
        assertEquals(List.of(), framesOf(alices, MESSAGE_FRAME));
    }

    @Test
    void unknownTypesAndBrokenRecordsAreSkippedAndTheStreamGoesOn() throws Exception {
        var alices = open(workspace, alice, TestTokens.staff(alice, workspace));

        Events.publish(Events.event("internal-chat.room.archived", workspace, room, 1, Audience.users(Set.of(alice)),
                EventJson.MAPPER.createObjectNode()));
        Events.send(Topics.INTERNAL_CHAT, room.toString(), "{not an envelope".getBytes(StandardCharsets.UTF_8));
        Events.publish(Events.event(EventTypes.InternalChat.MESSAGE_CREATED, workspace, room, 2, Audience.users(Set.of(alice)),
                message(2, "after the noise")));

        var frame = alices.awaitType(MESSAGE_FRAME, SOON).json();
        assertEquals("after the noise", frame.path("data").path("body").asText());
        assertTrue(framesOf(alices, MESSAGE_FRAME).isEmpty());
    }

    private TestSocket open(UUID workspaceId, UUID principalId, String token) {
        var before = registry.socketsOf(workspaceId, principalId).size();
        var socket = bearer(uri, token);
        opened.add(socket);
        await("the socket to be registered", () -> registry.socketsOf(workspaceId, principalId).size() > before);
        return socket;
    }

    private static List<JsonNode> framesOf(TestSocket socket, String type) {
        return socket.drain(SILENCE).stream().filter(f -> type.equals(f.path("type").asText())).toList();
    }

    /** A message payload as the socket client will read it (numbers as parsed from JSON text). */
    private JsonNode message(long seq, String body) throws JsonProcessingException {
        return EventJson.MAPPER.readTree(EventJson.MAPPER.writeValueAsString(Map.of(
                "id", UUID.randomUUID().toString(),
                "roomId", room.toString(),
                "seq", seq,
                "body", body,
                "sender", Map.of("id", alice.toString(), "name", "Alice"))));
    }
}
