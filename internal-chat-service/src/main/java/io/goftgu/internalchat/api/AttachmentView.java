package io.goftgu.internalchat.api;

import java.util.UUID;

/** An uploaded file; {@code width}/{@code height} only for images. */
public record AttachmentView(UUID id, String name, long size, String contentType, Integer width, Integer height) {
}
