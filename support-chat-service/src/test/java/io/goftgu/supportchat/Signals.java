package io.goftgu.supportchat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.goftgu.events.Actor;
import io.goftgu.events.Audience;
import io.goftgu.events.EventEnvelope;
import io.goftgu.events.EventJson;
import io.goftgu.events.EventTypes;
import io.goftgu.events.Topics;
import io.goftgu.testing.KafkaBroker;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

/** Real Kafka traffic for the tests: identity and presence events in (as gateway and realtime publish them), support-chat events out. */
final class Signals {

    private static final KafkaProducer<String, String> PRODUCER = new KafkaProducer<>(Map.of(
            "bootstrap.servers", KafkaBroker.bootstrapServers(),
            "key.serializer", StringSerializer.class,
            "value.serializer", StringSerializer.class));

    private Signals() {
    }

    static UUID user(UUID workspaceId, String name, String role) {
        var id = UUID.randomUUID();
        var payload = EventJson.MAPPER.createObjectNode()
                .put("id", id.toString()).put("workspaceId", workspaceId.toString()).put("name", name)
                .put("email", name.toLowerCase() + "@example.com").put("role", role).put("active", true);
        send(Topics.IDENTITY, new EventEnvelope(UUID.randomUUID(), EventTypes.Identity.USER_CREATED, 1, workspaceId, id, 1,
                Instant.now(), Actor.SYSTEM, Audience.role("ADMIN"), payload));
        return id;
    }

    /** identity.user.updated (or .deactivated when {@code active} is false) for an existing user. */
    static void userChanged(UUID workspaceId, UUID id, String name, String role, boolean active) {
        var payload = EventJson.MAPPER.createObjectNode()
                .put("id", id.toString()).put("workspaceId", workspaceId.toString()).put("name", name)
                .put("email", name.toLowerCase() + "@example.com").put("role", role).put("active", active);
        send(Topics.IDENTITY, new EventEnvelope(UUID.randomUUID(), active ? EventTypes.Identity.USER_UPDATED
                : EventTypes.Identity.USER_DEACTIVATED, 1, workspaceId, id, 2, Instant.now(), Actor.SYSTEM,
                Audience.role("ADMIN"), payload));
    }

    static void presence(UUID workspaceId, UUID userId, String status) {
        var payload = EventJson.MAPPER.createObjectNode().put("userId", userId.toString()).put("status", status)
                .put("lastSeenAt", Instant.now().toString());
        send(Topics.REALTIME_SIGNALS, new EventEnvelope(UUID.randomUUID(), EventTypes.Realtime.PRESENCE_CHANGED, 1,
                workspaceId, userId, 1, Instant.now(), Actor.user(userId), Audience.role("ADMIN"), payload));
    }

    /** Waits (at most 30 s) until the identity projection holds the user. */
    static void awaitUser(EntityManager entityManager, UUID id) {
        var deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                "SELECT count(*) FROM workspace_user WHERE id = ?1").setParameter(1, id).getSingleResult())
                .intValue()) == 0) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("identity.events never reached the projection");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** Any identity event, as the gateway would write it or not: a test of what a bad payload does. */
    static void identity(String type, UUID workspaceId, UUID aggregateId, ObjectNode payload) {
        send(Topics.IDENTITY, new EventEnvelope(UUID.randomUUID(), type, 1, workspaceId, aggregateId, 1, Instant.now(),
                Actor.SYSTEM, Audience.role("ADMIN"), payload));
    }

    private static void send(String topic, EventEnvelope event) {
        try {
            PRODUCER.send(new ProducerRecord<>(topic, event.aggregateId().toString(), EventJson.write(event))).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every support-chat event of the ticket, read from the topic until {@code enough} holds or 20 s pass. */
    static List<EventEnvelope> ticketEvents(String ticketId, Predicate<List<EventEnvelope>> enough) {
        var found = new ArrayList<EventEnvelope>();
        try (var consumer = new KafkaConsumer<String, byte[]>(Map.of(
                "bootstrap.servers", KafkaBroker.bootstrapServers(),
                "group.id", "test-" + UUID.randomUUID(),
                "auto.offset.reset", "earliest",
                "key.deserializer", StringDeserializer.class,
                "value.deserializer", ByteArrayDeserializer.class))) {
            consumer.subscribe(List.of(Topics.SUPPORT_CHAT));
            var deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (System.nanoTime() < deadline && !enough.test(found)) {
                for (var record : consumer.poll(Duration.ofMillis(300))) {
                    if (ticketId.equals(record.key())) {
                        found.add(EventJson.read(record.value()));
                    }
                }
            }
        }
        return found;
    }
}
