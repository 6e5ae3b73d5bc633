package io.goftgu.supportinfo.listener;

import com.fasterxml.jackson.databind.JsonNode;
import io.goftgu.events.Actor;
import io.goftgu.events.EventEnvelope;
import io.goftgu.events.EventTypes;
import io.goftgu.events.Topics;
import io.goftgu.outbox.EventSubscriber;
import io.goftgu.supportinfo.api.RecordInput;
import io.goftgu.supportinfo.domain.Priority;
import io.goftgu.supportinfo.domain.RecordSource;
import io.goftgu.supportinfo.domain.RecordStatus;
import io.goftgu.supportinfo.domain.RecordType;
import io.goftgu.supportinfo.domain.SupportRecord;
import io.goftgu.supportinfo.mapping.RecordMapper;
import io.goftgu.supportinfo.service.RecordEvents;
import io.goftgu.supportinfo.service.SettingsService;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Turns resolved support-chat tickets into support-info records ({@code support-chat.ticket.status-changed}).
 * <ul>
 *   <li>RESOLVED, no record for the ticket yet, workspace setting {@code recordResolvedTickets} on → a record
 *   (source USER_TICKET, or ADMIN_TICKET when staff opened the ticket for the customer; type ISSUE; status
 *   RESOLVED; {@code ticketId} set).</li>
 *   <li>RESOLVED again after a reopen → the same record is updated from the ticket (title, description, priority,
 *   customer, assignee, team) and is RESOLVED again. Staff edits of type, category, labels, links and visibility
 *   stay.</li>
 *   <li>Reopened (any open status) → its record, if RESOLVED or CLOSED, moves to OPEN; CLOSED → CLOSED.</li>
 * </ul>
 * Exactly once: the subscriber applies each event id once, in the ticket's order (key = ticket id), and
 * {@code UNIQUE (workspace_id, ticket_id)} allows one record per ticket.
 */
@ApplicationScoped
public class ResolvedTicketRecorder {

    static final String CONSUMER = "support-info.ticket-records";
    private static final Set<String> OPEN_STATUSES = Set.of("OPEN", "PENDING", "IN_PROGRESS", "WAITING_CUSTOMER", "REOPENED");

    private final EntityManager entityManager;
    private final SettingsService settings;
    private final RecordMapper mapper;
    private final RecordEvents events;

    ResolvedTicketRecorder(EntityManager entityManager, SettingsService settings, RecordMapper mapper,
                           RecordEvents events) {
        this.entityManager = entityManager;
        this.settings = settings;
        this.mapper = mapper;
        this.events = events;
    }

    void start(@Observes StartupEvent startup, EventSubscriber subscriber) {
        subscriber.subscribe(CONSUMER, List.of(Topics.SUPPORT_CHAT), this::apply);
    }

    /** Runs in the subscriber's transaction, together with the event's dedupe row. */
    void apply(EventEnvelope event) {
        if (!EventTypes.SupportChat.TICKET_STATUS_CHANGED.equals(event.type())) {
            return;
        }
        var ticket = event.payload();
        var ticketId = uuid(ticket.path("id"));
        if (ticketId == null) {
            ticketId = event.aggregateId();
        }
        var status = ticket.path("status").asText("");
        var record = find(event.workspaceId(), ticketId);
        var now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        if ("RESOLVED".equals(status)) {
            if (record == null) {
                if (!settings.recordResolvedTickets(event.workspaceId())) {
                    return;
                }
                create(event, ticketId, ticket, now);
                return;
            }
            copyTicket(record, ticket);
            record.moveTo(RecordStatus.RESOLVED, instant(ticket.path("resolvedAt"), event.occurredAt()));
        } else if (record == null) {
            return;
        } else if ("CLOSED".equals(status) && record.status != RecordStatus.CLOSED) {
            record.moveTo(RecordStatus.CLOSED, instant(ticket.path("closedAt"), event.occurredAt()));
        } else if (OPEN_STATUSES.contains(status)
                && (record.status == RecordStatus.RESOLVED || record.status == RecordStatus.CLOSED)) {
            record.moveTo(RecordStatus.OPEN, now);
        } else {
            return;
        }
        record.updatedAt = now;
        events.updated(mapper.staff(record), record.workspaceId, Actor.SYSTEM);
    }

    private void create(EventEnvelope event, UUID ticketId, JsonNode ticket, Instant now) {
        var record = new SupportRecord();
        record.id = UUID.randomUUID();
        record.workspaceId = event.workspaceId();
        record.ticketId = ticketId;
        record.type = RecordType.ISSUE;
        record.status = RecordStatus.NEW;
        copyTicket(record, ticket);
        var resolvedAt = instant(ticket.path("resolvedAt"), event.occurredAt());
        record.contactAt = resolvedAt;
        record.moveTo(RecordStatus.RESOLVED, resolvedAt);
        record.createdBy = uuid(ticket.path("createdById"));
        record.createdAt = now;
        record.updatedAt = now;
        record.persist();
        Log.infof("ticket %s of workspace %s resolved: support info record %s", ticketId, record.workspaceId, record.id);
        events.created(mapper.staff(record), record.workspaceId, Actor.SYSTEM);
    }

    /** The fields the ticket owns; a USER requester becomes the customer, a guest has no user id here. */
    private static void copyTicket(SupportRecord record, JsonNode ticket) {
        var number = ticket.path("number").asText("").strip();
        var subject = ticket.path("subject").asText("").strip();
        var title = (number.isEmpty() ? "" : number + " — ") + (subject.isEmpty() ? "ticket" : subject);
        record.title = title.length() > RecordInput.MAX_TITLE ? title.substring(0, RecordInput.MAX_TITLE) : title;
        var description = ticket.path("description").asText("");
        record.description = description.isBlank() ? null : description;
        record.source = ticket.path("createdByStaff").asBoolean(false) ? RecordSource.ADMIN_TICKET : RecordSource.USER_TICKET;
        record.priority = priority(ticket.path("priority").asText(""));
        var requester = ticket.path("requester");
        record.customerId = "USER".equals(requester.path("kind").asText()) ? uuid(requester.path("id")) : null;
        record.assigneeId = uuid(ticket.path("assigneeId"));
        record.teamId = uuid(ticket.path("teamId"));
    }

    private SupportRecord find(UUID workspaceId, UUID ticketId) {
        return entityManager.createQuery(
                        "select r from SupportRecord r where r.workspaceId = :w and r.ticketId = :t", SupportRecord.class)
                .setParameter("w", workspaceId).setParameter("t", ticketId)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream().findFirst().orElse(null);
    }

    static Priority priority(String value) {
        try {
            return Priority.valueOf(value);
        } catch (IllegalArgumentException e) {
            return Priority.MEDIUM;
        }
    }

    private static UUID uuid(JsonNode node) {
        if (node == null || !node.isTextual()) {
            return null;
        }
        try {
            return UUID.fromString(node.asText());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Instant instant(JsonNode node, Instant fallback) {
        if (node != null && node.isTextual()) {
            try {
                return Instant.parse(node.asText()).truncatedTo(ChronoUnit.MICROS);
            } catch (DateTimeParseException e) {
                return fallback;
            }
        }
        return fallback;
    }
}
