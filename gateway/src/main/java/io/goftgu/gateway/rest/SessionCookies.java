package io.goftgu.gateway.rest;

import io.goftgu.gateway.config.GatewayConfig;
import io.goftgu.gateway.session.Sessions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.UriInfo;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;

/**
 * The browser session's cookies. {@code goftgu_session} holds the access token (HttpOnly, Lax, every path);
 * {@code goftgu_refresh} the refresh token (HttpOnly, Strict, only sent to /api/auth); {@code goftgu_csrf} a random
 * value the dashboard's script reads and echoes in {@code X-CSRF-Token} on unsafe requests (double submit).
 */
@ApplicationScoped
public class SessionCookies {

    public static final String SESSION = "goftgu_session";
    public static final String REFRESH = "goftgu_refresh";
    public static final String CSRF = "goftgu_csrf";
    public static final String CSRF_HEADER = "X-CSRF-Token";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final GatewayConfig config;

    SessionCookies(GatewayConfig config) {
        this.config = config;
    }

    public NewCookie[] issue(Sessions.Session session, UriInfo uri) {
        var secure = secure(uri);
        return new NewCookie[]{
                cookie(SESSION, session.access().token(), "/", true, NewCookie.SameSite.LAX,
                        Duration.ofSeconds(session.access().expiresIn()), secure),
                cookie(REFRESH, session.refreshToken(), "/api/auth", true, NewCookie.SameSite.STRICT,
                        config.tokens().refreshLifetime(), secure),
                cookie(CSRF, randomValue(), "/", false, NewCookie.SameSite.STRICT,
                        config.tokens().refreshLifetime(), secure)};
    }

    public NewCookie[] clear(UriInfo uri) {
        var secure = secure(uri);
        return new NewCookie[]{
                cookie(SESSION, "", "/", true, NewCookie.SameSite.LAX, Duration.ZERO, secure),
                cookie(REFRESH, "", "/api/auth", true, NewCookie.SameSite.STRICT, Duration.ZERO, secure),
                cookie(CSRF, "", "/", false, NewCookie.SameSite.STRICT, Duration.ZERO, secure)};
    }

    private boolean secure(UriInfo uri) {
        return config.cookies().secure().orElseGet(() -> "https".equalsIgnoreCase(uri.getRequestUri().getScheme()));
    }

    private static NewCookie cookie(String name, String value, String path, boolean httpOnly,
                                    NewCookie.SameSite sameSite, Duration maxAge, boolean secure) {
        return new NewCookie.Builder(name)
                .value(value)
                .path(path)
                .httpOnly(httpOnly)
                .sameSite(sameSite)
                .maxAge((int) Math.min(Integer.MAX_VALUE, maxAge.toSeconds()))
                .secure(secure)
                .build();
    }

    private static String randomValue() {
        var bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
