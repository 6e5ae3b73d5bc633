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

import java.net.URI;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import static io.goftgu.realtime.support.Sockets.SOON;
import static io.goftgu.realtime.support.Sockets.await;
import static io.goftgu.realtime.support.Sockets.bearer;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The replica's memory bound: with at most 40 frames allowed to wait across all sockets, a client that stops
 * reading makes the Kafka consumer hold off (the backlog stays in Kafka) until the stall timeout cuts that client,
 * so no more frames wait here than the bound and one poll's worth; then delivery resumes and a reading client gets
 * every frame, just later.
 */
@QuarkusTest
@TestProfile(BackpressureTest.SmallBound.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(TokensResource.class)
class BackpressureTest {

    public static class SmallBound implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // the stalled client never answers pings: with the test's 6 s idle timeout a slow machine (publishing 32 MB
            // can take that long) closed it as idle before it could be cut as a slow consumer, and the cut was never seen
            return Map.of("goftgu.realtime.limits.max-waiting-frames", "40",
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
    void tooManyWaitingFramesHoldTheConsumerUntilTheStalledClientIsCut() throws Exception {
        Events.awaitReading(consumer, Topics.INTERNAL_CHAT);
        var slow = UUID.randomUUID();
        var reader = UUID.randomUUID();
        var room = UUID.randomUUID();
        double cutBefore = meters.counter("goftgu.realtime.slow.consumer.closes").count();
        try (var stalled = UpgradeProbe.open(uri, "Authorization: Bearer " + TestTokens.staff(slow, workspace));
             var reading = bearer(uri, TestTokens.staff(reader, workspace))) {
            await("both sockets registered", () -> registry.socketsOf(workspace, slow).size() == 1
                    && registry.socketsOf(workspace, reader).size() == 1);
            var peak = new AtomicLong();
            var watching = Thread.ofPlatform().daemon().start(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    peak.accumulateAndGet(registry.waitingFrames(), Math::max);
                    Thread.onSpinWait();
                }
            });
            int events = 2000;
            Events.publishAll(Events.roomMessages(workspace, room, Audience.users(Set.of(slow, reader)), events, 16 * 1024));
            for (int seq = 1; seq <= events; seq++) {
                int expected = seq;
                reading.await(f -> f.path("seq").asInt() == expected, SOON);
            }
            watching.interrupt();
            await("the stalled client to be cut", () -> meters.counter("goftgu.realtime.slow.consumer.closes").count()
                    > cutBefore);
            // the bound is checked between polls of 100 records (× 2 sockets); unbounded, the frames the kernel's
            // buffers cannot take (over a thousand of these 2,000) would wait here at once
            assertTrue(peak.get() <= 40 + 2 * 100 + 100, "peak waiting frames " + peak.get());
        }
    }
}
