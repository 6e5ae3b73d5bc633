package io.goftgu.supportchat.rest;

import io.goftgu.security.CurrentUser;
import io.goftgu.security.Role;
import io.goftgu.supportchat.api.Requests;
import io.goftgu.supportchat.api.TicketPatch;
import io.goftgu.supportchat.api.Views;
import io.goftgu.supportchat.service.Caller;
import io.goftgu.supportchat.service.ConversationService;
import io.goftgu.supportchat.service.TicketFinder;
import io.goftgu.supportchat.service.TicketService;
import io.goftgu.supportchat.service.TicketStats;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Tickets and their conversation (docs/api.md §4). */
@Path("/api/support-chat")
@RolesAllowed({Role.STAFF, Role.CUSTOMER, Role.VISITOR})
public class TicketResource {

    private static final String ID = "{id: [0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}}";

    /** {@code GET /api/support-chat} query parameters. */
    public static class ListParams {
        @QueryParam("status") public String status;
        @QueryParam("priority") public String priority;
        @QueryParam("assigneeId") public String assigneeId;
        @QueryParam("teamId") public UUID teamId;
        @QueryParam("categoryId") public UUID categoryId;
        @QueryParam("labelId") public UUID labelId;
        @QueryParam("requesterId") public UUID requesterId;
        @QueryParam("sla") public String sla;
        @QueryParam("q") public String q;
        @QueryParam("from") public String from;
        @QueryParam("to") public String to;
        @QueryParam("sort") public String sort;
        @QueryParam("page") public Integer page;
        @QueryParam("limit") public Integer limit;

        TicketFinder.Filter filter() {
            return new TicketFinder.Filter(status, priority, assigneeId, teamId, categoryId, labelId, requesterId, sla,
                    q, from, to, sort, page, limit);
        }
    }

    private final TicketService tickets;
    private final TicketFinder finder;
    private final ConversationService conversation;
    private final TicketStats stats;
    private final CurrentUser me;

    TicketResource(TicketService tickets, TicketFinder finder, ConversationService conversation, TicketStats stats,
                   CurrentUser me) {
        this.tickets = tickets;
        this.finder = finder;
        this.conversation = conversation;
        this.stats = stats;
        this.me = me;
    }

    @GET
    public Page<Views.TicketView> list(@BeanParam ListParams params) {
        return finder.list(Caller.of(me), params.filter());
    }

    /** Per-status counts for the dashboard tabs, with the list's other filters. */
    @GET
    @Path("/counts")
    public Map<String, Long> counts(@BeanParam ListParams params) {
        return finder.counts(Caller.of(me), params.filter());
    }

    @GET
    @Path("/stats")
    @RolesAllowed(Role.STAFF)
    public TicketStats.Stats stats() {
        return stats.of(Caller.of(me));
    }

    @POST
    @RolesAllowed({Role.STAFF, Role.CUSTOMER})
    public Response create(@Valid @NotNull(message = "a JSON body is required") Requests.NewTicket body) {
        return Response.status(201).entity(tickets.create(Caller.of(me), body)).build();
    }

    @GET
    @Path(ID)
    public Views.TicketView get(@PathParam("id") UUID id) {
        return tickets.get(Caller.of(me), id);
    }

    @PATCH
    @Path(ID)
    public Views.TicketView update(@PathParam("id") UUID id,
                                   @Valid @NotNull(message = "a JSON body is required") TicketPatch body) {
        return tickets.update(Caller.of(me), id, body);
    }

    @GET
    @Path(ID + "/messages")
    public List<Views.MessageView> messages(@PathParam("id") UUID id, @QueryParam("after") Long after,
                                            @QueryParam("before") Long before, @QueryParam("limit") Integer limit) {
        return conversation.list(Caller.of(me), id, after, before, limit);
    }

    @POST
    @Path(ID + "/messages")
    public Response send(@PathParam("id") UUID id, @Valid @NotNull(message = "a JSON body is required") Requests.SendMessage body) {
        var created = conversation.send(Caller.of(me), id, body);
        return Response.status(created.isNew() ? 201 : 200).entity(created.value()).build();
    }

    @PATCH
    @Path(ID + "/messages/{messageId}")
    public Views.MessageView edit(@PathParam("id") UUID id, @PathParam("messageId") UUID messageId,
                                  @Valid @NotNull(message = "a JSON body is required") Requests.EditMessage body) {
        return conversation.edit(Caller.of(me), id, messageId, body.body());
    }

    @DELETE
    @Path(ID + "/messages/{messageId}")
    public Response delete(@PathParam("id") UUID id, @PathParam("messageId") UUID messageId) {
        conversation.delete(Caller.of(me), id, messageId);
        return Response.noContent().build();
    }

    /** The requester has seen the conversation up to {@code seq} (shown to staff as {@code seenByCustomer}). */
    @POST
    @Path(ID + "/read")
    public Views.TicketView read(@PathParam("id") UUID id, @Valid @NotNull(message = "a JSON body is required") Requests.ReadUpTo body) {
        return conversation.read(Caller.of(me), id, body.seq());
    }

    @POST
    @Path(ID + "/rating")
    public Views.TicketView rate(@PathParam("id") UUID id, @Valid @NotNull(message = "a JSON body is required") Requests.Rate body) {
        return conversation.rate(Caller.of(me), id, body);
    }

    @GET
    @Path(ID + "/history")
    @RolesAllowed(Role.STAFF)
    public Page<Views.HistoryView> history(@PathParam("id") UUID id, @QueryParam("page") Integer page,
                                           @QueryParam("limit") Integer limit) {
        return tickets.history(Caller.of(me), id, page, limit);
    }
}
