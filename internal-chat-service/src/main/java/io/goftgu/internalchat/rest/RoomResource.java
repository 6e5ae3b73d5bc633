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
import io.goftgu.internalchat.service.RoomCrmLinks;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.util.List;
import java.util.UUID;

/** Rooms, members, pins and read position (docs/api.md §3); staff only. */
@Path("/api/internal-chat/rooms")
@RolesAllowed(Role.STAFF)
public class RoomResource {

    private final RoomService rooms;
    private final MessageService messages;
    private final RoomCrmLinks crmLinks;
    private final CurrentUser me;

    RoomResource(RoomService rooms, MessageService messages, RoomCrmLinks crmLinks, CurrentUser me) {
        this.rooms = rooms;
        this.messages = messages;
        this.crmLinks = crmLinks;
        this.me = me;
    }

    @POST
    @Operation(summary = "Open a room: ?type=direct, team, group or project",
            description = "direct {userId} and team {teamId} are get-or-create (200 existing, 201 new; userId = me "
            + "is my notes-to-self room); group {title, memberIds, isPrivate?} and project {projectId, title, "
            + "memberIds} create.")
    @APIResponse(responseCode = "201", description = "the new room")
    @APIResponse(responseCode = "200", description = "the existing direct or team room")
    @APIResponse(responseCode = "400", description = "an unknown type, or a missing or invalid field for it (a "
            + "projectId the workspace's CRM lookup refuses or could not verify)")
    @APIResponse(responseCode = "404", description = "no such user or team in this workspace")
    @APIResponse(responseCode = "409", description = "the project already has a room")
    public Response open(@QueryParam("type") String type, @Valid @NotNull(message = "a JSON body is required") OpenRoom body) {
        if ("project".equals(type)) {
            crmLinks.check(me, body);
        }
        return created(rooms.open(me, type, body));
    }

    @GET
    @Operation(summary = "My rooms, most recent activity first",
            description = "Each with lastMessage, unreadCount and lastReadSeq; ?archived=true lists the archived "
            + "ones.")
    @APIResponse(responseCode = "200", description = "my rooms")
    @APIResponse(responseCode = "403", description = "not staff")
    public List<RoomView> mine(@QueryParam("archived") boolean archived) {
        return rooms.mine(me, archived);
    }

    @GET
    @Path("/{roomId}")
    @Operation(summary = "One room, with its members and settings")
    @APIResponse(responseCode = "200", description = "the room")
    @APIResponse(responseCode = "404", description = "the room does not exist, is another workspace's, or I am not "
            + "a member")
    public RoomView room(@PathParam("roomId") UUID roomId) {
        return rooms.get(me, roomId);
    }

    @PATCH
    @Path("/{roomId}")
    @Operation(summary = "Change a room: title, description, archived, locked, settings, pinned links")
    @APIResponse(responseCode = "200", description = "the room after the change")
    @APIResponse(responseCode = "400", description = "an invalid field (a pinned link the workspace's CRM lookup "
            + "refuses or could not verify: pinnedLinks[i].refId)")
    @APIResponse(responseCode = "403", description = "my room role may not change settings")
    @APIResponse(responseCode = "404", description = "the room does not exist, is another workspace's, or I am not "
            + "a member")
    @APIResponse(responseCode = "409", description = "the room is archived, or a direct room cannot be changed so")
    public RoomView update(@PathParam("roomId") UUID roomId,
                           @Valid @NotNull(message = "a JSON body is required") UpdateRoom body) {
        return rooms.update(me, roomId, crmLinks.check(me, body));
    }

    @GET
    @Path("/{roomId}/members")
    @Operation(summary = "A room's members")
    @APIResponse(responseCode = "200", description = "the members with role, mute and nickname")
    @APIResponse(responseCode = "404", description = "the room does not exist, is another workspace's, or I am not "
            + "a member")
    public List<RoomView.MemberView> members(@PathParam("roomId") UUID roomId) {
        return rooms.members(me, roomId);
    }

    @POST
    @Path("/{roomId}/members")
    @Operation(summary = "Invite a member")
    @APIResponse(responseCode = "201", description = "the member")
    @APIResponse(responseCode = "400", description = "a missing userId or an invalid role")
    @APIResponse(responseCode = "403", description = "my room role may not invite, or give that role")
    @APIResponse(responseCode = "404", description = "the room does not exist, is another workspace's, or I am not "
            + "a member, or no such staff user")
    @APIResponse(responseCode = "409", description = "already a member, or a direct or team room (members are "
            + "fixed)")
    public Response invite(@PathParam("roomId") UUID roomId,
                           @Valid @NotNull(message = "a JSON body is required") MemberChange body) {
        return Response.status(201).entity(rooms.invite(me, roomId, body)).build();
    }

    @PATCH
    @Path("/{roomId}/members/{userId}")
    @Operation(summary = "Change a member's role, mute or nickname")
    @APIResponse(responseCode = "200", description = "the member after the change")
    @APIResponse(responseCode = "400", description = "an invalid field")
    @APIResponse(responseCode = "403", description = "my room role may not make this change")
    @APIResponse(responseCode = "404", description = "the room does not exist, is another workspace's, or I am not "
            + "a member, or no such member")
    @APIResponse(responseCode = "409", description = "the room must keep an OWNER")
    public RoomView.MemberView changeMember(@PathParam("roomId") UUID roomId, @PathParam("userId") UUID userId,
                                            @Valid @NotNull(message = "a JSON body is required") MemberChange body) {
        return rooms.changeMember(me, roomId, userId, body);
    }

    @DELETE
    @Path("/{roomId}/members/{userId}")
    @Operation(summary = "Remove a member, or leave (userId = me)")
    @APIResponse(responseCode = "204", description = "removed")
    @APIResponse(responseCode = "403", description = "only a room OWNER or ADMIN removes others, and never the "
            + "OWNER")
    @APIResponse(responseCode = "404", description = "the room does not exist, is another workspace's, or I am not "
            + "a member, or no such member")
    @APIResponse(responseCode = "409", description = "the last OWNER must hand over first, or a direct or team room")
    public Response remove(@PathParam("roomId") UUID roomId, @PathParam("userId") UUID userId) {
        rooms.removeMember(me, roomId, userId);
        return Response.noContent().build();
    }

    @GET
    @Path("/{roomId}/pins")
    @Operation(summary = "The pinned messages of a room")
    @APIResponse(responseCode = "200", description = "the pinned messages")
    @APIResponse(responseCode = "404", description = "the room does not exist, is another workspace's, or I am not "
            + "a member")
    public List<MessageView> pins(@PathParam("roomId") UUID roomId) {
        return messages.pins(me, roomId);
    }

    @POST
    @Path("/{roomId}/read")
    @Operation(summary = "I have read up to seq")
    @APIResponse(responseCode = "200", description = "my read position")
    @APIResponse(responseCode = "400", description = "a missing or negative seq, or one past the room's last")
    @APIResponse(responseCode = "404", description = "the room does not exist, is another workspace's, or I am not "
            + "a member")
    public EventPayloads.ReadMoved read(@PathParam("roomId") UUID roomId,
                                        @Valid @NotNull(message = "a JSON body is required") ReadUpTo body) {
        return messages.markRead(me, roomId, body.seq());
    }

    static Response created(Created<?> result) {
        return Response.status(result.created() ? 201 : 200).entity(result.value()).build();
    }
}
