package io.goftgu.internalchat.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;

/** {@code PATCH /api/internal-chat/rooms/{roomId}}: only the given fields change. */
public record UpdateRoom(@Size(min = 1, max = 200, message = "must be 1 to 200 characters") String title,
                         @Size(max = 2000) String description,
                         @JsonProperty("isArchived") Boolean isArchived,
                         @JsonProperty("isLocked") Boolean isLocked,
                         @Valid RoomSettings settings,
                         @Size(max = 20) List<@Valid @NotNull LinkView> pinnedLinks) {
}
