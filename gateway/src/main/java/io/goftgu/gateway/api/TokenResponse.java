package io.goftgu.gateway.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Login and refresh answer.
 *
 * @param expiresIn    seconds until the access token expires
 * @param refreshToken only for API clients that asked for it (or sent it in the body); browsers get the cookie
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TokenResponse(String accessToken, long expiresIn, String refreshToken, SessionUser user) {
}
