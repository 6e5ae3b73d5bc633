package io.goftgu.supportchat.rest;

import io.goftgu.security.CurrentUser;
import io.goftgu.security.Role;
import io.goftgu.supportchat.api.Requests;
import io.goftgu.supportchat.api.Views.CannedView;
import io.goftgu.supportchat.service.CannedResponseService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.util.List;
import java.util.UUID;

/** Canned responses, ADMIN only. */
@Path("/api/support-chat/canned-responses")
@RolesAllowed(Role.STAFF)
public class CannedResponseResource {

    private final CannedResponseService canned;
    private final CurrentUser me;

    CannedResponseResource(CannedResponseService canned, CurrentUser me) {
        this.canned = canned;
        this.me = me;
    }

    @GET
    @Operation(summary = "Canned responses, optionally searched with q")
    @APIResponse(responseCode = "200", description = "the canned responses")
    @APIResponse(responseCode = "403", description = "not staff")
    public List<CannedView> list(@QueryParam("q") String q) {
        return canned.list(me.workspaceId(), q);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One canned response")
    @APIResponse(responseCode = "200", description = "the canned response")
    @APIResponse(responseCode = "404", description = "missing or another workspace's")
    public CannedView get(@PathParam("id") UUID id) {
        return canned.get(me.workspaceId(), id);
    }

    @POST
    @Operation(summary = "Create a canned response")
    @APIResponse(responseCode = "201", description = "the canned response")
    @APIResponse(responseCode = "400", description = "a missing field, or a short code that is not 1 to 50 letters, "
            + "digits, - or _")
    @APIResponse(responseCode = "409", description = "the short code is taken")
    public Response create(@Valid @NotNull(message = "a JSON body is required") Requests.CannedBody body) {
        return Response.status(201).entity(canned.save(me.workspaceId(), null, body)).build();
    }

    @PUT
    @Path("/{id}")
    @Operation(summary = "Replace a canned response")
    @APIResponse(responseCode = "200", description = "the canned response")
    @APIResponse(responseCode = "400", description = "an invalid field")
    @APIResponse(responseCode = "404", description = "missing or another workspace's")
    @APIResponse(responseCode = "409", description = "the short code is taken")
    public CannedView update(@PathParam("id") UUID id,
                             @Valid @NotNull(message = "a JSON body is required") Requests.CannedBody body) {
        return canned.save(me.workspaceId(), id, body);
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete a canned response")
    @APIResponse(responseCode = "204", description = "deleted")
    @APIResponse(responseCode = "404", description = "missing or another workspace's")
    public Response delete(@PathParam("id") UUID id) {
        canned.delete(me.workspaceId(), id);
        return Response.noContent().build();
    }
}
