package io.goftgu.gateway.rest;

import io.goftgu.gateway.api.SignUpRequest;
import io.goftgu.gateway.api.SignUpResult;
import io.goftgu.gateway.service.WorkspaceSignUp;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/workspaces")
@Tag(name = "Identity")
public class WorkspaceResource {

    private final WorkspaceSignUp signUp;

    WorkspaceResource(WorkspaceSignUp signUp) {
        this.signUp = signUp;
    }

    @POST
    @Operation(summary = "Sign up: a new workspace and its first ADMIN (when sign-up is enabled)")
    public Response signUp(@Valid @NotNull SignUpRequest body) {
        SignUpResult result = signUp.signUp(body);
        return Response.status(Response.Status.CREATED).entity(result).build();
    }
}
