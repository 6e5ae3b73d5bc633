package io.goftgu.e2e;

import io.goftgu.testing.TestSocket;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Map;
import java.util.UUID;

import static io.goftgu.e2e.Gateway.awaitContact;
import static io.goftgu.e2e.Gateway.call;
import static io.goftgu.e2e.Gateway.login;
import static io.goftgu.e2e.Gateway.signUp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The first vertical slice, end to end and through the gateway only: the packaged services run as
 * {@code ./goftgu up} starts them, against real PostgreSQL and a real Kafka broker. Two staff of one workspace
 * log in and open a direct room; one sends, the other's WebSocket (by Bearer token, and by session cookie as the
 * dashboard connects) receives the message; a user of another workspace, connected at the same time, receives
 * nothing and gets 404 for the room. Prints the measured send → receive latency. Then the socket's own frames:
 * typing reaches the other member and stops by itself, a message sent over the socket is acknowledged and
 * delivered, an outsider's typing is refused, and deactivating a user through the gateway closes their sockets.
 */
class DirectMessageThroughGatewayIT {

    private static final Duration FRAME_WAIT = Duration.ofSeconds(15);

    static LocalStack stack;

    @BeforeAll
    static void start() throws IOException {
        stack = LocalStack.shared();
    }

    @Test
    void aDirectMessageReachesOnlyItsRecipientInRealTime() throws Exception {
        var slug = "e2e-" + UUID.randomUUID().toString().substring(0, 8);
        signUp(slug, "Alice", "alice@e2e.test");
        var alice = login(slug, "alice@e2e.test");
        var bobId = call("POST", "/api/workspace/users", alice.token(),
                Map.of("name", "Bob", "email", "bob@e2e.test", "password", "correct horse 42", "role", "ADMIN"), 201)
                .path("id").asText();
        var bob = login(slug, "bob@e2e.test");
        assertEquals(bobId, bob.userId());

        var otherSlug = "e2e-other-" + UUID.randomUUID().toString().substring(0, 8);
        signUp(otherSlug, "Eve", "eve@e2e.test");
        var eve = login(otherSlug, "eve@e2e.test");

        awaitContact(alice, bob.userId());
        var room = call("POST", "/api/internal-chat/rooms?type=direct", alice.token(), Map.of("userId", bob.userId()), 201);
        var roomId = room.path("id").asText();

        assertThrows(IllegalStateException.class, () -> TestSocket.connect(URI.create(stack.ws()), Map.of()),
                "an upgrade without a token is refused");

        try (var bobSocket = TestSocket.connect(URI.create(stack.ws()), bob.token());
             var bobTab = TestSocket.connect(URI.create(stack.ws()),
                     Map.of("Cookie", bob.cookies(), "Origin", stack.origin()));
             var eveSocket = TestSocket.connect(URI.create(stack.ws()), eve.token())) {

            var latencies = new ArrayList<Long>();
            for (int i = 1; i <= 20; i++) {
                var body = "سلام باب، پیام شماره " + i;
                long sentAt = System.nanoTime();
                var sent = call("POST", "/api/internal-chat/messages", alice.token(),
                        Map.of("roomId", roomId, "body", body, "clientMessageId", UUID.randomUUID()), 201);
                var frame = bobSocket.await(f -> "internal-chat:message".equals(f.path("type").asText())
                        && sent.path("id").asText().equals(f.path("data").path("id").asText()), FRAME_WAIT);
                latencies.add((frame.receivedAtNanos() - sentAt) / 1_000);

                var json = frame.json();
                assertEquals(roomId, json.path("roomId").asText());
                assertEquals(sent.path("seq").asLong(), json.path("seq").asLong());
                assertEquals(i, json.path("seq").asLong(), "seqs count up from 1 without gaps");
                assertEquals(body, json.path("data").path("body").asText());
                assertEquals(alice.userId(), json.path("data").path("sender").path("id").asText());
                bobTab.await(f -> sent.path("id").asText().equals(f.path("data").path("id").asText()), FRAME_WAIT);
            }

            var eveFrames = eveSocket.drain(Duration.ofSeconds(1));
            var foreign = java.util.Set.of(roomId, alice.userId(), bob.userId());
            assertTrue(eveFrames.stream().noneMatch(f -> foreign.contains(f.path("roomId").asText())
                            || foreign.contains(f.path("userId").asText())
                            || foreign.contains(f.path("data").path("sender").path("id").asText())),
                    "a user of another workspace received " + eveFrames);
            call("GET", "/api/internal-chat/rooms/" + roomId, eve.token(), null, 404);
            call("GET", "/api/internal-chat/messages?roomId=" + roomId, eve.token(), null, 404);

            Collections.sort(latencies);
            System.out.printf("send → receive latency through the gateway over %d messages: min %.1f ms, "
                            + "p50 %.1f ms, max %.1f ms%n", latencies.size(), latencies.getFirst() / 1000.0,
                    latencies.get(latencies.size() / 2) / 1000.0, latencies.getLast() / 1000.0);
        }
    }

    @Test
    void typingSendingOverTheSocketAndDeactivation() throws Exception {
        var slug = "e2e-socket-" + UUID.randomUUID().toString().substring(0, 8);
        signUp(slug, "Dara", "dara@e2e.test");
        var dara = login(slug, "dara@e2e.test");
        var sinaId = call("POST", "/api/workspace/users", dara.token(),
                Map.of("name", "Sina", "email", "sina@e2e.test", "password", "correct horse 42", "role", "ADMIN"), 201)
                .path("id").asText();
        var sina = login(slug, "sina@e2e.test");
        var otherSlug = "e2e-socket-other-" + UUID.randomUUID().toString().substring(0, 8);
        signUp(otherSlug, "Omid", "omid@e2e.test");
        var omid = login(otherSlug, "omid@e2e.test");
        awaitContact(dara, sinaId);
        var roomId = call("POST", "/api/internal-chat/rooms?type=direct", dara.token(), Map.of("userId", sinaId), 201)
                .path("id").asText();

        try (var daraSocket = TestSocket.connect(URI.create(stack.ws()), dara.token());
             var sinaSocket = TestSocket.connect(URI.create(stack.ws()), sina.token());
             var omidSocket = TestSocket.connect(URI.create(stack.ws()), omid.token())) {
            // typing counts only in a room the socket has joined (the join is checked with internal-chat)
            daraSocket.send(Map.of("type", "internal-chat:join", "roomId", roomId, "tempId", "join-1"));
            assertEquals(roomId, daraSocket.awaitType("ack", FRAME_WAIT).json().path("data").path("roomId").asText());
            daraSocket.send(Map.of("type", "internal-chat:typing", "roomId", roomId, "isTyping", true));
            var typing = sinaSocket.awaitType("internal-chat:typing", FRAME_WAIT).json();
            assertEquals(roomId, typing.path("roomId").asText());
            assertEquals(dara.userId(), typing.path("data").path("userId").asText());
            assertTrue(typing.path("data").path("isTyping").asBoolean());
            // no refresh: it stops by itself after a few seconds
            var stopped = sinaSocket.awaitType("internal-chat:typing", FRAME_WAIT).json();
            assertTrue(!stopped.path("data").path("isTyping").asBoolean());

            omidSocket.send(Map.of("type", "internal-chat:join", "roomId", roomId, "tempId", "join-2"));
            var refused = omidSocket.awaitType("error", FRAME_WAIT).json();
            assertEquals(404, refused.path("status").asInt());
            omidSocket.send(Map.of("type", "internal-chat:typing", "roomId", roomId, "isTyping", true));
            assertEquals("not-joined", omidSocket.awaitType("error", FRAME_WAIT).json().path("code").asText());

            sinaSocket.send(Map.of("type", "internal-chat:message", "tempId", "tmp-1", "roomId", roomId,
                    "body", "از طریق سوکت"));
            var ack = sinaSocket.awaitType("ack", FRAME_WAIT).json();
            assertEquals("tmp-1", ack.path("tempId").asText());
            assertEquals("از طریق سوکت", ack.path("data").path("body").asText());
            var delivered = daraSocket.await(f -> "internal-chat:message".equals(f.path("type").asText()), FRAME_WAIT);
            assertEquals(ack.path("data").path("id").asText(), delivered.json().path("data").path("id").asText());
            // the same tempId again (a resend after a reconnect) returns the first message, no second one
            sinaSocket.send(Map.of("type", "internal-chat:message", "tempId", "tmp-1", "roomId", roomId,
                    "body", "از طریق سوکت"));
            assertEquals(ack.path("data").path("id").asText(),
                    sinaSocket.awaitType("ack", FRAME_WAIT).json().path("data").path("id").asText());
            omidSocket.send(Map.of("type", "internal-chat:message", "tempId", "x", "roomId", roomId, "body", "نفوذ"));
            assertEquals(404, omidSocket.awaitType("error", FRAME_WAIT).json().path("status").asInt());
            assertEquals(1, call("GET", "/api/internal-chat/messages?roomId=" + roomId, dara.token(), null, 200).size());

            call("PATCH", "/api/workspace/users/" + sinaId, dara.token(), Map.of("active", false), 200);
            assertEquals(1008, sinaSocket.closed().get(15, java.util.concurrent.TimeUnit.SECONDS));
        }
    }

}
