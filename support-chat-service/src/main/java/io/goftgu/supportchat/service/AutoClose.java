package io.goftgu.supportchat.service;

import io.goftgu.events.Actor;
import io.goftgu.supportchat.config.SupportChatConfig;
import io.goftgu.supportchat.domain.Ticket;
import io.goftgu.supportchat.domain.TicketStatus;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Closes RESOLVED tickets that stayed resolved for {@code goftgu.support-chat.auto-close-after}; replicas take turns. */
@ApplicationScoped
public class AutoClose {

    private final EntityManager em;
    private final TicketService tickets;
    private final SupportChatConfig config;

    AutoClose(EntityManager em, TicketService tickets, SupportChatConfig config) {
        this.em = em;
        this.tickets = tickets;
        this.config = config;
    }

    @Scheduled(every = "${goftgu.support-chat.auto-close-interval:1m}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        closeResolved(Instant.now());
    }

    @Transactional
    public int closeResolved(Instant now) {
        Locks.lock(em, Locks.AUTO_CLOSE);
        var due = em.createQuery("from Ticket where status = 'RESOLVED' and resolvedAt < ?1 order by resolvedAt", Ticket.class)
                .setParameter(1, now.minus(config.autoCloseAfter())).setMaxResults(500).getResultList();
        var at = now.truncatedTo(ChronoUnit.MICROS);
        due.forEach(t -> tickets.move(t, TicketStatus.CLOSED, Actor.SYSTEM, at));
        return due.size();
    }
}
