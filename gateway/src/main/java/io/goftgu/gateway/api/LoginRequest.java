package io.goftgu.gateway.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * {@code POST /api/auth/login}.
 *
 * @param workspace           the workspace slug
 * @param includeRefreshToken API clients without a cookie jar set it to get the refresh token in the body too
 */
public record LoginRequest(
        @NotBlank @Size(max = 63) String workspace,
        @NotBlank @Size(max = 254) String email,
        @NotNull @Size(max = 256) String password,
        Boolean includeRefreshToken) {
}
