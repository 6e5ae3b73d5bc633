package io.goftgu.gateway.notify;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Notification e-mail settings ({@code goftgu.notify.*}); {@code application.properties} maps each to its variable. */
@ConfigMapping(prefix = "goftgu.notify")
public interface NotifyConfig {

    /** Whether mails are sent at all (GOFTGU_NOTIFY_EMAIL); off, nothing is queued either. */
    @WithDefault("true")
    boolean email();

    /** How long a mention, direct message or ticket reply may stay unread before it is mailed, unless the workspace set its own (GOFTGU_NOTIFY_DELAY). */
    @WithDefault("10m")
    Duration delay();

    /** At most one mail per person and room or ticket within this interval (GOFTGU_NOTIFY_DIGEST_INTERVAL). */
    @WithDefault("30m")
    Duration digestInterval();

    /** Events older than this queue no mail (a replica starting on a topic's whole history mails nobody about it). */
    @WithDefault("24h")
    Duration maxAge();

    /**
     * How long the notifier lets events gather before it handles them, together in one transaction
     * (GOFTGU_NOTIFY_BATCH_WAIT, 1 ms to 10 s); a mail is due minutes later, so this only trades a little delay for
     * fewer fetches and commits.
     */
    @WithDefault("1s")
    Duration batchWait();

    /** How often due mails are looked for (GOFTGU_NOTIFY_SCAN_EVERY). */
    @WithDefault("30s")
    String scanEvery();

    /** How long a mail the SMTP server refused or could not take waits before it is tried again. */
    @WithDefault("1m")
    Duration retryAfter();

    /** Mails sent per round at most; the rest wait for the next round. */
    @WithDefault("100")
    int batchSize();

    /** The address people open Goftgu at, for the links in mails (GOFTGU_PUBLIC_URL), without a trailing slash. */
    @WithDefault("http://localhost:8080")
    String publicUrl();

    /** How long an unsubscribe link works (at most as long as a retired signing key is kept: the guest token lifetime). */
    @WithDefault("30d")
    Duration unsubscribeLifetime();
}
