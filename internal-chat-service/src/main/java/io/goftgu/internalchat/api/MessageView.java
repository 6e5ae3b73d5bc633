package io.goftgu.internalchat.api;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A message as the API, and the events that announce it, show it. A deleted message keeps its seq with
 * {@code body} null and no content. {@code isRead} is relative to the viewer and null in events.
 */
public record MessageView(UUID id, UUID roomId, long seq, Sender sender, String type, String body,
                          UUID clientMessageId, ReplyTo replyTo, List<UUID> mentions,
                          Map<String, ReactionView> reactions, List<AttachmentView> attachments,
                          List<LinkView> links,
                          @JsonProperty("isEdited") boolean isEdited, Instant editedAt,
                          @JsonProperty("isDeleted") boolean isDeleted, Instant deletedAt,
                          @JsonProperty("isPinned") boolean isPinned, Instant pinnedAt, UUID pinnedBy,
                          SystemInfo system, long readBy,
                          @JsonProperty("isRead") Boolean isRead, Instant createdAt) {

    /** This message as events carry it to every member: {@code isRead} is the viewer's own, so it is left out. */
    public MessageView forEveryone() {
        return new MessageView(id, roomId, seq, sender, type, body, clientMessageId, replyTo, mentions, reactions,
                attachments, links, isEdited, editedAt, isDeleted, deletedAt, isPinned, pinnedAt, pinnedBy, system,
                readBy, null, createdAt);
    }

    public record Sender(UUID id, String name) {
    }

    /** The replied message as it was when the reply was sent. */
    public record ReplyTo(UUID id, long seq, UUID senderId, String senderName, String body) {
    }

    public record ReactionView(int count, List<UUID> userIds) {
    }

    /** What a SYSTEM message records: member-joined, member-left, renamed, role-changed. */
    public record SystemInfo(String kind, UUID userId, String value) {
    }
}
