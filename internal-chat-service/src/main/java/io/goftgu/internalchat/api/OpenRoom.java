package io.goftgu.internalchat.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Size;

import java.util.List;
import java.util.UUID;

/**
 * {@code POST /api/internal-chat/rooms?type=}: direct {@code {userId}}, team {@code {teamId}}, group
 * {@code {title, memberIds, isPrivate?}}, project {@code {projectId, title, memberIds}}. Which fields are
 * required depends on the type, so the service checks them.
 */
public record OpenRoom(UUID userId, UUID teamId, @Size(max = 200) String projectId,
                       @Size(max = 200, message = "must be at most {max} characters") String title,
                       @Size(max = 2000) String description,
                       @Size(max = 500) List<UUID> memberIds,
                       @JsonProperty("isPrivate") Boolean isPrivate) {
}
