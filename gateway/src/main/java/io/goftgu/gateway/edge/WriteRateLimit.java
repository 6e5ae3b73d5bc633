package io.goftgu.gateway.edge;

import io.goftgu.gateway.config.GatewayConfig;
import io.quarkus.scheduler.Scheduled;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * Per-principal budgets for the writes that cost storage or fan out to many sockets: message sends and uploads, per
 * user or guest per minute (docs/security.md, "Writes"). The principal is the token's subject, read without verifying
 * here: the service behind verifies it, and a forged token only spends a budget its request cannot use. Sliding
 * windows in memory per gateway replica; past a budget the gateway answers 429 with Retry-After before proxying.
 */
@ApplicationScoped
public class WriteRateLimit {

    private static final Pattern MESSAGES = Pattern.compile(
            "^/api/(internal-chat/messages|support-chat/[^/]+/messages)/?$");
    private static final Pattern UPLOADS = Pattern.compile("^/api/(internal-chat|support-chat)/attachments/?$");
    private static final long MINUTE = 60_000_000_000L;

    private final int messagesPerMinute;
    private final int uploadsPerMinute;
    private final SlidingWindows windows = new SlidingWindows(MINUTE);

    WriteRateLimit(GatewayConfig config) {
        this.messagesPerMinute = config.writes().messagesPerMinute();
        this.uploadsPerMinute = config.writes().uploadsPerMinute();
    }

    /** Seconds to wait before this write is let through, or 0 when it may go now (and is counted). */
    public long check(HttpServerRequest request) {
        if (request.method() != HttpMethod.POST) {
            return 0;
        }
        var path = request.path();
        String kind;
        int limit;
        if (MESSAGES.matcher(path).matches()) {
            kind = "message";
            limit = messagesPerMinute;
        } else if (UPLOADS.matcher(path).matches()) {
            kind = "upload";
            limit = uploadsPerMinute;
        } else {
            return 0;
        }
        var subject = subject(request.getHeader("Authorization"));
        if (subject == null) {
            return 0;
        }
        var waitNanos = windows.acquire(kind + ":" + subject, limit);
        return waitNanos == 0 ? 0 : Math.max(1, waitNanos / 1_000_000_000L + 1);
    }

    /** The {@code sub} of a bearer JWT, unverified; null when there is none. */
    static String subject(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        var parts = authorization.substring(7).trim().split("\\.");
        if (parts.length < 2 || parts[1].length() > 8192) {
            return null;
        }
        try {
            var payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
            var matcher = SUB.matcher(payload);
            return matcher.find() ? matcher.group(1) : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static final Pattern SUB = Pattern.compile("\"sub\"\\s*:\\s*\"([^\"]{1,100})\"");

    @Scheduled(every = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void prune() {
        windows.prune();
    }
}
