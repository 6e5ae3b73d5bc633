package io.goftgu.supportinfo.api;

import io.goftgu.supportinfo.domain.LinkKind;
import io.goftgu.supportinfo.domain.Priority;
import io.goftgu.supportinfo.domain.RecordSource;
import io.goftgu.supportinfo.domain.RecordStatus;
import io.goftgu.supportinfo.domain.RecordType;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Request bodies of {@code /api/support-info}. */
public final class RecordInput {

    public static final int MAX_TITLE = 500;
    public static final int MAX_DESCRIPTION = 20_000;
    public static final int MAX_LABELS = 50;
    public static final int MAX_LINKS = 50;

    private RecordInput() {
    }

    /** {@code POST /api/support-info}. */
    public record Create(
            @NotBlank @Size(max = MAX_TITLE, message = "must be at most {max} characters") String title,
            @Size(max = MAX_DESCRIPTION, message = "must be at most {max} characters") String description,
            @NotNull RecordSource source,
            @NotNull RecordType type,
            Priority priority,
            RecordStatus status,
            Instant contactAt,
            Instant dueAt,
            UUID customerId,
            UUID assigneeId,
            UUID teamId,
            UUID categoryId,
            @Size(max = MAX_LABELS, message = "at most {max} labels") Set<@NotNull UUID> labelIds,
            Boolean visibleToCustomer,
            @Size(max = MAX_LINKS, message = "at most {max} links") List<@NotNull @Valid Link> links) {

        /** The same record with {@code checked} links (named by the CRM lookup) in place of the ones given. */
        public Create withLinks(List<Link> checked) {
            return new Create(title, description, source, type, priority, status, contactAt, dueAt, customerId,
                    assigneeId, teamId, categoryId, labelIds, visibleToCustomer, checked);
        }
    }

    /**
     * A link to a CRM entity; on update the whole list is replaced. The title is required unless the workspace has a
     * CRM lookup, whose title then wins (docs/design.md, "CRM links").
     */
    public record Link(
            @NotNull LinkKind kind,
            @NotBlank @Size(max = 200, message = "must be at most {max} characters") String refId,
            @Size(max = MAX_TITLE, message = "must be at most {max} characters") String title) {
    }
}
