package io.goftgu.internalchat.api;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A room as the API shows it; {@code ticket} only for a TICKET room (a ticket's discussion). The viewer's own fields ({@code lastReadSeq}, {@code unreadCount},
 * {@code mentionCount}, {@code hasMention}) are null in events, which go to every member. {@code projectUrl} is the
 * project's link by the workspace's PROJECT template (docs/design.md, "CRM links").
 */
public record RoomView(UUID id, String type, String title, String description,
                       @JsonProperty("isPrivate") boolean isPrivate,
                       @JsonProperty("isArchived") boolean isArchived,
                       @JsonProperty("isLocked") boolean isLocked,
                       UUID teamId, String projectId, String projectUrl, TicketLink ticket, RoomSettings settings,
                       List<MemberView> members,
                       List<LinkView> pinnedLinks, long lastSeq, Long lastReadSeq, Long unreadCount,
                       Long mentionCount, Boolean hasMention, MessageView lastMessage, Instant createdAt,
                       Instant lastActivityAt) {

    /**
     * A TICKET room's ticket as internal chat last heard of it from support-chat.events: it follows the ticket's
     * changes. Null for every other type.
     */
    public record TicketLink(UUID id, String number, String subject, String status, String requesterName) {
    }

    public record MemberView(UUID userId, String name, String role, String nickname, boolean muted,
                             Instant mutedUntil, Instant joinedAt, boolean notificationsMuted) {
    }
}
