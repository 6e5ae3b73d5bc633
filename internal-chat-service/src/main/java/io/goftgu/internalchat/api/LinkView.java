package io.goftgu.internalchat.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A link to a CRM entity, on a message or pinned on a room (docs/design.md, "CRM links"). The title is required
 * unless the workspace has a lookup, whose title then wins; {@code url} comes from the workspace's template for the
 * kind (null without one) and is ignored on input.
 */
public record LinkView(
        @NotNull @Pattern(regexp = "DOCUMENT|TASK|KNOWLEDGE", message = "must be DOCUMENT, TASK or KNOWLEDGE") String kind,
        @NotBlank @Size(max = 200) String refId,
        @Size(max = 300) String title,
        @Schema(readOnly = true) String url) {

    public LinkView(String kind, String refId, String title) {
        this(kind, refId, title, null);
    }
}
