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
    public List<CannedView> list(@QueryParam("q") String q) {
        return canned.list(me.workspaceId(), q);
    }

    @GET
    @Path("/{id}")
    public CannedView get(@PathParam("id") UUID id) {
        return canned.get(me.workspaceId(), id);
    }

    @POST
    public Response create(@Valid @NotNull(message = "a JSON body is required") Requests.CannedBody body) {
        return Response.status(201).entity(canned.save(me.workspaceId(), null, body)).build();
    }

    @PUT
    @Path("/{id}")
    public CannedView update(@PathParam("id") UUID id,
                             @Valid @NotNull(message = "a JSON body is required") Requests.CannedBody body) {
        return canned.save(me.workspaceId(), id, body);
    }

    @DELETE
    @Path("/{id}")
    public Response delete(@PathParam("id") UUID id) {
        canned.delete(me.workspaceId(), id);
        return Response.noContent().build();
    }
}
