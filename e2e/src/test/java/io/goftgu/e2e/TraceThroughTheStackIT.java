package io.goftgu.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.goftgu.events.EventJson;
import io.goftgu.testing.TestSocket;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.goftgu.e2e.Gateway.awaitContact;
import static io.goftgu.e2e.Gateway.call;
import static io.goftgu.e2e.Gateway.login;
import static io.goftgu.e2e.Gateway.newUser;
import static io.goftgu.e2e.Gateway.signUp;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * One message is one trace across the running processes: a client sends it through the gateway with its own W3C
 * {@code traceparent}; the gateway, internal-chat (the request, and the outbox row that carries the trace into the
 * Kafka record's headers) and realtime-service (which delivers the event to the recipient's socket) each export spans
 * of that same trace id to the stack's OTLP endpoint ({@link TraceCollector}).
 */
class TraceThroughTheStackIT {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Test
    void oneMessageIsOneTraceFromTheGatewayToRealtime() throws Exception {
        var stack = LocalStack.shared();
        var slug = "e2e-trace-" + UUID.randomUUID().toString().substring(0, 8);
        signUp(slug, "Tara", "tara@e2e.test");
        var tara = login(slug, "tara@e2e.test");
        var omid = newUser(tara, slug, "Omid", "omid@e2e.test", "ADMIN");
        awaitContact(tara, omid.userId());
        var room = call("POST", "/api/internal-chat/rooms?type=direct", tara.token(),
                Map.of("userId", omid.userId()), 201).path("id").asText();

        var traceId = hex(16);
        try (var omidSocket = TestSocket.connect(URI.create(stack.ws()), omid.token())) {
            var send = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(stack.gateway()
                            + "/api/internal-chat/messages"))
                    .header("Authorization", "Bearer " + tara.token())
                    .header("Content-Type", "application/json")
                    .timeout(Duration.ofSeconds(30))
                    .header("traceparent", "00-" + traceId + "-" + hex(8) + "-01")
                    .POST(HttpRequest.BodyPublishers.ofString(EventJson.MAPPER.writeValueAsString(Map.of(
                            "roomId", room, "body", "traced", "clientMessageId", UUID.randomUUID()))))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(201, send.statusCode(), send.body());
            omidSocket.await((JsonNode f) -> "internal-chat:message".equals(f.path("type").asText())
                    && room.equals(f.path("roomId").asText()), Duration.ofSeconds(20));
        }

        var deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        Set<String> services = Set.of();
        while (System.nanoTime() < deadline) {
            services = stack.traces.services(traceId);
            if (services.containsAll(Set.of("gateway", "internal-chat-service", "realtime-service"))) {
                break;
            }
            Thread.sleep(250);
        }
        System.out.printf("trace %s: spans from %s%n", traceId, services);
        assertEquals(true, services.containsAll(Set.of("gateway", "internal-chat-service", "realtime-service")),
                "spans of the trace came from " + services);
    }

    private static String hex(int bytes) {
        var value = new byte[bytes];
        RANDOM.nextBytes(value);
        return HexFormat.of().formatHex(value);
    }
}
