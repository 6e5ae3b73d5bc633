package io.goftgu.internalchat.rest;

import java.util.List;
import java.util.UUID;

/** {@code GET /api/internal-chat/contacts}: the workspace's staff, with my direct room with each. */
public record ContactsView(List<UserContact> users) {

    public record UserContact(UUID id, String name, String email, UUID directRoomId, long unreadCount) {
    }
}
