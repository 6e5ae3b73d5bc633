package io.goftgu.supportchat.rest;

import io.goftgu.problem.Problems;
import io.goftgu.supportchat.api.Requests;
import io.goftgu.supportchat.api.Views;
import io.goftgu.supportchat.service.GuestService;
import io.goftgu.supportchat.service.CategoryService;
import io.goftgu.supportchat.service.WidgetSettingsService;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.UUID;

/**
 * The non-public API the gateway calls for the guest widget (docs/design.md §5). Not under {@code /api}, so the gateway
 * never routes a client here; each call must carry {@code X-Goftgu-Internal} = {@code goftgu.internal-secret}.
 */
@Path("/internal/support-chat")
@PermitAll
public class InternalResource {

    static final String HEADER = "X-Goftgu-Internal";

    private final GuestService guests;
    private final CategoryService categories;
    private final WidgetSettingsService widget;
    private final byte[] secret;

    InternalResource(GuestService guests, CategoryService categories, WidgetSettingsService widget,
                     @ConfigProperty(name = "goftgu.internal-secret") String secret) {
        this.guests = guests;
        this.categories = categories;
        this.widget = widget;
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    @POST
    @Path("/guests/start")
    @Operation(summary = "Internal, for the gateway: find or create the guest and open their ticket",
            description = "Needs the X-Goftgu-Internal secret; never routed from outside the cluster.")
    @APIResponse(responseCode = "201", description = "{guestId, ticket}")
    @APIResponse(responseCode = "400", description = "a missing or invalid field")
    @APIResponse(responseCode = "401", description = "the internal secret is missing or wrong")
    @APIResponse(responseCode = "403", description = "the visitor's identity does not verify")
    @APIResponse(responseCode = "404", description = "no such category")
    public Response start(@HeaderParam(HEADER) String presented,
                          @Valid @NotNull(message = "a JSON body is required") Requests.GuestStart body) {
        requireGateway(presented);
        return Response.status(201).entity(guests.start(body)).build();
    }

    @GET
    @Path("/workspaces/{workspaceId}/categories")
    @Operation(summary = "Internal, for the gateway: a workspace's categories for the widget")
    @APIResponse(responseCode = "200", description = "the categories")
    @APIResponse(responseCode = "401", description = "the internal secret is missing or wrong")
    public List<Views.CategoryView> categories(@HeaderParam(HEADER) String presented,
                                               @PathParam("workspaceId") UUID workspaceId) {
        requireGateway(presented);
        return categories.list(workspaceId);
    }

    /** The widget's allowed origins and appearance, for the gateway's widget page (never the secret). */
    @GET
    @Path("/workspaces/{workspaceId}/widget")
    @Operation(summary = "Internal, for the gateway: how a workspace's widget looks")
    @APIResponse(responseCode = "200", description = "{allowedOrigins, color, greeting, language}")
    @APIResponse(responseCode = "401", description = "the internal secret is missing or wrong")
    public Views.WidgetPublicView widget(@HeaderParam(HEADER) String presented,
                                         @PathParam("workspaceId") UUID workspaceId) {
        requireGateway(presented);
        return widget.publicView(workspaceId);
    }

    private void requireGateway(String presented) {
        if (presented == null || !MessageDigest.isEqual(secret, presented.getBytes(StandardCharsets.UTF_8))) {
            throw Problems.unauthorized("internal API: the gateway's shared secret is required");
        }
    }
}
