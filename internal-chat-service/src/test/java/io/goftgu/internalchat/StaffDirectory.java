package io.goftgu.internalchat;

import io.goftgu.events.Actor;
import io.goftgu.events.Audience;
import io.goftgu.events.EventEnvelope;
import io.goftgu.events.EventJson;
import io.goftgu.events.EventTypes;
import io.goftgu.events.Topics;
import io.goftgu.testing.KafkaBroker;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** Publishes real {@code identity.events}, as the gateway does, so the service under test learns its users. */
final class StaffDirectory {

    private static final KafkaProducer<String, String> PRODUCER = new KafkaProducer<>(Map.of(
            "bootstrap.servers", KafkaBroker.bootstrapServers(),
            "key.serializer", StringSerializer.class,
            "value.serializer", StringSerializer.class));

    private StaffDirectory() {
    }

    static UUID user(UUID workspaceId, String name, String role) {
        var id = UUID.randomUUID();
        var payload = EventJson.MAPPER.createObjectNode()
                .put("id", id.toString()).put("workspaceId", workspaceId.toString()).put("name", name)
                .put("email", name.toLowerCase() + "@example.com").put("role", role).put("active", true);
        var event = new EventEnvelope(UUID.randomUUID(), EventTypes.Identity.USER_CREATED, 1, workspaceId, id, 1,
                Instant.now(), Actor.SYSTEM, Audience.role("ADMIN"), payload);
        try {
            PRODUCER.send(new ProducerRecord<>(Topics.IDENTITY, id.toString(), EventJson.write(event))).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return id;
    }
}
