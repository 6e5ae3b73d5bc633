package io.goftgu.supportchat.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The records the API and the events show (entities never leave the service). */
public final class Views {

    private Views() {
    }

    public record Ref(UUID id, String name) {
    }

    /** A ticket's requester: {@code kind} USER (a customer) or GUEST. */
    public record Requester(String kind, UUID id, String name) {
    }

    public record LabelView(UUID id, String name, String color) {
    }

    public record Rating(int score, String comment, Instant ratedAt) {
    }

    public record TicketView(UUID id, String number, String subject, String description, String status,
                             String priority, UUID categoryId, Ref category, List<LabelView> labels,
                             Requester requester, UUID createdById, boolean createdByStaff, UUID assigneeId,
                             Ref assignee, UUID teamId, Instant dueAt, int reopenCount, Instant firstResponseAt,
                             Long firstResponseSeconds, Instant resolvedAt, Long resolutionSeconds, Instant closedAt,
                             UUID slaPolicyId, Instant firstResponseDueAt, Instant nextResponseDueAt,
                             Instant resolutionDueAt, String slaState, boolean breached, boolean awaitingAssignment,
                             Rating rating, long lastMessageSeq, long customerReadSeq, Instant createdAt,
                             Instant updatedAt, TicketRef mergedInto, List<TicketRef> mergedTickets) {
    }

    /**
     * A ticket named by a merge: {@code mergedInto} on a merged ticket, {@code mergedTickets} on its target. Its
     * requester is shown a ticket of another requester (a merge staff forced) as {@link #HIDDEN} in
     * {@code mergedInto}, and not at all in {@code mergedTickets} (docs/subsystems/merges.md).
     */
    public record TicketRef(UUID id, String number) {
        public static final TicketRef HIDDEN = new TicketRef(null, null);
    }

    public record Sender(String kind, UUID id, String name) {
    }

    public record AttachmentView(UUID id, String name, long size, String contentType) {
    }

    public record MessageView(UUID id, UUID ticketId, long seq, Sender sender, String body, boolean internal,
                              UUID replyToId, UUID clientMessageId, List<AttachmentView> attachments,
                              boolean isEdited, boolean isDeleted, boolean seenByCustomer, Instant createdAt,
                              Instant editedAt) {
    }

    /** What {@code support-chat.note.created} carries: that a note exists, never what it says. */
    public record NoteCreated(UUID id, UUID ticketId, long seq, Sender sender, boolean internal, Instant createdAt) {
    }

    public record HistoryView(String action, String field, String oldValue, String newValue, Ref actor, String actorKind,
                              Instant at) {
    }

    public record GuestView(UUID id, String name, String email, String phone, String externalId, boolean verified,
                            String device, String browser, String referrer, String utmSource, String utmMedium,
                            String utmCampaign, String utmTerm, String utmContent, Instant firstVisitAt,
                            Instant lastVisitAt, int visitCount, UUID mergedIntoUserId, Instant mergedAt,
                            Instant blockedAt, UUID blockedBy) {
    }

    // workspace configuration

    public record CategoryView(UUID id, UUID parentId, String name, int position) {
    }

    public record CannedView(UUID id, String shortCode, String title, String body) {
    }

    public record SlaPolicyView(UUID id, String name, String priority, int firstResponseMinutes,
                                Integer nextResponseMinutes, int resolutionMinutes) {
    }

    public record WindowView(String start, String end) {
    }

    public record BusinessHoursView(String timeZone, Map<String, List<WindowView>> days, List<String> holidays) {
    }

    /**
     * {@code secret} is shown only in the answer to a PUT that regenerated it (once); otherwise null, with
     * {@code secretHint} (its last four characters) so an admin can tell which secret the site has.
     */
    public record WidgetSettingsView(String secret, String secretHint, boolean enforceVerification,
                                     List<String> allowedOrigins, String color, Requests.Greeting greeting,
                                     String language) {
    }

    /** What the gateway needs to serve the widget (internal API): never the secret. */
    public record WidgetPublicView(List<String> allowedOrigins, String color, Requests.Greeting greeting,
                                   String language) {
    }

    public record AssignmentSettingsView(boolean autoAssign, int agentCapacity) {
    }
}
