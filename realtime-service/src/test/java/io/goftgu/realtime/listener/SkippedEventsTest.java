package io.goftgu.realtime.listener;

import io.goftgu.events.Audience;
import io.goftgu.events.Topics;
import io.goftgu.realtime.endpoint.ConnectionRegistry;
import io.goftgu.realtime.support.Events;
import io.goftgu.realtime.support.UpgradeProbe;
import io.goftgu.testing.KafkaBroker;
import io.goftgu.testing.KafkaResource;
import io.goftgu.testing.TestTokens;
import io.goftgu.testing.TokensResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static io.goftgu.realtime.support.Sockets.SOON;
import static io.goftgu.realtime.support.Sockets.await;
import static io.goftgu.realtime.support.Sockets.bearer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * Events this replica could not read before the topic's retention removed them (a long outage, or a long hold-off)
 * are not skipped silently: the consumer goes on from the end and every socket gets {@code resync {reason:
 * skipped}}, so clients refetch by seq. Here a client that stops reading holds the consumer off (at most 20 frames may
 * wait in all) while the events it has not read are deleted from the topic, as retention would.
 */
@QuarkusTest
@TestProfile(SkippedEventsTest.HeldOff.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(TokensResource.class)
class SkippedEventsTest {

    public static class HeldOff implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("goftgu.realtime.limits.max-waiting-frames", "20",
                    "goftgu.realtime.limits.stall-timeout", "8s",
                    "goftgu.realtime.limits.idle-timeout", "5m");
        }
    }

    @TestHTTPResource("/ws")
    URI uri;

    @Inject
    DomainEventConsumer consumer;
    @Inject
    ConnectionRegistry registry;

    private final UUID workspace = UUID.randomUUID();

    @Test
    void eventsRemovedBeforeTheyWereReadEndInResyncNotSilence() throws Exception {
        Events.awaitReading(consumer, Topics.INTERNAL_CHAT);
        var slow = UUID.randomUUID();
        var reader = UUID.randomUUID();
        var room = UUID.randomUUID();
        try (var stalled = UpgradeProbe.open(uri, "Authorization: Bearer " + TestTokens.staff(slow, workspace));
             var reading = bearer(uri, TestTokens.staff(reader, workspace));
             var admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.bootstrapServers()))) {
            await("both sockets registered", () -> registry.socketsOf(workspace, slow).size() == 1
                    && registry.socketsOf(workspace, reader).size() == 1);
            Events.publishAll(Events.roomMessages(workspace, room, Audience.users(Set.of(slow, reader)), 400, 64 * 1024));
            await("the consumer to hold off", () -> registry.waitingFrames() > 20);
            // a fetch sent before the hold may still be waiting at the broker for new records: let it come back empty
            Thread.sleep(1_000);

            // while it waits, more events come and retention removes everything it has not read
            var later = UUID.randomUUID();
            Events.publishAll(Events.roomMessages(workspace, later, Audience.users(Set.of(reader)), 50, 16));
            var partitions = IntStream.range(0, Events.partitionsOf(Topics.INTERNAL_CHAT))
                    .mapToObj(p -> new TopicPartition(Topics.INTERNAL_CHAT, p)).toList();
            var ends = admin.listOffsets(partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest())))
                    .all().get(15, TimeUnit.SECONDS);
            admin.deleteRecords(ends.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                    e -> RecordsToDelete.beforeOffset(e.getValue().offset())))).all().get(15, TimeUnit.SECONDS);

            // the stalled client is cut (stall timeout), the consumer reads on and finds its position gone
            var resync = reading.await(f -> "resync".equals(f.path("type").asText()), SOON.multipliedBy(3)).json();
            assertEquals("skipped", resync.path("reason").asText());
            // and it goes on from the end of every partition at once: a new event arrives, with no second resync
            // (the events of all partitions were removed, not only those of the one Kafka reported first)
            var after = UUID.randomUUID();
            Events.publishAll(Events.roomMessages(workspace, after, Audience.users(Set.of(reader)), 1, 16));
            reading.await(f -> {
                assertNotEquals("resync", f.path("type").asText(), "a second resync: " + f);
                return after.toString().equals(f.path("roomId").asText());
            }, SOON);
        }
    }
}
