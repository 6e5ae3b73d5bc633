package io.goftgu.supportchat.rest;

import io.goftgu.security.CurrentUser;
import io.goftgu.security.Role;
import io.goftgu.supportchat.api.Requests;
import io.goftgu.supportchat.api.Views.SlaPolicyView;
import io.goftgu.supportchat.service.SlaPolicyService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import java.util.List;
import java.util.UUID;

/** SLA policies, one per priority, ADMIN only. */
@Path("/api/support-chat/sla-policies")
@RolesAllowed(Role.STAFF)
public class SlaPolicyResource {

    private final SlaPolicyService policies;
    private final CurrentUser me;

    SlaPolicyResource(SlaPolicyService policies, CurrentUser me) {
        this.policies = policies;
        this.me = me;
    }

    @GET
    public List<SlaPolicyView> list() {
        return policies.list(me.workspaceId());
    }

    @POST
    public Response create(@Valid @NotNull(message = "a JSON body is required") Requests.SlaPolicyBody body) {
        return Response.status(201).entity(policies.save(me.workspaceId(), null, body)).build();
    }

    @PUT
    @Path("/{id}")
    public SlaPolicyView update(@PathParam("id") UUID id,
                                @Valid @NotNull(message = "a JSON body is required") Requests.SlaPolicyBody body) {
        return policies.save(me.workspaceId(), id, body);
    }

    @DELETE
    @Path("/{id}")
    public Response delete(@PathParam("id") UUID id) {
        policies.delete(me.workspaceId(), id);
        return Response.noContent().build();
    }
}
