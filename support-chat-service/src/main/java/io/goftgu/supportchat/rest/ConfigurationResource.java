package io.goftgu.supportchat.rest;

import io.goftgu.security.CurrentUser;
import io.goftgu.security.Role;
import io.goftgu.supportchat.api.Requests;
import io.goftgu.supportchat.api.Views;
import io.goftgu.supportchat.service.WorkspaceConfiguration.AssignmentSettingsView;
import io.goftgu.supportchat.service.WorkspaceConfiguration.BusinessHoursView;
import io.goftgu.supportchat.service.WorkspaceConfiguration.CannedView;
import io.goftgu.supportchat.service.WorkspaceConfiguration.CategoryView;
import io.goftgu.supportchat.service.WorkspaceConfiguration.SlaPolicyView;
import io.goftgu.supportchat.service.WorkspaceConfiguration.WidgetSettingsView;
import io.goftgu.supportchat.service.WorkspaceConfiguration;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import java.util.List;
import java.util.UUID;

/** Workspace configuration of support chat, ADMIN only (categories: anyone of the workspace may read). */
@Path("/api/support-chat")
@RolesAllowed(Role.STAFF)
public class ConfigurationResource {

    private static final String BODY = "a JSON body is required";

    private final WorkspaceConfiguration config;
    private final CurrentUser me;

    ConfigurationResource(WorkspaceConfiguration config, CurrentUser me) {
        this.config = config;
        this.me = me;
    }

    @GET
    @Path("/categories")
    @RolesAllowed({Role.STAFF, Role.CUSTOMER, Role.VISITOR})
    public List<CategoryView> categories() {
        return config.categories(me.workspaceId());
    }

    @POST
    @Path("/categories")
    public Response createCategory(@Valid @NotNull(message = BODY) Requests.CategoryBody body) {
        return Response.status(201).entity(config.saveCategory(me.workspaceId(), null, body)).build();
    }

    @PATCH
    @Path("/categories/{id}")
    public CategoryView updateCategory(@PathParam("id") UUID id, @Valid @NotNull(message = BODY) Requests.CategoryBody body) {
        return config.saveCategory(me.workspaceId(), id, body);
    }

    @DELETE
    @Path("/categories/{id}")
    public Response deleteCategory(@PathParam("id") UUID id) {
        config.deleteCategory(me.workspaceId(), id);
        return Response.noContent().build();
    }

    @GET
    @Path("/labels")
    @RolesAllowed({Role.STAFF, Role.CUSTOMER})
    public List<Views.LabelView> labels() {
        return config.labels(me.workspaceId());
    }

    @POST
    @Path("/labels")
    public Response createLabel(@Valid @NotNull(message = BODY) Requests.LabelBody body) {
        return Response.status(201).entity(config.saveLabel(me.workspaceId(), null, body)).build();
    }

    @PATCH
    @Path("/labels/{id}")
    public Views.LabelView updateLabel(@PathParam("id") UUID id, @Valid @NotNull(message = BODY) Requests.LabelBody body) {
        return config.saveLabel(me.workspaceId(), id, body);
    }

    @DELETE
    @Path("/labels/{id}")
    public Response deleteLabel(@PathParam("id") UUID id) {
        config.deleteLabel(me.workspaceId(), id);
        return Response.noContent().build();
    }

    @GET
    @Path("/canned-responses")
    public List<CannedView> canned(@QueryParam("q") String q) {
        return config.canned(me.workspaceId(), q);
    }

    @GET
    @Path("/canned-responses/{id}")
    public CannedView cannedById(@PathParam("id") UUID id) {
        return config.cannedById(me.workspaceId(), id);
    }

    @POST
    @Path("/canned-responses")
    public Response createCanned(@Valid @NotNull(message = BODY) Requests.CannedBody body) {
        return Response.status(201).entity(config.saveCanned(me.workspaceId(), null, body)).build();
    }

    @PUT
    @Path("/canned-responses/{id}")
    public CannedView updateCanned(@PathParam("id") UUID id, @Valid @NotNull(message = BODY) Requests.CannedBody body) {
        return config.saveCanned(me.workspaceId(), id, body);
    }

    @DELETE
    @Path("/canned-responses/{id}")
    public Response deleteCanned(@PathParam("id") UUID id) {
        config.deleteCanned(me.workspaceId(), id);
        return Response.noContent().build();
    }

    @GET
    @Path("/sla-policies")
    public List<SlaPolicyView> policies() {
        return config.policies(me.workspaceId());
    }

    @POST
    @Path("/sla-policies")
    public Response createPolicy(@Valid @NotNull(message = BODY) Requests.SlaPolicyBody body) {
        return Response.status(201).entity(config.savePolicy(me.workspaceId(), null, body)).build();
    }

    @PUT
    @Path("/sla-policies/{id}")
    public SlaPolicyView updatePolicy(@PathParam("id") UUID id, @Valid @NotNull(message = BODY) Requests.SlaPolicyBody body) {
        return config.savePolicy(me.workspaceId(), id, body);
    }

    @DELETE
    @Path("/sla-policies/{id}")
    public Response deletePolicy(@PathParam("id") UUID id) {
        config.deletePolicy(me.workspaceId(), id);
        return Response.noContent().build();
    }

    @GET
    @Path("/business-hours")
    public BusinessHoursView businessHours() {
        return config.businessHours(me.workspaceId());
    }

    @PUT
    @Path("/business-hours")
    public BusinessHoursView saveBusinessHours(@Valid @NotNull(message = BODY) Requests.BusinessHoursBody body) {
        return config.saveBusinessHours(me.workspaceId(), body);
    }

    @GET
    @Path("/widget-settings")
    public WidgetSettingsView widget() {
        return config.widget(me.workspaceId());
    }

    @PUT
    @Path("/widget-settings")
    public WidgetSettingsView saveWidget(@Valid @NotNull(message = BODY) Requests.WidgetSettingsBody body) {
        return config.saveWidget(me.workspaceId(), body);
    }

    @GET
    @Path("/assignment-settings")
    public AssignmentSettingsView assignment() {
        return config.assignment(me.workspaceId());
    }

    @PUT
    @Path("/assignment-settings")
    public AssignmentSettingsView saveAssignment(@Valid @NotNull(message = BODY) Requests.AssignmentSettingsBody body) {
        return config.saveAssignment(me.workspaceId(), body);
    }

    @GET
    @Path("/guests/{id}")
    public Views.GuestView guest(@PathParam("id") UUID id) {
        return config.guest(me.workspaceId(), id);
    }
}
