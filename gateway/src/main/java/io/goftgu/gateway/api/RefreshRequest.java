package io.goftgu.gateway.api;

/** The body of {@code POST /api/auth/refresh} and {@code /logout} for API clients; browsers send the cookie. */
public record RefreshRequest(String refreshToken) {
}
