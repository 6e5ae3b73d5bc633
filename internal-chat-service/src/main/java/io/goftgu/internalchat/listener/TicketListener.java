package io.goftgu.internalchat.listener;

import io.goftgu.events.EventEnvelope;
import io.goftgu.events.EventJson;
import io.goftgu.events.EventTypes;
import io.goftgu.events.Topics;
import io.goftgu.internalchat.domain.Ticket;
import io.goftgu.internalchat.service.TicketDiscussions;
import io.goftgu.projection.Projections;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Keeps {@link Ticket} in step with {@code support-chat.events} (as {@link IdentityListener} does with identity, through
 * platform's {@link Projections}: each event once, bad payloads skipped and counted): internal chat never reads
 * support chat's tables. A ticket's discussion room follows each change ({@link TicketDiscussions#ticketChanged}).
 */
@ApplicationScoped
public class TicketListener {

    static final String CONSUMER = "internal-chat.ticket-projection";

    /** The events whose payload is the ticket as support chat's REST API shows it; the others pass by. */
    static final Set<String> TICKET_EVENTS = Set.of(EventTypes.SupportChat.TICKET_CREATED,
            EventTypes.SupportChat.TICKET_UPDATED, EventTypes.SupportChat.TICKET_STATUS_CHANGED,
            EventTypes.SupportChat.TICKET_ASSIGNED, EventTypes.SupportChat.TICKET_SLA_AT_RISK,
            EventTypes.SupportChat.TICKET_SLA_BREACHED, EventTypes.SupportChat.TICKET_RATED);

    /** The part of support chat's ticket view kept here (docs/asyncapi/support-chat.yaml, Ticket). */
    public record TicketPayload(UUID id, String number, String subject, String status, Requester requester,
                                UUID assigneeId) {
        public TicketPayload {
            Objects.requireNonNull(number, "number is required");
            Objects.requireNonNull(subject, "subject is required");
            Objects.requireNonNull(status, "status is required");
        }
    }

    public record Requester(String name) {
    }

    private final TicketDiscussions discussions;

    TicketListener(TicketDiscussions discussions) {
        this.discussions = discussions;
    }

    void start(@Observes StartupEvent startup, Projections projections) {
        projections.subscribe(CONSUMER, List.of(Topics.SUPPORT_CHAT), TICKET_EVENTS::contains, this::apply);
    }

    /** One ticket event, in the subscriber's transaction; an older event than the one applied changes nothing. */
    public void apply(EventEnvelope event) {
        var payload = EventJson.payload(event, TicketPayload.class);
        Ticket ticket = Ticket.findById(event.aggregateId());
        if (ticket != null && (!ticket.workspaceId.equals(event.workspaceId()) || ticket.lastSequence >= event.sequence())) {
            return;
        }
        var requesterName = payload.requester() == null ? null : payload.requester().name();
        boolean isNew = ticket == null;
        if (isNew) {
            ticket = new Ticket();
            ticket.id = event.aggregateId();
            ticket.workspaceId = event.workspaceId();
        }
        boolean shownChanged = !isNew && (!payload.number().equals(ticket.number) || !payload.subject().equals(ticket.subject)
                || !payload.status().equals(ticket.status) || !Objects.equals(requesterName, ticket.requesterName));
        var newAssignee = Objects.equals(payload.assigneeId(), ticket.assigneeId) ? null : payload.assigneeId();
        ticket.number = payload.number();
        ticket.subject = payload.subject();
        ticket.status = payload.status();
        ticket.requesterName = requesterName;
        ticket.assigneeId = payload.assigneeId();
        ticket.lastSequence = event.sequence();
        ticket.updatedAt = event.occurredAt();
        if (isNew) {
            ticket.persist();
        } else {
            discussions.ticketChanged(ticket, shownChanged, newAssignee);
        }
    }
}
