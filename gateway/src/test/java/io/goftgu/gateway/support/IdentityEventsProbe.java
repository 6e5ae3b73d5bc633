package io.goftgu.gateway.support;

import io.goftgu.events.EventEnvelope;
import io.goftgu.events.EventJson;
import io.goftgu.events.Topics;
import io.goftgu.testing.KafkaBroker;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

/** A real Kafka consumer of {@code identity.events}, reading from the beginning in its own group. */
public final class IdentityEventsProbe implements AutoCloseable {

    private final KafkaConsumer<String, String> consumer;
    private final List<EventEnvelope> seen = new ArrayList<>();

    public IdentityEventsProbe() {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "gateway-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class));
        consumer.subscribe(List.of(Topics.IDENTITY));
    }

    /** The events of {@code workspaceId} matching {@code match}, once there are at least {@code count} (in order). */
    public List<EventEnvelope> await(UUID workspaceId, Predicate<EventEnvelope> match, int count, Duration timeout) {
        var deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            var found = seen.stream().filter(e -> e.workspaceId().equals(workspaceId)).filter(match).toList();
            if (found.size() >= count) {
                return found;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("only " + found.size() + " of " + count + " events within " + timeout + ": " + found);
            }
            for (var record : consumer.poll(Duration.ofMillis(200))) {
                var event = EventJson.read(record.value());
                if (!record.key().equals(event.aggregateId().toString())) {
                    throw new AssertionError("record key " + record.key() + " is not the aggregate id of " + event);
                }
                seen.add(event);
            }
        }
    }

    public List<EventEnvelope> await(UUID workspaceId, String type, int count) {
        return await(workspaceId, e -> e.type().equals(type), count, Duration.ofSeconds(20));
    }

    @Override
    public void close() {
        consumer.close();
    }
}
