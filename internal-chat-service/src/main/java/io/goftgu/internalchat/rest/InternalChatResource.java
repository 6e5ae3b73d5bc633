package io.goftgu.internalchat.rest;

import io.goftgu.internalchat.domain.Contact;
import io.goftgu.internalchat.domain.Room;
import io.goftgu.internalchat.service.Created;
import io.goftgu.internalchat.service.MessageService;
import io.goftgu.internalchat.service.RoomService;
import io.goftgu.problem.Problems;
import io.goftgu.security.CurrentUser;
import io.goftgu.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** Internal chat, staff only (API.md "Internal chat"). */
@Path("/api/internal-chat")
@RolesAllowed(Role.STAFF)
public class InternalChatResource {

    private final RoomService rooms;
    private final MessageService messages;
    private final CurrentUser me;

    InternalChatResource(RoomService rooms, MessageService messages, CurrentUser me) {
        this.rooms = rooms;
        this.messages = messages;
        this.me = me;
    }

    @POST
    @Path("/rooms")
    public Response openRoom(@QueryParam("type") String type, @NotNull(message = "a JSON body is required") OpenRoom body) {
        if (!"direct".equals(type)) {
            throw Problems.invalid("type", "must be direct");
        }
        return created(rooms.openDirect(me, body.userId()));
    }

    @GET
    @Path("/rooms")
    public List<RoomView> myRooms() {
        return rooms.mine(me);
    }

    @GET
    @Path("/rooms/{roomId}")
    public RoomView room(@PathParam("roomId") UUID roomId) {
        return rooms.get(me, roomId);
    }

    @POST
    @Path("/messages")
    public Response send(@Valid @NotNull(message = "a JSON body is required") SendMessage body) {
        return created(messages.send(me, body));
    }

    @GET
    @Path("/messages")
    public List<MessageView> messages(@QueryParam("roomId") UUID roomId, @QueryParam("after") Long after,
                                      @QueryParam("before") Long before, @QueryParam("limit") Integer limit) {
        return messages.list(me, roomId, after, before, limit);
    }

    @GET
    @Path("/contacts")
    @Transactional
    public ContactsView contacts(@QueryParam("search") String search) {
        var directRooms = directRoomsByPeer();
        List<Contact> staff = Contact.list("workspaceId = ?1 and active = true and role = 'ADMIN' order by name",
                me.workspaceId());
        var needle = search == null ? "" : search.strip().toLowerCase();
        return new ContactsView(staff.stream()
                .filter(c -> !c.id.equals(me.id()))
                .filter(c -> needle.isEmpty() || c.name.toLowerCase().contains(needle))
                .map(c -> {
                    var room = directRooms.get(c.id);
                    return new ContactsView.UserContact(c.id, c.name, c.email, room == null ? null : room.id(),
                            room == null ? 0 : room.unreadCount());
                })
                .toList());
    }

    private Map<UUID, RoomView> directRoomsByPeer() {
        return rooms.mine(me).stream()
                .filter(r -> Room.Type.DIRECT.name().equals(r.type()))
                .flatMap(r -> r.members().stream().filter(m -> !m.userId().equals(me.id()))
                        .map(m -> Map.entry(m.userId(), r)))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a));
    }

    private static Response created(Created<?> result) {
        return Response.status(result.created() ? 201 : 200).entity(result.value()).build();
    }
}
