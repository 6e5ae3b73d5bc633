package io.goftgu.internalchat.api;

import java.util.UUID;

/**
 * {@code /api/support-chat/{ticketId}/discussion}: the ticket's discussion room (a TICKET room), the caller's unread
 * count in it, and whether the caller is a member (a staff member who is not sees {@code unread} 0 and joins by
 * opening it).
 */
public record DiscussionView(UUID roomId, long unread, boolean member) {
}
