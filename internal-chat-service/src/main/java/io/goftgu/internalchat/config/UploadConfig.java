package io.goftgu.internalchat.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Uploads not yet carried by a message ({@code internal-chat.uploads.*}; README, "Attachments"). */
@ConfigMapping(prefix = "internal-chat.uploads")
public interface UploadConfig {

    /** An upload no message carried within this age is deleted with its bytes. */
    @WithDefault("24h")
    Duration unsentMaxAge();

    /** How often the purge of old unsent uploads runs (one replica at a time). */
    @WithDefault("15m")
    String purgeEvery();

    /** Largest upload without a room (the room's own {@code maxFileSize} is checked when a message carries it). */
    @WithDefault("10485760")
    long unsentMaxSize();

    /** Unsent uploads one user may hold at once; past it, 429 until some are sent or purged. */
    @WithDefault("50")
    int unsentPerUser();
}
