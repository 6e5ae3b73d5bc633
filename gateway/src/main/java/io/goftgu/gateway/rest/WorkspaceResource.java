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

    private final io.goftgu.gateway.edge.SignUpLimit limit;

    WorkspaceResource(WorkspaceSignUp signUp, io.goftgu.gateway.edge.SignUpLimit limit) {
        this.signUp = signUp;
        this.limit = limit;
    }

    @POST
    @Operation(summary = "Sign up: a new workspace and its first ADMIN (when sign-up is enabled)")
    @org.eclipse.microprofile.openapi.annotations.responses.APIResponse(responseCode = "429",
            description = "too many sign-ups from this address (5 an hour) or in all (100 an hour); see Retry-After")
    public Response signUp(@Valid @NotNull SignUpRequest body,
                           @jakarta.ws.rs.core.Context io.vertx.core.http.HttpServerRequest request) {
        limit.acquire(request.remoteAddress().hostAddress());
        SignUpResult result = signUp.signUp(body);
        return Response.status(Response.Status.CREATED).entity(result).build();
    }
}
