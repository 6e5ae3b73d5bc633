package io.goftgu.realtime.endpoint;

import io.goftgu.events.Audience;
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
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.DataInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.goftgu.realtime.support.Sockets.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A client that reads, but slower than its frames come, is not cut and does not silently miss frames: once more than
 * {@code max-unwritten-frames} wait for it, further frames are dropped (its memory stays bounded), and when it has
 * caught up it gets one {@code resync} frame, telling it to refetch by seq (docs/api.md §6).
 */
@QuarkusTest
@TestProfile(ResyncTest.SmallQueue.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(TokensResource.class)
class ResyncTest {

    public static class SmallQueue implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // the client pauses on purpose: only the queue bound may act, not the stall or idle timeouts
            return Map.of("goftgu.realtime.limits.max-unwritten-frames", "8",
                    "goftgu.realtime.limits.stall-timeout", "30s",
                    "goftgu.realtime.limits.idle-timeout", "5m");
        }
    }

    @TestHTTPResource("/ws")
    URI uri;

    @Inject
    DomainEventConsumer consumer;
    @Inject
    ConnectionRegistry registry;
    @Inject
    MeterRegistry meters;

    private final UUID workspace = UUID.randomUUID();

    @Test
    void aClientThatFellBehindIsToldToResyncInsteadOfMissingFramesSilently() throws Exception {
        Events.awaitReading(consumer, Topics.INTERNAL_CHAT);
        var slow = UUID.randomUUID();
        var room = UUID.randomUUID();
        double droppedBefore = meters.counter("goftgu.realtime.frames.dropped").count();
        double cutBefore = meters.counter("goftgu.realtime.slow.consumer.closes").count();
        try (var paused = UpgradeProbe.open(uri, "Authorization: Bearer " + TestTokens.staff(slow, workspace))) {
            await("the socket registered", () -> registry.socketsOf(workspace, slow).size() == 1);
            int events = 200;
            Events.publishAll(Events.roomMessages(workspace, room, Audience.users(Set.of(slow)), events, 64 * 1024));
            await("frames to be dropped for the paused client",
                    () -> meters.counter("goftgu.realtime.frames.dropped").count() > droppedBefore);

            // it reads again: what was queued arrives, then resync; the socket stays open
            var in = new DataInputStream(paused.getInputStream());
            int messages = 0;
            String frame;
            while (!(frame = readText(in)).contains("\"type\":\"resync\"")) {
                if (frame.contains("\"type\":\"internal-chat:message\"")) {
                    messages++;
                }
            }
            assertTrue(frame.contains("\"reason\":\"overflow\""), frame);
            assertTrue(messages < events, "some frames were dropped: " + messages);
            assertEquals(cutBefore, meters.counter("goftgu.realtime.slow.consumer.closes").count(), "not cut");
            assertEquals(1, registry.socketsOf(workspace, slow).size());
        }
    }

    /** The next text frame the server sent (unmasked, RFC 6455 §5.2); fails on a close frame or end of stream. */
    private static String readText(DataInputStream in) throws IOException {
        while (true) {
            int first = in.readUnsignedByte();
            int second = in.readUnsignedByte();
            long length = second & 0x7F;
            if (length == 126) {
                length = in.readUnsignedShort();
            } else if (length == 127) {
                length = in.readLong();
            }
            var payload = new byte[(int) length];
            in.readFully(payload);
            int opcode = first & 0x0F;
            if (opcode == 0x8) {
                throw new AssertionError("the server closed the socket: " + new String(payload, StandardCharsets.UTF_8));
            }
            if (opcode == 0x1) {
                return new String(payload, StandardCharsets.UTF_8);
            }
        }
    }

}
