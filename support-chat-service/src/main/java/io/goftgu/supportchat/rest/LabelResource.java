package io.goftgu.supportchat.rest;

import io.goftgu.security.CurrentUser;
import io.goftgu.security.Role;
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
    public List<Views.LabelView> list() {
        return labels.list(me.workspaceId());
    }

    @POST
    public Response create(@Valid @NotNull(message = "a JSON body is required") Requests.LabelBody body) {
        return Response.status(201).entity(labels.save(me.workspaceId(), null, body)).build();
    }

    @PATCH
    @Path("/{id}")
    public Views.LabelView update(@PathParam("id") UUID id,
                                  @Valid @NotNull(message = "a JSON body is required") Requests.LabelBody body) {
        return labels.save(me.workspaceId(), id, body);
    }

    @DELETE
    @Path("/{id}")
    public Response delete(@PathParam("id") UUID id) {
        labels.delete(me.workspaceId(), id);
        return Response.noContent().build();
    }
}
