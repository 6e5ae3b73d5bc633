package io.goftgu.supportchat.service;

import io.goftgu.events.Actor;
import io.goftgu.events.EventTypes;
import io.goftgu.paging.Page;
import io.goftgu.paging.Paging;
import io.goftgu.problem.Problems;
import io.goftgu.supportchat.api.Requests;
import io.goftgu.supportchat.api.TicketPatch;
import io.goftgu.supportchat.api.Views;
import io.goftgu.supportchat.domain.Category;
import io.goftgu.supportchat.domain.HistoryEntry;
import io.goftgu.supportchat.domain.Label;
import io.goftgu.supportchat.domain.Priority;
import io.goftgu.supportchat.domain.Ticket;
import io.goftgu.supportchat.domain.TicketStatus;
import io.goftgu.supportchat.domain.WorkspaceUser;
import io.goftgu.supportchat.mapping.TicketViews;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Tickets: create (numbered per workspace), read, change (state machine, priority, assignment, category, labels,
 * team, due date) with a history row per change and an event per kind of change. Visibility: staff see every ticket
 * of their workspace, a customer or guest only their own; anything else is "not found".
 */
@ApplicationScoped
public class TicketService {

    /** What PATCH /api/support-chat/{id} takes. */
    private static final Set<String> CUSTOMER_FIELDS = Set.of("status");

    private final EntityManager em;
    private final TicketEvents events;
    private final TicketViews views;
    private final SlaService sla;
    private final TicketAssignment assignment;

    TicketService(EntityManager em, TicketEvents events, TicketViews views, SlaService sla, TicketAssignment assignment) {
        this.em = em;
        this.events = events;
        this.views = views;
        this.sla = sla;
        this.assignment = assignment;
    }

    /** The ticket if the caller may see it, else 404 (missing, other workspace, someone else's). */
    public Ticket visible(Caller me, UUID id, boolean lock) {
        Ticket t = id == null ? null : lock ? em.find(Ticket.class, id, LockModeType.PESSIMISTIC_WRITE) : Ticket.findById(id);
        if (t == null || !t.workspaceId.equals(me.workspaceId()) || !me.isStaff() && !t.isRequester(me.requesterKind(), me.id())) {
            throw Problems.notFound("ticket " + id);
        }
        return t;
    }

    @Transactional
    public Views.TicketView get(Caller me, UUID id) {
        return views.ticket(visible(me, id, false), me.isStaff());
    }

    /** The ticket's history, oldest first (staff only, checked by the resource). */
    @Transactional
    public Page<Views.HistoryView> history(Caller me, UUID id, Integer page, Integer limit) {
        var t = visible(me, id, false);
        var paging = Paging.of(page, limit, Paging.MAX_LIMIT);
        var query = HistoryEntry.<HistoryEntry>find("ticketId = ?1 order by at, id", t.id);
        var data = query.page(paging.page() - 1, paging.limit()).list().stream().map(views::history).toList();
        return Page.of(data, query.count(), paging);
    }

    @Transactional
    public Views.TicketView create(Caller me, Requests.NewTicket body) {
        return views.ticket(open(me, body), me.isStaff());
    }

    /** Opens a ticket inside the caller's transaction. */
    public Ticket open(Caller me, Requests.NewTicket body) {
        var now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        var t = new Ticket();
        t.id = UUID.randomUUID();
        t.workspaceId = me.workspaceId();
        t.subject = body.subject().strip();
        t.description = body.description();
        t.status = TicketStatus.OPEN.name();
        t.priority = (body.priority() == null ? Priority.MEDIUM : body.priority()).name();
        t.categoryId = requireCategory(me.workspaceId(), body.categoryId());
        t.labelIds = new HashSet<>(requireLabels(me.workspaceId(), body.labelIds()));
        if (me.isStaff()) {
            if (body.requesterId() == null) {
                throw Problems.invalid("requesterId", "is required when staff open a ticket on a customer's behalf");
            }
            WorkspaceUser customer = WorkspaceUser.findById(body.requesterId());
            if (customer == null || !customer.workspaceId.equals(me.workspaceId()) || !customer.active
                    || !"USER".equals(customer.role)) {
                throw Problems.invalid("requesterId", "is not an active customer of this workspace");
            }
            t.requesterKind = Ticket.CUSTOMER;
            t.requesterId = customer.id;
        } else {
            if (body.requesterId() != null && !body.requesterId().equals(me.id())) {
                throw Problems.forbidden("only staff open tickets on someone else's behalf");
            }
            t.requesterKind = me.requesterKind();
            t.requesterId = me.id();
        }
        t.createdById = me.id();
        t.createdByStaff = me.isStaff();
        t.createdAt = now;
        t.updatedAt = now;
        t.number = nextNumber(me.workspaceId());
        sla.apply(t);
        t.persist();
        em.flush();
        events.history(t, "CREATED", null, null, TicketViews.number(t.number), me.actor());
        events.ticket(EventTypes.SupportChat.TICKET_CREATED, t, me.actor());
        assignment.autoAssign(t);
        return t;
    }

    /** TKT-1001, 1002, …: the counter row stays locked until commit, so numbers never repeat or skip. */
    private int nextNumber(UUID workspaceId) {
        return ((Number) em.createNativeQuery("""
                        INSERT INTO ticket_counter (workspace_id, last_number) VALUES (?1, 1001)
                        ON CONFLICT (workspace_id) DO UPDATE SET last_number = ticket_counter.last_number + 1
                        RETURNING last_number""")
                .setParameter(1, workspaceId).getSingleResult()).intValue();
    }

    /**
     * PATCH: staff change anything; a customer or guest may only close or reopen their own ticket (anything else
     * 403). Fields absent from the body stay; {@code null} clears assignee, team, category or due date.
     */
    @Transactional
    public Views.TicketView update(Caller me, UUID id, TicketPatch patch) {
        if (!patch.unknown().isEmpty()) {
            // a field a ticket PATCH does not know is a client's mistake: say so instead of answering 200 unchanged
            throw Problems.invalid(patch.unknown().iterator().next(),
                    "is not a field a ticket update takes (" + String.join(", ", TicketPatch.FIELDS) + ")");
        }
        var t = visible(me, id, true);
        if (!me.isStaff()) {
            var names = new LinkedHashSet<>(patch.fields());
            names.removeAll(CUSTOMER_FIELDS);
            if (!names.isEmpty()) {
                throw Problems.forbidden("customers may only close or reopen their ticket, not change " + String.join(", ", names));
            }
            if (patch.has("status")) {
                var wanted = status(patch);
                if (wanted != TicketStatus.CLOSED && wanted != TicketStatus.REOPENED) {
                    throw Problems.forbidden("customers may only close or reopen their ticket");
                }
            }
        }
        var actor = me.actor();
        var now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        // validate everything before changing anything
        TicketStatus status = patch.has("status") ? status(patch) : null;
        Priority priority = patch.has("priority") ? priority(patch) : null;
        UUID assigneeId = patch.has("assigneeId") ? requireStaff(me.workspaceId(), patch.assigneeId()) : null;
        UUID teamId = patch.has("teamId") ? requireTeam(me.workspaceId(), patch.teamId()) : null;
        UUID categoryId = patch.has("categoryId") ? requireCategory(me.workspaceId(), patch.categoryId()) : null;
        Set<UUID> labelIds = patch.has("labelIds") ? new HashSet<>(requireLabels(me.workspaceId(),
                patch.labelIds() == null ? List.of() : patch.labelIds())) : null;
        Instant dueAt = patch.has("dueAt") ? patch.dueAt() : null;
        if (status != null && status != t.status()) {
            TicketMerge.requireNotMerged(t, me);
        }
        if (status != null && status != t.status() && !t.status().mayMoveTo(status)) {
            throw Problems.conflict("a ticket that is " + t.status + " cannot move to " + status);
        }
        boolean updated = false;
        if (priority != null && !priority.name().equals(t.priority)) {
            events.history(t, "PRIORITY_CHANGED", "priority", t.priority, priority, actor);
            t.priority = priority.name();
            sla.apply(t);
            updated = true;
        }
        if (patch.has("categoryId") && !Objects.equals(categoryId, t.categoryId)) {
            events.history(t, "CATEGORY_CHANGED", "categoryId", t.categoryId, categoryId, actor);
            t.categoryId = categoryId;
            updated = true;
        }
        if (patch.has("teamId") && !Objects.equals(teamId, t.teamId)) {
            events.history(t, "TEAM_CHANGED", "teamId", t.teamId, teamId, actor);
            t.teamId = teamId;
            updated = true;
        }
        if (patch.has("dueAt") && !Objects.equals(dueAt, t.dueAt)) {
            events.history(t, "DUE_DATE_CHANGED", "dueAt", t.dueAt, dueAt, actor);
            t.dueAt = dueAt;
            updated = true;
        }
        if (labelIds != null && !labelIds.equals(t.labelIds)) {
            for (var added : labelIds) {
                if (!t.labelIds.contains(added)) {
                    events.history(t, "LABEL_ADDED", "labelIds", null, labelName(added), actor);
                }
            }
            for (var removed : t.labelIds) {
                if (!labelIds.contains(removed)) {
                    events.history(t, "LABEL_REMOVED", "labelIds", labelName(removed), null, actor);
                }
            }
            t.labelIds.clear();
            t.labelIds.addAll(labelIds);
            updated = true;
        }
        if (updated) {
            t.updatedAt = now;
            events.ticket(EventTypes.SupportChat.TICKET_UPDATED, t, actor);
        }
        if (patch.has("assigneeId")) {
            assignment.assign(t, assigneeId, actor);
        }
        if (status != null && status != t.status()) {
            move(t, status, actor, now);
        }
        em.flush();
        return views.ticket(t, me.isStaff());
    }

    /** Moves the status (already checked against the state machine) with its side effects, history and event. */
    public void move(Ticket t, TicketStatus next, Actor actor, Instant now) {
        var previous = t.status;
        t.status = next.name();
        t.updatedAt = now;
        events.history(t, "STATUS_CHANGED", "status", previous, next, actor);
        switch (next) {
            case RESOLVED -> {
                t.resolvedAt = now;
                events.history(t, "RESOLVED", "resolvedAt", null, now, actor);
            }
            case CLOSED -> {
                t.closedAt = now;
                if (t.resolvedAt == null) {
                    t.resolvedAt = now;
                }
                events.history(t, "CLOSED", "closedAt", null, now, actor);
            }
            case REOPENED -> {
                t.reopenCount++;
                t.resolvedAt = null;
                t.closedAt = null;
                events.history(t, "REOPENED", "reopenCount", t.reopenCount - 1, t.reopenCount, actor);
            }
            default -> {
            }
        }
        sla.statusChanged(t, now);
        events.statusChanged(t, previous, actor);
        if (next == TicketStatus.REOPENED) {
            assignment.autoAssign(t);
        }
    }

    /** A ticket PATCH names a status to move to: null is not one. */
    private static TicketStatus status(TicketPatch patch) {
        if (patch.status() == null) {
            throw Problems.invalid("status", "must be one of OPEN, PENDING, IN_PROGRESS, WAITING_CUSTOMER, RESOLVED, CLOSED, REOPENED");
        }
        return patch.status();
    }

    private static Priority priority(TicketPatch patch) {
        if (patch.priority() == null) {
            throw Problems.invalid("priority", "must be one of LOW, MEDIUM, HIGH, CRITICAL");
        }
        return patch.priority();
    }

    UUID requireCategory(UUID workspaceId, UUID categoryId) {
        if (categoryId == null) {
            return null;
        }
        Category category = Category.findById(categoryId);
        if (category == null || !category.workspaceId.equals(workspaceId)) {
            throw Problems.invalid("categoryId", "is not a category of this workspace");
        }
        return categoryId;
    }

    Collection<UUID> requireLabels(UUID workspaceId, Collection<UUID> labelIds) {
        if (labelIds == null || labelIds.isEmpty()) {
            return Set.of();
        }
        var distinct = Set.copyOf(labelIds);
        long found = Label.count("workspaceId = ?1 and id in ?2", workspaceId, distinct);
        if (found != distinct.size()) {
            throw Problems.invalid("labelIds", "names a label that is not in this workspace");
        }
        return distinct;
    }

    private UUID requireStaff(UUID workspaceId, UUID userId) {
        if (userId == null) {
            return null;
        }
        WorkspaceUser user = WorkspaceUser.findById(userId);
        if (user == null || !user.workspaceId.equals(workspaceId) || !user.active || !"ADMIN".equals(user.role)) {
            throw Problems.invalid("assigneeId", "is not an active staff member of this workspace");
        }
        return userId;
    }

    private UUID requireTeam(UUID workspaceId, UUID teamId) {
        if (teamId == null) {
            return null;
        }
        var found = ((Number) em.createNativeQuery("SELECT count(*) FROM team WHERE id = ?1 AND workspace_id = ?2")
                .setParameter(1, teamId).setParameter(2, workspaceId).getSingleResult()).longValue();
        if (found == 0) {
            throw Problems.invalid("teamId", "is not a team of this workspace");
        }
        return teamId;
    }

    private static String labelName(UUID id) {
        Label label = Label.findById(id);
        return label == null ? id.toString() : label.name;
    }
}
