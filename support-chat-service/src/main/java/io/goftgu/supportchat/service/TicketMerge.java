package io.goftgu.supportchat.service;

import io.goftgu.events.EventTypes;
import io.goftgu.problem.Problems;
import io.goftgu.supportchat.api.Requests;
import io.goftgu.supportchat.api.Views;
import io.goftgu.supportchat.domain.Ticket;
import io.goftgu.supportchat.domain.TicketStatus;
import io.goftgu.supportchat.mapping.TicketViews;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Merging duplicate tickets into one (docs/design.md, "Merges"). Linked, not moved: each message stays on the ticket
 * it was written in (its seq, read position, attachments and the events consumers have stay true); a merged ticket
 * closes for good with a pointer to its target, and readers show the target's conversation together with its merged
 * tickets' in time order.
 */
@ApplicationScoped
public class TicketMerge {

    private final EntityManager em;
    private final TicketService tickets;
    private final TicketEvents events;
    private final TicketViews views;

    TicketMerge(EntityManager em, TicketService tickets, TicketEvents events, TicketViews views) {
        this.em = em;
        this.tickets = tickets;
        this.events = events;
        this.views = views;
    }

    /** Staff only (checked by the resource). Idempotent: what is merged into the target already is left as it is. */
    @Transactional
    public Views.TicketView merge(Caller me, UUID targetId, Requests.MergeTickets body) {
        var sourceIds = new TreeSet<>(body.ticketIds());
        if (sourceIds.contains(targetId)) {
            throw Problems.invalid("ticketIds", "must not name the ticket they are merged into");
        }
        // lock every ticket in one order (by id), so two merges over the same tickets cannot deadlock
        var all = new TreeSet<>(sourceIds);
        all.add(targetId);
        var locked = new LinkedHashMap<UUID, Ticket>();
        for (var id : all) {
            locked.put(id, tickets.visible(me, id, true));
        }
        var target = locked.get(targetId);
        if (target.mergedIntoId != null) {
            throw Problems.conflict(number(target) + " was merged into " + number(Ticket.findById(target.mergedIntoId))
                    + "; merge into that ticket instead");
        }
        var todo = sourceIds.stream().map(locked::get).filter(t -> !target.id.equals(t.mergedIntoId))
                .sorted(Comparator.comparingInt(t -> t.number)).toList();
        for (var t : todo) {
            if (t.mergedIntoId != null) {
                throw Problems.conflict(number(t) + " was merged into " + number(Ticket.findById(t.mergedIntoId))
                        + " already");
            }
            if (Ticket.count("mergedIntoId", t.id) > 0) {
                throw Problems.conflict(number(t) + " has tickets merged into it; merge the others into it instead");
            }
        }
        var strangers = todo.stream().filter(t -> !t.isRequester(target.requesterKind, target.requesterId)).toList();
        if (!strangers.isEmpty() && !Boolean.TRUE.equals(body.force())) {
            throw Problems.conflict(String.join(", ", strangers.stream().map(TicketMerge::number).toList())
                    + (strangers.size() == 1 ? " has" : " have") + " another requester than " + number(target)
                    + "; send force: true to merge anyway");
        }
        var actor = me.actor();
        var now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        for (var t : todo) {
            t.mergedIntoId = target.id;
            t.mergedAt = now;
            t.updatedAt = now;
            events.history(t, "MERGED", "mergedInto", null, number(target), actor);
            if (t.status() != TicketStatus.CLOSED) {
                tickets.move(t, TicketStatus.CLOSED, actor, now);
            }
            em.flush();
            events.ticket(EventTypes.SupportChat.TICKET_MERGED, t, actor);
            events.history(target, "TICKET_MERGED_IN", "mergedTickets", null, number(t), actor);
        }
        if (!todo.isEmpty()) {
            target.updatedAt = now;
            em.flush();
            events.ticket(EventTypes.SupportChat.TICKET_UPDATED, target, actor);
        }
        return views.ticket(target, true);
    }

    /**
     * A merged ticket takes no more messages or status changes: its conversation continues in its target, which the
     * answer names unless it is another requester's ticket and {@code me} is not staff.
     */
    static void requireNotMerged(Ticket t, Caller me) {
        if (t.mergedIntoId != null) {
            var into = TicketViews.mergeRef(t, Ticket.findById(t.mergedIntoId), me.isStaff());
            throw Problems.conflict(number(t) + " was merged into "
                    + (into.number() == null ? "another ticket and is closed" : into.number() + "; continue there"));
        }
    }

    private static String number(Ticket t) {
        return TicketViews.number(t.number);
    }
}
