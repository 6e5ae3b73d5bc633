package io.goftgu.internalchat.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.UUID;

/** {@code POST /api/internal-chat/messages}; a repeated {@code clientMessageId} returns the first message. */
public record SendMessage(
        @NotNull UUID roomId,
        @NotBlank @Size(max = SendMessage.MAX_BODY, message = "must be at most {max} characters") String body,
        @NotNull UUID clientMessageId) {

    /** The default room limit on message length. */
    public static final int MAX_BODY = 10_000;
}
