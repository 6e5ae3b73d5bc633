package io.goftgu.internalchat.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A link to a CRM entity, on a message or pinned on a room. */
public record LinkView(
        @NotNull @Pattern(regexp = "DOCUMENT|TASK|KNOWLEDGE", message = "must be DOCUMENT, TASK or KNOWLEDGE") String kind,
        @NotBlank @Size(max = 200) String refId,
        @NotBlank @Size(max = 300) String title) {
}
