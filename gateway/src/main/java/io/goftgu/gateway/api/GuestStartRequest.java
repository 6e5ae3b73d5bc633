package io.goftgu.gateway.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.UUID;

/**
 * {@code POST /api/support-chat/public/{workspaceSlug}/start}: what the guest widget sends. The same limits as
 * support-chat's internal API, checked here first so bad input never leaves the gateway. UTM fields may come flat
 * ({@code utmSource}) or as {@code utm: {source, medium, campaign, term, content}}; flat ones win.
 */
public record GuestStartRequest(
        @NotBlank(message = "is required") @Size(max = 500, message = "must be at most 500 characters") String subject,
        @NotBlank(message = "is required") @Size(max = 20000, message = "must be at most 20000 characters") String message,
        @Size(max = 200, message = "must be at most 200 characters") String name,
        @Size(max = 254, message = "must be at most 254 characters") @Email(message = "must be an e-mail address") String email,
        @Pattern(regexp = "\\+?[0-9 ()-]{5,20}", message = "must be a phone number") String phone,
        @Size(max = 200, message = "must be at most 200 characters") String externalId,
        @Size(max = 128, message = "must be at most 128 characters") String identifierHash,
        UUID categoryId,
        @Size(max = 2000, message = "must be at most 2000 characters") String referrer,
        @Size(max = 200, message = "must be at most 200 characters") String utmSource,
        @Size(max = 200, message = "must be at most 200 characters") String utmMedium,
        @Size(max = 200, message = "must be at most 200 characters") String utmCampaign,
        @Size(max = 200, message = "must be at most 200 characters") String utmTerm,
        @Size(max = 200, message = "must be at most 200 characters") String utmContent,
        @Valid Utm utm) {

    /** UTM fields as one object. */
    public record Utm(
            @Size(max = 200, message = "must be at most 200 characters") String source,
            @Size(max = 200, message = "must be at most 200 characters") String medium,
            @Size(max = 200, message = "must be at most 200 characters") String campaign,
            @Size(max = 200, message = "must be at most 200 characters") String term,
            @Size(max = 200, message = "must be at most 200 characters") String content) {
    }
}
