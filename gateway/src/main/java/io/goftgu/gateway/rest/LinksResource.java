package io.goftgu.gateway.rest;

import io.goftgu.gateway.api.LinkSettingsBody;
import io.goftgu.gateway.service.WorkspaceLinkSettings;
import io.goftgu.security.CurrentUser;
import io.goftgu.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The workspace's CRM link settings (docs/api.md, "CRM links"): ADMINs only; staff and ADMIN are one role today. */
@Path("/api/workspace/links")
@RolesAllowed(Role.STAFF)
@Tag(name = "Identity")
public class LinksResource {

    private final WorkspaceLinkSettings settings;
    private final CurrentUser caller;

    LinksResource(WorkspaceLinkSettings settings, CurrentUser caller) {
        this.settings = settings;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "The URL template per link kind and the lookup endpoint")
    @APIResponse(responseCode = "200", description = "the settings ({templates: {}, lookupUrl: null} until set)")
    public LinkSettingsBody get() {
        return settings.get(caller.workspaceId(), caller.id());
    }

    @PUT
    @Operation(summary = "Replace the URL templates and the lookup endpoint")
    @APIResponse(responseCode = "200", description = "the settings as kept")
    @APIResponse(responseCode = "400", description = "an unknown kind, a template that is not an absolute http(s) URL "
            + "holding {refId} once, or a lookup URL that is not an absolute http(s) URL; the field is named")
    public LinkSettingsBody update(@Valid @NotNull LinkSettingsBody body) {
        return settings.update(caller.workspaceId(), caller.id(), body);
    }
}
