package io.goftgu.realtime.health;

import io.goftgu.realtime.endpoint.ConnectionRegistry;
import io.goftgu.testing.KafkaResource;
import io.goftgu.testing.TestTokens;
import io.goftgu.testing.TokensResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.UUID;

import static io.goftgu.realtime.support.Sockets.SOON;
import static io.goftgu.realtime.support.Sockets.await;
import static io.goftgu.realtime.support.Sockets.bearer;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

/** What operators see: readiness includes the Kafka consumer, and the service's own meters are exported. */
@QuarkusTest
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(TokensResource.class)
class OperationsTest {

    @TestHTTPResource("/ws")
    URI uri;

    @Inject
    ConnectionRegistry registry;

    @Test
    void readinessReportsTheKafkaConsumer() {
        await("readiness", () -> RestAssured.get("/q/health/ready").statusCode() == 200);
        given().get("/q/health/ready").then()
                .statusCode(200)
                .body("checks.name", hasItem("kafka-event-consumer"))
                .body("checks.find { it.name == 'kafka-event-consumer' }.status", is("UP"));
    }

    @Test
    void metricsCountOpenSocketsAndFramesOut() {
        var workspace = UUID.randomUUID();
        var user = UUID.randomUUID();
        try (var socket = bearer(uri, TestTokens.staff(user, workspace))) {
            await("the socket to be registered", () -> !registry.socketsOf(workspace, user).isEmpty());
            socket.send("{\"type\":\"ping\"}");
            socket.awaitType("pong", SOON);

            given().get("/q/metrics").then()
                    .statusCode(200)
                    .body(containsString("goftgu_realtime_sockets_open"))
                    .body(containsString("goftgu_realtime_frames_out_total{type=\"pong\"}"));
        }
    }
}
