package io.goftgu.supportchat.rest;

import io.goftgu.security.CurrentUser;
import io.goftgu.security.Role;
import io.goftgu.supportchat.api.Requests;
import io.goftgu.supportchat.api.Views;
import io.goftgu.supportchat.api.Views.AssignmentSettingsView;
import io.goftgu.supportchat.api.Views.BusinessHoursView;
import io.goftgu.supportchat.api.Views.WidgetSettingsView;
import io.goftgu.supportchat.service.AssignmentSettingsService;
import io.goftgu.supportchat.service.BusinessHoursService;
import io.goftgu.supportchat.service.Caller;
import io.goftgu.supportchat.service.GuestBlocks;
import io.goftgu.supportchat.service.GuestService;
import io.goftgu.supportchat.service.WidgetSettingsService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.util.UUID;

/** A workspace's support settings (business hours, widget, assignment) and its guests' profiles, ADMIN only. */
@Path("/api/support-chat")
@RolesAllowed(Role.STAFF)
public class SettingsResource {

    private final BusinessHoursService hours;
    private final WidgetSettingsService widget;
    private final AssignmentSettingsService assignment;
    private final GuestService guests;
    private final GuestBlocks blocks;
    private final CurrentUser me;

    SettingsResource(BusinessHoursService hours, WidgetSettingsService widget, AssignmentSettingsService assignment,
                     GuestService guests, GuestBlocks blocks, CurrentUser me) {
        this.hours = hours;
        this.widget = widget;
        this.assignment = assignment;
        this.guests = guests;
        this.blocks = blocks;
        this.me = me;
    }

    @GET
    @Path("/business-hours")
    @Operation(summary = "The workspace's business hours (SLA clocks run only in them)")
    @APIResponse(responseCode = "200", description = "{timeZone, days, holidays}")
    @APIResponse(responseCode = "403", description = "not staff")
    public BusinessHoursView businessHours() {
        return hours.get(me.workspaceId());
    }

    @PUT
    @Path("/business-hours")
    @Operation(summary = "Replace the business hours; open tickets' due times are recomputed")
    @APIResponse(responseCode = "200", description = "the business hours")
    @APIResponse(responseCode = "400", description = "an unknown time zone or weekday, or a window that is not "
            + "HH:mm to a later HH:mm")
    @APIResponse(responseCode = "403", description = "not staff")
    public BusinessHoursView saveBusinessHours(
                @Valid @NotNull(message = "a JSON body is required") Requests.BusinessHoursBody body) {
        return hours.save(me.workspaceId(), body);
    }

    @GET
    @Path("/widget-settings")
    @Operation(summary = "The guest widget's settings",
            description = "The secret itself is never shown again; secretHint names it.")
    @APIResponse(responseCode = "200", description = "the settings")
    @APIResponse(responseCode = "403", description = "not staff")
    public WidgetSettingsView widget() {
        return widget.get(me.workspaceId());
    }

    @PUT
    @Path("/widget-settings")
    @Operation(summary = "Change the guest widget's settings",
            description = "Every field is optional; regenerateSecret: true answers the new secret once.")
    @APIResponse(responseCode = "200", description = "the settings (with secret only after a regeneration)")
    @APIResponse(responseCode = "400", description = "an invalid origin, colour, greeting or language")
    @APIResponse(responseCode = "403", description = "not staff")
    public WidgetSettingsView saveWidget(
                @Valid @NotNull(message = "a JSON body is required") Requests.WidgetSettingsBody body) {
        return widget.save(me.workspaceId(), body);
    }

    @GET
    @Path("/assignment-settings")
    @Operation(summary = "The automatic assignment settings")
    @APIResponse(responseCode = "200", description = "{autoAssign, agentCapacity}")
    @APIResponse(responseCode = "403", description = "not staff")
    public AssignmentSettingsView assignment() {
        return assignment.get(me.workspaceId());
    }

    @PUT
    @Path("/assignment-settings")
    @Operation(summary = "Turn automatic assignment on or off and set each agent's capacity of active tickets")
    @APIResponse(responseCode = "200", description = "the settings")
    @APIResponse(responseCode = "400", description = "autoAssign missing, or a capacity outside 1..1000")
    @APIResponse(responseCode = "403", description = "not staff")
    public AssignmentSettingsView saveAssignment(
                @Valid @NotNull(message = "a JSON body is required") Requests.AssignmentSettingsBody body) {
        return assignment.save(me.workspaceId(), body);
    }

    @GET
    @Path("/guests/{id}")
    @Operation(summary = "A guest's contact details, device and visits")
    @APIResponse(responseCode = "200", description = "the guest")
    @APIResponse(responseCode = "403", description = "not staff")
    @APIResponse(responseCode = "404", description = "missing or another workspace's")
    public Views.GuestView guest(@PathParam("id") UUID id) {
        return guests.view(me.workspaceId(), id);
    }

    @PUT
    @Path("/guests/{id}/block")
    @Operation(summary = "Block a guest: its token is refused at once, it cannot start again, events leave it out",
            description = "Idempotent: blocking a blocked guest keeps the first block (docs/security.md, \"Blocking a visitor\").")
    @APIResponse(responseCode = "200", description = "the guest, with blockedAt")
    @APIResponse(responseCode = "403", description = "not staff")
    @APIResponse(responseCode = "404", description = "missing or another workspace's")
    public Views.GuestView block(@PathParam("id") UUID id) {
        return blocks.block(Caller.of(me), id, true);
    }

    @DELETE
    @Path("/guests/{id}/block")
    @Operation(summary = "Unblock a guest: its token works again until it expires")
    @APIResponse(responseCode = "200", description = "the guest, blockedAt null")
    @APIResponse(responseCode = "403", description = "not staff")
    @APIResponse(responseCode = "404", description = "missing or another workspace's")
    public Views.GuestView unblock(@PathParam("id") UUID id) {
        return blocks.block(Caller.of(me), id, false);
    }
}
