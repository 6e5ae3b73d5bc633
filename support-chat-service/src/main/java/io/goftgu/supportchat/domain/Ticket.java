package io.goftgu.supportchat.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

@Entity
public class Ticket extends PanacheEntityBase {

    public static final String CUSTOMER = "USER";
    public static final String GUEST = "GUEST";

    @Id
    public UUID id;
    @Column(name = "workspace_id")
    public UUID workspaceId;
    public int number;
    public String subject;
    public String description;
    public String status;
    public String priority;
    @Column(name = "category_id")
    public UUID categoryId;
    /** {@link #CUSTOMER} or {@link #GUEST}. */
    @Column(name = "requester_kind")
    public String requesterKind;
    @Column(name = "requester_id")
    public UUID requesterId;
    @Column(name = "created_by_id")
    public UUID createdById;
    @Column(name = "created_by_staff")
    public boolean createdByStaff;
    @Column(name = "assignee_id")
    public UUID assigneeId;
    @Column(name = "team_id")
    public UUID teamId;
    @Column(name = "due_at")
    public Instant dueAt;
    @Column(name = "reopen_count")
    public int reopenCount;
    @Column(name = "last_message_seq")
    public long lastMessageSeq;
    @Column(name = "customer_read_seq")
    public long customerReadSeq;
    @Column(name = "first_response_at")
    public Instant firstResponseAt;
    @Column(name = "resolved_at")
    public Instant resolvedAt;
    @Column(name = "closed_at")
    public Instant closedAt;
    @Column(name = "sla_policy_id")
    public UUID slaPolicyId;
    @Column(name = "first_response_due_at")
    public Instant firstResponseDueAt;
    @Column(name = "next_response_due_at")
    public Instant nextResponseDueAt;
    @Column(name = "resolution_due_at")
    public Instant resolutionDueAt;
    /** on-track, at-risk, breached, met; null without a policy. */
    @Column(name = "sla_state")
    public String slaState;
    @Column(name = "sla_paused_at")
    public Instant slaPausedAt;
    @Column(name = "sla_paused_seconds")
    public long slaPausedSeconds;
    @Column(name = "sla_at_risk_notified")
    public boolean slaAtRiskNotified;
    @Column(name = "sla_breached_notified")
    public boolean slaBreachedNotified;
    /** Waiting in the automatic-assignment queue for an available agent. */
    @Column(name = "awaiting_assignment")
    public boolean awaitingAssignment;
    @Column(name = "rating_score")
    public Integer ratingScore;
    @Column(name = "rating_comment")
    public String ratingComment;
    @Column(name = "rated_at")
    public Instant ratedAt;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    /** The ticket this one was merged into: closed for good, its conversation shown as part of the target's. */
    @Column(name = "merged_into_id")
    public UUID mergedIntoId;
    @Column(name = "merged_at")
    public Instant mergedAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "ticket_label", joinColumns = @JoinColumn(name = "ticket_id"))
    @Column(name = "label_id")
    public Set<UUID> labelIds = new HashSet<>();

    public TicketStatus status() {
        return TicketStatus.valueOf(status);
    }

    public boolean isRequester(String kind, UUID id) {
        return requesterKind.equals(kind) && requesterId.equals(id);
    }
}
