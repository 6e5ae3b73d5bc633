package io.goftgu.supportchat.rest;

import io.goftgu.security.CurrentUser;
import io.goftgu.security.Role;
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
    public List<CategoryView> list() {
        return categories.list(me.workspaceId());
    }

    @POST
    public Response create(@Valid @NotNull(message = "a JSON body is required") Requests.CategoryBody body) {
        return Response.status(201).entity(categories.save(me.workspaceId(), null, body)).build();
    }

    @PATCH
    @Path("/{id}")
    public CategoryView update(@PathParam("id") UUID id,
                               @Valid @NotNull(message = "a JSON body is required") Requests.CategoryBody body) {
        return categories.save(me.workspaceId(), id, body);
    }

    @DELETE
    @Path("/{id}")
    public Response delete(@PathParam("id") UUID id) {
        categories.delete(me.workspaceId(), id);
        return Response.noContent().build();
    }
}
