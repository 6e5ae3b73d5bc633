package io.goftgu.gateway.api;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.UUID;

/**
 * {@code GET /api/auth/me}: the caller of the token, a user or a guest.
 *
 * @param tokenType {@code access} for users, {@code guest} for guests
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Me(UUID id, String name, String email, String role, UUID workspaceId, String tokenType) {
}
