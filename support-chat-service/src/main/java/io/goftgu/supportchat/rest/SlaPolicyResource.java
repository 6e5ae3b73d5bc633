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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

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
    @Operation(summary = "The workspace's SLA policies, one per priority")
    @APIResponse(responseCode = "200", description = "the policies")
    @APIResponse(responseCode = "403", description = "not staff")
    public List<SlaPolicyView> list() {
        return policies.list(me.workspaceId());
    }

    @POST
    @Operation(summary = "Create the SLA policy of a priority",
            description = "Targets in business minutes; open tickets of that priority get due times.")
    @APIResponse(responseCode = "201", description = "the policy")
    @APIResponse(responseCode = "400", description = "a missing or invalid field")
    @APIResponse(responseCode = "409", description = "that priority has a policy")
    public Response create(@Valid @NotNull(message = "a JSON body is required") Requests.SlaPolicyBody body) {
        return Response.status(201).entity(policies.save(me.workspaceId(), null, body)).build();
    }

    @PUT
    @Path("/{id}")
    @Operation(summary = "Replace an SLA policy; open tickets' due times are recomputed")
    @APIResponse(responseCode = "200", description = "the policy")
    @APIResponse(responseCode = "400", description = "an invalid field")
    @APIResponse(responseCode = "404", description = "missing or another workspace's")
    @APIResponse(responseCode = "409", description = "that priority has another policy")
    public SlaPolicyView update(@PathParam("id") UUID id,
                                @Valid @NotNull(message = "a JSON body is required") Requests.SlaPolicyBody body) {
        return policies.save(me.workspaceId(), id, body);
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete an SLA policy")
    @APIResponse(responseCode = "204", description = "deleted")
    @APIResponse(responseCode = "404", description = "missing or another workspace's")
    public Response delete(@PathParam("id") UUID id) {
        policies.delete(me.workspaceId(), id);
        return Response.noContent().build();
    }
}
