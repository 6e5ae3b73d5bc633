package io.goftgu.supportinfo.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;
import org.hibernate.annotations.BatchSize;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/** One support contact: a call, a visit, a ticket. The table is {@code support_info} (docs/design.md §2). */
@Entity
@Table(name = "support_info")
public class SupportRecord extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "workspace_id")
    public UUID workspaceId;
    public String title;
    public String description;
    @Column(name = "search_text")
    public String searchText;
    @Enumerated(EnumType.STRING)
    public RecordSource source;
    @Enumerated(EnumType.STRING)
    public RecordType type;
    @Enumerated(EnumType.STRING)
    public Priority priority;
    @Column(name = "priority_rank")
    public short priorityRank;
    @Enumerated(EnumType.STRING)
    public RecordStatus status;
    @Column(name = "contact_at")
    public Instant contactAt;
    @Column(name = "due_at")
    public Instant dueAt;
    @Column(name = "customer_id")
    public UUID customerId;
    @Column(name = "assignee_id")
    public UUID assigneeId;
    @Column(name = "team_id")
    public UUID teamId;
    @Column(name = "category_id")
    public UUID categoryId;
    @Column(name = "visible_to_customer")
    public boolean visibleToCustomer;
    @Column(name = "ticket_id")
    public UUID ticketId;
    @Column(name = "created_by")
    public UUID createdBy;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Column(name = "resolved_at")
    public Instant resolvedAt;
    @Column(name = "closed_at")
    public Instant closedAt;

    @ElementCollection
    @CollectionTable(name = "support_info_label", joinColumns = @JoinColumn(name = "record_id"))
    @Column(name = "label_id")
    @BatchSize(size = 100)
    public Set<UUID> labelIds = new HashSet<>();

    @ElementCollection
    @CollectionTable(name = "support_info_link", joinColumns = @JoinColumn(name = "record_id"))
    @OrderColumn(name = "position")
    @BatchSize(size = 100)
    public List<RecordLink> links = new ArrayList<>();

    /** Moves the status, stamping when it was resolved or closed; the caller has checked the move. */
    public void moveTo(RecordStatus target, Instant now) {
        if (target == status) {
            return;
        }
        status = target;
        if (target == RecordStatus.RESOLVED) {
            resolvedAt = now;
        } else if (target == RecordStatus.CLOSED) {
            closedAt = now;
            resolvedAt = resolvedAt == null ? now : resolvedAt;
        } else {
            resolvedAt = null;
            closedAt = null;
        }
    }

    @PrePersist
    @PreUpdate
    void derive() {
        priorityRank = (short) priority.ordinal();
        searchText = searchable(title + "\n" + (description == null ? "" : description));
    }

    /**
     * Folds text for case-insensitive, Persian-friendly search: lower case, Arabic yeh/kaf/teh marbuta to their
     * Persian forms, Persian and Arabic digits to ASCII, zero-width non-joiners and runs of white space to one space.
     */
    public static String searchable(String text) {
        var folded = new StringBuilder(text.length());
        for (var c : text.toLowerCase(Locale.ROOT).toCharArray()) {
            folded.append(switch (c) {
                case 'ي', 'ى' -> 'ی';
                case 'ك' -> 'ک';
                case 'ة' -> 'ه';
                case '\u200c', '\u200f', '\u200e' -> ' ';
                default -> c >= '۰' && c <= '۹' ? (char) ('0' + (c - '۰'))
                        : c >= '٠' && c <= '٩' ? (char) ('0' + (c - '٠')) : c;
            });
        }
        return folded.toString().replaceAll("\\s+", " ");
    }
}
