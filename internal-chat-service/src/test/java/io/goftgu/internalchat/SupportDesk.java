package io.goftgu.internalchat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.goftgu.events.Actor;
import io.goftgu.events.Audience;
import io.goftgu.events.EventEnvelope;
import io.goftgu.events.EventJson;
import io.goftgu.events.EventTypes;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * A support ticket as support-chat-service announces it on {@code support-chat.events}: each change publishes the
 * ticket's view (docs/asyncapi/support-chat.yaml, Ticket) with the ticket's next sequence, as the real service's
 * outbox does, so internal chat's ticket projection is fed the real way.
 */
final class SupportDesk {

    final UUID id = UUID.randomUUID();
    final UUID workspaceId;
    final UUID requesterId = UUID.randomUUID();
    String number;
    String subject;
    String status = "OPEN";
    String requesterName;
    UUID assigneeId;
    long sequence;

    private SupportDesk(UUID workspaceId, String number, String subject, String requesterName, UUID assigneeId) {
        this.workspaceId = workspaceId;
        this.number = number;
        this.subject = subject;
        this.requesterName = requesterName;
        this.assigneeId = assigneeId;
    }

    /** A ticket just opened: support-chat.ticket.created. */
    static SupportDesk opened(UUID workspaceId, String number, String subject, String requesterName, UUID assigneeId) {
        var ticket = new SupportDesk(workspaceId, number, subject, requesterName, assigneeId);
        ticket.publish(EventTypes.SupportChat.TICKET_CREATED);
        return ticket;
    }

    /** Changes the ticket and announces it as {@code type}. */
    SupportDesk change(String type, Consumer<SupportDesk> change) {
        change.accept(this);
        publish(type);
        return this;
    }

    ObjectNode payload() {
        var payload = EventJson.MAPPER.createObjectNode().put("id", id.toString()).put("number", number)
                .put("subject", subject).put("description", "the customer's words").put("status", status)
                .put("priority", "NORMAL");
        payload.putObject("requester").put("kind", "USER").put("id", requesterId.toString()).put("name", requesterName);
        payload.put("assigneeId", assigneeId == null ? null : assigneeId.toString());
        payload.putArray("labels");
        return payload;
    }

    void publish(String type) {
        publish(type, payload());
    }

    void publish(String type, ObjectNode payload) {
        sequence++;
        StaffDirectory.send(new EventEnvelope(UUID.randomUUID(), type, 1, workspaceId, id, sequence, Instant.now(),
                Actor.SYSTEM, new Audience(Set.of(requesterId), Set.of(), Set.of("ADMIN")), payload));
    }
}
