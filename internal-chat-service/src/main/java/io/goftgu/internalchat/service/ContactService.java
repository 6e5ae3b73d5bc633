package io.goftgu.internalchat.service;

import io.goftgu.internalchat.api.ContactsView;
import io.goftgu.internalchat.domain.Contact;
import io.goftgu.internalchat.domain.Room;
import io.goftgu.internalchat.domain.Team;
import io.goftgu.security.CurrentUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.HashMap;
import java.util.List;
import java.util.UUID;

/** The contacts list: the workspace's active staff (not me) and teams, with presence, my rooms with each, unread. */
@ApplicationScoped
public class ContactService {

    private final MessageService messages;
    private final RoomAccess access;

    ContactService(MessageService messages, RoomAccess access) {
        this.messages = messages;
        this.access = access;
    }

    @Transactional
    public ContactsView contacts(CurrentUser me, String search) {
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
