package io.goftgu.internalchat.rest;

import io.goftgu.internalchat.api.EditMessage;
import io.goftgu.internalchat.api.EventPayloads;
import io.goftgu.internalchat.api.MessageView;
import io.goftgu.internalchat.api.ReadViews;
import io.goftgu.internalchat.api.SendMessage;
import io.goftgu.internalchat.service.MessageService;
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

import java.util.List;
import java.util.UUID;

/** Messages: send, history, edit, delete, reactions, pins, receipts; staff only. */
@Path("/api/internal-chat/messages")
@RolesAllowed(Role.STAFF)
public class MessageResource {

    private final MessageService messages;
    private final CurrentUser me;

    MessageResource(MessageService messages, CurrentUser me) {
        this.messages = messages;
        this.me = me;
    }

    @POST
    public Response send(@Valid @NotNull(message = "a JSON body is required") SendMessage body) {
        return RoomResource.created(messages.send(me, body));
    }

    @GET
    public List<MessageView> history(@QueryParam("roomId") UUID roomId, @QueryParam("after") Long after,
                                     @QueryParam("before") Long before, @QueryParam("around") UUID around,
                                     @QueryParam("limit") Integer limit) {
        return messages.list(me, roomId, after, before, around, limit);
    }

    @GET
    @Path("/{id}")
    public MessageView get(@PathParam("id") UUID id) {
        return messages.get(me, id);
    }

    @PATCH
    @Path("/{id}")
    public MessageView edit(@PathParam("id") UUID id, @Valid @NotNull(message = "a JSON body is required") EditMessage body) {
        return messages.edit(me, id, body.body());
    }

    @DELETE
    @Path("/{id}")
    public Response delete(@PathParam("id") UUID id) {
        messages.delete(me, id);
        return Response.noContent().build();
    }

    @PUT
    @Path("/{id}/reactions/{emoji}")
    public EventPayloads.ReactionChanged react(@PathParam("id") UUID id, @PathParam("emoji") String emoji) {
        return messages.react(me, id, emoji, true);
    }

    @DELETE
    @Path("/{id}/reactions/{emoji}")
    public EventPayloads.ReactionChanged unreact(@PathParam("id") UUID id, @PathParam("emoji") String emoji) {
        return messages.react(me, id, emoji, false);
    }

    @PUT
    @Path("/{id}/pin")
    public MessageView pin(@PathParam("id") UUID id) {
        return messages.pin(me, id, true);
    }

    @DELETE
    @Path("/{id}/pin")
    public MessageView unpin(@PathParam("id") UUID id) {
        return messages.pin(me, id, false);
    }

    @GET
    @Path("/{id}/receipts")
    public List<ReadViews.Receipt> receipts(@PathParam("id") UUID id) {
        return messages.receipts(me, id);
    }
}
