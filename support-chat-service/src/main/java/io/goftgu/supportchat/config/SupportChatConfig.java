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
