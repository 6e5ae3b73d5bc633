package io.goftgu.internalchat.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** {@code GET /api/internal-chat/contacts}: the workspace's staff and teams, with my rooms with each. */
public record ContactsView(List<UserContact> users, List<TeamContact> teams) {

    public record UserContact(UUID id, String name, String email, String presence, Instant lastSeenAt,
                              UUID directRoomId, long unreadCount) {
    }

    public record TeamContact(UUID id, String name, UUID roomId, long unreadCount) {
    }
}
