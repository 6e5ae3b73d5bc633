package io.goftgu.internalchat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.goftgu.events.Actor;
import io.goftgu.events.Audience;
import io.goftgu.events.EventEnvelope;
import io.goftgu.events.EventJson;
import io.goftgu.events.EventTypes;
import io.goftgu.events.IdentityPayloads;
import io.goftgu.events.Topics;
import io.goftgu.testing.KafkaBroker;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Publishes real {@code identity.events} (as the gateway does) and {@code realtime.signals} presence (as
 * realtime-service does), so the service under test learns its users, teams and presence.
 */
final class StaffDirectory {

    private static final KafkaProducer<String, String> PRODUCER = new KafkaProducer<>(Map.of(
            "bootstrap.servers", KafkaBroker.bootstrapServers(),
            "key.serializer", StringSerializer.class,
            "value.serializer", StringSerializer.class));

    private StaffDirectory() {
    }

    static UUID user(UUID workspaceId, String name, String role) {
        var id = UUID.randomUUID();
        publish(Topics.IDENTITY, EventTypes.Identity.USER_CREATED, workspaceId, id, userPayload(id, workspaceId, name, role, true));
        return id;
    }

    static void deactivate(UUID workspaceId, UUID id, String name) {
        publish(Topics.IDENTITY, EventTypes.Identity.USER_DEACTIVATED, workspaceId, id,
                userPayload(id, workspaceId, name, "ADMIN", false));
    }

    static void changeRole(UUID workspaceId, UUID id, String name, String role) {
        var payload = userPayload(id, workspaceId, name, role, true);
        publish(Topics.IDENTITY, EventTypes.Identity.USER_UPDATED, workspaceId, id, payload);
    }

    static UUID team(UUID workspaceId, String name, List<UUID> memberIds) {
        var id = UUID.randomUUID();
        var payload = EventJson.MAPPER.createObjectNode().put("id", id.toString())
                .put("workspaceId", workspaceId.toString()).put("name", name);
        var members = payload.putArray("memberIds");
        memberIds.forEach(m -> members.add(m.toString()));
        publish(Topics.IDENTITY, EventTypes.Identity.TEAM_CREATED, workspaceId, id, payload);
        return id;
    }

    static void teamMember(UUID workspaceId, UUID teamId, String teamName, UUID userId, boolean added) {
        var payload = EventJson.MAPPER.createObjectNode().put("teamId", teamId.toString())
                .put("workspaceId", workspaceId.toString()).put("teamName", teamName).put("userId", userId.toString());
        publish(Topics.IDENTITY, added ? EventTypes.Identity.TEAM_MEMBER_ADDED : EventTypes.Identity.TEAM_MEMBER_REMOVED,
                workspaceId, teamId, payload);
    }

    /** The workspace's CRM link settings, as the gateway publishes them after {@code PUT /api/workspace/links}. */
    static void links(UUID workspaceId, Map<String, String> templates, String lookupUrl) {
        var payload = EventJson.MAPPER.valueToTree(new IdentityPayloads.WorkspaceLinks(workspaceId, templates, lookupUrl));
        publish(Topics.IDENTITY, EventTypes.Identity.WORKSPACE_LINKS_UPDATED, workspaceId, workspaceId, (ObjectNode) payload);
    }

    static void presence(UUID workspaceId, UUID userId, String status, Instant lastSeenAt) {
        var payload = EventJson.MAPPER.createObjectNode().put("userId", userId.toString()).put("status", status)
                .put("lastSeenAt", lastSeenAt.toString());
        publish(Topics.REALTIME_SIGNALS, EventTypes.Realtime.PRESENCE_CHANGED, workspaceId, userId, payload);
    }

    private static ObjectNode userPayload(UUID id, UUID workspaceId, String name, String role, boolean active) {
        return EventJson.MAPPER.createObjectNode()
                .put("id", id.toString()).put("workspaceId", workspaceId.toString()).put("name", name)
                .put("email", name.toLowerCase() + "@example.com").put("role", role).put("active", active);
    }

    private static void publish(String topic, String type, UUID workspaceId, UUID aggregateId, ObjectNode payload) {
        send(new EventEnvelope(UUID.randomUUID(), type, 1, workspaceId, aggregateId, 1,
                Instant.now(), Actor.SYSTEM, Audience.role("ADMIN"), payload));
    }

    /** Any event on its topic, keyed by its aggregate (as the outbox relay sends it). */
    static void send(EventEnvelope event) {
        var topic = event.topic();
        var aggregateId = event.aggregateId();
        try {
            PRODUCER.send(new ProducerRecord<>(topic, aggregateId.toString(), EventJson.write(event))).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
