package io.goftgu.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.goftgu.events.EventJson;
import io.goftgu.testing.TestSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The first vertical slice, end to end and through the gateway only: the packaged services run as
 * {@code ./goftgu up} starts them, against real PostgreSQL and a real Kafka broker. Two staff of one workspace
 * log in and open a direct room; one sends, the other's WebSocket (by Bearer token, and by session cookie as the
 * dashboard connects) receives the message; a user of another workspace, connected at the same time, receives
 * nothing and gets 404 for the room. Prints the measured send → receive latency.
 */
class DirectMessageThroughGatewayIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Duration FRAME_WAIT = Duration.ofSeconds(15);

    static LocalStack stack;

    record Session(String userId, String token, String cookies) {
    }

    @BeforeAll
    static void start() throws IOException {
        stack = new LocalStack();
    }

    @AfterAll
    static void stop() throws IOException {
        if (stack != null) {
            stack.close();
        }
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
            assertTrue(eveFrames.stream().noneMatch(f -> f.path("type").asText().startsWith("internal-chat:")),
                    "a user of another workspace received " + eveFrames);
            call("GET", "/api/internal-chat/rooms/" + roomId, eve.token(), null, 404);
            call("GET", "/api/internal-chat/messages?roomId=" + roomId, eve.token(), null, 404);

            Collections.sort(latencies);
            System.out.printf("send → receive latency through the gateway over %d messages: min %.1f ms, "
                            + "p50 %.1f ms, max %.1f ms%n", latencies.size(), latencies.getFirst() / 1000.0,
                    latencies.get(latencies.size() / 2) / 1000.0, latencies.getLast() / 1000.0);
        }
    }

    private static void signUp(String slug, String owner, String email) throws Exception {
        call("POST", "/api/workspaces", null, Map.of("name", "Workspace " + slug, "slug", slug, "ownerName", owner,
                "ownerEmail", email, "ownerPassword", "correct horse 42"), 201);
    }

    private static Session login(String slug, String email) throws Exception {
        var response = send("POST", "/api/auth/login", null,
                Map.of("workspace", slug, "email", email, "password", "correct horse 42"));
        assertEquals(200, response.statusCode(), response.body());
        var json = EventJson.MAPPER.readTree(response.body());
        var cookies = String.join("; ", response.headers().allValues("set-cookie").stream()
                .map(c -> c.substring(0, c.indexOf(';') < 0 ? c.length() : c.indexOf(';'))).toList());
        return new Session(json.path("user").path("id").asText(), json.path("accessToken").asText(), cookies);
    }

    /** identity.events reach internal chat's contacts projection within moments; wait for that. */
    private static void awaitContact(Session me, String userId) throws Exception {
        var deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            for (var user : call("GET", "/api/internal-chat/contacts", me.token(), null, 200).path("users")) {
                if (userId.equals(user.path("id").asText())) {
                    return;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("user " + userId + " never appeared in internal chat's contacts");
    }

    private static JsonNode call(String method, String path, String token, Object body, int expected) throws Exception {
        var response = send(method, path, token, body);
        assertEquals(expected, response.statusCode(), method + " " + path + " → " + response.body());
        return response.body().isEmpty() ? EventJson.MAPPER.nullNode() : EventJson.MAPPER.readTree(response.body());
    }

    private static HttpResponse<String> send(String method, String path, String token, Object body) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(stack.gateway() + path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(EventJson.MAPPER.writeValueAsString(body)));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
