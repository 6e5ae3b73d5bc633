package io.goftgu.internalchat.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;
import java.util.UUID;

/**
 * {@code POST /api/internal-chat/messages}; a repeated {@code clientMessageId} returns the first message. The
 * room's {@code maxMessageLength} (at most {@link #MAX_BODY}) is checked by the service.
 */
public record SendMessage(
        @NotNull UUID roomId,
        @NotBlank @Size(max = SendMessage.MAX_BODY, message = "must be at most {max} characters") String body,
        @NotNull UUID clientMessageId,
        UUID replyToId,
        @Size(max = 50) List<@NotNull UUID> mentions,
        @Size(max = 10) List<@NotNull UUID> attachmentIds,
        @Size(max = 20) List<@Valid @NotNull LinkView> links) {

    /** The ceiling of any room's limit on message length. */
    public static final int MAX_BODY = 10_000;

    public SendMessage(UUID roomId, String body, UUID clientMessageId) {
        this(roomId, body, clientMessageId, null, null, null, null);
    }
}
