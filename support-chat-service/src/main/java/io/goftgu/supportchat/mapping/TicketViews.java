package io.goftgu.supportchat.mapping;

import io.goftgu.supportchat.api.Views;
import io.goftgu.supportchat.domain.Category;
import io.goftgu.supportchat.domain.Guest;
import io.goftgu.supportchat.domain.HistoryEntry;
import io.goftgu.supportchat.domain.Label;
import io.goftgu.supportchat.domain.Ticket;
import io.goftgu.supportchat.domain.TicketAttachment;
import io.goftgu.supportchat.domain.TicketMessage;
import io.goftgu.supportchat.domain.WorkspaceUser;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/** Entities → the records the API and events show. */
@ApplicationScoped
public class TicketViews {

    public static String number(int number) {
        return "TKT-" + number;
    }

    /**
     * The ticket as its caller sees it: staff see every merge link; the requester does not see another requester's
     * ticket ({@link Views.TicketRef#HIDDEN}). Events use the requester's view, as their audience includes them.
     */
    public Views.TicketView ticket(Ticket t, boolean staff) {
        List<Views.LabelView> labels = t.labelIds.isEmpty() ? List.of()
                : Label.<Label>list("id in ?1", t.labelIds).stream()
                .sorted(Comparator.comparing(l -> l.name))
                .map(TicketViews::label).toList();
        Category category = t.categoryId == null ? null : Category.findById(t.categoryId);
        return new Views.TicketView(t.id, number(t.number), t.subject, t.description, t.status, t.priority,
                t.categoryId, category == null ? null : new Views.Ref(category.id, category.name), labels,
                new Views.Requester(t.requesterKind, t.requesterId, requesterName(t)), t.createdById,
                t.createdByStaff, t.assigneeId, t.assigneeId == null ? null : new Views.Ref(t.assigneeId, userName(t.assigneeId)),
                t.teamId, t.dueAt, t.reopenCount, t.firstResponseAt,
                t.firstResponseAt == null ? null : Duration.between(t.createdAt, t.firstResponseAt).toSeconds(),
                t.resolvedAt, t.resolvedAt == null ? null : Duration.between(t.createdAt, t.resolvedAt).toSeconds(),
                t.closedAt, t.slaPolicyId, t.firstResponseDueAt, t.nextResponseDueAt, t.resolutionDueAt, t.slaState,
                "breached".equals(t.slaState), t.awaitingAssignment,
                t.ratingScore == null ? null : new Views.Rating(t.ratingScore, t.ratingComment, t.ratedAt),
                t.lastMessageSeq, t.customerReadSeq, t.createdAt, t.updatedAt,
                t.mergedIntoId == null ? null : mergeRef(t, Ticket.findById(t.mergedIntoId), staff),
                Ticket.<Ticket>list("mergedIntoId = ?1 order by number", t.id).stream()
                        .filter(merged -> staff || sameRequester(t, merged)).map(TicketViews::ref).toList());
    }

    /** {@code other} as named on {@code t}: hidden from {@code t}'s requester when it is another requester's. */
    public static Views.TicketRef mergeRef(Ticket t, Ticket other, boolean staff) {
        return staff || sameRequester(t, other) ? ref(other) : Views.TicketRef.HIDDEN;
    }

    private static boolean sameRequester(Ticket t, Ticket other) {
        return other.isRequester(t.requesterKind, t.requesterId);
    }

    public static Views.TicketRef ref(Ticket t) {
        return new Views.TicketRef(t.id, number(t.number));
    }

    public static Views.LabelView label(Label l) {
        return new Views.LabelView(l.id, l.name, l.color);
    }

    public Views.MessageView message(TicketMessage m, Ticket ticket) {
        var deleted = m.deletedAt != null;
        List<Views.AttachmentView> attachments = deleted ? List.of()
                : TicketAttachment.<TicketAttachment>list("messageId = ?1 order by createdAt", m.id).stream()
                .map(TicketViews::attachment).toList();
        var seen = TicketMessage.STAFF.equals(m.senderKind) && !m.internal && m.seq <= ticket.customerReadSeq;
        return new Views.MessageView(m.id, m.ticketId, m.seq, sender(m), deleted ? "" : m.body, m.internal,
                m.replyToId, m.clientMessageId, attachments, m.editedAt != null, deleted, seen, m.createdAt, m.editedAt);
    }

    public Views.NoteCreated noteCreated(TicketMessage m) {
        return new Views.NoteCreated(m.id, m.ticketId, m.seq, sender(m), true, m.createdAt);
    }

    public static Views.AttachmentView attachment(TicketAttachment a) {
        return new Views.AttachmentView(a.id, a.name, a.size, a.contentType);
    }

    public Views.HistoryView history(HistoryEntry h) {
        var actor = h.actorId == null ? null : new Views.Ref(h.actorId,
                "GUEST".equals(h.actorKind) ? guestName(h.actorId) : userName(h.actorId));
        return new Views.HistoryView(h.action, h.field, h.oldValue, h.newValue, actor, h.actorKind, h.at);
    }

    public static Views.GuestView guest(Guest g) {
        return new Views.GuestView(g.id, g.name, g.email, g.phone, g.externalId, g.verified, g.device, g.browser,
                g.referrer, g.utmSource, g.utmMedium, g.utmCampaign, g.utmTerm, g.utmContent, g.firstVisitAt,
                g.lastVisitAt, g.visitCount, g.mergedIntoUserId, g.mergedAt, g.blockedAt, g.blockedBy);
    }

    private Views.Sender sender(TicketMessage m) {
        var name = TicketMessage.GUEST.equals(m.senderKind) ? guestName(m.senderId) : userName(m.senderId);
        return new Views.Sender(m.senderKind, m.senderId, name);
    }

    private String requesterName(Ticket t) {
        return Ticket.GUEST.equals(t.requesterKind) ? guestName(t.requesterId) : userName(t.requesterId);
    }

    private static String userName(UUID id) {
        WorkspaceUser user = WorkspaceUser.findById(id);
        return user == null ? null : user.name;
    }

    private static String guestName(UUID id) {
        Guest guest = Guest.findById(id);
        return guest == null ? null : guest.name;
    }
}
