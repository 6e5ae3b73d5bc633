package io.goftgu.security;

import io.goftgu.problem.Problems;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

import java.util.Map;

/** A resource that exists only in this module's tests, shaped like the services' resources. */
@Path("/probe")
public class ProbeResource {

    public record Note(@NotBlank @Size(max = 5) String text) {
    }

    private final CurrentUser me;

    ProbeResource(CurrentUser me) {
        this.me = me;
    }

    @GET
    @Path("/me")
    @RolesAllowed({Role.STAFF, Role.CUSTOMER, Role.VISITOR})
    public Map<String, String> whoAmI() {
        return Map.of("id", me.id().toString(), "workspaceId", me.workspaceId().toString(), "role", me.role().name());
    }

    @POST
    @Path("/staff-only")
    @RolesAllowed(Role.STAFF)
    public Note staffOnly(@Valid Note note) {
        if ("taken".equals(note.text())) {
            throw Problems.conflict("that note exists");
        }
        return note;
    }
}
