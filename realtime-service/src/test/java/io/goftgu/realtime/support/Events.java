package io.goftgu.realtime.support;

import com.fasterxml.jackson.databind.JsonNode;
import io.goftgu.events.Actor;
import io.goftgu.events.Audience;
import io.goftgu.events.EventEnvelope;
import io.goftgu.events.EventJson;
import io.goftgu.testing.KafkaBroker;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/** Publishes events to the test broker the way the outbox relay does: the JSON envelope, keyed by aggregate id. */
public final class Events {

    private static KafkaProducer<String, byte[]> producer;

    private Events() {
    }

    public static EventEnvelope event(String type, UUID workspaceId, UUID aggregateId, long sequence,
                                      Audience audience, JsonNode payload) {
        return new EventEnvelope(UUID.randomUUID(), type, 1, workspaceId, aggregateId, sequence, Instant.now(),
                Actor.SYSTEM, audience, payload);
    }

    /** An identity.events user event, as the gateway publishes it: the user now has {@code role} and is (not) active. */
    public static EventEnvelope identity(String type, UUID workspaceId, UUID userId, String role, boolean active) {
        var payload = EventJson.MAPPER.createObjectNode().put("id", userId.toString())
                .put("workspaceId", workspaceId.toString()).put("name", "Someone")
                .put("email", userId + "@example.com").put("role", role).put("active", active);
        return event(type, workspaceId, userId, 2, Audience.role("ADMIN"), payload);
    }

    /** {@code count} internal-chat messages into one room (seq 1..count), each with a body of {@code bodySize} chars. */
    public static java.util.List<EventEnvelope> roomMessages(UUID workspaceId, UUID roomId, Audience audience, int count,
                                                             int bodySize) {
        var body = "x".repeat(bodySize);
        var messages = new java.util.ArrayList<EventEnvelope>();
        for (int seq = 1; seq <= count; seq++) {
            var payload = EventJson.MAPPER.createObjectNode().put("id", "m" + seq).put("seq", seq).put("body", body);
            messages.add(event(io.goftgu.events.EventTypes.InternalChat.MESSAGE_CREATED, workspaceId, roomId, seq,
                    audience, payload));
        }
        return messages;
    }

    public static void publish(EventEnvelope event) {
        send(event.topic(), event.aggregateId().toString(), EventJson.write(event).getBytes(StandardCharsets.UTF_8));
    }

    /** Publishes all of {@code events} at once (not one acknowledgement at a time), in order per aggregate. */
    public static void publishAll(java.util.List<EventEnvelope> events) {
        var sent = events.stream().map(event -> producer().send(new ProducerRecord<>(event.topic(),
                event.aggregateId().toString(), EventJson.write(event).getBytes(StandardCharsets.UTF_8)))).toList();
        try {
            for (var future : sent) {
                future.get(30, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            throw new IllegalStateException("could not publish " + events.size() + " events", e);
        }
    }

    public static void send(String topic, String key, byte[] value) {
        try {
            producer().send(new ProducerRecord<>(topic, key, value)).get(15, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not publish to " + topic, e);
        }
    }

    /** Waits until {@code consumer} reads every partition of each of {@code topics}. */
    public static void awaitReading(io.goftgu.realtime.listener.DomainEventConsumer consumer, String... topics) {
        Sockets.await("the consumer to read " + String.join(", ", topics), () -> consumer.isAssigned()
                && java.util.Arrays.stream(topics).allMatch(topic -> consumer.assignedPartitions().stream()
                        .filter(p -> p.topic().equals(topic)).count() == partitionsOf(topic)));
    }

    public static int partitionsOf(String topic) {
        return producer().partitionsFor(topic).size();
    }

    private static synchronized KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.bootstrapServers(),
                    ProducerConfig.ACKS_CONFIG, "all",
                    ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                    ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName()));
        }
        return producer;
    }
}
