package io.goftgu.gateway.session;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Logins in progress per client address, at most {@code ip-max-concurrent} (and never more than half the hashing turns)
 * at once: one address cannot take every password-hashing turn, worker thread or database connection, so others still
 * log in while it floods. Checked on the event loop before the request reaches a worker thread, so a flood's excess
 * is answered 429 at once and costs almost nothing. Entries leave the map when they reach zero.
 */
@jakarta.enterprise.context.ApplicationScoped
public class InFlight {

    private final int max;
    private final ConcurrentHashMap<String, AtomicInteger> counts = new ConcurrentHashMap<>();

    InFlight(io.goftgu.gateway.config.GatewayConfig config, PasswordHasher hasher) {
        this.max = Math.max(1, Math.min(config.login().ipMaxConcurrent(), hasher.maxConcurrent() / 2));
    }

    void register(@jakarta.enterprise.event.Observes io.vertx.ext.web.Router router) {
        router.post("/api/auth/login").order(-500).handler(context -> {
            var address = context.request().remoteAddress().hostAddress();
            if (!enter(address)) {
                context.response().setStatusCode(429).putHeader("Retry-After", "1")
                        .putHeader("Content-Type", "application/problem+json")
                        .end("{\"type\":\"https://goftgu.io/problems/429\",\"title\":\"Too many requests\",\"status\":429,"
                                + "\"detail\":\"too many logins at once from your address; try again in a moment\"}");
                return;
            }
            context.addEndHandler(done -> exit(address));
            context.next();
        });
    }

    boolean enter(String key) {
        var admitted = new boolean[1];
        counts.compute(key, (k, count) -> {
            var now = count == null ? new AtomicInteger() : count;
            if (now.get() < max) {
                now.incrementAndGet();
                admitted[0] = true;
            }
            return now.get() == 0 ? null : now;
        });
        return admitted[0];
    }

    void exit(String key) {
        counts.computeIfPresent(key, (k, count) -> count.decrementAndGet() <= 0 ? null : count);
    }
}
