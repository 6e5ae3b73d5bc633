package io.goftgu.gateway.api;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.UUID;

/**
 * {@code POST /api/support-chat/public/{workspaceSlug}/start} → 201: the guest token (sent back as
 * {@code Authorization: Bearer} on support chat's endpoints and {@code /ws}), its lifetime in seconds, the guest's id
 * and the ticket as support chat made it.
 */
public record GuestStarted(String guestToken, long expiresIn, UUID guestId, JsonNode ticket) {
}
