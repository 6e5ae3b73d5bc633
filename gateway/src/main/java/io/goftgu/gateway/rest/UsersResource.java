package io.goftgu.gateway.rest;

import io.goftgu.gateway.api.NewUser;
import io.goftgu.paging.Page;
import io.goftgu.paging.Paging;
import io.goftgu.gateway.api.UserChange;
import io.goftgu.gateway.api.UserView;
import io.goftgu.gateway.service.WorkspaceUsers;
import io.goftgu.security.CurrentUser;
import io.goftgu.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

@Path("/api/workspace/users")
@RolesAllowed(Role.STAFF)
@Tag(name = "Identity")
public class UsersResource {

    private final WorkspaceUsers users;
    private final CurrentUser caller;

    UsersResource(WorkspaceUsers users, CurrentUser caller) {
        this.users = users;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "The workspace's users, by name")
    @APIResponse(responseCode = "200", description = "a page of users")
    @APIResponse(responseCode = "400", description = "page or limit out of range")
    public Page<UserView> list(@QueryParam("page") String page, @QueryParam("limit") String limit) {
        var paging = Paging.parse(page, limit);
        return users.list(caller.workspaceId(), caller.id(), paging.page(), paging.limit());
    }

    @POST
    @Operation(summary = "Create a user (ADMIN = staff, USER = customer)")
    @APIResponse(responseCode = "201", description = "the user")
    @APIResponse(responseCode = "400", description = "a missing or invalid field")
    @APIResponse(responseCode = "409", description = "the e-mail is taken in this workspace")
    public Response create(@Valid @NotNull NewUser body) {
        return Response.status(Response.Status.CREATED)
                .entity(users.create(caller.workspaceId(), caller.id(), body)).build();
    }

    @PATCH
    @Path("/{id}")
    @Operation(summary = "Rename, change role, deactivate or reactivate a user")
    @APIResponse(responseCode = "200", description = "the user after the change")
    @APIResponse(responseCode = "404", description = "no such user in this workspace")
    @APIResponse(responseCode = "409", description = "the change would leave the workspace without an active ADMIN")
    public UserView change(@PathParam("id") UUID id, @Valid @NotNull UserChange body) {
        return users.change(caller.workspaceId(), caller.id(), id, body);
    }
}
