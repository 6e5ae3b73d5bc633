package io.goftgu.supportinfo.rest;

import io.goftgu.security.CurrentUser;
import io.goftgu.security.Role;
import io.goftgu.supportinfo.api.ConfigViews.Settings;
import io.goftgu.supportinfo.service.SettingsService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** The workspace's support-info settings: {@code recordResolvedTickets} (default true). Staff only. */
@Path("/api/support-info/settings")
@RolesAllowed(Role.STAFF)
public class SettingsResource {

    private final SettingsService settings;
    private final CurrentUser me;

    SettingsResource(SettingsService settings, CurrentUser me) {
        this.settings = settings;
        this.me = me;
    }

    @GET
    @Operation(summary = "The workspace's support-info settings")
    @APIResponse(responseCode = "200", description = "{recordResolvedTickets}")
    @APIResponse(responseCode = "403", description = "not staff")
    public Settings get() {
        return settings.get(me.workspaceId());
    }

    @PUT
    @Operation(summary = "Change the workspace's support-info settings",
            description = "recordResolvedTickets: a resolved support-chat ticket becomes a record (default true).")
    @APIResponse(responseCode = "200", description = "the settings")
    @APIResponse(responseCode = "400", description = "recordResolvedTickets is missing")
    @APIResponse(responseCode = "403", description = "not staff")
    public Settings put(@Valid @NotNull(message = "a JSON body is required") Settings body) {
        return settings.put(me.workspaceId(), body);
    }
}
