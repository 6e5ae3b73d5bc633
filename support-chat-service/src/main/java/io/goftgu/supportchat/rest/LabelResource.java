package io.goftgu.supportchat.rest;

import io.goftgu.security.CurrentUser;
import io.goftgu.security.Role;
import io.goftgu.supportchat.api.LabelPatch;
import io.goftgu.supportchat.api.Requests;
import io.goftgu.supportchat.api.Views;
import io.goftgu.supportchat.service.LabelService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.util.List;
import java.util.UUID;

/** Ticket labels: staff and customers read them, ADMIN changes them. */
@Path("/api/support-chat/labels")
@RolesAllowed(Role.STAFF)
public class LabelResource {

    private final LabelService labels;
    private final CurrentUser me;

    LabelResource(LabelService labels, CurrentUser me) {
        this.labels = labels;
        this.me = me;
    }

    @GET
    @RolesAllowed({Role.STAFF, Role.CUSTOMER})
    @Operation(summary = "The workspace's ticket labels")
    @APIResponse(responseCode = "200", description = "the labels")
    @APIResponse(responseCode = "403", description = "a guest")
    public List<Views.LabelView> list() {
        return labels.list(me.workspaceId());
    }

    @POST
    @Operation(summary = "Create a ticket label")
    @APIResponse(responseCode = "201", description = "the label")
    @APIResponse(responseCode = "400", description = "a blank name or an invalid colour")
    @APIResponse(responseCode = "409", description = "a label of that name exists")
    public Response create(@Valid @NotNull(message = "a JSON body is required") Requests.LabelBody body) {
        return Response.status(201).entity(labels.save(me.workspaceId(), null, body)).build();
    }

    @PATCH
    @Path("/{id}")
    @Operation(summary = "Rename or recolour a ticket label")
    @APIResponse(responseCode = "200", description = "the label")
    @APIResponse(responseCode = "400", description = "an invalid field")
    @APIResponse(responseCode = "404", description = "missing or another workspace's")
    @APIResponse(responseCode = "409", description = "a label of that name exists")
    public Views.LabelView update(@PathParam("id") UUID id,
                                  @Valid @NotNull(message = "a JSON body is required") LabelPatch body) {
        return labels.update(me.workspaceId(), id, body);
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete a ticket label; it is taken off every ticket")
    @APIResponse(responseCode = "204", description = "deleted")
    @APIResponse(responseCode = "404", description = "missing or another workspace's")
    public Response delete(@PathParam("id") UUID id) {
        labels.delete(me.workspaceId(), id);
        return Response.noContent().build();
    }
}
