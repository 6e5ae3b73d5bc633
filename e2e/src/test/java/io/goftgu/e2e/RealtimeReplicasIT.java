package io.goftgu.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.goftgu.testing.TestSocket;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static io.goftgu.e2e.Gateway.awaitContact;
import static io.goftgu.e2e.Gateway.call;
import static io.goftgu.e2e.Gateway.login;
import static io.goftgu.e2e.Gateway.newUser;
import static io.goftgu.e2e.Gateway.signUp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two realtime-service processes behind the gateway, as {@code ./goftgu up} runs them here. A message reaches a
 * socket on the other replica; presence counts sockets on both; when one replica is killed ({@code kill -9}, no
 * goodbye) its users go offline on the other within seconds, its clients reconnect through the gateway to the live
 * replica and catch up by seq, and the restarted replica delivers again.
 */
class RealtimeReplicasIT {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String STATUS = "internal-chat:user-status";

    @Test
    void deliveryAndPresenceCrossReplicasAndSurviveAKilledReplica() throws Exception {
        var stack = LocalStack.shared();
        var slug = "e2e-replicas-" + UUID.randomUUID().toString().substring(0, 8);
        signUp(slug, "Roya", "roya@e2e.test");
        var roya = login(slug, "roya@e2e.test");
        var sami = newUser(roya, slug, "Sami", "sami@e2e.test", "ADMIN");
        awaitContact(roya, sami.userId());
        var roomId = call("POST", "/api/internal-chat/rooms?type=direct", roya.token(),
                Map.of("userId", sami.userId()), 201).path("id").asText();

        try (var royaOn1 = TestSocket.connect(URI.create(stack.realtimeWs(1)), roya.token())) {
            var samiOn2 = TestSocket.connect(URI.create(stack.realtimeWs(2)), sami.token());
            assertEquals("online", statusOf(royaOn1.await(f -> isStatusOf(f, sami), WAIT).json(), sami));

            // a message sent while Sami is on replica 2 reaches him there
            send(roya, roomId, "سلام از ۱");
            var first = samiOn2.await(f -> "internal-chat:message".equals(f.path("type").asText()), WAIT).json();
            var seenSeq = first.path("data").path("seq").asLong();

            // a second tab on replica 1, then the first closes: still online (the other replica holds a socket)
            var samiOn1 = TestSocket.connect(URI.create(stack.realtimeWs(1)), sami.token());
            samiOn2.close();
            assertFalse(royaOn1.drain(Duration.ofSeconds(3)).stream()
                    .anyMatch(f -> isStatusOf(f, sami) && "offline".equals(statusOf(f, sami))));
            samiOn1.close();
            royaOn1.await(f -> isStatusOf(f, sami) && "offline".equals(statusOf(f, sami)), WAIT);

            // Sami back on replica 2 only; replica 2 dies without a goodbye
            var samiAgain = TestSocket.connect(URI.create(stack.realtimeWs(2)), sami.token());
            royaOn1.await(f -> isStatusOf(f, sami) && "online".equals(statusOf(f, sami)), WAIT);
            long killedAt = System.nanoTime();
            stack.kill("realtime-service-2");
            royaOn1.await(f -> isStatusOf(f, sami) && "offline".equals(statusOf(f, sami)), WAIT);
            long offlineAfterMillis = (System.nanoTime() - killedAt) / 1_000_000;
            System.out.printf("a killed replica's user was offline on the other after %d ms%n", offlineAfterMillis);
            // heartbeat 2 s, replica timeout 6 s, presence batch 1 s
            assertTrue(offlineAfterMillis < 12_000, "offline after " + offlineAfterMillis + " ms");
            samiAgain.close();

            // meanwhile Roya writes; Sami reconnects through the gateway (the live replica answers) and catches up
            send(roya, roomId, "وقتی نبودی");
            try (var samiBack = TestSocket.connect(URI.create(stack.ws()), sami.token())) {
                var missed = call("GET", "/api/internal-chat/messages?roomId=" + roomId + "&after=" + seenSeq
                        + "&limit=20", sami.token(), null, 200);
                assertEquals(1, missed.size(), missed.toString());
                assertEquals("وقتی نبودی", missed.get(0).path("body").asText());
                send(roya, roomId, "هنوز اینجایی؟");
                samiBack.await(f -> "internal-chat:message".equals(f.path("type").asText())
                        && "هنوز اینجایی؟".equals(f.path("data").path("body").asText()), WAIT);
            }
        } finally {
            stack.restart();
        }
        // the restarted replica delivers again
        try (var samiOn2 = TestSocket.connect(URI.create(stack.realtimeWs(2)), sami.token())) {
            send(roya, roomId, "خوش برگشتی");
            samiOn2.await(f -> "internal-chat:message".equals(f.path("type").asText())
                    && "خوش برگشتی".equals(f.path("data").path("body").asText()), WAIT);
        }
    }

    private static void send(Gateway.Session from, String roomId, String body) throws Exception {
        call("POST", "/api/internal-chat/messages", from.token(),
                Map.of("roomId", roomId, "body", body, "clientMessageId", UUID.randomUUID()), 201);
    }

    private static boolean isStatusOf(JsonNode frame, Gateway.Session who) {
        return STATUS.equals(frame.path("type").asText()) && statusOf(frame, who) != null;
    }

    private static String statusOf(JsonNode frame, Gateway.Session who) {
        for (var change : frame.path("data")) {
            if (who.userId().equals(change.path("userId").asText())) {
                return change.path("status").asText();
            }
        }
        return null;
    }
}
