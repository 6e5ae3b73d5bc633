package io.goftgu.realtime.endpoint;

import com.fasterxml.jackson.databind.JsonNode;
import io.goftgu.events.Audience;
import io.goftgu.events.EventJson;
import io.goftgu.events.EventTypes;
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
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import static io.goftgu.realtime.support.Sockets.SOON;
import static io.goftgu.realtime.support.Sockets.bearer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Collision detection on one replica with real Kafka (docs/subsystems/collision-detection.md): staff that joined a
 * ticket get {@code support-chat:viewers} whenever who views it, types or composes there changes, including viewers
 * another replica reports (published here as that replica would, then forgotten when its reports stop); ticket typing
 * reaches only the sockets that joined the ticket (and the requester, for public replies); customers, guests, staff
 * who did not join and another workspace's staff never get the frame and are never listed. And
 * {@code support-chat:message}: handed to support chat's REST API with the holder's token and answered by
 * {@code ack}, or by the owner's refusal.
 */
@QuarkusTest
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(TokensResource.class)
@QuarkusTestResource(FakeOwners.class)
class TicketViewersTest {

    private static final String VIEWERS = "support-chat:viewers";
    private static final String TYPING = "support-chat:typing";

    @TestHTTPResource("/ws")
    URI uri;

    @ConfigProperty(name = "goftgu.test.fake-owners-url")
    String owners;

    @Inject
    DomainEventConsumer consumer;

    private final UUID workspace = UUID.randomUUID();
    private final UUID ali = UUID.randomUUID();
    private final UUID mina = UUID.randomUUID();
    private final UUID sara = UUID.randomUUID();
    private final UUID customer = UUID.randomUUID();

    @BeforeEach
    void consumerReadsSignals() {
        Events.awaitReading(consumer, Topics.REALTIME_SIGNALS);
    }

    /** A ticket of {@link #customer} that support chat shows to callers of {@link #workspace} only. */
    private UUID ticket() {
        var ticket = UUID.randomUUID();
        FakeOwners.showTo(owners, workspace, "/api/support-chat/" + ticket, "{\"id\":\"" + ticket
                + "\",\"requester\":{\"id\":\"" + customer + "\",\"kind\":\"USER\"}}");
        return ticket;
    }

    private static JsonNode join(TestSocket socket, UUID ticket) {
        var tempId = UUID.randomUUID().toString();
        socket.send("{\"type\":\"support-chat:join\",\"ticketId\":\"" + ticket + "\",\"tempId\":\"" + tempId + "\"}");
        return socket.await(f -> tempId.equals(f.path("tempId").asText()), SOON).json();
    }

    private static void typing(TestSocket socket, UUID ticket, boolean isTyping, boolean note) {
        socket.send("{\"type\":\"support-chat:typing\",\"ticketId\":\"" + ticket + "\",\"isTyping\":" + isTyping
                + (note ? ",\"internal\":true" : "") + "}");
    }

    /** The next viewers frame of {@code ticket} whose list matches. */
    private static List<JsonNode> viewers(TestSocket socket, UUID ticket, Predicate<List<JsonNode>> match) {
        var frame = socket.await(f -> VIEWERS.equals(f.path("type").asText())
                && ticket.toString().equals(f.path("ticketId").asText())
                && match.test(list(f.path("data").path("viewers"))), SOON).json();
        assertEquals(ticket.toString(), frame.path("data").path("ticketId").asText());
        return list(frame.path("data").path("viewers"));
    }

    private static List<JsonNode> list(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).toList();
    }

    private static Set<UUID> ids(List<JsonNode> viewers) {
        return viewers.stream().map(v -> UUID.fromString(v.path("userId").asText())).collect(Collectors.toSet());
    }

    private static JsonNode of(List<JsonNode> viewers, UUID user) {
        return viewers.stream().filter(v -> v.path("userId").asText().equals(user.toString())).findFirst()
                .orElseThrow();
    }

    @Test
    void staffOnATicketSeeEachOtherAndWhatTheyCompose() {
        var ticket = ticket();
        try (var aliSocket = bearer(uri, TestTokens.staff(ali, workspace));
             var minaSocket = bearer(uri, TestTokens.staff(mina, workspace));
             var saraSocket = bearer(uri, TestTokens.staff(sara, workspace));
             var customerSocket = bearer(uri, TestTokens.customer(customer, workspace))) {
            assertEquals("ack", join(aliSocket, ticket).path("type").asText());
            viewers(aliSocket, ticket, v -> ids(v).equals(Set.of(ali)));
            assertEquals("ack", join(minaSocket, ticket).path("type").asText());
            var both = viewers(minaSocket, ticket, v -> ids(v).equals(Set.of(ali, mina)));
            assertFalse(of(both, ali).path("typing").asBoolean());
            assertTrue(of(both, ali).path("composing").isNull());
            viewers(aliSocket, ticket, v -> ids(v).equals(Set.of(ali, mina)));
            // the requester may join (for typing) but is never a viewer
            assertEquals("ack", join(customerSocket, ticket).path("type").asText());

            typing(minaSocket, ticket, true, false);
            var replying = of(viewers(aliSocket, ticket, v -> of(v, mina).path("typing").asBoolean()), mina);
            assertEquals("reply", replying.path("composing").asText());
            assertEquals(mina.toString(), aliSocket.awaitType(TYPING, SOON).json().path("data").path("userId").asText());

            // a stop clears the draft; a note draft shows as a note, and its typing does not reach the customer
            typing(minaSocket, ticket, false, false);
            viewers(aliSocket, ticket, v -> !of(v, mina).path("typing").asBoolean()
                    && of(v, mina).path("composing").isNull());
            typing(minaSocket, ticket, true, true);
            assertEquals("note", of(viewers(aliSocket, ticket, v -> of(v, mina).path("typing").asBoolean()), mina)
                    .path("composing").asText());

            minaSocket.send("{\"type\":\"support-chat:leave\",\"ticketId\":\"" + ticket + "\"}");
            viewers(aliSocket, ticket, v -> ids(v).equals(Set.of(ali)));
            assertEquals("ack", join(minaSocket, ticket).path("type").asText());
            viewers(aliSocket, ticket, v -> ids(v).equals(Set.of(ali, mina)));
            minaSocket.close();
            viewers(aliSocket, ticket, v -> ids(v).equals(Set.of(ali)));

            var customerFrames = customerSocket.drain(Duration.ofMillis(700));
            assertTrue(customerFrames.stream().noneMatch(f -> VIEWERS.equals(f.path("type").asText())), customerFrames.toString());
            var customerTyping = customerFrames.stream().filter(f -> TYPING.equals(f.path("type").asText())
                    && f.path("data").path("isTyping").asBoolean()).count();
            assertEquals(1, customerTyping, "the public reply's typing only, never the note's: " + customerFrames);
            // staff who did not join the ticket get neither its typing nor its viewers
            var saraFrames = saraSocket.drain(Duration.ZERO);
            assertTrue(saraFrames.stream().noneMatch(f -> VIEWERS.equals(f.path("type").asText())
                    || TYPING.equals(f.path("type").asText())), saraFrames.toString());
        }
    }

    @Test
    void anotherWorkspacesStaffCannotJoinOrBeListedAndGuestsAreNeverViewers() {
        var ticket = ticket();
        var guest = UUID.randomUUID();
        try (var aliSocket = bearer(uri, TestTokens.staff(ali, workspace));
             var stranger = bearer(uri, TestTokens.staff(sara, UUID.randomUUID()));
             var visitor = bearer(uri, TestTokens.guest(guest, workspace))) {
            assertEquals("ack", join(aliSocket, ticket).path("type").asText());
            viewers(aliSocket, ticket, v -> ids(v).equals(Set.of(ali)));
            var refused = join(stranger, ticket);
            assertEquals("rejected", refused.path("code").asText());
            assertEquals(404, refused.path("status").asInt());
            // even where the owner lets a guest join (for typing), the guest is never a viewer
            assertEquals("ack", join(visitor, ticket).path("type").asText());
            stranger.send("{\"type\":\"support-chat:typing\",\"ticketId\":\"" + ticket + "\",\"isTyping\":true}");
            assertEquals("not-joined", stranger.awaitType("error", SOON).json().path("code").asText());

            // bad joins and leaves: an error frame, nothing else changes
            aliSocket.send("{\"type\":\"support-chat:join\"}");
            assertEquals("malformed-frame", aliSocket.awaitType("error", SOON).json().path("code").asText());
            aliSocket.send("{\"type\":\"support-chat:leave\",\"ticketId\":42}");
            assertEquals("malformed-frame", aliSocket.awaitType("error", SOON).json().path("code").asText());

            var aliFrames = aliSocket.drain(Duration.ofMillis(700));
            assertTrue(aliFrames.stream().noneMatch(f -> VIEWERS.equals(f.path("type").asText())),
                    "nobody else became a viewer: " + aliFrames);
            assertTrue(stranger.drain(Duration.ZERO).stream().noneMatch(f -> VIEWERS.equals(f.path("type").asText())));
            assertTrue(visitor.drain(Duration.ZERO).stream().noneMatch(f -> VIEWERS.equals(f.path("type").asText())));
        }
    }

    @Test
    void viewersOnAnotherReplicaAreMergedAndForgottenWhenItGoesSilent() {
        var ticket = ticket();
        var replica = UUID.randomUUID();
        try (var aliSocket = bearer(uri, TestTokens.staff(ali, workspace))) {
            assertEquals("ack", join(aliSocket, ticket).path("type").asText());
            viewers(aliSocket, ticket, v -> ids(v).equals(Set.of(ali)));

            // what another replica reports: Mina views the ticket there and writes a note
            var payload = EventJson.MAPPER.createObjectNode().put("replicaId", replica.toString()).put("complete", false);
            payload.putArray("tickets").addObject().put("ticketId", ticket.toString()).putArray("viewers").addObject()
                    .put("userId", mina.toString()).put("name", "Mina").put("typing", true).put("composing", "note");
            Events.publish(Events.event(EventTypes.Realtime.REPLICA_VIEWERS_REPORTED, workspace, replica, 1,
                    Audience.NOBODY, payload));
            var merged = viewers(aliSocket, ticket, v -> ids(v).equals(Set.of(ali, mina)));
            assertEquals("Mina", of(merged, mina).path("name").asText());
            assertEquals("note", of(merged, mina).path("composing").asText());

            // that replica dies without a goodbye: its viewers go after the replica timeout (1 s in tests)
            long silentSince = System.nanoTime();
            viewers(aliSocket, ticket, v -> ids(v).equals(Set.of(ali)));
            assertTrue(System.nanoTime() - silentSince >= Duration.ofMillis(800).toNanos(), "not before the timeout");
        }
    }

    @Test
    void aMessageFrameIsSentThroughSupportChatsRestApi() throws Exception {
        var ticket = ticket();
        var token = TestTokens.staff(ali, workspace);
        FakeOwners.showTo(owners, workspace, "/api/support-chat/" + ticket + "/messages",
                "{\"id\":\"" + UUID.randomUUID() + "\",\"seq\":7,\"body\":\"سلام\",\"internal\":false}");
        try (var aliSocket = bearer(uri, token)) {
            aliSocket.send("{\"type\":\"support-chat:message\",\"tempId\":\"t1\",\"ticketId\":\"" + ticket
                    + "\",\"body\":\"سلام\",\"lastSeenSeq\":6}");
            var ack = aliSocket.await(f -> "t1".equals(f.path("tempId").asText()), SOON).json();
            assertEquals("ack", ack.path("type").asText(), ack.toString());
            assertEquals(7, ack.path("data").path("seq").asInt());
            var request = FakeOwners.last(owners);
            assertEquals("POST", request.path("method").asText());
            assertEquals("/api/support-chat/" + ticket + "/messages", request.path("path").asText());
            assertEquals("Bearer " + token, request.path("authorization").asText());
            var body = EventJson.MAPPER.readTree(request.path("body").asText());
            assertEquals("سلام", body.path("body").asText());
            assertEquals(6, body.path("lastSeenSeq").asInt());
            assertTrue(body.path("clientMessageId").isTextual(), "derived from the tempId: " + body);
            assertFalse(body.has("ticketId") || body.has("type") || body.has("tempId"), body.toString());

            // the owner's refusal (another workspace's ticket looks missing) comes back with the tempId and status
            aliSocket.send("{\"type\":\"support-chat:message\",\"tempId\":\"t2\",\"ticketId\":\"" + UUID.randomUUID()
                    + "\",\"body\":\"x\"}");
            var refused = aliSocket.await(f -> "t2".equals(f.path("tempId").asText()), SOON).json();
            assertEquals("rejected", refused.path("code").asText());
            assertEquals(404, refused.path("status").asInt());

            aliSocket.send("{\"type\":\"support-chat:message\",\"tempId\":\"t3\",\"body\":\"x\"}");
            var noTicket = aliSocket.await(f -> "t3".equals(f.path("tempId").asText()), SOON).json();
            assertEquals("malformed-frame", noTicket.path("code").asText());
            aliSocket.send("{\"type\":\"support-chat:message\",\"ticketId\":\"" + ticket + "\",\"body\":\"x\"}");
            assertEquals("malformed-frame", aliSocket.awaitType("error", SOON).json().path("code").asText());
        }
    }
}
