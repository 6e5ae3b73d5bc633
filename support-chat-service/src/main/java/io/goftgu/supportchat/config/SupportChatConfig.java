package io.goftgu.supportchat.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

@ConfigMapping(prefix = "goftgu.support-chat")
public interface SupportChatConfig {

    /** RESOLVED tickets close by themselves after this long without a reply. */
    @WithDefault("7d")
    Duration autoCloseAfter();

    /** Largest upload accepted, in bytes (API: 10 MiB). */
    @WithDefault("10485760")
    long maxAttachmentSize();

    /** Bytes a guest may have uploaded in all (GOFTGU_GUEST_UPLOAD_QUOTA, 50 MiB); past it 413. */
    @WithDefault("52428800")
    long guestUploadQuota();

    /** Uploads no message carries yet, per uploader at once; past it 429. */
    @WithDefault("20")
    int unsentUploadsPerUser();

    /** Uploads no message carried within this are deleted (UnsentUploadPurge). */
    @WithDefault("24h")
    java.time.Duration unsentUploadMaxAge();

    /** How often that purge runs ({@code off} in tests, which call it). */
    @WithDefault("15m")
    String unsentUploadPurgeEvery();

    /** Open tickets an agent carries before automatic assignment passes them over, unless the workspace sets its own. */
    @WithDefault("10")
    int defaultAgentCapacity();

    /** How often RESOLVED tickets are checked for auto-close (read by the scheduler). */
    @WithDefault("1m")
    Duration autoCloseInterval();

    /** How often running SLAs are checked for at-risk and breach (read by the scheduler). */
    @WithDefault("30s")
    Duration slaScanInterval();

    /** How often assignment queues are looked at, besides on every agent coming online (read by the scheduler). */
    @WithDefault("30s")
    Duration assignmentInterval();
}
