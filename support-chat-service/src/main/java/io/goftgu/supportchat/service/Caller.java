package io.goftgu.supportchat.service;

import io.goftgu.events.Actor;
import io.goftgu.security.CurrentUser;
import io.goftgu.security.Role;
import io.goftgu.supportchat.domain.Ticket;
import io.goftgu.supportchat.domain.TicketMessage;

import java.util.UUID;

/** Who acts: from a verified token ({@link #of}), or a guest the gateway vouched for (the internal start API). */
public record Caller(UUID workspaceId, UUID id, Role role) {

    public static Caller of(CurrentUser me) {
        return new Caller(me.workspaceId(), me.id(), me.role());
    }

    public boolean isStaff() {
        return role == Role.ADMIN;
    }

    /** The requester kind this caller would be on a ticket ({@link Ticket#CUSTOMER} or {@link Ticket#GUEST}). */
    public String requesterKind() {
        return role == Role.GUEST ? Ticket.GUEST : Ticket.CUSTOMER;
    }

    public String senderKind() {
        return switch (role) {
            case ADMIN -> TicketMessage.STAFF;
            case USER -> TicketMessage.CUSTOMER;
            case GUEST -> TicketMessage.GUEST;
        };
    }

    public Actor actor() {
        return role == Role.GUEST ? Actor.guest(id) : Actor.user(id);
    }
}
