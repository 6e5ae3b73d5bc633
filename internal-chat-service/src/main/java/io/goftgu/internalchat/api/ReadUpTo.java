package io.goftgu.internalchat.api;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** {@code POST /api/internal-chat/rooms/{roomId}/read}. */
public record ReadUpTo(@NotNull @Min(0) Long seq) {
}
