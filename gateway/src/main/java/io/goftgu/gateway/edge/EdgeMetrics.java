package io.goftgu.gateway.edge;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The gateway's domain meters at {@code /q/metrics}, read from each response's status so that no login or limit
 * code has to know about them: {@code goftgu_gateway_logins_total{outcome}} (success, failure = 401, locked-out =
 * 429 from the login throttle) and {@code goftgu_gateway_rate_limited_total{route}} (every 429 the gateway answers,
 * by route family: login, public-support, api, other). Runs before every other handler, so refusals made early
 * count too.
 */
@ApplicationScoped
public class EdgeMetrics {

    static final String LOGIN = "/api/auth/login";

    private final MeterRegistry meters;
    private final Map<String, Counter> logins = new ConcurrentHashMap<>();
    private final Map<String, Counter> limited = new ConcurrentHashMap<>();

    EdgeMetrics(MeterRegistry meters) {
        this.meters = meters;
        // present from the start, so dashboards and alerts see zeros rather than no series
        for (var outcome : new String[] {"success", "failure", "locked-out"}) {
            login(outcome);
        }
        for (var route : new String[] {"login", "public-support", "api", "other"}) {
            limited(route);
        }
    }

    void register(@Observes Router router) {
        router.route().order(EdgeRoutes.FILTER - 1).handler(this::handle);
    }

    private void handle(RoutingContext context) {
        var request = context.request();
        var path = request.path();
        var isLogin = request.method() == HttpMethod.POST && LOGIN.equals(path);
        context.addEndHandler(ignored -> {
            int status = context.response().getStatusCode();
            if (isLogin) {
                if (status == 200) {
                    login("success").increment();
                } else if (status == 401) {
                    login("failure").increment();
                } else if (status == 429) {
                    login("locked-out").increment();
                }
            }
            if (status == 429) {
                limited(routeOf(path)).increment();
            }
        });
        context.next();
    }

    private static String routeOf(String path) {
        if (LOGIN.equals(path)) {
            return "login";
        }
        if (path.startsWith("/api/support-chat/public/")) {
            return "public-support";
        }
        return path.startsWith("/api/") ? "api" : "other";
    }

    private Counter login(String outcome) {
        return logins.computeIfAbsent(outcome, o -> Counter.builder("goftgu.gateway.logins")
                .description("Login attempts by outcome").tag("outcome", o).register(meters));
    }

    private Counter limited(String route) {
        return limited.computeIfAbsent(route, r -> Counter.builder("goftgu.gateway.rate.limited")
                .description("Requests refused with 429 by the gateway").tag("route", r).register(meters));
    }
}
