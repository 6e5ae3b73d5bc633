package io.goftgu.gateway.edge;

import io.goftgu.gateway.notify.UnsubscribeResource;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.goftgu.gateway.rest.SessionCookies;
import io.goftgu.problem.Problem;
import io.goftgu.problem.Problems;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Runs first for every request, the gateway's own and the proxied ones alike:
 * <ul>
 * <li>{@code X-Request-Id}: kept when the client sent a sane one, otherwise generated; sent upstream and back;</li>
 * <li>security headers on every response;</li>
 * <li>browser auth: a request without {@code Authorization} but with the {@code goftgu_session} cookie is
 * cookie-authenticated. If unsafe it must echo the {@code goftgu_csrf} cookie in {@code X-CSRF-Token} (403
 * otherwise); then the cookie becomes {@code Authorization: Bearer}, so the gateway's endpoints and the services see
 * one kind of credential. Not on {@code /ws}: realtime-service reads the cookie itself and checks the Origin for it.</li>
 * </ul>
 */
@ApplicationScoped
public class EdgeFilter {

    public static final String REQUEST_ID = "X-Request-Id";
    /**
     * Routing-context flag of a response that may be framed by other origins (the guest widget's page, which sets its
     * own {@code frame-ancestors}): it gets no {@code X-Frame-Options: DENY}.
     */
    public static final String FRAMABLE = "goftgu.framable";

    private static final Pattern SANE_REQUEST_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
    private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS, HttpMethod.TRACE);
    /** Unsafe requests that need no CSRF token: they create a session or prove one by a SameSite=Strict cookie. */
    private static final Set<String> CSRF_EXEMPT = Set.of("/api/auth/login", "/api/auth/refresh", "/api/workspaces");
    private static final String PUBLIC_SUPPORT = "/api/support-chat/public/";
    /** The web UI's policy: nothing inline, nothing from elsewhere; blob: images are previews of files being uploaded. */
    private static final String PAGE_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
            + "form-action 'self'; frame-ancestors 'none'";
    private static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'";

    private final ObjectMapper json;

    EdgeFilter(ObjectMapper json) {
        this.json = json;
    }

    void register(@Observes Router router) {
        router.route().order(EdgeRoutes.FILTER).handler(this::handle);
    }

    private void handle(RoutingContext context) {
        var request = context.request();
        var requestId = request.getHeader(REQUEST_ID);
        if (requestId == null || !SANE_REQUEST_ID.matcher(requestId).matches()) {
            requestId = UUID.randomUUID().toString();
            request.headers().set(REQUEST_ID, requestId);
        }
        var id = requestId;
        var path = request.path();
        context.addHeadersEndHandler(ignored -> securityHeaders(context, path, id));

        // the guest widget's public endpoints read only a guest token from Authorization, and a notification mail's
        // unsubscribe link only its own signed token: never the session cookie (nor, then, its CSRF check)
        if (request.getHeader(HttpHeaders.AUTHORIZATION) == null && !path.startsWith(PUBLIC_SUPPORT)
                && !path.equals(UnsubscribeResource.PATH)) {
            var session = request.getCookie(SessionCookies.SESSION);
            if (session != null && !session.getValue().isEmpty()) {
                if (!SAFE.contains(request.method()) && !CSRF_EXEMPT.contains(path) && !csrfEchoed(request)) {
                    forbid(context, "cookie-authenticated requests must echo the goftgu_csrf cookie in the "
                            + SessionCookies.CSRF_HEADER + " header");
                    return;
                }
                if (!isWebSocketPath(path)) {
                    request.headers().set(HttpHeaders.AUTHORIZATION, "Bearer " + session.getValue());
                }
            }
        }
        context.next();
    }

    static boolean isWebSocketPath(String path) {
        return path.equals("/ws") || path.startsWith("/ws/");
    }

    private static boolean csrfEchoed(HttpServerRequest request) {
        var cookie = request.getCookie(SessionCookies.CSRF);
        var header = request.getHeader(SessionCookies.CSRF_HEADER);
        return cookie != null && header != null && !cookie.getValue().isEmpty()
                && MessageDigest.isEqual(cookie.getValue().getBytes(StandardCharsets.UTF_8),
                header.getBytes(StandardCharsets.UTF_8));
    }

    private static void securityHeaders(RoutingContext context, String path, String requestId) {
        var headers = context.response().headers();
        headers.set(REQUEST_ID, requestId);
        setIfAbsent(headers, "X-Content-Type-Options", "nosniff");
        if (!Boolean.TRUE.equals(context.get(FRAMABLE))) {
            setIfAbsent(headers, "X-Frame-Options", "DENY");
        }
        setIfAbsent(headers, "Referrer-Policy", "strict-origin-when-cross-origin");
        if (!path.startsWith("/q/")) {
            // the dev UI and Swagger UI under /q/ run inline scripts; everything else gets a policy
            setIfAbsent(headers, "Content-Security-Policy", path.startsWith("/api/") ? API_POLICY : PAGE_POLICY);
        }
    }

    private static void setIfAbsent(io.vertx.core.MultiMap headers, String name, String value) {
        if (!headers.contains(name)) {
            headers.set(name, value);
        }
    }

    private void forbid(RoutingContext context, String detail) {
        problem(context, Problems.forbidden(detail).toProblem());
    }

    /** Ends the request with a problem+json body. */
    public void problem(RoutingContext context, Problem problem) {
        try {
            context.response()
                    .setStatusCode(problem.status())
                    .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .end(json.writeValueAsString(problem));
        } catch (JsonProcessingException e) {
            context.fail(e);
        }
    }
}
