package io.goftgu.supportchat.service;

import com.fasterxml.jackson.core.type.TypeReference;
import io.goftgu.events.Actor;
import io.goftgu.events.EventJson;
import io.goftgu.events.EventTypes;
import io.goftgu.supportchat.domain.BusinessHoursSetting;
import io.goftgu.supportchat.domain.SlaPolicy;
import io.goftgu.supportchat.domain.Ticket;
import io.goftgu.supportchat.domain.TicketStatus;
import io.goftgu.supportchat.sla.BusinessHours;
import io.goftgu.supportchat.sla.SlaClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Applies a workspace's SLA policy to its tickets: due times in business time, the pause in WAITING_CUSTOMER and
 * PENDING, and the states on-track → at-risk (80 %) → breached, or met. {@link #scan} emits at-risk and breached
 * once each, with history; it holds an advisory lock so that replicas take turns.
 */
@ApplicationScoped
public class SlaService {

    static final double AT_RISK = 0.8;

    private final EntityManager em;
    private final TicketEvents events;

    SlaService(EntityManager em, TicketEvents events) {
        this.em = em;
        this.events = events;
    }

    public BusinessHours calendar(UUID workspaceId) {
        BusinessHoursSetting setting = BusinessHoursSetting.findById(workspaceId);
        return setting == null ? BusinessHours.defaults() : parse(setting);
    }

    static BusinessHours parse(BusinessHoursSetting s) {
        try {
            Map<String, List<List<String>>> schedule = EventJson.MAPPER.readValue(s.schedule, new TypeReference<>() {
            });
            List<String> holidays = EventJson.MAPPER.readValue(s.holidays, new TypeReference<>() {
            });
            var days = new EnumMap<DayOfWeek, List<BusinessHours.Window>>(DayOfWeek.class);
            schedule.forEach((day, windows) -> days.put(DayOfWeek.valueOf(day),
                    windows.stream().map(w -> BusinessHours.Window.of(w.get(0), w.get(1))).toList()));
            var dates = new HashSet<LocalDate>();
            holidays.forEach(d -> dates.add(LocalDate.parse(d)));
            return new BusinessHours(ZoneId.of(s.timeZone), days, dates);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** (Re)computes the ticket's policy and due times from its priority; keeps a breach that already happened. */
    public void apply(Ticket t) {
        SlaPolicy policy = SlaPolicy.find("workspaceId = ?1 and priority = ?2", t.workspaceId, t.priority).firstResult();
        if (policy == null) {
            t.slaPolicyId = null;
            t.firstResponseDueAt = null;
            t.nextResponseDueAt = null;
            t.resolutionDueAt = null;
            t.slaState = null;
            return;
        }
        var clock = new SlaClock(calendar(t.workspaceId));
        var paused = Duration.ofSeconds(t.slaPausedSeconds);
        t.slaPolicyId = policy.id;
        t.firstResponseDueAt = clock.dueAt(t.createdAt, Duration.ofMinutes(policy.firstResponseMinutes), paused);
        t.resolutionDueAt = clock.dueAt(t.createdAt, Duration.ofMinutes(policy.resolutionMinutes), paused);
        if (t.slaState == null || "met".equals(t.slaState) && t.status().isActive()) {
            t.slaState = "on-track";
        }
    }

    /** The ticket's status moved from {@code previous}: pause, resume, or settle the SLA. */
    public void statusChanged(Ticket t, Instant now) {
        if (t.slaPolicyId == null) {
            return;
        }
        var next = t.status();
        if (next.pausesSla() && t.slaPausedAt == null) {
            t.slaPausedAt = now;
        } else if (!next.pausesSla() && t.slaPausedAt != null) {
            var clock = new SlaClock(calendar(t.workspaceId));
            var pausedAt = t.slaPausedAt;
            t.slaPausedSeconds += clock.businessTimeBetween(pausedAt, now).toSeconds();
            t.slaPausedAt = null;
            if (t.nextResponseDueAt != null && t.nextResponseDueAt.isAfter(pausedAt)) {
                t.nextResponseDueAt = clock.plusBusinessTime(now, clock.businessTimeBetween(pausedAt, t.nextResponseDueAt));
            }
            apply(t);
        }
        if (next == TicketStatus.RESOLVED && !"breached".equals(t.slaState)) {
            if (t.resolutionDueAt != null && now.isAfter(t.resolutionDueAt)) {
                breach(t, "resolutionDueAt", Actor.SYSTEM);
            } else {
                t.slaState = "met";
            }
        }
        if (next == TicketStatus.REOPENED && "met".equals(t.slaState)) {
            t.slaState = "on-track";
        }
    }

    /** A staff member answered publicly: first response recorded (and checked), next-response clock stopped. */
    public void staffReplied(Ticket t, Instant now) {
        if (t.firstResponseAt == null) {
            t.firstResponseAt = now;
            if (t.firstResponseDueAt != null && now.isAfter(t.firstResponseDueAt) && !"breached".equals(t.slaState)) {
                breach(t, "firstResponseDueAt", Actor.SYSTEM);
            }
        }
        if (t.nextResponseDueAt != null && now.isAfter(t.nextResponseDueAt) && !"breached".equals(t.slaState)) {
            breach(t, "nextResponseDueAt", Actor.SYSTEM);
        }
        t.nextResponseDueAt = null;
    }

    /** The customer wrote after staff had answered: the next-response target starts. */
    public void customerWrote(Ticket t, Instant now) {
        if (t.slaPolicyId == null || t.firstResponseAt == null || t.nextResponseDueAt != null) {
            return;
        }
        SlaPolicy policy = SlaPolicy.findById(t.slaPolicyId);
        if (policy != null && policy.nextResponseMinutes != null) {
            t.nextResponseDueAt = new SlaClock(calendar(t.workspaceId))
                    .plusBusinessTime(now, Duration.ofMinutes(policy.nextResponseMinutes));
        }
    }

    /** Recomputes the due times of a workspace's active tickets (after its calendar or policies changed). */
    public void recomputeWorkspace(UUID workspaceId) {
        Ticket.<Ticket>list("workspaceId = ?1 and status not in ('RESOLVED', 'CLOSED')", workspaceId)
                .forEach(this::apply);
    }

    /**
     * One pass over running SLAs at {@code now}: marks at-risk and breached tickets and announces each once.
     * Replicas serialise on an advisory lock; the second finds the work done.
     */
    @Transactional
    public int scan(Instant now) {
        Locks.lock(em, Locks.SLA_SCAN);
        var tickets = em.createQuery("""
                        from Ticket where slaState in ('on-track', 'at-risk') and slaPausedAt is null
                        and status not in ('RESOLVED', 'CLOSED')""", Ticket.class)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
        int changed = 0;
        for (var t : tickets) {
            if (evaluate(t, now)) {
                changed++;
            }
        }
        return changed;
    }

    private boolean evaluate(Ticket t, Instant now) {
        String breachedTarget = null;
        if (t.firstResponseAt == null && t.firstResponseDueAt != null && now.isAfter(t.firstResponseDueAt)) {
            breachedTarget = "firstResponseDueAt";
        } else if (t.resolutionDueAt != null && now.isAfter(t.resolutionDueAt)) {
            breachedTarget = "resolutionDueAt";
        } else if (t.nextResponseDueAt != null && now.isAfter(t.nextResponseDueAt)) {
            breachedTarget = "nextResponseDueAt";
        }
        if (breachedTarget != null) {
            breach(t, breachedTarget, Actor.SYSTEM);
            return true;
        }
        if ("at-risk".equals(t.slaState) || t.slaPolicyId == null) {
            return false;
        }
        SlaPolicy policy = SlaPolicy.findById(t.slaPolicyId);
        if (policy == null) {
            return false;
        }
        var clock = new SlaClock(calendar(t.workspaceId));
        var paused = Duration.ofSeconds(t.slaPausedSeconds);
        var target = t.firstResponseAt == null ? policy.firstResponseMinutes : policy.resolutionMinutes;
        if (clock.used(t.createdAt, Duration.ofMinutes(target), paused, now) < AT_RISK) {
            return false;
        }
        var old = t.slaState;
        t.slaState = "at-risk";
        t.updatedAt = now;
        if (!t.slaAtRiskNotified) {
            t.slaAtRiskNotified = true;
            events.history(t, "SLA_AT_RISK", "slaState", old, t.slaState, Actor.SYSTEM);
            events.ticket(EventTypes.SupportChat.TICKET_SLA_AT_RISK, t, Actor.SYSTEM);
        }
        return true;
    }

    void breach(Ticket t, String target, Actor actor) {
        var old = t.slaState;
        t.slaState = "breached";
        t.updatedAt = Instant.now();
        if (!t.slaBreachedNotified) {
            t.slaBreachedNotified = true;
            events.history(t, "SLA_BREACHED", target, old, "breached", actor);
            events.ticket(EventTypes.SupportChat.TICKET_SLA_BREACHED, t, actor);
        }
    }
}
