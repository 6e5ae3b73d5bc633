package io.goftgu.internalchat.rest;

import io.goftgu.internalchat.api.ContactsView;
import io.goftgu.internalchat.api.ReadViews;
import io.goftgu.internalchat.domain.Contact;
import io.goftgu.internalchat.domain.Room;
import io.goftgu.internalchat.domain.Team;
import io.goftgu.internalchat.search.MessageSearch;
import io.goftgu.internalchat.service.MessageService;
import io.goftgu.internalchat.service.RoomAccess;
import io.goftgu.security.CurrentUser;
import io.goftgu.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

import java.util.HashMap;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Across my rooms: contacts, unread counts, search; staff only. */
@Path("/api/internal-chat")
@RolesAllowed(Role.STAFF)
public class WorkspaceChatResource {

    private final MessageService messages;
    private final MessageSearch search;
    private final RoomAccess access;
    private final CurrentUser me;

    WorkspaceChatResource(MessageService messages, MessageSearch search, RoomAccess access, CurrentUser me) {
        this.messages = messages;
        this.search = search;
        this.access = access;
        this.me = me;
    }

    @GET
    @Path("/unread")
    @Operation(summary = "My unread counts, in all and per room, with mentions")
    @APIResponse(responseCode = "200", description = "{total, mentions, rooms: [{roomId, count, mentionCount, "
            + "hasMention}]}")
    @APIResponse(responseCode = "403", description = "not staff")
    public ReadViews.Unread unread() {
        return messages.unread(me);
    }

    @GET
    @Path("/search")
    @Operation(summary = "Full-text search over the rooms I belong to",
            description = "Persian-aware: letters and digits of Persian and Arabic spellings match each other.")
    @APIResponse(responseCode = "200", description = "a page of hits with snippets")
    @APIResponse(responseCode = "400", description = "a blank or too long q, or page or limit out of range")
    @APIResponse(responseCode = "404", description = "roomId names a room that is not mine")
    public ReadViews.Page<ReadViews.SearchHit> search(@QueryParam("q") String q, @QueryParam("roomId") UUID roomId,
                                                       @QueryParam("page") Integer page, @QueryParam("limit") Integer limit) {
        return search.search(me, q, roomId, page, limit);
    }

    /** The workspace's active staff (not me) and teams, with presence, my rooms with each, and unread counts. */
    @GET
    @Path("/contacts")
    @Transactional
    @Operation(summary = "The workspace's staff and teams, with presence, my rooms with each, and unread counts")
    @APIResponse(responseCode = "200", description = "{users, teams}")
    @APIResponse(responseCode = "403", description = "not staff")
    public ContactsView contacts(@QueryParam("search") String search) {
        access.requireActive(me);
        var unread = messages.unreadByRoom(me);
        var directRoomByPeer = new HashMap<UUID, UUID>();
        List<Object[]> direct = Room.getEntityManager().createQuery("""
                        select r.id, other.key.userId from Room r, RoomMember mine, RoomMember other
                        where r.type = ?1 and r.workspaceId = ?2 and mine.key.roomId = r.id and mine.key.userId = ?3
                          and other.key.roomId = r.id and other.key.userId <> ?3""", Object[].class)
                .setParameter(1, Room.Type.DIRECT).setParameter(2, me.workspaceId()).setParameter(3, me.id())
                .getResultList();
        direct.forEach(row -> directRoomByPeer.put((UUID) row[1], (UUID) row[0]));
        var needle = search == null ? "" : search.strip().toLowerCase();
        List<Contact> staff = Contact.list("workspaceId = ?1 and active = true and role = 'ADMIN' order by name",
                me.workspaceId());
        var users = staff.stream()
                .filter(c -> !c.id.equals(me.id()))
                .filter(c -> needle.isEmpty() || c.name.toLowerCase().contains(needle))
                .map(c -> {
                    var roomId = directRoomByPeer.get(c.id);
                    return new ContactsView.UserContact(c.id, c.name, c.email, c.presence == null ? "offline" : c.presence,
                            c.lastSeenAt, roomId, roomId == null ? 0 : unread.getOrDefault(roomId, 0L));
                })
                .toList();
        var teamRooms = new HashMap<UUID, UUID>();
        Room.<Room>list("workspaceId = ?1 and type = ?2", me.workspaceId(), Room.Type.TEAM)
                .forEach(r -> teamRooms.put(r.teamId, r.id));
        List<Team> teams = Team.list("workspaceId = ?1 order by name", me.workspaceId());
        var teamViews = teams.stream()
                .filter(t -> needle.isEmpty() || t.name.toLowerCase().contains(needle))
                .map(t -> {
                    var roomId = teamRooms.get(t.id);
                    boolean mine = roomId != null && unread.containsKey(roomId);
                    return new ContactsView.TeamContact(t.id, t.name, mine ? roomId : null,
                            mine ? unread.get(roomId) : 0);
                })
                .toList();
        return new ContactsView(users, teamViews);
    }
}
