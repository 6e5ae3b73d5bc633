package io.goftgu.realtime.endpoint;

import io.goftgu.events.Audience;
import io.goftgu.events.EventJson;
import io.goftgu.events.EventTypes;
import io.goftgu.events.Topics;
import io.goftgu.realtime.listener.DomainEventConsumer;
import io.goftgu.realtime.support.Events;
import io.goftgu.realtime.support.UpgradeProbe;
import io.goftgu.testing.KafkaResource;
import io.goftgu.testing.TestTokens;
import io.goftgu.testing.TokensResource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static io.goftgu.realtime.support.Sockets.SOON;
import static io.goftgu.realtime.support.Sockets.await;
import static io.goftgu.realtime.support.Sockets.bearer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One socket never harms the others, and sockets follow what their holder may still do, on the real server with
 * real Kafka: a client that stops reading is cut while a reading client of the same events gets every frame in
 * time; a client over its frame budget is told and closed; an expired token and a silent client end the socket;
 * shutdown tells every client to reconnect. The test profile lowers the limits (application.properties).
 */
@QuarkusTest
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(TokensResource.class)
class SocketGuardTest {

    @TestHTTPResource("/ws")
    URI uri;

    @Inject
    DomainEventConsumer consumer;
    @Inject
    MeterRegistry meters;
    @Inject
    SocketGuard guard;
    @Inject
    ConnectionRegistry registry;

    private final UUID workspace = UUID.randomUUID();

    @BeforeEach
    void consumerOwnsTheChatTopic() {
        Events.awaitReading(consumer, Topics.INTERNAL_CHAT);
    }

    @Test
    void aClientThatStopsReadingIsCutAndNeverSlowsTheOthers() throws Exception {
        var slow = UUID.randomUUID();
        var reader = UUID.randomUUID();
        var room = UUID.randomUUID();
        double cutBefore = meters.counter("goftgu.realtime.slow.consumer.closes").count();
        try (var stalled = UpgradeProbe.open(uri, "Authorization: Bearer " + TestTokens.staff(slow, workspace));
             var reading = bearer(uri, TestTokens.staff(reader, workspace))) {
            await("both sockets registered", () -> registry.socketsOf(workspace, slow).size() == 1
                    && registry.socketsOf(workspace, reader).size() == 1);
            // it stops reading but stays alive: on a slow machine the idle timeout (6 s in tests) could otherwise
            // close it before it is found stalled, and the cut would never be seen
            UpgradeProbe.keepAlive(stalled, java.time.Duration.ofSeconds(1));
            var body = "x".repeat(64 * 1024);
            int events = 300;
            for (int seq = 1; seq <= events; seq++) {
                var payload = EventJson.MAPPER.createObjectNode().put("id", "m" + seq).put("seq", seq).put("body", body);
                Events.publish(Events.event(EventTypes.InternalChat.MESSAGE_CREATED, workspace, room, seq,
                        Audience.users(Set.of(slow, reader)), payload));
            }
            // the reading client gets every frame, in order, while the other one is stuck
            for (int seq = 1; seq <= events; seq++) {
                int expected = seq;
                reading.await(f -> f.path("seq").asInt() == expected, SOON);
            }
            await("the stalled socket to be cut as a slow consumer",
                    () -> meters.counter("goftgu.realtime.slow.consumer.closes").count() > cutBefore);
            assertTrue(stalled.isConnected());
        }
    }

    @Test
    void aClientOverItsFrameBudgetIsToldAndClosed() throws Exception {
        try (var socket = bearer(uri, TestTokens.staff(UUID.randomUUID(), workspace))) {
            for (int i = 0; i < 60; i++) {
                socket.send("{\"type\":\"ping\"}");
            }
            var error = socket.await(f -> "error".equals(f.path("type").asText()), SOON).json();
            assertEquals("rate-limited", error.path("code").asText());
            assertEquals(SocketGuard.POLICY, socket.closed().get(SOON.toSeconds(), TimeUnit.SECONDS));
        }
    }

    @Test
    void aSocketEndsWhenItsTokenExpires() throws Exception {
        var token = TestTokens.mint(UUID.randomUUID(), workspace, "ADMIN", "access", Duration.ofSeconds(3));
        try (var socket = bearer(uri, token)) {
            socket.send("{\"type\":\"ping\"}");
            socket.awaitType("pong", SOON);
            assertEquals(SocketGuard.POLICY, socket.closed().get(SOON.toSeconds(), TimeUnit.SECONDS));
        }
    }

    @Test
    void aSilentClientIsClosedWhileOneThatAnswersPingsStays() throws Exception {
        var user = UUID.randomUUID();
        try (var silent = UpgradeProbe.open(uri, "Authorization: Bearer " + TestTokens.staff(user, workspace));
             var alive = bearer(uri, TestTokens.staff(UUID.randomUUID(), workspace))) {
            // the JDK client answers the server's pings by itself; the raw one reads them and answers nothing
            assertEquals(SocketGuard.GOING_AWAY, closeCodeReadFrom(silent));
            alive.send("{\"type\":\"ping\"}");
            alive.awaitType("pong", SOON);
        }
    }

    /** Reads server frames (unmasked) off a raw socket until a close frame, and returns its status code. */
    private static int closeCodeReadFrom(java.net.Socket socket) throws java.io.IOException {
        var in = new java.io.DataInputStream(socket.getInputStream());
        while (true) {
            int opcode = in.readUnsignedByte() & 0x0f;
            long length = in.readUnsignedByte() & 0x7f;
            if (length == 126) {
                length = in.readUnsignedShort();
            } else if (length == 127) {
                length = in.readLong();
            }
            var payload = in.readNBytes((int) length);
            if (opcode == 0x8) {
                return ((payload[0] & 0xff) << 8) | (payload[1] & 0xff);
            }
        }
    }

    @Test
    void shutdownTellsEveryClientToReconnect() throws Exception {
        try (var first = bearer(uri, TestTokens.staff(UUID.randomUUID(), workspace));
             var second = bearer(uri, TestTokens.customer(UUID.randomUUID(), workspace))) {
            first.send("{\"type\":\"ping\"}");
            first.awaitType("pong", SOON);
            second.send("{\"type\":\"ping\"}");
            second.awaitType("pong", SOON);
            guard.onShutdown(null);
            assertEquals(SocketGuard.RESTARTING, first.closed().get(SOON.toSeconds(), TimeUnit.SECONDS));
            assertEquals(SocketGuard.RESTARTING, second.closed().get(SOON.toSeconds(), TimeUnit.SECONDS));
        }
    }
}
