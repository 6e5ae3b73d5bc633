package io.goftgu.supportinfo.api;

import io.goftgu.supportinfo.domain.LinkKind;
import io.goftgu.supportinfo.domain.Priority;
import io.goftgu.supportinfo.domain.RecordSource;
import io.goftgu.supportinfo.domain.RecordStatus;
import io.goftgu.supportinfo.domain.RecordType;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Response bodies of {@code /api/support-info}. */
public final class RecordViews {

    private RecordViews() {
    }

    /** A user, team or category by id and its current name (null name: not known to this service yet). */
    public record Ref(UUID id, String name) {
    }

    public record LabelView(UUID id, String name, String color) {
    }

    /** {@code url}: by the workspace's template for the kind, null without one (docs/design.md, "CRM links"). */
    public record LinkView(LinkKind kind, String refId, String title, String url) {
    }

    /** What staff see, and what {@code support-info.record.*} events carry. */
    public record Staff(
            UUID id, String title, String description, RecordSource source, RecordType type, Priority priority,
            RecordStatus status, Instant contactAt, Instant dueAt,
            UUID customerId, Ref customer, UUID assigneeId, Ref assignee, UUID teamId, Ref team,
            UUID categoryId, Ref category, List<UUID> labelIds, List<LabelView> labels,
            boolean visibleToCustomer, List<LinkView> links, UUID ticketId, UUID createdBy,
            Instant createdAt, Instant updatedAt, Instant resolvedAt, Instant closedAt) {
    }

    /**
     * What the record's customer sees when it is visible to them: no assignee, team, labels, links, author or
     * visibility flag (README "Customer view").
     */
    public record Customer(
            UUID id, String title, String description, RecordSource source, RecordType type, Priority priority,
            RecordStatus status, Instant contactAt, Instant dueAt, Ref category, UUID ticketId,
            Instant createdAt, Instant updatedAt, Instant resolvedAt, Instant closedAt) {
    }

    /** {@code GET /api/support-info/counts}: every status, zero included, and their sum. */
    public record Counts(Map<RecordStatus, Long> byStatus, long total) {
    }
}
