package io.goftgu.internalchat.rest;

import io.goftgu.internalchat.api.DiscussionView;
import io.goftgu.internalchat.service.TicketDiscussions;
import io.goftgu.security.CurrentUser;
import io.goftgu.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.util.UUID;

/**
 * A support ticket's discussion (docs/api.md, "Ticket discussions"). The path is support chat's, as clients see the
 * discussion as part of the ticket; the gateway routes it here, to the service that owns the room. Every role may
 * call it so that customers and guests get the 404 of a ticket they cannot see rather than a 403 that would say the
 * endpoint is about something.
 */
@Path("/api/support-chat/{ticketId}/discussion")
@RolesAllowed({Role.STAFF, Role.CUSTOMER, Role.VISITOR})
public class DiscussionResource {

    private final TicketDiscussions discussions;
    private final CurrentUser me;

    DiscussionResource(TicketDiscussions discussions, CurrentUser me) {
        this.discussions = discussions;
        this.me = me;
    }

    @POST
    @Operation(summary = "Open the ticket's discussion (staff): get-or-create its TICKET room and join it",
            description = "The room's first members are the opener and the ticket's assignee; later assignees join it. "
            + "A ticket created a moment ago may not have reached internal chat yet: the call waits for it briefly "
            + "(internal-chat.discussion.ticket-wait, 2 s) before answering 404.")
    @APIResponse(responseCode = "201", description = "the new discussion {roomId, unread, member}")
    @APIResponse(responseCode = "200", description = "the existing discussion (the caller is now a member)")
    @APIResponse(responseCode = "404", description = "no such ticket in the caller's workspace, or the caller is not "
            + "staff")
    public Response open(@PathParam("ticketId") UUID ticketId) {
        discussions.awaitTicket(me, ticketId);
        return RoomResource.created(discussions.open(me, ticketId));
    }

    @GET
    @Operation(summary = "The ticket's discussion: its room and the caller's unread count")
    @APIResponse(responseCode = "200", description = "{roomId, unread, member}")
    @APIResponse(responseCode = "404", description = "the ticket has no discussion, is another workspace's, or the "
            + "caller is not staff")
    public DiscussionView get(@PathParam("ticketId") UUID ticketId) {
        return discussions.get(me, ticketId);
    }
}
