package io.goftgu.supportinfo.rest;

import io.goftgu.problem.Problems;
import io.goftgu.security.CurrentUser;
import io.goftgu.security.Role;
import io.goftgu.supportinfo.api.CategoryPatch;
import io.goftgu.supportinfo.api.ConfigViews.CategoryView;
import io.goftgu.supportinfo.api.ConfigViews.CreateCategory;
import io.goftgu.supportinfo.service.CategoryService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.net.URI;
import java.util.List;
import java.util.UUID;

/** The workspace's support-info categories, a tree ({@code parentId} null at the top); staff only. */
@Path("/api/support-info/categories")
@RolesAllowed(Role.STAFF)
public class CategoryResource {

    private final CategoryService categories;
    private final CurrentUser me;

    CategoryResource(CategoryService categories, CurrentUser me) {
        this.categories = categories;
        this.me = me;
    }

    /** Every category, flat, by position then name; clients build the tree from {@code parentId}. */
    @GET
    @Operation(summary = "Every category, flat, by position then name",
            description = "Clients build the tree from parentId (null at the top).")
    @APIResponse(responseCode = "200", description = "the categories")
    @APIResponse(responseCode = "403", description = "not staff")
    public List<CategoryView> list() {
        return categories.list(me);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One category")
    @APIResponse(responseCode = "200", description = "the category")
    @APIResponse(responseCode = "404", description = "missing or another workspace's")
    public CategoryView get(@PathParam("id") UUID id) {
        return categories.get(me, id);
    }

    @POST
    @Operation(summary = "Create a category")
    @APIResponse(responseCode = "201", description = "the category")
    @APIResponse(responseCode = "400", description = "a blank name, or a parentId that is not this workspace's")
    @APIResponse(responseCode = "409", description = "a category of that name exists under the same parent")
    public Response create(@Valid @NotNull(message = "a JSON body is required") CreateCategory body) {
        var created = categories.create(me, body);
        return Response.created(URI.create("/api/support-info/categories/" + created.id())).entity(created).build();
    }

    @PATCH
    @Path("/{id}")
    @Operation(summary = "Rename or move a category")
    @APIResponse(responseCode = "200", description = "the category")
    @APIResponse(responseCode = "400", description = "an invalid field, or a move under itself")
    @APIResponse(responseCode = "404", description = "missing or another workspace's")
    @APIResponse(responseCode = "409", description = "a category of that name exists under the same parent")
    public CategoryView update(@PathParam("id") UUID id,
                               @Valid @NotNull(message = "a JSON body is required") CategoryPatch body) {
        return categories.update(me, id, body);
    }

    /** 409 when records use it, unless {@code ?moveTo=<categoryId>} moves them first. */
    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete a category",
            description = "Refused while records use it, unless ?moveTo=<categoryId> moves them first.")
    @APIResponse(responseCode = "204", description = "deleted")
    @APIResponse(responseCode = "400", description = "moveTo is not another category of this workspace")
    @APIResponse(responseCode = "404", description = "missing or another workspace's")
    @APIResponse(responseCode = "409", description = "records use it (and no moveTo), or it has sub-categories")
    public Response delete(@PathParam("id") UUID id, @QueryParam("moveTo") String moveTo) {
        UUID target;
        try {
            target = moveTo == null || moveTo.isBlank() ? null : UUID.fromString(moveTo.strip());
        } catch (IllegalArgumentException e) {
            throw Problems.invalid("moveTo", "must be an id");
        }
        categories.delete(me, id, target);
        return Response.noContent().build();
    }
}
