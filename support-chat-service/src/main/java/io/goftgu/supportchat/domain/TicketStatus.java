package io.goftgu.supportchat.domain;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** A ticket's lifecycle and its allowed moves (README, "State machine"). */
public enum TicketStatus {
    OPEN, PENDING, IN_PROGRESS, WAITING_CUSTOMER, RESOLVED, CLOSED, REOPENED;

    private static final Map<TicketStatus, Set<TicketStatus>> MOVES = Map.of(
            OPEN, EnumSet.of(PENDING, IN_PROGRESS, WAITING_CUSTOMER, RESOLVED, CLOSED),
            PENDING, EnumSet.of(OPEN, IN_PROGRESS, WAITING_CUSTOMER, RESOLVED, CLOSED),
            IN_PROGRESS, EnumSet.of(PENDING, WAITING_CUSTOMER, RESOLVED, CLOSED),
            WAITING_CUSTOMER, EnumSet.of(PENDING, IN_PROGRESS, RESOLVED, CLOSED),
            RESOLVED, EnumSet.of(CLOSED, REOPENED),
            CLOSED, EnumSet.of(REOPENED),
            REOPENED, EnumSet.of(PENDING, IN_PROGRESS, WAITING_CUSTOMER, RESOLVED, CLOSED));

    public boolean mayMoveTo(TicketStatus next) {
        return MOVES.get(this).contains(next);
    }

    /** Still being worked: counts towards an agent's load and the SLA. */
    public boolean isActive() {
        return this != RESOLVED && this != CLOSED;
    }

    /** The SLA clock stands still while the ball is with the customer or a third party. */
    public boolean pausesSla() {
        return this == WAITING_CUSTOMER || this == PENDING;
    }
}
