package io.goftgu.gateway.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.goftgu.gateway.api.GuestStartRequest;
import io.goftgu.gateway.api.GuestStarted;
import io.goftgu.gateway.domain.Workspace;
import io.goftgu.gateway.edge.EdgeFilter;
import io.goftgu.gateway.edge.PublicRateLimit;
import io.goftgu.gateway.proxy.SupportChatInternal;
import io.goftgu.gateway.token.GatewayTokenVerifier;
import io.goftgu.gateway.token.TokenIssuer;
import io.goftgu.gateway.web.WidgetSettings;
import io.goftgu.problem.Problem;
import io.goftgu.problem.ProblemException;
import io.goftgu.problem.Problems;
import io.goftgu.security.Claims;
import io.goftgu.security.Role;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.jwt.auth.principal.ParseException;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.UUID;

/**
 * The guest widget's public endpoints, answered by the gateway itself (the route to support chat skips
 * {@code /api/support-chat/public/}): the workspace is found by its slug, the request is rate limited per client IP and
 * per workspace, support chat's internal API creates or finds the guest and opens the ticket, and the gateway signs
 * the {@code GUEST} token (only the gateway holds the signing key, docs/design.md §5). A valid guest token of the same
 * workspace in {@code Authorization} makes the caller the returning guest; any other credential is ignored here.
 */
@Path("/api/support-chat/public/{workspaceSlug}")
@Tag(name = "Support chat (public)")
@PermitAll
@Blocking
public class PublicSupportResource {

    private static final int MAX_USER_AGENT = 1000;
    private static final int MAX_REFERRER = 2000;

    private final PublicRateLimit limits;
    private final SupportChatInternal supportChat;
    private final GatewayTokenVerifier verifier;
    private final TokenIssuer tokens;
    private final ObjectMapper json;
    private final WidgetSettings widgets;

    PublicSupportResource(PublicRateLimit limits, SupportChatInternal supportChat, GatewayTokenVerifier verifier,
                          TokenIssuer tokens, ObjectMapper json, WidgetSettings widgets) {
        this.widgets = widgets;
        this.limits = limits;
        this.supportChat = supportChat;
        this.verifier = verifier;
        this.tokens = tokens;
        this.json = json;
    }

    @POST
    @Path("/start")
    @Operation(summary = "A website visitor starts a support conversation: 201 {guestToken, expiresIn, guestId, ticket}")
    @APIResponse(responseCode = "201", description = "{guestToken, expiresIn, guestId, ticket}")
    @APIResponse(responseCode = "400", description = "a missing or invalid field")
    @APIResponse(responseCode = "403", description = "the workspace requires verified visitors and identifierHash is not the HMAC of externalId")
    @APIResponse(responseCode = "404", description = "no workspace has this slug, or an unknown categoryId")
    @APIResponse(responseCode = "429", description = "too many conversations started from this address or for this workspace; see Retry-After")
    public Response start(@PathParam("workspaceSlug") String slug, @Context HttpServerRequest request,
                          @Valid @NotNull(message = "a JSON body is required") GuestStartRequest body) {
        if (!limits.startFromIp(clientIp(request))) {
            return tooMany("too many conversations started from this address; try again later");
        }
        var workspace = workspace(slug);
        if (!limits.startInWorkspace(workspace.id)) {
            return tooMany("too many conversations started in this workspace; try again later");
        }
        var utm = body.utm() != null ? body.utm() : new GuestStartRequest.Utm(null, null, null, null, null);
        var upstream = new LinkedHashMap<String, Object>();
        upstream.put("workspaceId", workspace.id);
        upstream.put("guestId", returningGuest(request, workspace.id));
        upstream.put("subject", body.subject());
        upstream.put("message", body.message());
        upstream.put("name", body.name());
        upstream.put("email", body.email());
        upstream.put("phone", body.phone());
        upstream.put("externalId", body.externalId());
        upstream.put("identifierHash", body.identifierHash());
        upstream.put("categoryId", body.categoryId());
        upstream.put("userAgent", truncate(request.getHeader("User-Agent"), MAX_USER_AGENT));
        upstream.put("referrer", body.referrer() != null ? body.referrer()
                : truncate(request.getHeader("Referer"), MAX_REFERRER));
        upstream.put("utmSource", first(body.utmSource(), utm.source()));
        upstream.put("utmMedium", first(body.utmMedium(), utm.medium()));
        upstream.put("utmCampaign", first(body.utmCampaign(), utm.campaign()));
        upstream.put("utmTerm", first(body.utmTerm(), utm.term()));
        upstream.put("utmContent", first(body.utmContent(), utm.content()));

        var answer = supportChat.startGuest(upstream, request.getHeader(EdgeFilter.REQUEST_ID));
        if (answer.status() != 201 && answer.status() != 200) {
            return passThrough(answer);
        }
        var started = read(answer.body());
        var guest = started.path("guest");
        UUID guestId;
        try {
            guestId = UUID.fromString(guest.path("id").asText());
        } catch (IllegalArgumentException e) {
            throw new ProblemException(502, "Bad gateway", "support chat answered without a guest", null);
        }
        var name = guest.path("name").isTextual() ? guest.path("name").asText() : null;
        var token = tokens.guest(guestId, workspace.id, name);
        return Response.status(Response.Status.CREATED)
                .entity(new GuestStarted(token.token(), token.expiresIn(), guestId, started.path("ticket")))
                .build();
    }

    @GET
    @Path("/categories")
    @Operation(summary = "The workspace's ticket categories, for the guest widget")
    @APIResponse(responseCode = "200", description = "the categories, flat, with parentId and position")
    @APIResponse(responseCode = "404", description = "no workspace has this slug")
    @APIResponse(responseCode = "429", description = "too many requests from this address; see Retry-After")
    public Response categories(@PathParam("workspaceSlug") String slug, @Context HttpServerRequest request) {
        if (!limits.readFromIp(clientIp(request))) {
            return tooMany("too many requests from this address; try again later");
        }
        var workspace = workspace(slug);
        var answer = supportChat.categories(workspace.id, request.getHeader(EdgeFilter.REQUEST_ID));
        if (answer.status() != 200) {
            return passThrough(answer);
        }
        return Response.ok(read(answer.body()), MediaType.APPLICATION_JSON_TYPE).build();
    }

    @GET
    @Path("/widget")
    @Operation(summary = "How the workspace's guest widget looks: {color, greeting: {fa, en}, language: auto, fa or en}")
    @APIResponse(responseCode = "200", description = "the widget's colour, greeting and language")
    @APIResponse(responseCode = "404", description = "no workspace has this slug")
    public Response widget(@PathParam("workspaceSlug") String slug, @Context HttpServerRequest request) {
        // not counted against the per-IP read limit: every page view of a site with the widget asks once (offices
        // behind one address would hit it), and the answer comes from WidgetSettings' per-slug cache
        var widget = widgets.forSlug(slug, request.getHeader(EdgeFilter.REQUEST_ID))
                .orElseThrow(() -> Problems.notFound("workspace"));
        var body = new LinkedHashMap<String, Object>();
        body.put("color", widget.color());
        body.put("greeting", widget.greeting().isObject() ? widget.greeting() : json.createObjectNode());
        body.put("language", widget.language());
        // a page load asks once; a settings change is seen within the gateway's own cache time anyway
        return Response.ok(body, MediaType.APPLICATION_JSON_TYPE).header("Cache-Control", "no-cache").build();
    }

    private static Workspace workspace(String slug) {
        return Workspace.bySlug(slug == null ? "" : slug.toLowerCase(Locale.ROOT))
                .orElseThrow(() -> Problems.notFound("workspace"));
    }

    /** The subject of a valid GUEST token of this workspace in {@code Authorization}, else none (a new visitor). */
    private UUID returningGuest(HttpServerRequest request, UUID workspaceId) {
        var header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        try {
            var principal = verifier.parse(header.substring(7).trim(), null);
            if (Claims.GUEST.equals(principal.getClaim(Claims.TOKEN_TYPE))
                    && principal.getGroups().contains(Role.VISITOR)
                    && workspaceId.toString().equals(principal.getClaim(Claims.WORKSPACE))) {
                return UUID.fromString(principal.getSubject());
            }
        } catch (ParseException | IllegalArgumentException e) {
            // an expired or foreign token: the visitor simply starts as a new guest
        }
        return null;
    }

    private JsonNode read(byte[] body) {
        try {
            return json.readTree(body);
        } catch (IOException e) {
            throw new ProblemException(502, "Bad gateway", "support chat answered something unreadable", null);
        }
    }

    /** Support chat's refusal (400 bad input, 403 unverified identity, 404 unknown category...) as it came. */
    private Response passThrough(SupportChatInternal.Answer answer) {
        JsonNode problem;
        try {
            problem = answer.body().length == 0 ? null : json.readTree(answer.body());
        } catch (IOException e) {
            problem = null;
        }
        if (problem == null || !problem.isObject()) {
            return Response.status(answer.status()).type(Problem.MEDIA_TYPE)
                    .entity(new Problem("about:blank", "Request refused", answer.status(),
                            "support chat refused the request", null))
                    .build();
        }
        return Response.status(answer.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    private Response tooMany(String detail) {
        return Response.status(429).type(Problem.MEDIA_TYPE)
                .header("Retry-After", Long.toString(limits.retryAfterSeconds()))
                .entity(Problems.tooManyRequests(detail).toProblem())
                .build();
    }

    private static String clientIp(HttpServerRequest request) {
        return request.remoteAddress().hostAddress();
    }

    private static String first(String a, String b) {
        return a != null ? a : b;
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
