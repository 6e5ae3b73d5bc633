package io.goftgu.gateway.rest;

import io.goftgu.gateway.api.NewTeam;
import io.goftgu.paging.Page;
import io.goftgu.paging.Paging;
import io.goftgu.gateway.api.TeamView;
import io.goftgu.gateway.service.WorkspaceTeams;
import io.goftgu.security.CurrentUser;
import io.goftgu.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

/** Teams. Reading is for any staff member and changing for ADMINs; staff and ADMIN are one role today. */
@Path("/api/workspace/teams")
@RolesAllowed(Role.STAFF)
@Tag(name = "Identity")
public class TeamsResource {

    private final WorkspaceTeams teams;
    private final CurrentUser caller;

    TeamsResource(WorkspaceTeams teams, CurrentUser caller) {
        this.teams = teams;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "The workspace's teams with their member ids, by name")
    @APIResponse(responseCode = "200", description = "a page of teams")
    @APIResponse(responseCode = "400", description = "page or limit out of range")
    public Page<TeamView> list(@QueryParam("page") String page, @QueryParam("limit") String limit) {
        var paging = Paging.parse(page, limit);
        return teams.list(caller.workspaceId(), caller.id(), paging.page(), paging.limit());
    }

    @POST
    @Operation(summary = "Create a team of staff users")
    @APIResponse(responseCode = "201", description = "the team")
    @APIResponse(responseCode = "400", description = "a missing name, or a member who is not active staff of this workspace")
    @APIResponse(responseCode = "409", description = "a team with this name exists")
    public Response create(@Valid @NotNull NewTeam body) {
        return Response.status(Response.Status.CREATED)
                .entity(teams.create(caller.workspaceId(), caller.id(), body)).build();
    }

    @PUT
    @Path("/{id}/members/{userId}")
    @Operation(summary = "Add a staff user to the team (idempotent)")
    @APIResponse(responseCode = "200", description = "the team")
    @APIResponse(responseCode = "404", description = "no such team or user in this workspace")
    @APIResponse(responseCode = "409", description = "the user is not active staff")
    public TeamView addMember(@PathParam("id") UUID id, @PathParam("userId") UUID userId) {
        return teams.addMember(caller.workspaceId(), caller.id(), id, userId);
    }

    @DELETE
    @Path("/{id}/members/{userId}")
    @Operation(summary = "Remove a user from the team (idempotent)")
    @APIResponse(responseCode = "204", description = "the user is not a member (any more)")
    @APIResponse(responseCode = "404", description = "no such team or user in this workspace")
    public Response removeMember(@PathParam("id") UUID id, @PathParam("userId") UUID userId) {
        teams.removeMember(caller.workspaceId(), caller.id(), id, userId);
        return Response.noContent().build();
    }
}
