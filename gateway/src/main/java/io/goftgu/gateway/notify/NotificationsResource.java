package io.goftgu.gateway.notify;

import io.goftgu.security.CurrentUser;
import io.goftgu.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A person's e-mail notification switches, and the workspace's wait before an unread message is mailed. */
@Path("/api")
@Tag(name = "Notifications")
public class NotificationsResource {

    /** {@code /api/me/notifications}: which mails I get. */
    public record MySettings(@NotNull(message = "is required") Boolean mention,
                             @NotNull(message = "is required") Boolean direct,
                             @NotNull(message = "is required") Boolean ticketReply) {
    }

    /** {@code /api/workspace/notifications}: null {@code emailDelayMinutes} = the deployment's default. */
    public record WorkspaceSettings(
            @Min(value = 1, message = "must be between 1 and 1440") @Max(value = 1440, message = "must be between 1 and 1440")
            Integer emailDelayMinutes,
            Long defaultDelayMinutes) {
    }

    private final NotifySettings settings;
    private final NotifyConfig config;
    private final CurrentUser caller;

    NotificationsResource(NotifySettings settings, NotifyConfig config, CurrentUser caller) {
        this.settings = settings;
        this.config = config;
        this.caller = caller;
    }

    @GET
    @Path("/me/notifications")
    @RolesAllowed({Role.STAFF, Role.CUSTOMER})
    @Operation(summary = "Which notification e-mails I get (every kind on until I change it)")
    @APIResponse(responseCode = "200", description = "{mention, direct, ticketReply}")
    @APIResponse(responseCode = "401", description = "no valid token")
    @APIResponse(responseCode = "403", description = "a guest (guests have no account to mail)")
    public MySettings mine() {
        var switches = settings.switches(caller.id());
        return new MySettings(switches.mention(), switches.direct(), switches.ticketReply());
    }

    @PUT
    @Path("/me/notifications")
    @RolesAllowed({Role.STAFF, Role.CUSTOMER})
    @Transactional
    @Operation(summary = "Turn notification e-mails on or off per kind")
    @APIResponse(responseCode = "200", description = "the settings as saved")
    @APIResponse(responseCode = "400", description = "a kind missing or not a boolean")
    public MySettings saveMine(@Valid @NotNull MySettings body) {
        settings.save(caller.id(), new NotifySettings.Switches(body.mention(), body.direct(), body.ticketReply()));
        return body;
    }

    @GET
    @Path("/workspace/notifications")
    @RolesAllowed(Role.STAFF)
    @Operation(summary = "How long a mention, direct message or ticket reply stays unread before it is mailed")
    @APIResponse(responseCode = "200", description = "{emailDelayMinutes (null: the default), defaultDelayMinutes}")
    @APIResponse(responseCode = "403", description = "not staff")
    public WorkspaceSettings workspace() {
        return new WorkspaceSettings(settings.workspaceDelayMinutes(caller.workspaceId()), config.delay().toMinutes());
    }

    @PUT
    @Path("/workspace/notifications")
    @RolesAllowed(Role.STAFF)
    @Transactional
    @Operation(summary = "Set the workspace's wait before an unread message is mailed (null: back to the default)")
    @APIResponse(responseCode = "200", description = "the settings as saved")
    @APIResponse(responseCode = "400", description = "emailDelayMinutes outside 1..1440")
    @APIResponse(responseCode = "403", description = "not staff")
    public WorkspaceSettings saveWorkspace(@Valid @NotNull WorkspaceSettings body) {
        settings.saveWorkspaceDelay(caller.workspaceId(), body.emailDelayMinutes());
        return workspace();
    }
}
