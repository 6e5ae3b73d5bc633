package io.goftgu.internalchat.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;

/**
 * A room's settings: in a room view all are set; in a PATCH only the given ones change
 * ({@code retentionDays: 0} goes back to keeping messages forever).
 */
public record RoomSettings(
        @Pattern(regexp = "ALL_MEMBERS|ADMINS_ONLY|OWNER_ONLY", message = "must be ALL_MEMBERS, ADMINS_ONLY or OWNER_ONLY")
        String whoCanPost,
        @Pattern(regexp = "ALL_MEMBERS|ADMINS|OWNER_ONLY", message = "must be ALL_MEMBERS, ADMINS or OWNER_ONLY")
        String whoCanInvite,
        @Pattern(regexp = "ALL_MEMBERS|ADMINS|OWNER_ONLY", message = "must be ALL_MEMBERS, ADMINS or OWNER_ONLY")
        String whoCanChangeSettings,
        Boolean allowAttachments,
        Boolean allowReactions,
        Boolean allowReplies,
        @Min(1) @Max(10_000) Integer maxMessageLength,
        @Min(1) @Max(104_857_600) Long maxFileSize,
        @Min(0) @Max(36_500) Integer retentionDays) {
}
