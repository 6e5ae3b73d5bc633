package io.goftgu.supportchat.rest;

import io.goftgu.security.CurrentUser;
import io.goftgu.security.Role;
import io.goftgu.supportchat.api.CategoryPatch;
import io.goftgu.supportchat.api.Requests;
import io.goftgu.supportchat.api.Views.CategoryView;
import io.goftgu.supportchat.service.CategoryService;
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

/** Ticket categories: anyone of the workspace reads them, ADMIN changes them. */
@Path("/api/support-chat/categories")
@RolesAllowed(Role.STAFF)
public class CategoryResource {

    private final CategoryService categories;
    private final CurrentUser me;

    CategoryResource(CategoryService categories, CurrentUser me) {
        this.categories = categories;
        this.me = me;
    }

    @GET
    @RolesAllowed({Role.STAFF, Role.CUSTOMER, Role.VISITOR})
    @Operation(summary = "The workspace's ticket categories, flat (parentId, position)",
            description = "Anyone of the workspace may read them.")
    @APIResponse(responseCode = "200", description = "the categories")
    public List<CategoryView> list() {
        return categories.list(me.workspaceId());
    }

    @POST
    @Operation(summary = "Create a ticket category")
    @APIResponse(responseCode = "201", description = "the category")
    @APIResponse(responseCode = "400", description = "a blank name, or a parentId that is not this workspace's")
    @APIResponse(responseCode = "409", description = "a category of that name exists under the same parent")
    public Response create(@Valid @NotNull(message = "a JSON body is required") Requests.CategoryBody body) {
        return Response.status(201).entity(categories.save(me.workspaceId(), null, body)).build();
    }

    @PATCH
    @Path("/{id}")
    @Operation(summary = "Rename or move a ticket category")
    @APIResponse(responseCode = "200", description = "the category")
    @APIResponse(responseCode = "400", description = "an invalid field, or a move under itself")
    @APIResponse(responseCode = "404", description = "missing or another workspace's")
    @APIResponse(responseCode = "409", description = "a category of that name exists under the same parent")
    public CategoryView update(@PathParam("id") UUID id,
                               @Valid @NotNull(message = "a JSON body is required") CategoryPatch body) {
        return categories.update(me.workspaceId(), id, body);
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete a ticket category (its tickets keep no category)")
    @APIResponse(responseCode = "204", description = "deleted")
    @APIResponse(responseCode = "404", description = "missing or another workspace's")
    @APIResponse(responseCode = "409", description = "it has sub-categories")
    public Response delete(@PathParam("id") UUID id) {
        categories.delete(me.workspaceId(), id);
        return Response.noContent().build();
    }
}
