package io.goftgu.gateway.rest;

import io.goftgu.gateway.api.LoginRequest;
import io.goftgu.gateway.api.Me;
import io.goftgu.gateway.api.SessionUser;
import io.goftgu.gateway.api.TokenResponse;
import io.goftgu.gateway.domain.UserAccount;
import io.goftgu.gateway.session.Sessions;
import io.goftgu.problem.Problems;
import io.goftgu.security.Claims;
import io.goftgu.security.CurrentUser;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.Authenticated;
import io.vertx.core.http.HttpServerRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Sessions. Browsers get cookies and never see the refresh token; API clients may ask for it in the body
 * ({@code includeRefreshToken}) and send it back in the body of refresh and logout.
 */
@Path("/api/auth")
@Tag(name = "Auth")
public class AuthResource {

    private final Sessions sessions;
    private final SessionCookies cookies;
    private final CurrentUser caller;
    private final JsonWebToken token;

    AuthResource(Sessions sessions, SessionCookies cookies, CurrentUser caller, JsonWebToken token) {
        this.sessions = sessions;
        this.cookies = cookies;
        this.caller = caller;
        this.token = token;
    }

    @POST
    @Path("/login")
    @Operation(summary = "Log in with workspace slug, e-mail and password; sets the session cookies")
    public Response login(@Valid @NotNull LoginRequest body, @Context HttpServerRequest request, @Context UriInfo uri) {
        var session = sessions.login(body, request.remoteAddress().hostAddress());
        var includeRefresh = Boolean.TRUE.equals(body.includeRefreshToken());
        return answer(session, includeRefresh, uri);
    }

    @POST
    @Path("/refresh")
    @Operation(summary = "Rotate the refresh token (cookie, or body for API clients) and get a new access token")
    @APIResponse(responseCode = "200", description = "a new access token; the rotated refresh token in its cookie (or the body)")
    @APIResponse(responseCode = "401", description = "no refresh token, or one that is expired, revoked or already used "
            + "(a reused token revokes its whole session)")
    public Response refresh(@CookieParam(SessionCookies.REFRESH) String cookie, String rawBody, @Context UriInfo uri) {
        var body = RefreshBody.parse(rawBody);
        var fromBody = body != null && body.refreshToken() != null;
        var presented = fromBody ? body.refreshToken() : cookie;
        if (presented == null || presented.isBlank()) {
            throw Problems.unauthorized("no refresh token: send the goftgu_refresh cookie or {refreshToken}");
        }
        return answer(sessions.refresh(presented), fromBody, uri);
    }

    @POST
    @Path("/logout")
    @Operation(summary = "End the session: revoke its refresh tokens and clear the cookies")
    @APIResponse(responseCode = "204", description = "signed out (also when there was no session)")
    @APIResponse(responseCode = "403", description = "a cookie-authenticated request without X-CSRF-Token echoing goftgu_csrf")
    public Response logout(@CookieParam(SessionCookies.REFRESH) String cookie, String rawBody, @Context UriInfo uri) {
        var body = RefreshBody.parse(rawBody);
        var presented = body != null && body.refreshToken() != null ? body.refreshToken() : cookie;
        if (presented != null) {
            sessions.logout(presented);
        }
        return Response.noContent().cookie(cookies.clear(uri)).build();
    }

    @GET
    @Path("/me")
    @Authenticated
    @Operation(summary = "The caller of the token: a user, or a guest")
    public Me me() {
        if (Claims.GUEST.equals(token.getClaim(Claims.TOKEN_TYPE))) {
            return new Me(caller.id(), token.getClaim(Claims.NAME), null, caller.role().name(), caller.workspaceId(),
                    Claims.GUEST);
        }
        var user = QuarkusTransaction.requiringNew().call(() -> UserAccount.inWorkspace(caller.workspaceId(), caller.id())
                .filter(found -> found.active)
                .orElseThrow(() -> Problems.unauthorized("the account of this token no longer exists or is deactivated")));
        return new Me(user.id, user.name, user.email, user.role.name(), user.workspaceId, Claims.ACCESS);
    }

    private Response answer(Sessions.Session session, boolean includeRefresh, UriInfo uri) {
        var body = new TokenResponse(session.access().token(), session.access().expiresIn(),
                includeRefresh ? session.refreshToken() : null, SessionUser.of(session.user()));
        var noStore = new CacheControl();
        noStore.setNoStore(true);
        return Response.ok(body).cacheControl(noStore).cookie(cookies.issue(session, uri)).build();
    }
}
