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
import io.goftgu.supportchat.service.GuestService;
import io.goftgu.supportchat.service.WidgetSettingsService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import java.util.UUID;

/** A workspace's support settings (business hours, widget, assignment) and its guests' profiles, ADMIN only. */
@Path("/api/support-chat")
@RolesAllowed(Role.STAFF)
public class SettingsResource {

    private final BusinessHoursService hours;
    private final WidgetSettingsService widget;
    private final AssignmentSettingsService assignment;
    private final GuestService guests;
    private final CurrentUser me;

    SettingsResource(BusinessHoursService hours, WidgetSettingsService widget, AssignmentSettingsService assignment,
                     GuestService guests, CurrentUser me) {
        this.hours = hours;
        this.widget = widget;
        this.assignment = assignment;
        this.guests = guests;
        this.me = me;
    }

    @GET
    @Path("/business-hours")
    public BusinessHoursView businessHours() {
        return hours.get(me.workspaceId());
    }

    @PUT
    @Path("/business-hours")
    public BusinessHoursView saveBusinessHours(
                @Valid @NotNull(message = "a JSON body is required") Requests.BusinessHoursBody body) {
        return hours.save(me.workspaceId(), body);
    }

    @GET
    @Path("/widget-settings")
    public WidgetSettingsView widget() {
        return widget.get(me.workspaceId());
    }

    @PUT
    @Path("/widget-settings")
    public WidgetSettingsView saveWidget(
                @Valid @NotNull(message = "a JSON body is required") Requests.WidgetSettingsBody body) {
        return widget.save(me.workspaceId(), body);
    }

    @GET
    @Path("/assignment-settings")
    public AssignmentSettingsView assignment() {
        return assignment.get(me.workspaceId());
    }

    @PUT
    @Path("/assignment-settings")
    public AssignmentSettingsView saveAssignment(
                @Valid @NotNull(message = "a JSON body is required") Requests.AssignmentSettingsBody body) {
        return assignment.save(me.workspaceId(), body);
    }

    @GET
    @Path("/guests/{id}")
    public Views.GuestView guest(@PathParam("id") UUID id) {
        return guests.view(me.workspaceId(), id);
    }
}
