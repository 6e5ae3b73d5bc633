package io.goftgu.internalchat.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A room as the API shows it to one of its members. */
public record RoomView(UUID id, String type, String title, List<MemberView> members, long lastSeq, long lastReadSeq,
                       long unreadCount, Instant createdAt, Instant lastActivityAt) {

    public record MemberView(UUID userId, String name, String role) {
    }
}
