package io.goftgu.realtime.endpoint;

import io.goftgu.testing.KafkaResource;
import io.goftgu.testing.TestTokens;
import io.goftgu.testing.TokensResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.time.Duration;
import java.util.UUID;

import static io.goftgu.realtime.support.Sockets.SOON;
import static io.goftgu.realtime.support.Sockets.bearer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Client → server frames over a real socket: each bad frame is answered with an {@code error} frame and the same
 * socket keeps working (a ping afterwards still gets its pong).
 */
@QuarkusTest
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(TokensResource.class)
class ClientFrameTest {

    @TestHTTPResource("/ws")
    URI uri;

    @Test
    void pingIsAnsweredWithPong() {
        try (var socket = bearer(uri, TestTokens.staff(UUID.randomUUID(), UUID.randomUUID()))) {
            socket.send("{\"type\":\"ping\"}");
            assertEquals("{\"type\":\"pong\"}", socket.awaitType("pong", SOON).json().toString());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"not json", "[1,2]", "42", "null", "{}", "{\"type\":5}", "{\"type\":\"\"}", "{\"type\":"})
    void malformedFrameIsAnsweredAndTheSocketStaysOpen(String frame) {
        try (var socket = bearer(uri, TestTokens.staff(UUID.randomUUID(), UUID.randomUUID()))) {
            socket.send(frame);
            var error = socket.awaitType("error", SOON).json();
            assertEquals("malformed-frame", error.path("code").asText());
            assertFalse(error.path("message").asText().isBlank());

            socket.send("{\"type\":\"ping\"}");
            socket.awaitType("pong", SOON);
            assertFalse(socket.closed().isDone());
        }
    }

    @Test
    void unknownFrameIsAnsweredAndTheSocketStaysOpen() {
        try (var socket = bearer(uri, TestTokens.guest(UUID.randomUUID(), UUID.randomUUID()))) {
            socket.send("{\"type\":\"dance\",\"roomId\":\"r\"}");
            var error = socket.awaitType("error", SOON).json();
            assertEquals("unknown-frame", error.path("code").asText());
            assertTrue(error.path("message").asText().contains("dance"));

            socket.send("{\"type\":\"ping\"}");
            socket.awaitType("pong", SOON);
            assertTrue(socket.drain(Duration.ofMillis(200)).isEmpty());
            assertFalse(socket.closed().isDone());
        }
    }

    @Test
    void aFrameOverTheSizeLimitClosesTheSocketWithMessageTooBig() throws Exception {
        try (var socket = bearer(uri, TestTokens.guest(UUID.randomUUID(), UUID.randomUUID()))) {
            socket.send("{\"type\":\"ping\",\"pad\":\"" + "x".repeat(100 * 1024) + "\"}");
            assertEquals(1009, socket.closed().get(10, java.util.concurrent.TimeUnit.SECONDS));
        }
        // the service is fine: the next socket works
        try (var socket = bearer(uri, TestTokens.guest(UUID.randomUUID(), UUID.randomUUID()))) {
            socket.send("{\"type\":\"ping\"}");
            socket.awaitType("pong", SOON);
        }
    }
}
