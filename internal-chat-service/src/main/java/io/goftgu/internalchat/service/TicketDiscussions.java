package io.goftgu.internalchat.service;

import io.goftgu.events.EventTypes;
import io.goftgu.internalchat.api.DiscussionView;
import io.goftgu.internalchat.contacts.ContactDirectory;
import io.goftgu.internalchat.domain.Contact;
import io.goftgu.internalchat.domain.Room;
import io.goftgu.internalchat.domain.RoomMember;
import io.goftgu.internalchat.domain.Ticket;
import io.goftgu.internalchat.mapping.RoomViews;
import io.goftgu.problem.ProblemException;
import io.goftgu.problem.Problems;
import io.goftgu.security.CurrentUser;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.UUID;

/**
 * Ticket discussions (docs/design.md, "Ticket discussions"): one TICKET room per support ticket, where staff talk about
 * the ticket out of the customer's sight. The ticket is known here only through the ticket projection of
 * support-chat.events ({@link Ticket}); the room follows the ticket's number, subject, status and requester, and a
 * newly assigned agent joins it.
 *
 * <p>Only staff (role ADMIN) ever learn a discussion exists: to a customer or guest, and for another workspace's
 * ticket, it is 404 exactly as a ticket they cannot see. Members: the opener (OWNER), the ticket's assignee, whoever
 * a member invites (any member may: {@code whoCanInvite} ALL_MEMBERS), and every later assignee. A staff member who
 * opens an existing discussion joins it, as the ticket it is about is open to every staff member of the workspace.
 */
@ApplicationScoped
public class TicketDiscussions {

    private static final Duration POLL = Duration.ofMillis(100);

    private final EntityManager entityManager;
    private final ContactDirectory contacts;
    private final RoomAccess access;
    private final RoomService rooms;
    private final RoomViews views;
    private final RoomEvents events;
    private final Duration ticketWait;

    TicketDiscussions(EntityManager entityManager, ContactDirectory contacts, RoomAccess access, RoomService rooms,
                      RoomViews views, RoomEvents events,
                      @ConfigProperty(name = "internal-chat.discussion.ticket-wait", defaultValue = "2s") Duration ticketWait) {
        this.entityManager = entityManager;
        this.contacts = contacts;
        this.access = access;
        this.rooms = rooms;
        this.views = views;
        this.events = events;
        this.ticketWait = ticketWait;
    }

    /**
     * Waits until the ticket projection knows {@code ticketId} in the caller's workspace, at most
     * {@code internal-chat.discussion.ticket-wait} (a ticket created a moment ago may not have reached it yet), or
     * throws 404. Not in a transaction: each look is its own, so the wait holds no connection.
     */
    public void awaitTicket(CurrentUser me, UUID ticketId) {
        requireStaff(me, ticketId);
        var deadline = System.nanoTime() + ticketWait.toNanos();
        while (!QuarkusTransaction.requiringNew().call(() -> findTicket(me.workspaceId(), ticketId) != null)) {
            if (System.nanoTime() >= deadline) {
                throw notFound(ticketId);
            }
            try {
                Thread.sleep(POLL);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw notFound(ticketId);
            }
        }
    }

    /** The ticket's discussion, created on first use (with the caller and the assignee); the caller joins it. */
    @Transactional
    public Created<DiscussionView> open(CurrentUser me, UUID ticketId) {
        requireStaff(me, ticketId);
        var ticket = findTicket(me.workspaceId(), ticketId);
        if (ticket == null) {
            throw notFound(ticketId);
        }
        // serialise opens of one ticket's room without a unique-violation rollback
        entityManager.createNativeQuery("SELECT pg_advisory_xact_lock(hashtext(?1))")
                .setParameter(1, me.workspaceId() + "/ticket/" + ticketId).getSingleResult();
        var existing = findRoom(me.workspaceId(), ticketId);
        if (existing != null) {
            if (RoomMember.findById(new RoomMember.Key(existing.id, me.id())) == null) {
                entityManager.refresh(existing, LockModeType.PESSIMISTIC_WRITE);
                rooms.addMember(existing.id, me.id(), RoomMember.Role.MEMBER, MessageService.now());
                rooms.joined(existing, me.id(), me.id());
            }
            return new Created<>(view(existing, me.id()), false);
        }
        var room = rooms.newRoom(me, Room.Type.TICKET, title(ticket), null);
        room.ticketId = ticketId;
        room.whoCanInvite = Room.ManagePolicy.ALL_MEMBERS;
        room.persist();
        rooms.addMember(room.id, me.id(), RoomMember.Role.OWNER, room.createdAt);
        if (ticket.assigneeId != null && !ticket.assigneeId.equals(me.id()) && mayJoin(me.workspaceId(), ticket.assigneeId)) {
            rooms.addMember(room.id, ticket.assigneeId, RoomMember.Role.MEMBER, room.createdAt);
        }
        events.announce(EventTypes.InternalChat.ROOM_CREATED, room, me.id(), views.view(room, null));
        return new Created<>(view(room, me.id()), true);
    }

    /** The ticket's discussion as the caller sees it; 404 when it has none (or the caller may not know of it). */
    @Transactional
    public DiscussionView get(CurrentUser me, UUID ticketId) {
        requireStaff(me, ticketId);
        var room = findRoom(me.workspaceId(), ticketId);
        if (room == null) {
            throw notFound(ticketId);
        }
        return view(room, me.id());
    }

    /**
     * support-chat.events changed a ticket (in the projection's transaction): its discussion, if any, shows the new
     * number, subject, status and requester ({@code internal-chat.room.updated}), and a new assignee joins it.
     */
    public void ticketChanged(Ticket ticket, boolean shownFieldsChanged, UUID newAssignee) {
        var room = findRoom(ticket.workspaceId, ticket.id);
        if (room == null) {
            return;
        }
        entityManager.refresh(room, LockModeType.PESSIMISTIC_WRITE);
        if (shownFieldsChanged) {
            room.title = title(ticket);
            events.announce(EventTypes.InternalChat.ROOM_UPDATED, room, null, views.view(room, null));
        }
        if (newAssignee != null && RoomMember.findById(new RoomMember.Key(room.id, newAssignee)) == null
                && mayJoin(ticket.workspaceId, newAssignee)) {
            rooms.addMember(room.id, newAssignee, RoomMember.Role.MEMBER, MessageService.now());
            rooms.joined(room, null, newAssignee);
        }
    }

    /** "TKT-1001 · Printer on fire", at most a room title's 200 characters. */
    static String title(Ticket ticket) {
        var title = ticket.number + " · " + ticket.subject.strip();
        return title.length() <= 200 ? title : title.substring(0, 199) + "…";
    }

    private DiscussionView view(Room room, UUID viewer) {
        RoomMember member = RoomMember.findById(new RoomMember.Key(room.id, viewer));
        return new DiscussionView(room.id, member == null ? 0 : Math.max(0, room.lastSeq - member.lastReadSeq), member != null);
    }

    /** A customer, a guest or a deactivated user learns nothing: the same 404 as for a ticket they cannot see. */
    private void requireStaff(CurrentUser me, UUID ticketId) {
        if (!me.isStaff()) {
            throw notFound(ticketId);
        }
        access.requireActive(me);
    }

    /** An assignee the projection has not heard of yet joins; one it knows must be active staff. */
    private boolean mayJoin(UUID workspaceId, UUID userId) {
        Contact contact = contacts.find(workspaceId, userId);
        return contact == null || contact.isActiveStaff();
    }

    private static Ticket findTicket(UUID workspaceId, UUID ticketId) {
        return ticketId == null ? null
                : Ticket.<Ticket>find("id = ?1 and workspaceId = ?2", ticketId, workspaceId).firstResult();
    }

    private static Room findRoom(UUID workspaceId, UUID ticketId) {
        return ticketId == null ? null
                : Room.<Room>find("workspaceId = ?1 and ticketId = ?2", workspaceId, ticketId).firstResult();
    }

    /** The one answer for a ticket the caller may not know of, whatever the reason. */
    private static ProblemException notFound(UUID ticketId) {
        return Problems.notFound("ticket " + ticketId);
    }
}
