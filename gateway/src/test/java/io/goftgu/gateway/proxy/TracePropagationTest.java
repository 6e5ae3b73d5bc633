package io.goftgu.gateway.proxy;

import io.goftgu.gateway.support.GatewayTest;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * The first hop of one message's trace: a request routed by the gateway reaches the service with a W3C
 * {@code traceparent} of the gateway's own server span (a new trace when the client sent none, the client's trace
 * when it did), so the service's spans, its outbox record and realtime-service's delivery join it.
 */
@QuarkusTest
class TracePropagationTest extends GatewayTest {

    @Inject
    InMemorySpanExporter spans;

    @Test
    void theServiceReceivesTheGatewaysTrace() throws InterruptedException {
        var upstream = RestAssured.get("/api/internal-chat/rooms").then().statusCode(200)
                .extract().jsonPath().getString("headers.traceparent");
        assertNotNull(upstream, "the gateway sends a traceparent upstream");
        var traceId = upstream.split("-")[1];
        var deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (spans.getFinishedSpanItems().stream().noneMatch(s -> s.getTraceId().equals(traceId)
                && s.getKind() == SpanKind.SERVER)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no gateway SERVER span in trace " + traceId + ": " + spans.getFinishedSpanItems());
            }
            Thread.sleep(20);
        }
    }

    @Test
    void aClientsTraceIsContinued() {
        var clientTrace = UUID.randomUUID().toString().replace("-", "");
        var upstream = RestAssured.given().header("traceparent", "00-" + clientTrace + "-0102030405060708-01")
                .get("/api/support-chat").then().statusCode(200)
                .extract().jsonPath().getString("headers.traceparent");
        assertEquals(clientTrace, upstream.split("-")[1]);
    }
}
