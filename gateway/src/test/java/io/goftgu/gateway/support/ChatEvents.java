package io.goftgu.gateway.support;

import com.fasterxml.jackson.databind.JsonNode;
import io.goftgu.events.Actor;
import io.goftgu.events.Audience;
import io.goftgu.events.EventEnvelope;
import io.goftgu.events.EventJson;
import io.goftgu.testing.AsyncApi;
import io.goftgu.testing.KafkaBroker;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Publishes internal-chat and support-chat events to the real Kafka broker as those services would: each one is first
 * checked against its schema in docs/asyncapi, so the notifier is tested on the events the producers promise.
 */
public final class ChatEvents {

    private static final AsyncApi CONTRACT = AsyncApi.documents();
    private static final KafkaProducer<String, String> PRODUCER = new KafkaProducer<>(Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.bootstrapServers(),
            ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
            ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class));
    private static final Map<UUID, AtomicLong> SEQUENCES = new ConcurrentHashMap<>();

    /** A room member as internal chat shows it. */
    public record Member(UUID userId, boolean notificationsMuted) {
    }

    private ChatEvents() {
    }

    public static EventEnvelope room(UUID workspaceId, UUID roomId, String type, String title, List<Member> members) {
        return publish(envelope("internal-chat.room.created", workspaceId, roomId, Actor.SYSTEM,
                Audience.users(members.stream().map(Member::userId).toList()), roomPayload(roomId, type, title, members)));
    }

    public static EventEnvelope memberUpdated(UUID workspaceId, UUID roomId, String type, String title,
                                              List<Member> members, UUID userId) {
        var payload = roomPayload(roomId, type, title, members);
        payload.put("userId", userId.toString());
        return publish(envelope("internal-chat.member.updated", workspaceId, roomId, Actor.user(userId),
                Audience.users(members.stream().map(Member::userId).toList()), payload));
    }

    /** A TEXT message of {@code sender} with {@code seq}, to the room's members {@code audience}. */
    public static EventEnvelope message(UUID workspaceId, UUID roomId, long seq, UUID sender, String senderName,
                                        String body, List<UUID> mentions, List<UUID> audience) {
        var payload = new LinkedHashMap<String, Object>();
        payload.put("id", UUID.randomUUID().toString());
        payload.put("roomId", roomId.toString());
        payload.put("seq", seq);
        payload.put("sender", Map.of("id", sender.toString(), "name", senderName));
        payload.put("type", "TEXT");
        payload.put("body", body);
        payload.put("mentions", mentions.stream().map(UUID::toString).toList());
        payload.put("isDeleted", false);
        payload.put("createdAt", Instant.now().toString());
        return publish(envelope("internal-chat.message.created", workspaceId, roomId, Actor.user(sender),
                Audience.users(audience), payload));
    }

    public static EventEnvelope read(UUID workspaceId, UUID roomId, UUID userId, long seq, List<UUID> audience) {
        return publish(envelope("internal-chat.member.read", workspaceId, roomId, Actor.user(userId),
                Audience.users(audience), Map.of("roomId", roomId.toString(), "userId", userId.toString(),
                        "lastReadSeq", seq, "readAt", Instant.now().toString())));
    }

    /** A ticket event of {@code type} (support-chat.ticket.*) with the customer requester and its read position. */
    public static EventEnvelope ticket(String type, UUID workspaceId, UUID ticketId, String number, String subject,
                                       UUID customerId, long lastMessageSeq, long customerReadSeq) {
        var now = Instant.now().toString();
        var payload = new LinkedHashMap<String, Object>();
        payload.put("id", ticketId.toString());
        payload.put("number", number);
        payload.put("subject", subject);
        payload.put("status", "OPEN");
        payload.put("priority", "MEDIUM");
        payload.put("labels", List.of());
        payload.put("requester", Map.of("kind", "USER", "id", customerId.toString(), "name", "Customer"));
        payload.put("createdByStaff", false);
        payload.put("reopenCount", 0);
        payload.put("slaState", null);
        payload.put("breached", false);
        payload.put("awaitingAssignment", false);
        payload.put("lastMessageSeq", lastMessageSeq);
        payload.put("customerReadSeq", customerReadSeq);
        payload.put("createdAt", now);
        payload.put("updatedAt", now);
        return publish(envelope(type, workspaceId, ticketId, Actor.user(customerId),
                new Audience(Set.of(customerId), Set.of(), Set.of("ADMIN")), payload));
    }

    /** A public reply on a ticket; {@code senderKind} STAFF or CUSTOMER; the requester is in the audience. */
    public static EventEnvelope ticketMessage(UUID workspaceId, UUID ticketId, long seq, String senderKind,
                                              UUID senderId, String senderName, String body, UUID customerId) {
        var payload = new LinkedHashMap<String, Object>();
        payload.put("id", UUID.randomUUID().toString());
        payload.put("ticketId", ticketId.toString());
        payload.put("seq", seq);
        payload.put("sender", Map.of("kind", senderKind, "id", senderId.toString(), "name", senderName));
        payload.put("body", body);
        payload.put("internal", false);
        payload.put("attachments", List.of());
        payload.put("isEdited", false);
        payload.put("isDeleted", false);
        payload.put("createdAt", Instant.now().toString());
        return publish(envelope("support-chat.message.created", workspaceId, ticketId, Actor.user(senderId),
                new Audience(Set.of(customerId), Set.of(), Set.of("ADMIN")), payload));
    }

    /** An internal note: as support chat writes it, for the staff only and without its body. */
    public static EventEnvelope note(UUID workspaceId, UUID ticketId, long seq, UUID staffId) {
        var payload = Map.of("id", UUID.randomUUID().toString(), "ticketId", ticketId.toString(), "seq", seq,
                "sender", Map.of("kind", "STAFF", "id", staffId.toString(), "name", "Staff"), "internal", true,
                "createdAt", Instant.now().toString());
        return publish(envelope("support-chat.note.created", workspaceId, ticketId, Actor.user(staffId),
                Audience.role("ADMIN"), payload));
    }

    /** Sends {@code event} again, as Kafka may after a consumer crash. */
    public static EventEnvelope publish(EventEnvelope event) {
        var json = EventJson.write(event);
        List<String> violations;
        try {
            violations = CONTRACT.violations(EventJson.MAPPER.readTree(json));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        if (!violations.isEmpty()) {
            throw new AssertionError("test event does not match docs/asyncapi: " + violations + "\n" + json);
        }
        try {
            PRODUCER.send(new ProducerRecord<>(event.topic(), event.aggregateId().toString(), json)).get();
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException(e);
        }
        return event;
    }

    private static Map<String, Object> roomPayload(UUID roomId, String type, String title, List<Member> members) {
        var list = new ArrayList<Map<String, Object>>();
        for (var member : members) {
            list.add(Map.of("userId", member.userId().toString(), "role", "MEMBER", "muted", false,
                    "notificationsMuted", member.notificationsMuted(),
                    "joinedAt", Instant.now().toString()));
        }
        var payload = new LinkedHashMap<String, Object>();
        payload.put("id", roomId.toString());
        payload.put("type", type);
        payload.put("title", title);
        payload.put("members", list);
        return payload;
    }

    private static EventEnvelope envelope(String type, UUID workspaceId, UUID aggregateId, Actor actor,
                                          Audience audience, Object payload) {
        JsonNode node = EventJson.toPayload(payload);
        var seq = SEQUENCES.computeIfAbsent(aggregateId, id -> new AtomicLong()).incrementAndGet();
        return new EventEnvelope(UUID.randomUUID(), type, 1, workspaceId, aggregateId, seq, Instant.now(), actor,
                audience, node);
    }
}
