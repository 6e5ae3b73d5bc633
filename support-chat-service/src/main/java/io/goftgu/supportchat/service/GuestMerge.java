package io.goftgu.supportchat.service;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.goftgu.events.Actor;
import io.goftgu.events.Audience;
import io.goftgu.events.EventJson;
import io.goftgu.events.EventTypes;
import io.goftgu.problem.Problems;
import io.goftgu.supportchat.api.Views;
import io.goftgu.supportchat.domain.Guest;
import io.goftgu.supportchat.domain.Ticket;
import io.goftgu.supportchat.domain.WorkspaceUser;
import io.goftgu.supportchat.mapping.TicketViews;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * A guest who turns out to be a customer (docs/design.md, "Merges"): their tickets move to the customer, who then sees
 * them in the customer panel, and the guest's token no longer reaches them (a guest sees only tickets whose requester
 * it is). By staff, or automatically when a verified {@code externalId} names a customer: the customer's user id, or
 * their e-mail address ignoring case. The HMAC that verifies an {@code externalId} is made with the workspace's widget
 * secret on the site's server, so the site vouches for it as it vouches for the guest.
 */
@ApplicationScoped
public class GuestMerge {

    private final EntityManager em;
    private final TicketEvents events;
    private final TicketViews views;

    GuestMerge(EntityManager em, TicketEvents events, TicketViews views) {
        this.em = em;
        this.events = events;
        this.views = views;
    }

    /** Staff only (checked by the resource). Idempotent: merging into the same customer again moves nothing new. */
    @Transactional
    public Views.GuestView merge(Caller me, UUID guestId, UUID userId) {
        Guest guest = WorkspaceRows.own(guestId == null ? null : em.find(Guest.class, guestId, LockModeType.PESSIMISTIC_WRITE),
                me.workspaceId(), "guest " + guestId);
        WorkspaceUser customer = userId == null ? null : WorkspaceUser.findById(userId);
        if (customer == null || !customer.workspaceId.equals(me.workspaceId()) || !customer.active
                || !"USER".equals(customer.role)) {
            throw Problems.invalid("userId", "is not an active customer of this workspace");
        }
        if (guest.mergedIntoUserId != null && !guest.mergedIntoUserId.equals(userId)) {
            throw Problems.conflict("this guest was merged into another customer already");
        }
        into(guest, userId, me.actor());
        return TicketViews.guest(guest);
    }

    /** A customer appeared or changed in the identity projection: verified guests that name them are merged. */
    public void customerKnown(UUID workspaceId, UUID userId) {
        WorkspaceUser customer = WorkspaceUser.findById(userId);
        if (customer == null || !customer.active || !"USER".equals(customer.role)) {
            return;
        }
        var email = customer.email == null ? "" : customer.email.toLowerCase(Locale.ROOT);
        Guest.<Guest>list("workspaceId = ?1 and verified = true and mergedIntoUserId is null"
                        + " and (externalId = ?2 or lower(externalId) = ?3)", workspaceId, userId.toString(), email)
                .forEach(guest -> {
                    if (userId.equals(customerFor(workspaceId, guest.externalId))) {
                        into(guest, userId, Actor.SYSTEM);
                    }
                });
    }

    /** The one active customer a verified {@code externalId} names (user id, or e-mail ignoring case), else null. */
    public UUID customerFor(UUID workspaceId, String externalId) {
        if (externalId == null || externalId.isBlank()) {
            return null;
        }
        try {
            WorkspaceUser byId = WorkspaceUser.findById(UUID.fromString(externalId));
            if (byId != null && byId.workspaceId.equals(workspaceId) && byId.active && "USER".equals(byId.role)) {
                return byId.id;
            }
        } catch (IllegalArgumentException notAnId) {
            // not a user id: try the e-mail address
        }
        var byEmail = WorkspaceUser.<WorkspaceUser>list("workspaceId = ?1 and role = 'USER' and active = true"
                + " and lower(email) = ?2", workspaceId, externalId.toLowerCase(Locale.ROOT));
        return byEmail.size() == 1 ? byEmail.getFirst().id : null;
    }

    /** Moves every ticket the guest is the requester of to the customer, in the caller's transaction. */
    public void into(Guest guest, UUID userId, Actor actor) {
        var now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        if (!userId.equals(guest.mergedIntoUserId)) {
            guest.mergedIntoUserId = userId;
            guest.mergedAt = now;
        }
        var owned = em.createQuery("from Ticket where workspaceId = :ws and requesterKind = :kind and requesterId = :guest"
                        + " order by id", Ticket.class)
                .setParameter("ws", guest.workspaceId).setParameter("kind", Ticket.GUEST).setParameter("guest", guest.id)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
        for (var t : owned) {
            t.requesterKind = Ticket.CUSTOMER;
            t.requesterId = userId;
            t.updatedAt = now;
            events.history(t, "REQUESTER_CHANGED", "requester", "GUEST " + guest.id, "USER " + userId, actor);
            var payload = (ObjectNode) EventJson.MAPPER.valueToTree(views.ticket(t, false));
            payload.putObject("previousRequester").put("kind", Ticket.GUEST).put("id", guest.id.toString())
                    .put("name", guest.name);
            // the guest hears it too, so an open widget learns the ticket is no longer its own
            events.publish(EventTypes.SupportChat.TICKET_REQUESTER_CHANGED, t, actor,
                    new Audience(Set.of(userId), Set.of(guest.id), Set.of("ADMIN")), payload);
        }
    }
}
