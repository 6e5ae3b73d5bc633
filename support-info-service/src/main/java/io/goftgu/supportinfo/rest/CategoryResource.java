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
    public List<CategoryView> list() {
        return categories.list(me);
    }

    @GET
    @Path("/{id}")
    public CategoryView get(@PathParam("id") UUID id) {
        return categories.get(me, id);
    }

    @POST
    public Response create(@Valid @NotNull(message = "a JSON body is required") CreateCategory body) {
        var created = categories.create(me, body);
        return Response.created(URI.create("/api/support-info/categories/" + created.id())).entity(created).build();
    }

    @PATCH
    @Path("/{id}")
    public CategoryView update(@PathParam("id") UUID id,
                               @Valid @NotNull(message = "a JSON body is required") CategoryPatch body) {
        return categories.update(me, id, body);
    }

    /** 409 when records use it, unless {@code ?moveTo=<categoryId>} moves them first. */
    @DELETE
    @Path("/{id}")
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
