package io.goftgu.gateway.token;

/** A signed access or guest token and its lifetime in seconds. */
public record IssuedToken(String token, long expiresIn) {
}
