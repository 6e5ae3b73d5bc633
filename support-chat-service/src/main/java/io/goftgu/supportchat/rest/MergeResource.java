package io.goftgu.supportchat.rest;

import io.goftgu.security.CurrentUser;
import io.goftgu.security.Role;
import io.goftgu.supportchat.api.Requests;
import io.goftgu.supportchat.api.Views;
import io.goftgu.supportchat.service.Caller;
import io.goftgu.supportchat.service.GuestMerge;
import io.goftgu.supportchat.service.TicketMerge;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.util.UUID;

/** Merging duplicate tickets, and a guest into the customer they turned out to be (docs/api.md, "Merges"). Staff only. */
@Path("/api/support-chat")
@RolesAllowed(Role.STAFF)
public class MergeResource {

    private final TicketMerge tickets;
    private final GuestMerge guests;
    private final CurrentUser me;

    MergeResource(TicketMerge tickets, GuestMerge guests, CurrentUser me) {
        this.tickets = tickets;
        this.guests = guests;
        this.me = me;
    }

    @POST
    @Path(TicketResource.ID + "/merge")
    @Operation(summary = "Merge other tickets into this one",
            description = "The merged tickets close for good with mergedInto pointing here; their conversations stay "
            + "theirs (linked, not moved) and are shown with this ticket's in time order. Tickets of another "
            + "requester need force: true. Repeating a merge changes nothing.")
    @APIResponse(responseCode = "200", description = "this ticket, with mergedTickets")
    @APIResponse(responseCode = "400", description = "no ticketIds, more than 20, a null, or this ticket among them")
    @APIResponse(responseCode = "403", description = "not staff")
    @APIResponse(responseCode = "404", description = "this ticket or one of ticketIds is missing or another workspace's")
    @APIResponse(responseCode = "409", description = "another requester without force, this ticket merged itself, a "
            + "ticket merged elsewhere already, or one that other tickets were merged into")
    public Views.TicketView mergeTickets(@PathParam("id") UUID id,
                                         @Valid @NotNull(message = "a JSON body is required") Requests.MergeTickets body) {
        return tickets.merge(Caller.of(me), id, body);
    }

    @POST
    @Path("/guests/{guestId}/merge")
    @Operation(summary = "Merge a guest into a customer: the guest's tickets move to the customer",
            description = "The guest's token no longer reaches them. Repeating it moves only what is new.")
    @APIResponse(responseCode = "200", description = "the guest, with mergedIntoUserId")
    @APIResponse(responseCode = "400", description = "userId missing or not an active customer of this workspace")
    @APIResponse(responseCode = "403", description = "not staff")
    @APIResponse(responseCode = "404", description = "the guest is missing or another workspace's")
    @APIResponse(responseCode = "409", description = "the guest was merged into another customer already")
    public Views.GuestView mergeGuest(@PathParam("guestId") UUID guestId,
                                      @Valid @NotNull(message = "a JSON body is required") Requests.MergeGuest body) {
        return guests.merge(Caller.of(me), guestId, body.userId());
    }
}
