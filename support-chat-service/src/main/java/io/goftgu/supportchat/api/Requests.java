package io.goftgu.supportchat.api;

import io.goftgu.supportchat.domain.Priority;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Request bodies, validated at the boundary. */
public final class Requests {

    private Requests() {
    }

    public record NewTicket(
            @NotBlank(message = "is required") @Size(max = 500, message = "must be at most 500 characters") String subject,
            @Size(max = 20000, message = "must be at most 20000 characters") String description,
            Priority priority, UUID categoryId,
            @Size(max = 50, message = "at most 50 labels") List<@NotNull(message = "must not be null") UUID> labelIds,
            UUID requesterId) {
    }

    public record SendMessage(
            @Size(max = 20000, message = "must be at most 20000 characters") String body,
            @NotNull(message = "is required") UUID clientMessageId,
            Boolean internal,
            @Size(max = 10, message = "at most 10 files") List<@NotNull(message = "must not be null") UUID> attachmentIds,
            UUID replyToId,
            /*
             * Collision check (docs/subsystems/collision-detection.md): the newest seq the sender had seen when they
             * started; a public reply is refused with 409 when another staff member replied after it. Optional.
             */
            @Min(value = 0, message = "must not be negative") Long lastSeenSeq) {

        public SendMessage(String body, UUID clientMessageId, Boolean internal, List<UUID> attachmentIds,
                           UUID replyToId) {
            this(body, clientMessageId, internal, attachmentIds, replyToId, null);
        }
    }

    public record EditMessage(
            @NotBlank(message = "must not be empty") @Size(max = 20000, message = "must be at most 20000 characters") String body) {
    }

    public record ReadUpTo(@NotNull(message = "is required") @Min(value = 0, message = "must not be negative") Long seq) {
    }

    public record Rate(
            @NotNull(message = "is required") @Min(value = 1, message = "must be 1 to 5") @Max(value = 5, message = "must be 1 to 5") Integer score,
            @Size(max = 2000, message = "must be at most 2000 characters") String comment) {
    }

    public record LabelBody(
            @NotBlank(message = "is required") @Size(max = 100, message = "must be at most 100 characters") String name,
            @Pattern(regexp = "#[0-9a-fA-F]{6}", message = "must be a colour like #1e88e5") String color) {
    }

    public record CategoryBody(
            @NotBlank(message = "is required") @Size(max = 200, message = "must be at most 200 characters") String name,
            UUID parentId, Integer position) {
    }

    public record CannedBody(
            @NotBlank(message = "is required") @Pattern(regexp = "[\\p{L}\\p{N}_-]{1,50}", message = "must be 1 to 50 letters, digits, - or _") String shortCode,
            @NotBlank(message = "is required") @Size(max = 200, message = "must be at most 200 characters") String title,
            @NotBlank(message = "is required") @Size(max = 20000, message = "must be at most 20000 characters") String body) {
    }

    public record SlaPolicyBody(
            @NotBlank(message = "is required") @Size(max = 200, message = "must be at most 200 characters") String name,
            @NotNull(message = "is required") Priority priority,
            @NotNull(message = "is required") @Min(value = 1, message = "must be at least 1") Integer firstResponseMinutes,
            @Min(value = 1, message = "must be at least 1") Integer nextResponseMinutes,
            @NotNull(message = "is required") @Min(value = 1, message = "must be at least 1") Integer resolutionMinutes) {
    }

    public record Window(@NotNull(message = "is required") String start, @NotNull(message = "is required") String end) {
    }

    /** {@code days}: weekday name (SATURDAY …) → its working windows; a day not listed is off. */
    public record BusinessHoursBody(@NotBlank(message = "is required") String timeZone,
                                    @NotNull(message = "is required") Map<String, List<Window>> days,
                                    List<String> holidays) {
    }

    /**
     * Every field is optional: what is left out (null) stays as it is. {@code allowedOrigins} replaces the list
     * ({@code []} empties it; each entry is checked by {@code WidgetOrigins}); a blank greeting clears it.
     */
    public record WidgetSettingsBody(Boolean enforceVerification, Boolean regenerateSecret,
                                     @Size(max = 50, message = "must list at most 50 origins") List<String> allowedOrigins,
                                     @Pattern(regexp = "#[0-9a-fA-F]{6}", message = "must be a colour like #1e88e5") String color,
                                     @jakarta.validation.Valid Greeting greeting,
                                     @Pattern(regexp = "auto|fa|en", message = "must be auto, fa or en") String language) {
    }

    /** The widget's first words to a visitor, per language (either may be left out: the widget's default is shown). */
    public record Greeting(@Size(max = 500, message = "must be at most 500 characters") String fa,
                           @Size(max = 500, message = "must be at most 500 characters") String en) {
    }

    public record AssignmentSettingsBody(@NotNull(message = "is required") Boolean autoAssign,
                                         @Min(value = 1, message = "must be at least 1") @Max(value = 1000, message = "must be at most 1000") Integer agentCapacity) {
    }

    /** What the gateway sends to start a guest conversation (internal API). */
    public record GuestStart(
            @NotNull(message = "is required") UUID workspaceId,
            UUID guestId,
            @NotBlank(message = "is required") @Size(max = 500, message = "must be at most 500 characters") String subject,
            @NotBlank(message = "is required") @Size(max = 20000, message = "must be at most 20000 characters") String message,
            @Size(max = 200, message = "must be at most 200 characters") String name,
            @Size(max = 254, message = "must be at most 254 characters") @jakarta.validation.constraints.Email(message = "must be an e-mail address") String email,
            @Pattern(regexp = "\\+?[0-9 ()-]{5,20}", message = "must be a phone number") String phone,
            @Size(max = 200, message = "must be at most 200 characters") String externalId,
            @Size(max = 128, message = "must be at most 128 characters") String identifierHash,
            UUID categoryId,
            @Size(max = 1000, message = "must be at most 1000 characters") String userAgent,
            @Size(max = 2000, message = "must be at most 2000 characters") String referrer,
            @Size(max = 200, message = "must be at most 200 characters") String utmSource,
            @Size(max = 200, message = "must be at most 200 characters") String utmMedium,
            @Size(max = 200, message = "must be at most 200 characters") String utmCampaign,
            @Size(max = 200, message = "must be at most 200 characters") String utmTerm,
            @Size(max = 200, message = "must be at most 200 characters") String utmContent) {
    }
}
