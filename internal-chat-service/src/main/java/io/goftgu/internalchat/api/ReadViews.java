package io.goftgu.internalchat.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Read state: unread counts, receipts, and the read-receipt event payload. */
public final class ReadViews {

    private ReadViews() {
    }

    public record Unread(long total, long mentions, List<RoomUnread> rooms) {
    }

    public record RoomUnread(UUID roomId, long count, long mentionCount, boolean hasMention) {
    }

    /** A member who has read a message: {@code readAt} is when their read position last moved. */
    public record Receipt(UUID userId, String name, long lastReadSeq, Instant readAt) {
    }

    public record SearchHit(UUID roomId, UUID messageId, long seq, UUID senderId, String snippet, Instant createdAt) {
    }
}
