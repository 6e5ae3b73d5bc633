package io.goftgu.internalchat.rest;

import io.goftgu.internalchat.api.EditMessage;
import io.goftgu.internalchat.api.EventPayloads;
import io.goftgu.internalchat.api.MessageView;
import io.goftgu.internalchat.api.ReadViews;
import io.goftgu.internalchat.api.SendMessage;
import io.goftgu.internalchat.service.MessageService;
import io.goftgu.internalchat.service.RoomCrmLinks;
import io.goftgu.security.CurrentUser;
import io.goftgu.security.Role;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.util.List;
import java.util.UUID;

/** Messages: send, history, edit, delete, reactions, pins, receipts; staff only. */
@Path("/api/internal-chat/messages")
@RolesAllowed(Role.STAFF)
public class MessageResource {

    private final MessageService messages;
    private final RoomCrmLinks crmLinks;
    private final CurrentUser me;

    MessageResource(MessageService messages, RoomCrmLinks crmLinks, CurrentUser me) {
        this.messages = messages;
        this.crmLinks = crmLinks;
        this.me = me;
    }

    @POST
    @Operation(summary = "Send a message to a room",
            description = "clientMessageId makes the send idempotent: a repeat returns the first message with 200 "
            + "and creates nothing.")
    @APIResponse(responseCode = "201", description = "the message, with its seq")
    @APIResponse(responseCode = "200", description = "a repeat of clientMessageId: the first message")
    @APIResponse(responseCode = "400", description = "a missing or invalid field: empty or too long body, a reply "
            + "into another room, a mention of a non-member, an attachment that is not mine, a link the workspace's "
            + "CRM lookup refuses or could not verify (links[i].refId)")
    @APIResponse(responseCode = "403", description = "the room's settings or my role forbid it (who may post, "
            + "muted, replies or attachments off)")
    @APIResponse(responseCode = "404", description = "the room does not exist, is another workspace's, or I am not "
            + "a member")
    @APIResponse(responseCode = "409", description = "the room is locked or archived")
    @APIResponse(responseCode = "413", description = "an attachment is over the room's file size")
    public Response send(@Valid @NotNull(message = "a JSON body is required") SendMessage body) {
        return RoomResource.created(messages.send(me, crmLinks.check(me, body)));
    }

    @GET
    @Operation(summary = "A room's messages in seq order",
            description = "One cursor at most: after=<seq>, before=<seq>, or around=<messageId> (a page centred on "
            + "that message); without one the latest. Deleted messages stay as placeholders, so seqs have no holes.")
    @APIResponse(responseCode = "200", description = "the messages, oldest first")
    @APIResponse(responseCode = "400", description = "a missing roomId, more than one cursor, or a limit outside "
            + "1..100")
    @APIResponse(responseCode = "404", description = "the room does not exist, is another workspace's, or I am not "
            + "a member, or the around message is not in it")
    public List<MessageView> history(@QueryParam("roomId") UUID roomId, @QueryParam("after") Long after,
                                     @QueryParam("before") Long before, @QueryParam("around") UUID around,
                                     @QueryParam("limit") Integer limit) {
        return messages.list(me, roomId, after, before, around, limit);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One message")
    @APIResponse(responseCode = "200", description = "the message")
    @APIResponse(responseCode = "404", description = "no such message in a room of mine")
    public MessageView get(@PathParam("id") UUID id) {
        return messages.get(me, id);
    }

    @PATCH
    @Path("/{id}")
    @Operation(summary = "Edit my message's body")
    @APIResponse(responseCode = "200", description = "the message after the edit (isEdited)")
    @APIResponse(responseCode = "400", description = "an empty or too long body")
    @APIResponse(responseCode = "403", description = "not my message")
    @APIResponse(responseCode = "404", description = "no such message in a room of mine")
    @APIResponse(responseCode = "409", description = "the message is deleted, or the room is archived")
    public MessageView edit(@PathParam("id") UUID id, @Valid @NotNull(message = "a JSON body is required") EditMessage body) {
        return messages.edit(me, id, body.body());
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete a message",
            description = "My own; a room OWNER, ADMIN or MODERATOR may delete anyone's. The message stays as a "
            + "placeholder with its seq.")
    @APIResponse(responseCode = "204", description = "deleted")
    @APIResponse(responseCode = "403", description = "neither my message nor a moderator of the room")
    @APIResponse(responseCode = "404", description = "no such message in a room of mine")
    @APIResponse(responseCode = "409", description = "the room is archived")
    public Response delete(@PathParam("id") UUID id) {
        messages.delete(me, id);
        return Response.noContent().build();
    }

    @PUT
    @Path("/{id}/reactions/{emoji}")
    @Operation(summary = "Add my reaction")
    @APIResponse(responseCode = "200", description = "the message's reactions after the change")
    @APIResponse(responseCode = "400", description = "not a single emoji")
    @APIResponse(responseCode = "403", description = "reactions are turned off in this room")
    @APIResponse(responseCode = "404", description = "no such message in a room of mine")
    @APIResponse(responseCode = "409", description = "the message is deleted")
    public EventPayloads.ReactionChanged react(@PathParam("id") UUID id, @PathParam("emoji") String emoji) {
        return messages.react(me, id, emoji, true);
    }

    @DELETE
    @Path("/{id}/reactions/{emoji}")
    @Operation(summary = "Remove my reaction")
    @APIResponse(responseCode = "200", description = "the message's reactions after the change")
    @APIResponse(responseCode = "400", description = "not a single emoji")
    @APIResponse(responseCode = "404", description = "no such message in a room of mine")
    public EventPayloads.ReactionChanged unreact(@PathParam("id") UUID id, @PathParam("emoji") String emoji) {
        return messages.react(me, id, emoji, false);
    }

    @PUT
    @Path("/{id}/pin")
    @Operation(summary = "Pin a message")
    @APIResponse(responseCode = "200", description = "the message (isPinned)")
    @APIResponse(responseCode = "403", description = "a room GUEST may not pin")
    @APIResponse(responseCode = "404", description = "no such message in a room of mine")
    @APIResponse(responseCode = "409", description = "the message is deleted")
    public MessageView pin(@PathParam("id") UUID id) {
        return messages.pin(me, id, true);
    }

    @DELETE
    @Path("/{id}/pin")
    @Operation(summary = "Unpin a message")
    @APIResponse(responseCode = "200", description = "the message")
    @APIResponse(responseCode = "403", description = "a room GUEST may not unpin")
    @APIResponse(responseCode = "404", description = "no such message in a room of mine")
    public MessageView unpin(@PathParam("id") UUID id) {
        return messages.pin(me, id, false);
    }

    @GET
    @Path("/{id}/receipts")
    @Operation(summary = "Who has read a message, and when")
    @APIResponse(responseCode = "200", description = "the members whose read position is at or past it")
    @APIResponse(responseCode = "404", description = "no such message in a room of mine")
    public List<ReadViews.Receipt> receipts(@PathParam("id") UUID id) {
        return messages.receipts(me, id);
    }
}
