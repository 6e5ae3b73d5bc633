package io.goftgu.internalchat.rest;

import io.goftgu.internalchat.api.EventPayloads;
import io.goftgu.internalchat.api.MemberChange;
import io.goftgu.internalchat.api.MessageView;
import io.goftgu.internalchat.api.OpenRoom;
import io.goftgu.internalchat.api.ReadUpTo;
import io.goftgu.internalchat.api.RoomView;
import io.goftgu.internalchat.api.UpdateRoom;
import io.goftgu.internalchat.service.Created;
import io.goftgu.internalchat.service.MessageService;
import io.goftgu.internalchat.service.RoomService;
import io.goftgu.security.CurrentUser;
import io.goftgu.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import java.util.List;
import java.util.UUID;

/** Rooms, members, pins and read position (docs/api.md §3); staff only. */
@Path("/api/internal-chat/rooms")
@RolesAllowed(Role.STAFF)
public class RoomResource {

    private final RoomService rooms;
    private final MessageService messages;
    private final CurrentUser me;

    RoomResource(RoomService rooms, MessageService messages, CurrentUser me) {
        this.rooms = rooms;
        this.messages = messages;
        this.me = me;
    }

    @POST
    public Response open(@QueryParam("type") String type, @Valid @NotNull(message = "a JSON body is required") OpenRoom body) {
        return created(rooms.open(me, type, body));
    }

    @GET
    public List<RoomView> mine(@QueryParam("archived") boolean archived) {
        return rooms.mine(me, archived);
    }

    @GET
    @Path("/{roomId}")
    public RoomView room(@PathParam("roomId") UUID roomId) {
        return rooms.get(me, roomId);
    }

    @PATCH
    @Path("/{roomId}")
    public RoomView update(@PathParam("roomId") UUID roomId,
                           @Valid @NotNull(message = "a JSON body is required") UpdateRoom body) {
        return rooms.update(me, roomId, body);
    }

    @GET
    @Path("/{roomId}/members")
    public List<RoomView.MemberView> members(@PathParam("roomId") UUID roomId) {
        return rooms.members(me, roomId);
    }

    @POST
    @Path("/{roomId}/members")
    public Response invite(@PathParam("roomId") UUID roomId,
                           @Valid @NotNull(message = "a JSON body is required") MemberChange body) {
        return Response.status(201).entity(rooms.invite(me, roomId, body)).build();
    }

    @PATCH
    @Path("/{roomId}/members/{userId}")
    public RoomView.MemberView changeMember(@PathParam("roomId") UUID roomId, @PathParam("userId") UUID userId,
                                            @Valid @NotNull(message = "a JSON body is required") MemberChange body) {
        return rooms.changeMember(me, roomId, userId, body);
    }

    @DELETE
    @Path("/{roomId}/members/{userId}")
    public Response remove(@PathParam("roomId") UUID roomId, @PathParam("userId") UUID userId) {
        rooms.removeMember(me, roomId, userId);
        return Response.noContent().build();
    }

    @GET
    @Path("/{roomId}/pins")
    public List<MessageView> pins(@PathParam("roomId") UUID roomId) {
        return messages.pins(me, roomId);
    }

    @POST
    @Path("/{roomId}/read")
    public EventPayloads.ReadMoved read(@PathParam("roomId") UUID roomId,
                                        @Valid @NotNull(message = "a JSON body is required") ReadUpTo body) {
        return messages.markRead(me, roomId, body.seq());
    }

    static Response created(Created<?> result) {
        return Response.status(result.created() ? 201 : 200).entity(result.value()).build();
    }
}
