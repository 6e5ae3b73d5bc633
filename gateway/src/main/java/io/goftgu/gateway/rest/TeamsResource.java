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
    public Page<TeamView> list(@QueryParam("page") String page, @QueryParam("limit") String limit) {
        var paging = Paging.parse(page, limit);
        return teams.list(caller.workspaceId(), caller.id(), paging.page(), paging.limit());
    }

    @POST
    @Operation(summary = "Create a team of staff users")
    public Response create(@Valid @NotNull NewTeam body) {
        return Response.status(Response.Status.CREATED)
                .entity(teams.create(caller.workspaceId(), caller.id(), body)).build();
    }

    @PUT
    @Path("/{id}/members/{userId}")
    @Operation(summary = "Add a staff user to the team (idempotent)")
    public TeamView addMember(@PathParam("id") UUID id, @PathParam("userId") UUID userId) {
        return teams.addMember(caller.workspaceId(), caller.id(), id, userId);
    }

    @DELETE
    @Path("/{id}/members/{userId}")
    @Operation(summary = "Remove a user from the team (idempotent)")
    public Response removeMember(@PathParam("id") UUID id, @PathParam("userId") UUID userId) {
        teams.removeMember(caller.workspaceId(), caller.id(), id, userId);
        return Response.noContent().build();
    }
}
