package io.goftgu.realtime.endpoint;

import io.goftgu.realtime.config.RealtimeConfig;
import io.quarkus.logging.Log;
import io.quarkus.websockets.next.HttpUpgradeCheck;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Refuses (403) an upgrade whose {@code Origin} is not on the allowlist, so that another site cannot open a socket
 * with the dashboard's session cookie. Requests without an Origin come from non-browser clients, which must send a
 * token themselves, and pass. More than one Origin (e.g. one smuggled in through a subprotocol header) is refused.
 */
@ApplicationScoped
// runs before the security check (priority Integer.MAX_VALUE - 100): a foreign origin costs no token verification
@Priority(Integer.MAX_VALUE - 50)
public class OriginCheck implements HttpUpgradeCheck {

    private static final String ORIGIN = "Origin";

    private final Set<String> allowed;

    OriginCheck(RealtimeConfig config) {
        this.allowed = config.allowedOrigins().stream()
                .map(OriginCheck::normalize)
                .filter(origin -> !origin.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public Uni<CheckResult> perform(HttpUpgradeContext context) {
        var origins = context.httpRequest().headers().getAll(ORIGIN);
        if (origins.isEmpty()) {
            return CheckResult.permitUpgrade();
        }
        if (origins.size() == 1 && allowed.contains(normalize(origins.getFirst()))) {
            return CheckResult.permitUpgrade();
        }
        Log.debugf("WebSocket upgrade refused: origin %s is not allowed", origins);
        return CheckResult.rejectUpgrade(403);
    }

    /** Origins compare case-insensitively and without a trailing slash. */
    static String normalize(String origin) {
        var trimmed = origin.trim().toLowerCase(Locale.ROOT);
        return trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    }
}
