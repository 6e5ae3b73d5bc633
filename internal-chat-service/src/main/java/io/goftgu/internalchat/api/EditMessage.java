package io.goftgu.internalchat.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** {@code PATCH /api/internal-chat/messages/{id}}. */
public record EditMessage(@NotBlank @Size(max = SendMessage.MAX_BODY, message = "must be at most {max} characters") String body) {
}
