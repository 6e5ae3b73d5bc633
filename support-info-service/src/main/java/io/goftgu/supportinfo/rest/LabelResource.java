package io.goftgu.supportinfo.rest;

import io.goftgu.security.CurrentUser;
import io.goftgu.security.Role;
import io.goftgu.supportinfo.api.ConfigViews.CreateLabel;
import io.goftgu.supportinfo.api.ConfigViews.LabelView;
import io.goftgu.supportinfo.api.ConfigViews.UpdateLabel;
import io.goftgu.supportinfo.service.LabelService;
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

import java.net.URI;
import java.util.List;
import java.util.UUID;

/** The workspace's support-info labels; staff only. Deleting a label takes it off every record. */
@Path("/api/support-info/labels")
@RolesAllowed(Role.STAFF)
public class LabelResource {

    private final LabelService labels;
    private final CurrentUser me;

    LabelResource(LabelService labels, CurrentUser me) {
        this.labels = labels;
        this.me = me;
    }

    @GET
    @Operation(summary = "The workspace's labels")
    @APIResponse(responseCode = "200", description = "the labels")
    @APIResponse(responseCode = "403", description = "not staff")
    public List<LabelView> list() {
        return labels.list(me);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One label")
    @APIResponse(responseCode = "200", description = "the label")
    @APIResponse(responseCode = "404", description = "missing or another workspace's")
    public LabelView get(@PathParam("id") UUID id) {
        return labels.get(me, id);
    }

    @POST
    @Operation(summary = "Create a label")
    @APIResponse(responseCode = "201", description = "the label")
    @APIResponse(responseCode = "400", description = "a blank name or an invalid colour")
    @APIResponse(responseCode = "409", description = "a label of that name exists")
    public Response create(@Valid @NotNull(message = "a JSON body is required") CreateLabel body) {
        var created = labels.create(me, body);
        return Response.created(URI.create("/api/support-info/labels/" + created.id())).entity(created).build();
    }

    @PATCH
    @Path("/{id}")
    @Operation(summary = "Rename or recolour a label")
    @APIResponse(responseCode = "200", description = "the label")
    @APIResponse(responseCode = "400", description = "an invalid field")
    @APIResponse(responseCode = "404", description = "missing or another workspace's")
    @APIResponse(responseCode = "409", description = "a label of that name exists")
    public LabelView update(@PathParam("id") UUID id,
                            @Valid @NotNull(message = "a JSON body is required") UpdateLabel body) {
        return labels.update(me, id, body);
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete a label; it is taken off every record")
    @APIResponse(responseCode = "204", description = "deleted")
    @APIResponse(responseCode = "404", description = "missing or another workspace's")
    public Response delete(@PathParam("id") UUID id) {
        labels.delete(me, id);
        return Response.noContent().build();
    }
}
