package io.goftgu.supportinfo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.goftgu.events.Actor;
import io.goftgu.events.Audience;
import io.goftgu.events.EventEnvelope;
import io.goftgu.events.EventJson;
import io.goftgu.events.EventTypes;
import io.goftgu.events.IdentityPayloads;
import io.goftgu.events.Topics;
import io.goftgu.supportinfo.domain.DirectoryTeam;
import io.goftgu.supportinfo.domain.DirectoryUser;
import io.goftgu.testing.KafkaBroker;
import io.goftgu.testing.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What the tests need from outside the service, done for real: users and teams published as {@code identity.events}
 * (as the gateway does), tickets published as {@code support-chat.events} (as support-chat-service will), tokens
 * minted like the gateway's, and {@code support-info.events} read back with a real consumer.
 */
final class Fixtures {

    private static final KafkaProducer<String, String> PRODUCER = new KafkaProducer<>(Map.of(
            "bootstrap.servers", KafkaBroker.bootstrapServers(),
            "key.serializer", StringSerializer.class,
            "value.serializer", StringSerializer.class));

    private Fixtures() {
    }

    /** A workspace with staff, customers and a team, all known to the service (the projection has caught up). */
    record Workspace(UUID id, UUID adminId, UUID colleagueId, UUID customerId, UUID otherCustomerId, UUID teamId) {

        static Workspace create() {
            var id = UUID.randomUUID();
            var workspace = new Workspace(id, user(id, "Alice", "ADMIN"), user(id, "Bob", "ADMIN"),
                    user(id, "Cyrus", "USER"), user(id, "Dina", "USER"), Fixtures.team(id, "Field support"));
            awaitTrue("identity.events never reached the directory", () -> QuarkusTransaction.requiringNew().call(() ->
                    DirectoryUser.count("workspaceId", id) == 4 && DirectoryTeam.count("workspaceId", id) == 1));
            return workspace;
        }

        RequestSpecification staff() {
            return as(TestTokens.staff(adminId, id));
        }

        RequestSpecification colleague() {
            return as(TestTokens.staff(colleagueId, id));
        }

        RequestSpecification customer() {
            return as(TestTokens.customer(customerId, id));
        }

        RequestSpecification otherCustomer() {
            return as(TestTokens.customer(otherCustomerId, id));
        }

        RequestSpecification guest() {
            return as(TestTokens.guest(UUID.randomUUID(), id));
        }
    }

    static RequestSpecification as(String token) {
        return RestAssured.given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    static UUID user(UUID workspaceId, String name, String role) {
        var id = UUID.randomUUID();
        var payload = EventJson.MAPPER.createObjectNode()
                .put("id", id.toString()).put("workspaceId", workspaceId.toString()).put("name", name)
                .put("email", name.toLowerCase() + "-" + id + "@example.com").put("role", role).put("active", true);
        publish(new EventEnvelope(UUID.randomUUID(), EventTypes.Identity.USER_CREATED, 1, workspaceId, id, 1,
                Instant.now(), Actor.SYSTEM, Audience.role("ADMIN"), payload));
        return id;
    }

    /** identity.user.updated (or .deactivated when {@code active} is false) for an existing user. */
    static void userChanged(UUID workspaceId, UUID id, String name, String role, boolean active) {
        var payload = EventJson.MAPPER.createObjectNode()
                .put("id", id.toString()).put("workspaceId", workspaceId.toString()).put("name", name)
                .put("email", name.toLowerCase() + "-" + id + "@example.com").put("role", role).put("active", active);
        publish(new EventEnvelope(UUID.randomUUID(), active ? EventTypes.Identity.USER_UPDATED
                : EventTypes.Identity.USER_DEACTIVATED, 1, workspaceId, id, 2, Instant.now(), Actor.SYSTEM,
                Audience.role("ADMIN"), payload));
    }

    /** The workspace's CRM link settings as the gateway publishes them; returns once the projection has them. */
    static void links(UUID workspaceId, Map<String, String> templates, String lookupUrl) {
        var payload = EventJson.MAPPER.valueToTree(new IdentityPayloads.WorkspaceLinks(workspaceId, templates, lookupUrl));
        awaitHandled("support-info.identity-projection", publish(new EventEnvelope(UUID.randomUUID(),
                EventTypes.Identity.WORKSPACE_LINKS_UPDATED, 1, workspaceId, workspaceId, 1, Instant.now(), Actor.SYSTEM,
                Audience.role("ADMIN"), payload)));
    }

    static UUID team(UUID workspaceId, String name) {
        var id = UUID.randomUUID();
        var payload = EventJson.MAPPER.createObjectNode()
                .put("id", id.toString()).put("workspaceId", workspaceId.toString()).put("name", name);
        payload.putArray("memberIds");
        publish(new EventEnvelope(UUID.randomUUID(), EventTypes.Identity.TEAM_CREATED, 1, workspaceId, id, 1,
                Instant.now(), Actor.SYSTEM, Audience.role("ADMIN"), payload));
        return id;
    }

    /** A {@code support-chat.ticket.status-changed} payload as issue 4 produces it. */
    static ObjectNode ticket(UUID ticketId, int number, String subject, String status, String previousStatus,
                             String requesterKind, UUID requesterId, boolean createdByStaff, UUID assigneeId) {
        var ticket = EventJson.MAPPER.createObjectNode()
                .put("id", ticketId.toString()).put("number", String.valueOf(number)).put("subject", subject)
                .put("description", "شرح: " + subject).put("status", status).put("previousStatus", previousStatus)
                .put("priority", "HIGH").put("createdById", requesterId.toString())
                .put("createdByStaff", createdByStaff)
                .put("assigneeId", assigneeId == null ? null : assigneeId.toString())
                .putNull("teamId").putNull("categoryId")
                .put("resolvedAt", "RESOLVED".equals(status) ? Instant.now().toString() : null)
                .putNull("closedAt");
        ticket.putObject("requester").put("kind", requesterKind).put("id", requesterId.toString()).put("name", "Cyrus");
        return ticket;
    }

    static EventEnvelope ticketEvent(UUID workspaceId, UUID ticketId, long sequence, ObjectNode ticket) {
        return new EventEnvelope(UUID.randomUUID(), EventTypes.SupportChat.TICKET_STATUS_CHANGED, 1, workspaceId,
                ticketId, sequence, Instant.now(), Actor.SYSTEM, Audience.role("ADMIN"), ticket);
    }

    static RecordMetadata publish(EventEnvelope event) {
        try {
            return PRODUCER.send(new ProducerRecord<>(event.topic(), event.aggregateId().toString(),
                    EventJson.write(event))).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits until consumer group {@code group} has committed past {@code sent}: the service has handled it. */
    static void awaitHandled(String group, RecordMetadata sent) {
        try (var admin = Admin.create(Map.<String, Object>of("bootstrap.servers", KafkaBroker.bootstrapServers()))) {
            var partition = new TopicPartition(sent.topic(), sent.partition());
            awaitTrue(group + " never handled " + partition + "@" + sent.offset(), () -> {
                var committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get()
                        .get(partition);
                return committed != null && committed.offset() > sent.offset();
            });
        }
    }

    /** Every {@code support-info.events} event about {@code aggregateId}, once {@code expected} of them arrived. */
    static List<EventEnvelope> events(UUID aggregateId, int expected) {
        try (var consumer = new KafkaConsumer<String, byte[]>(Map.of(
                "bootstrap.servers", KafkaBroker.bootstrapServers(),
                "group.id", "test-" + UUID.randomUUID(),
                "auto.offset.reset", "earliest",
                "key.deserializer", StringDeserializer.class,
                "value.deserializer", ByteArrayDeserializer.class))) {
            consumer.subscribe(List.of(Topics.SUPPORT_INFO));
            var found = new ArrayList<EventEnvelope>();
            var deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            // after the expected count, keep reading a little: an extra event must fail the test
            long quietUntil = Long.MAX_VALUE;
            while (System.nanoTime() < Math.min(deadline, quietUntil)) {
                for (var record : consumer.poll(Duration.ofMillis(200))) {
                    var event = EventJson.read(record.value());
                    if (event.aggregateId().equals(aggregateId)) {
                        assertEquals(aggregateId.toString(), record.key(), "the record key is the record id");
                        found.add(event);
                    }
                }
                if (found.size() >= expected && quietUntil == Long.MAX_VALUE) {
                    quietUntil = System.nanoTime() + Duration.ofSeconds(1).toNanos();
                }
            }
            return found;
        }
    }

    static void awaitTrue(String message, ThrowingSupplier condition) {
        var deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            try {
                if (condition.get()) {
                    return;
                }
            } catch (Exception e) {
                // not yet
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError(message);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(message);
            }
        }
    }

    @FunctionalInterface
    interface ThrowingSupplier {
        boolean get() throws Exception;
    }
}
