package io.goftgu.supportchat.rest;

import io.goftgu.paging.Page;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Tickets and their conversation (docs/api.md §4). */
@Path("/api/support-chat")
@RolesAllowed({Role.STAFF, Role.CUSTOMER, Role.VISITOR})
public class TicketResource {

    /** A ticket id in a path: anything else is 404 before it reaches a method. */
    static final String ID = "{id: [0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}}";

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
    @Operation(summary = "Tickets, paged",
            description = "Staff see every ticket of the workspace; a customer or guest only their own. Filters: "
            + "status and priority (comma-separated), assigneeId (an id, me or unassigned), teamId, categoryId, "
            + "labelId, requesterId, sla (at-risk or breached), q, from, to; sort one of createdAt, updatedAt, "
            + "number, priority, status, dueAt, resolutionDueAt, firstResponseDueAt, - for descending.")
    @APIResponse(responseCode = "200", description = "{data, total, page, limit, totalPages}")
    @APIResponse(responseCode = "400", description = "an unknown filter value or sort field, or page or limit out "
            + "of range")
    public Page<Views.TicketView> list(@BeanParam ListParams params) {
        return finder.list(Caller.of(me), params.filter());
    }

    /** Per-status counts for the dashboard tabs, with the list's other filters. */
    @GET
    @Path("/counts")
    @Operation(summary = "How many tickets per status, with the list's other filters (the dashboard's tabs)")
    @APIResponse(responseCode = "200", description = "{<status>: count}")
    @APIResponse(responseCode = "400", description = "an unknown filter value")
    public Map<String, Long> counts(@BeanParam ListParams params) {
        return finder.counts(Caller.of(me), params.filter());
    }

    @GET
    @Path("/stats")
    @RolesAllowed(Role.STAFF)
    @Operation(summary = "The workspace's ticket figures: counts per status, SLA hit rate, median first response "
            + "and resolution, average rating")
    @APIResponse(responseCode = "200", description = "the figures")
    @APIResponse(responseCode = "403", description = "not staff")
    public TicketStats.Stats stats() {
        return stats.of(Caller.of(me));
    }

    @POST
    @RolesAllowed({Role.STAFF, Role.CUSTOMER})
    @Operation(summary = "Open a ticket",
            description = "A customer opens their own; staff open one on a customer's behalf with requesterId.")
    @APIResponse(responseCode = "201", description = "the ticket, OPEN, with its number and SLA due times")
    @APIResponse(responseCode = "400", description = "a missing or invalid field, or a category or label that is "
            + "not this workspace's")
    @APIResponse(responseCode = "403", description = "a guest (guests start through the public widget endpoint), or "
            + "a customer naming a requesterId")
    public Response create(@Valid @NotNull(message = "a JSON body is required") Requests.NewTicket body) {
        return Response.status(201).entity(tickets.create(Caller.of(me), body)).build();
    }

    @GET
    @Path(ID)
    @Operation(summary = "One ticket, with its SLA state")
    @APIResponse(responseCode = "200", description = "the ticket")
    @APIResponse(responseCode = "404", description = "missing, another workspace's, or not the caller's ticket")
    public Views.TicketView get(@PathParam("id") UUID id) {
        return tickets.get(Caller.of(me), id);
    }

    @PATCH
    @Path(ID)
    @Operation(summary = "Change a ticket: status, priority, assignee, team, category, labels, due date",
            description = "Customers may only close or reopen their own ticket. Unknown fields are refused.")
    @APIResponse(responseCode = "200", description = "the ticket after the change")
    @APIResponse(responseCode = "400", description = "an unknown or invalid field")
    @APIResponse(responseCode = "403", description = "a customer changing anything but the status")
    @APIResponse(responseCode = "404", description = "missing, another workspace's, or not the caller's ticket")
    @APIResponse(responseCode = "409", description = "a status move the ticket's lifecycle does not allow")
    public Views.TicketView update(@PathParam("id") UUID id,
                                   @Valid @NotNull(message = "a JSON body is required") TicketPatch body) {
        return tickets.update(Caller.of(me), id, body);
    }

    @GET
    @Path(ID + "/messages")
    @Operation(summary = "A ticket's conversation in seq order",
            description = "after=<seq> or before=<seq>, limit 1..100; without a cursor the latest. Internal notes "
            + "only for staff.")
    @APIResponse(responseCode = "200", description = "the messages, oldest first")
    @APIResponse(responseCode = "400", description = "a limit out of range")
    @APIResponse(responseCode = "404", description = "missing, another workspace's, or not the caller's ticket")
    public List<Views.MessageView> messages(@PathParam("id") UUID id, @QueryParam("after") Long after,
                                            @QueryParam("before") Long before, @QueryParam("limit") Integer limit) {
        return conversation.list(Caller.of(me), id, after, before, limit);
    }

    @POST
    @Path(ID + "/messages")
    @Operation(summary = "Write in a ticket: a public reply, or (staff) an internal note",
            description = "clientMessageId makes it idempotent: a repeat returns the first message with 200. "
            + "internal: true is never visible to customers or guests.")
    @APIResponse(responseCode = "201", description = "the message")
    @APIResponse(responseCode = "200", description = "a repeat of clientMessageId: the first message")
    @APIResponse(responseCode = "400", description = "an empty or too long body, or an attachment that is not this "
            + "ticket's")
    @APIResponse(responseCode = "403", description = "an internal note by a customer or guest")
    @APIResponse(responseCode = "404", description = "missing, another workspace's, or not the caller's ticket")
    @APIResponse(responseCode = "409", description = "the ticket is closed")
    public Response send(@PathParam("id") UUID id, @Valid @NotNull(message = "a JSON body is required") Requests.SendMessage body) {
        var created = conversation.send(Caller.of(me), id, body);
        return Response.status(created.isNew() ? 201 : 200).entity(created.value()).build();
    }

    @PATCH
    @Path(ID + "/messages/{messageId}")
    @Operation(summary = "Edit my message")
    @APIResponse(responseCode = "200", description = "the message after the edit")
    @APIResponse(responseCode = "400", description = "an empty or too long body")
    @APIResponse(responseCode = "403", description = "not my message")
    @APIResponse(responseCode = "404", description = "missing, another workspace's, or not the caller's ticket, or "
            + "no such message")
    @APIResponse(responseCode = "409", description = "the message was deleted")
    public Views.MessageView edit(@PathParam("id") UUID id, @PathParam("messageId") UUID messageId,
                                  @Valid @NotNull(message = "a JSON body is required") Requests.EditMessage body) {
        return conversation.edit(Caller.of(me), id, messageId, body.body());
    }

    @DELETE
    @Path(ID + "/messages/{messageId}")
    @Operation(summary = "Delete my message")
    @APIResponse(responseCode = "204", description = "deleted (the seq stays, the body is emptied)")
    @APIResponse(responseCode = "403", description = "not my message")
    @APIResponse(responseCode = "404", description = "missing, another workspace's, or not the caller's ticket, or "
            + "no such message")
    @APIResponse(responseCode = "409", description = "the message was deleted already")
    public Response delete(@PathParam("id") UUID id, @PathParam("messageId") UUID messageId) {
        conversation.delete(Caller.of(me), id, messageId);
        return Response.noContent().build();
    }

    /** The requester has seen the conversation up to {@code seq} (shown to staff as {@code seenByCustomer}). */
    @POST
    @Path(ID + "/read")
    @Operation(summary = "The requester has seen the conversation up to seq",
            description = "Staff reads are not tracked; staff see seenByCustomer on messages.")
    @APIResponse(responseCode = "200", description = "the ticket")
    @APIResponse(responseCode = "400", description = "a missing or negative seq")
    @APIResponse(responseCode = "404", description = "missing, another workspace's, or not the caller's ticket")
    public Views.TicketView read(@PathParam("id") UUID id, @Valid @NotNull(message = "a JSON body is required") Requests.ReadUpTo body) {
        return conversation.read(Caller.of(me), id, body.seq());
    }

    @POST
    @Path(ID + "/rating")
    @Operation(summary = "The requester rates a resolved or closed ticket, once")
    @APIResponse(responseCode = "200", description = "the ticket with its rating")
    @APIResponse(responseCode = "400", description = "a score outside 1..5 or a too long comment")
    @APIResponse(responseCode = "403", description = "not the requester")
    @APIResponse(responseCode = "404", description = "missing, another workspace's, or not the caller's ticket")
    @APIResponse(responseCode = "409", description = "not resolved or closed yet, rated already, or merged into another ticket")
    public Views.TicketView rate(@PathParam("id") UUID id, @Valid @NotNull(message = "a JSON body is required") Requests.Rate body) {
        return conversation.rate(Caller.of(me), id, body);
    }

    @GET
    @Path(ID + "/history")
    @RolesAllowed(Role.STAFF)
    @Operation(summary = "Every change of a ticket, paged")
    @APIResponse(responseCode = "200", description = "{data: [{action, field, oldValue, newValue, actor, actorKind, "
            + "at}], ...}")
    @APIResponse(responseCode = "400", description = "page or limit out of range")
    @APIResponse(responseCode = "403", description = "not staff")
    @APIResponse(responseCode = "404", description = "missing or another workspace's")
    public Page<Views.HistoryView> history(@PathParam("id") UUID id, @QueryParam("page") Integer page,
                                           @QueryParam("limit") Integer limit) {
        return tickets.history(Caller.of(me), id, page, limit);
    }
}
