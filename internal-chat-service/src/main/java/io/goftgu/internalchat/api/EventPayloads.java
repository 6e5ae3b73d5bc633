package io.goftgu.internalchat.api;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** Event payloads that are not a plain room or message view (docs/asyncapi/internal-chat.yaml). */
public final class EventPayloads {

    private EventPayloads() {
    }

    /** {@code internal-chat.member.read}. */
    public record ReadMoved(UUID roomId, UUID userId, long lastReadSeq, Instant readAt) {
    }

    /** {@code internal-chat.reaction.added/removed}: {@code seq} is the message's. */
    public record ReactionChanged(UUID messageId, UUID roomId, long seq, String emoji, UUID userId,
                                  Map<String, MessageView.ReactionView> reactions) {
    }

    /** {@code internal-chat.member.added/removed/updated}: the room view after the change, plus whom it was about. */
    public record MemberChanged(UUID userId, @JsonUnwrapped RoomView room) {
    }
}
