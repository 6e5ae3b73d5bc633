package io.goftgu.supportchat.api;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import io.goftgu.supportchat.domain.Priority;
import io.goftgu.supportchat.domain.TicketStatus;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * {@code PATCH /api/support-chat/{id}}: a field that is absent stays as it is; {@code assigneeId}, {@code teamId},
 * {@code categoryId} and {@code dueAt} sent as {@code null} are cleared; {@code labelIds} replaces the whole set
 * ({@code null}: none). A field a ticket update does not take is kept in {@link #unknown()} so that the service can
 * refuse it instead of answering 200 unchanged.
 */
public class TicketPatch {

    public static final List<String> FIELDS = List.of("status", "priority", "assigneeId", "teamId", "categoryId",
            "labelIds", "dueAt");

    private final Set<String> present = new LinkedHashSet<>();
    private final Set<String> unknown = new TreeSet<>();

    private TicketStatus status;
    private Priority priority;
    private UUID assigneeId;
    private UUID teamId;
    private UUID categoryId;
    @Size(max = 50, message = "must list at most 50 ids")
    private List<@NotNull(message = "must be a list of ids") UUID> labelIds;
    private Instant dueAt;

    public boolean has(String field) {
        return present.contains(field);
    }

    /** The fields sent, in the order they came. */
    public Set<String> fields() {
        return present;
    }

    /** Fields sent that a ticket update does not take, sorted. */
    public Set<String> unknown() {
        return unknown;
    }

    public TicketStatus status() { return status; }
    public Priority priority() { return priority; }
    public UUID assigneeId() { return assigneeId; }
    public UUID teamId() { return teamId; }
    public UUID categoryId() { return categoryId; }
    public List<UUID> labelIds() { return labelIds; }
    public Instant dueAt() { return dueAt; }

    public void setStatus(TicketStatus v) { status = v; present.add("status"); }
    public void setPriority(Priority v) { priority = v; present.add("priority"); }
    public void setAssigneeId(UUID v) { assigneeId = v; present.add("assigneeId"); }
    public void setTeamId(UUID v) { teamId = v; present.add("teamId"); }
    public void setCategoryId(UUID v) { categoryId = v; present.add("categoryId"); }
    public void setLabelIds(List<UUID> v) { labelIds = v; present.add("labelIds"); }
    public void setDueAt(Instant v) { dueAt = v; present.add("dueAt"); }

    @JsonAnySetter
    public void other(String field, Object ignored) {
        unknown.add(field);
        present.add(field);
    }
}
