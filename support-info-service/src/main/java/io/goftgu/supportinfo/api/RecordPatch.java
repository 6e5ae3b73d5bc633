package io.goftgu.supportinfo.api;

import io.goftgu.supportinfo.api.RecordInput.Link;
import io.goftgu.supportinfo.domain.Priority;
import io.goftgu.supportinfo.domain.RecordSource;
import io.goftgu.supportinfo.domain.RecordStatus;
import io.goftgu.supportinfo.domain.RecordType;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * {@code PATCH /api/support-info/{id}}: a field that is absent stays as it is; a field sent as {@code null} is
 * cleared (where it may be empty); {@code labelIds} and {@code links} replace the whole set.
 */
public class RecordPatch {

    private final Set<String> present = new HashSet<>();

    @Size(max = RecordInput.MAX_TITLE, message = "must be at most {max} characters")
    private String title;
    @Size(max = RecordInput.MAX_DESCRIPTION, message = "must be at most {max} characters")
    private String description;
    private RecordSource source;
    private RecordType type;
    private Priority priority;
    private RecordStatus status;
    private Instant contactAt;
    private Instant dueAt;
    private UUID customerId;
    private UUID assigneeId;
    private UUID teamId;
    private UUID categoryId;
    @Size(max = RecordInput.MAX_LABELS, message = "at most {max} labels")
    private Set<@NotNull UUID> labelIds;
    private Boolean visibleToCustomer;
    @Size(max = RecordInput.MAX_LINKS, message = "at most {max} links")
    private List<@NotNull @Valid Link> links;

    /** The links as checked by the CRM lookup (named by it), in place of the ones given. */
    public void replaceLinks(List<Link> checked) {
        this.links = checked;
    }

    public boolean has(String field) {
        return present.contains(field);
    }

    public String title() { return title; }
    public String description() { return description; }
    public RecordSource source() { return source; }
    public RecordType type() { return type; }
    public Priority priority() { return priority; }
    public RecordStatus status() { return status; }
    public Instant contactAt() { return contactAt; }
    public Instant dueAt() { return dueAt; }
    public UUID customerId() { return customerId; }
    public UUID assigneeId() { return assigneeId; }
    public UUID teamId() { return teamId; }
    public UUID categoryId() { return categoryId; }
    public Set<UUID> labelIds() { return labelIds; }
    public Boolean visibleToCustomer() { return visibleToCustomer; }
    public List<RecordInput.Link> links() { return links; }

    public void setTitle(String v) { title = v; present.add("title"); }
    public void setDescription(String v) { description = v; present.add("description"); }
    public void setSource(RecordSource v) { source = v; present.add("source"); }
    public void setType(RecordType v) { type = v; present.add("type"); }
    public void setPriority(Priority v) { priority = v; present.add("priority"); }
    public void setStatus(RecordStatus v) { status = v; present.add("status"); }
    public void setContactAt(Instant v) { contactAt = v; present.add("contactAt"); }
    public void setDueAt(Instant v) { dueAt = v; present.add("dueAt"); }
    public void setCustomerId(UUID v) { customerId = v; present.add("customerId"); }
    public void setAssigneeId(UUID v) { assigneeId = v; present.add("assigneeId"); }
    public void setTeamId(UUID v) { teamId = v; present.add("teamId"); }
    public void setCategoryId(UUID v) { categoryId = v; present.add("categoryId"); }
    public void setLabelIds(Set<UUID> v) { labelIds = v; present.add("labelIds"); }
    public void setVisibleToCustomer(Boolean v) { visibleToCustomer = v; present.add("visibleToCustomer"); }
    public void setLinks(List<RecordInput.Link> v) { links = v; present.add("links"); }
}
