package io.goftgu.internalchat.rest;

import java.util.UUID;

/** {@code POST /api/internal-chat/rooms?type=direct}: {@code userId} is the other person (or me, for notes). */
public record OpenRoom(UUID userId) {
}
