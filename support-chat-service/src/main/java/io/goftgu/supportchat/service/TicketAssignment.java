package io.goftgu.supportchat.service;

import io.goftgu.events.Actor;
import io.goftgu.events.EventTypes;
import io.goftgu.supportchat.config.SupportChatConfig;
import io.goftgu.supportchat.domain.Ticket;
import io.goftgu.supportchat.domain.WorkspaceSettings;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Who works a ticket. Manual: any active staff member of the workspace. Automatic (a workspace setting): new and
 * reopened tickets go to an available ("online") agent, the least loaded first and round-robin among equals
 * (longest since their last assignment), below the per-agent capacity of active tickets; with nobody available the
 * ticket waits in the queue until an agent comes online. A per-workspace advisory lock makes the choice one replica
 * at a time, and the lock lasts until commit, so no agent is over-filled and no ticket assigned twice.
 */
@ApplicationScoped
public class TicketAssignment {

    private final EntityManager em;
    private final TicketEvents events;
    private final SupportChatConfig config;

    TicketAssignment(EntityManager em, TicketEvents events, SupportChatConfig config) {
        this.em = em;
        this.events = events;
        this.config = config;
    }

    /** Sets (or clears, with null) the assignee, with history and the assigned event. */
    public void assign(Ticket t, UUID assigneeId, Actor actor) {
        if (Objects.equals(t.assigneeId, assigneeId)) {
            return;
        }
        var old = t.assigneeId;
        t.assigneeId = assigneeId;
        t.awaitingAssignment = false;
        t.updatedAt = Instant.now();
        var action = old == null ? "ASSIGNED" : assigneeId == null ? "UNASSIGNED" : "REASSIGNED";
        events.history(t, action, "assigneeId", old, assigneeId, actor);
        events.ticket(EventTypes.SupportChat.TICKET_ASSIGNED, t, actor);
    }

    /** For a new or reopened ticket: assign it to an available agent, or queue it. Does nothing when off. */
    public void autoAssign(Ticket t) {
        var settings = settings(t.workspaceId);
        if (settings == null || !settings.autoAssign || t.assigneeId != null) {
            return;
        }
        Locks.lockAssignment(em, t.workspaceId);
        var agent = pickAgent(t.workspaceId, settings.agentCapacity);
        if (agent == null) {
            t.awaitingAssignment = true;
            return;
        }
        assignTo(t, agent);
    }

    /** Assigns queued tickets of the workspace, oldest first, while agents have room. */
    @Transactional
    public int drainQueue(UUID workspaceId) {
        var settings = settings(workspaceId);
        if (settings == null || !settings.autoAssign) {
            return 0;
        }
        Locks.lockAssignment(em, workspaceId);
        var queued = em.createQuery("""
                        from Ticket where workspaceId = ?1 and awaitingAssignment = true and assigneeId is null
                        and status not in ('RESOLVED', 'CLOSED') order by createdAt""", Ticket.class)
                .setParameter(1, workspaceId).getResultList();
        int assigned = 0;
        for (var t : queued) {
            var agent = pickAgent(workspaceId, settings.agentCapacity);
            if (agent == null) {
                break;
            }
            assignTo(t, agent);
            em.flush();
            assigned++;
        }
        return assigned;
    }

    /** A safety net for a missed presence event: every queue is looked at now and then. */
    @Scheduled(every = "${goftgu.support-chat.assignment-interval:30s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void drainAll() {
        @SuppressWarnings("unchecked")
        List<UUID> workspaces = em.createNativeQuery("SELECT DISTINCT workspace_id FROM ticket WHERE awaiting_assignment")
                .getResultList();
        workspaces.forEach(this::drainQueue);
    }

    private void assignTo(Ticket t, UUID agent) {
        assign(t, agent, Actor.SYSTEM);
        em.createNativeQuery("UPDATE agent_availability SET last_assigned_at = clock_timestamp() WHERE user_id = ?1")
                .setParameter(1, agent).executeUpdate();
    }

    private UUID pickAgent(UUID workspaceId, int capacity) {
        @SuppressWarnings("unchecked")
        List<UUID> agents = em.createNativeQuery("""
                        SELECT a.user_id FROM agent_availability a
                        JOIN workspace_user u ON u.id = a.user_id AND u.workspace_id = a.workspace_id
                             AND u.active AND u.role = 'ADMIN'
                        CROSS JOIN LATERAL (SELECT count(*) AS load FROM ticket t
                             WHERE t.assignee_id = a.user_id AND t.status NOT IN ('RESOLVED', 'CLOSED')) l
                        WHERE a.workspace_id = ?1 AND a.status = 'online' AND l.load < ?2
                        ORDER BY l.load, a.last_assigned_at NULLS FIRST, a.user_id
                        LIMIT 1""")
                .setParameter(1, workspaceId).setParameter(2, capacity).getResultList();
        return agents.isEmpty() ? null : agents.getFirst();
    }

    private WorkspaceSettings settings(UUID workspaceId) {
        return WorkspaceSettings.findById(workspaceId);
    }

    public int defaultCapacity() {
        return config.defaultAgentCapacity();
    }
}
