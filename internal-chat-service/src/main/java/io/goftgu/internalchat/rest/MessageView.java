package io.goftgu.internalchat.rest;

import java.time.Instant;
import java.util.UUID;

/** A message as the API, and the events that announce it, show it. */
public record MessageView(UUID id, UUID roomId, long seq, Sender sender, String type, String body,
                          UUID clientMessageId, Instant createdAt) {

    public record Sender(UUID id, String name) {
    }
}
