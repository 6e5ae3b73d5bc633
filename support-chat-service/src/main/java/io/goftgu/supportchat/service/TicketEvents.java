package io.goftgu.supportchat.service;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.goftgu.events.Actor;
import io.goftgu.events.Audience;
import io.goftgu.events.EventJson;
import io.goftgu.events.EventTypes;
import io.goftgu.outbox.NewEvent;
import io.goftgu.outbox.Outbox;
import io.goftgu.supportchat.domain.Guest;
import io.goftgu.supportchat.domain.HistoryEntry;
import io.goftgu.supportchat.domain.Ticket;
import io.goftgu.supportchat.mapping.TicketViews;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * Writes what happened to a ticket: history rows and {@code support-chat.events} (through the outbox, in the
 * caller's transaction). The audience of anything customer-visible is the staff plus the requester; internal notes
 * go to the staff only and never carry their body.
 */
@ApplicationScoped
public class TicketEvents {

    private final Outbox outbox;
    private final TicketViews views;

    TicketEvents(Outbox outbox, TicketViews views) {
        this.outbox = outbox;
        this.views = views;
    }

    /** The staff and the ticket's requester, unless the requester is a blocked guest (service/GuestBlocks). */
    public static Audience staffAndRequester(Ticket t) {
        if (!Ticket.GUEST.equals(t.requesterKind)) {
            return new Audience(Set.of(t.requesterId), Set.of(), Set.of("ADMIN"));
        }
        Guest guest = Guest.findById(t.requesterId);
        return guest != null && guest.blockedAt != null ? Audience.role("ADMIN")
                : new Audience(Set.of(), Set.of(t.requesterId), Set.of("ADMIN"));
    }

    /** A ticket event whose payload is the ticket as the REST API shows it to its requester, who is in its audience. */
    public void ticket(String type, Ticket t, Actor actor) {
        publish(type, t, actor, staffAndRequester(t), views.ticket(t, false));
    }

    /** {@code support-chat.ticket.status-changed}: the ticket plus {@code previousStatus}. */
    public void statusChanged(Ticket t, String previousStatus, Actor actor) {
        var payload = (ObjectNode) EventJson.MAPPER.valueToTree(views.ticket(t, false));
        payload.put("previousStatus", previousStatus);
        publish(EventTypes.SupportChat.TICKET_STATUS_CHANGED, t, actor, staffAndRequester(t), payload);
    }

    public void publish(String type, Ticket t, Actor actor, Audience audience, Object payload) {
        outbox.add(new NewEvent(type, t.workspaceId, t.id, actor, audience, payload));
    }

    public void history(Ticket t, String action, String field, Object oldValue, Object newValue, Actor actor) {
        var entry = new HistoryEntry();
        entry.id = UUID.randomUUID();
        entry.workspaceId = t.workspaceId;
        entry.ticketId = t.id;
        entry.action = action;
        entry.field = field;
        entry.oldValue = oldValue == null ? null : oldValue.toString();
        entry.newValue = newValue == null ? null : newValue.toString();
        entry.actorKind = actor.kind().name();
        entry.actorId = actor.id();
        entry.at = Instant.now();
        entry.persist();
    }
}
