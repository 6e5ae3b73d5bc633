package io.goftgu.supportchat.service;

import io.goftgu.events.Audience;
import io.goftgu.events.EventTypes;
import io.goftgu.problem.Problem;
import io.goftgu.problem.ProblemException;
import io.goftgu.problem.Problems;
import io.goftgu.supportchat.api.Requests;
import io.goftgu.supportchat.api.Views;
import io.goftgu.supportchat.domain.Ticket;
import io.goftgu.supportchat.domain.TicketAttachment;
import io.goftgu.supportchat.domain.TicketMessage;
import io.goftgu.supportchat.domain.TicketStatus;
import io.goftgu.supportchat.mapping.TicketViews;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A ticket's conversation: public replies and staff-only internal notes, edits, deletes, the customer's read
 * position and the rating. Sends lock the ticket row (gap-free {@code seq}, and a repeated {@code clientMessageId}
 * finds the original). Internal notes are filtered out for customers and guests in every read, and their event goes
 * to the staff without the note's body.
 */
@ApplicationScoped
public class ConversationService {

    private final EntityManager em;
    private final TicketService tickets;
    private final TicketEvents events;
    private final TicketViews views;
    private final SlaService sla;

    ConversationService(EntityManager em, TicketService tickets, TicketEvents events, TicketViews views, SlaService sla) {
        this.em = em;
        this.tickets = tickets;
        this.events = events;
        this.views = views;
        this.sla = sla;
    }

    @Transactional
    public List<Views.MessageView> list(Caller me, UUID ticketId, Long after, Long before, Integer limit) {
        var t = tickets.visible(me, ticketId, false);
        int max = limit == null ? 50 : limit;
        if (max < 1 || max > 100) {
            throw Problems.invalid("limit", "must be 1 to 100");
        }
        var jpql = new StringBuilder("from TicketMessage where ticketId = :ticket");
        if (!me.isStaff()) {
            jpql.append(" and internal = false");
        }
        if (after != null) {
            jpql.append(" and seq > :after");
        }
        if (before != null) {
            jpql.append(" and seq < :before");
        }
        // newest page when reading backwards, oldest when reading forwards; always returned in seq order
        var backwards = after == null;
        jpql.append(backwards ? " order by seq desc" : " order by seq asc");
        var query = em.createQuery(jpql.toString(), TicketMessage.class).setParameter("ticket", t.id).setMaxResults(max);
        if (after != null) {
            query.setParameter("after", after);
        }
        if (before != null) {
            query.setParameter("before", before);
        }
        var rows = new java.util.ArrayList<>(query.getResultList());
        if (backwards) {
            java.util.Collections.reverse(rows);
        }
        return rows.stream().map(m -> views.message(m, t)).toList();
    }

    @Transactional
    public Created<Views.MessageView> send(Caller me, UUID ticketId, Requests.SendMessage body) {
        var internal = Boolean.TRUE.equals(body.internal());
        if (internal && !me.isStaff()) {
            tickets.visible(me, ticketId, false);
            throw Problems.forbidden("only staff write internal notes");
        }
        var t = tickets.visible(me, ticketId, true);
        TicketMessage existing = TicketMessage.find("ticketId = ?1 and senderId = ?2 and clientMessageId = ?3",
                t.id, me.id(), body.clientMessageId()).firstResult();
        if (existing != null) {
            return new Created<>(views.message(existing, t), false);
        }
        TicketMerge.requireNotMerged(t, me);
        var text = body.body() == null ? "" : body.body().strip();
        var attachmentIds = body.attachmentIds() == null ? List.<UUID>of() : List.copyOf(Set.copyOf(body.attachmentIds()));
        if (text.isEmpty() && attachmentIds.isEmpty()) {
            throw Problems.invalid("body", "must not be empty");
        }
        if (!internal && t.status() == TicketStatus.CLOSED) {
            throw Problems.conflict("the ticket is closed; reopen it to write again");
        }
        if (!internal && body.lastSeenSeq() != null && me.isStaff()) {
            refuseIfAnotherReplied(me, t, body.lastSeenSeq());
        }
        if (body.replyToId() != null) {
            TicketMessage replied = TicketMessage.findById(body.replyToId());
            if (replied == null || !replied.ticketId.equals(t.id) || replied.internal && !me.isStaff()) {
                throw Problems.invalid("replyToId", "is not a message of this ticket");
            }
        }
        var attachments = attachmentIds.isEmpty() ? List.<TicketAttachment>of()
                : TicketAttachment.<TicketAttachment>list("id in ?1", attachmentIds);
        if (attachments.size() != attachmentIds.size() || attachments.stream().anyMatch(a ->
                !a.ticketId.equals(t.id) || !a.uploaderId.equals(me.id()) || a.messageId != null)) {
            throw Problems.invalid("attachmentIds", "must be your own uploads to this ticket, not yet sent");
        }
        var now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        var m = new TicketMessage();
        m.id = UUID.randomUUID();
        m.workspaceId = t.workspaceId;
        m.ticketId = t.id;
        m.seq = ++t.lastMessageSeq;
        m.senderKind = me.senderKind();
        m.senderId = me.id();
        m.body = text;
        m.internal = internal;
        m.replyToId = body.replyToId();
        m.clientMessageId = body.clientMessageId();
        m.createdAt = now;
        m.persist();
        em.flush();
        attachments.forEach(a -> a.messageId = m.id);
        t.updatedAt = now;
        if (internal) {
            events.publish(EventTypes.SupportChat.NOTE_CREATED, t, me.actor(), Audience.role("ADMIN"), views.noteCreated(m));
        } else {
            events.publish(EventTypes.SupportChat.MESSAGE_CREATED, t, me.actor(), TicketEvents.staffAndRequester(t),
                    views.message(m, t));
            if (me.isStaff()) {
                sla.staffReplied(t, now);
            } else {
                sla.customerWrote(t, now);
                if (t.status() == TicketStatus.WAITING_CUSTOMER) {
                    tickets.move(t, TicketStatus.IN_PROGRESS, me.actor(), now);
                } else if (t.status() == TicketStatus.RESOLVED) {
                    tickets.move(t, TicketStatus.REOPENED, me.actor(), now);
                }
            }
        }
        return new Created<>(views.message(m, t), true);
    }

    /**
     * Another staff member's public reply after {@code lastSeenSeq} (the ticket row is locked, so two agents sending at
     * once cannot both pass): 409 naming them, with the field, so the sender can look and send again without it.
     */
    private void refuseIfAnotherReplied(Caller me, Ticket t, long lastSeenSeq) {
        TicketMessage other = TicketMessage.find("ticketId = ?1 and seq > ?2 and internal = false and senderKind = ?3"
                + " and senderId <> ?4 and deletedAt is null order by seq desc", t.id, lastSeenSeq, me.senderKind(),
                me.id()).firstResult();
        if (other != null) {
            var name = views.message(other, t).sender().name();
            var message = (name == null ? "another agent" : name) + " replied after seq " + lastSeenSeq
                    + " (seq " + other.seq + "); read it, then send without lastSeenSeq to send anyway";
            throw new ProblemException(409, "Conflict", message, List.of(new Problem.FieldError("lastSeenSeq", message)));
        }
    }

    @Transactional
    public Views.MessageView edit(Caller me, UUID ticketId, UUID messageId, String body) {
        var t = tickets.visible(me, ticketId, true);
        var m = own(me, t, messageId);
        m.body = body.strip();
        m.editedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        var view = views.message(m, t);
        if (!m.internal) {
            events.publish(EventTypes.SupportChat.MESSAGE_EDITED, t, me.actor(), TicketEvents.staffAndRequester(t), view);
        }
        return view;
    }

    @Transactional
    public void delete(Caller me, UUID ticketId, UUID messageId) {
        var t = tickets.visible(me, ticketId, true);
        var m = own(me, t, messageId);
        m.deletedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        m.body = "";
        if (!m.internal) {
            events.publish(EventTypes.SupportChat.MESSAGE_DELETED, t, me.actor(), TicketEvents.staffAndRequester(t),
                    views.message(m, t));
        }
    }

    /** The requester has seen the conversation up to {@code seq}; staff reads are not tracked here. */
    @Transactional
    public Views.TicketView read(Caller me, UUID ticketId, long seq) {
        var t = tickets.visible(me, ticketId, true);
        if (!me.isStaff()) {
            var upTo = Math.min(seq, t.lastMessageSeq);
            if (upTo > t.customerReadSeq) {
                t.customerReadSeq = upTo;
                events.ticket(EventTypes.SupportChat.TICKET_UPDATED, t, me.actor());
            }
        }
        return views.ticket(t, me.isStaff());
    }

    @Transactional
    public Views.TicketView rate(Caller me, UUID ticketId, Requests.Rate body) {
        var t = tickets.visible(me, ticketId, true);
        if (me.isStaff()) {
            throw Problems.forbidden("only the requester rates a ticket");
        }
        // closed by a merge, not by a resolution: the conversation is rated where it continues
        TicketMerge.requireNotMerged(t, me);
        if (t.status() != TicketStatus.RESOLVED && t.status() != TicketStatus.CLOSED) {
            throw Problems.conflict("a ticket can be rated once it is resolved or closed");
        }
        if (t.ratingScore != null) {
            throw Problems.conflict("this ticket has been rated already");
        }
        t.ratingScore = body.score();
        t.ratingComment = body.comment() == null || body.comment().isBlank() ? null : body.comment().strip();
        t.ratedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        t.updatedAt = t.ratedAt;
        events.history(t, "RATED", "rating", null, body.score(), me.actor());
        events.ticket(EventTypes.SupportChat.TICKET_RATED, t, me.actor());
        return views.ticket(t, me.isStaff());
    }

    private static TicketMessage own(Caller me, Ticket t, UUID messageId) {
        TicketMessage m = messageId == null ? null : TicketMessage.findById(messageId);
        if (m == null || !m.ticketId.equals(t.id) || m.internal && !me.isStaff()) {
            throw Problems.notFound("message " + messageId);
        }
        if (!m.senderId.equals(me.id())) {
            throw Problems.forbidden("only the sender edits or deletes a message");
        }
        if (m.deletedAt != null) {
            throw Problems.conflict("the message was deleted");
        }
        return m;
    }
}
