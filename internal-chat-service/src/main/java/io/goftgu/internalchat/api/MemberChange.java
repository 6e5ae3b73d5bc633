package io.goftgu.internalchat.api;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.UUID;

/**
 * Invite ({@code POST .../members}: {@code userId}, {@code role?}) or change ({@code PATCH .../members/{userId}}).
 * {@code muted}/{@code mutedUntil} is a moderator's ban on posting; {@code notificationsMuted} the member's own choice
 * not to be notified about the room.
 */
public record MemberChange(UUID userId,
                           @Pattern(regexp = "OWNER|ADMIN|MODERATOR|MEMBER|GUEST",
                                   message = "must be OWNER, ADMIN, MODERATOR, MEMBER or GUEST") String role,
                           Boolean muted, Instant mutedUntil,
                           @Size(max = 100) String nickname,
                           Boolean notificationsMuted) {
}
