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
    public Settings get() {
        return settings.get(me.workspaceId());
    }

    @PUT
    public Settings put(@Valid @NotNull(message = "a JSON body is required") Settings body) {
        return settings.put(me.workspaceId(), body);
    }
}
