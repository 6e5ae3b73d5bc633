package io.goftgu.gateway.proxy;

import io.goftgu.gateway.config.GatewayConfig;
import io.goftgu.gateway.edge.EdgeRoutes;
import io.quarkus.logging.Log;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.httpproxy.HttpProxy;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Routes {@code /api/internal-chat} (and a ticket's discussion, {@link #TICKET_DISCUSSION}), {@code /api/support-chat},
 * {@code /api/support-info} and the {@code /ws} WebSocket to their services with Vert.x's reverse proxy: bodies stream both ways, nothing is buffered. A route may
 * name several replicas of its service; {@link Upstreams} picks one per request and skips those that are down.
 * Before a request leaves, identity headers a client might forge are removed (services trust only the token) and the
 * {@code X-Forwarded-*} headers are set from what the gateway saw. The caller's token goes along as it came, or as
 * {@link io.goftgu.gateway.edge.EdgeFilter} turned the session cookie into one.
 */
@ApplicationScoped
public class ServiceRoutes {

    /** Headers that would claim an identity; only a verified token may do that. */
    private static final List<String> IDENTITY_HEADERS = List.of("X-User-Id", "X-Workspace-Id", "X-User-Role",
            "X-Forwarded-User", "Forwarded");
    private static final String GOFTGU_HEADER_PREFIX = "x-goftgu-";

    /** Answered by the gateway itself ({@link io.goftgu.gateway.rest.PublicSupportResource}), never routed. */
    public static final String PUBLIC_SUPPORT_PREFIX = "/api/support-chat/public/";

    /**
     * A ticket's discussion (docs/api.md, "Ticket discussions"): clients see it under the ticket, but its room is
     * internal chat's, so the gateway sends it there. Registered before the support-chat prefix, which it would
     * otherwise fall under; the public prefix is never a ticket id.
     */
    public static final Pattern TICKET_DISCUSSION = Pattern.compile("^/api/support-chat/(?!public/)[^/]+/discussion$");

    /** {@code regex}: the paths it takes; {@code prefix} names the service in logs and 502 problems. */
    private record Route(String prefix, String regex, String target, boolean webSocket, String except) {

        Route(String prefix, String target, boolean webSocket, String except) {
            this(prefix, "^" + Pattern.quote(prefix) + "(/.*)?$", target, webSocket, except);
        }
    }

    private final GatewayConfig.Routes config;
    private final UpstreamErrors errors;
    private final io.goftgu.gateway.edge.WriteRateLimit writes;

    ServiceRoutes(GatewayConfig config, UpstreamErrors errors, io.goftgu.gateway.edge.WriteRateLimit writes) {
        this.config = config.routes();
        this.errors = errors;
        this.writes = writes;
    }

    void register(@Observes Router router, Vertx vertx) {
        for (var route : List.of(
                new Route("/api/internal-chat", TICKET_DISCUSSION.pattern(), config.internalChat(), false, null),
                new Route("/api/internal-chat", config.internalChat(), false, null),
                new Route("/api/support-chat", config.supportChat(), false, PUBLIC_SUPPORT_PREFIX),
                new Route("/api/support-info", config.supportInfo(), false, null),
                new Route("/ws", config.realtime(), true, null))) {
            register(router, vertx, route);
        }
    }

    private void register(Router router, Vertx vertx, Route route) {
        var upstreams = Upstreams.parse(route.prefix(), route.target());
        var proxy = proxy(vertx, upstreams, route.webSocket(), config, errors.forService(route.prefix()));
        router.routeWithRegex(route.regex())
                .order(EdgeRoutes.SERVICES)
                .handler(context -> {
                    if (route.except() != null && context.normalizedPath().startsWith(route.except())) {
                        context.next();
                        return;
                    }
                    if (route.webSocket() && !admitSocket(context.request())) {
                        context.response().setStatusCode(429).putHeader("Retry-After", "10")
                                .putHeader("Content-Type", "application/problem+json")
                                .end("{\"type\":\"https://goftgu.io/problems/429\",\"title\":\"Too many requests\","
                                        + "\"status\":429,\"detail\":\"too many open sockets from your address\"}");
                        return;
                    }
                    var wait = writes.check(context.request());
                    if (wait > 0) {
                        context.response().setStatusCode(429).putHeader("Retry-After", Long.toString(wait))
                                .putHeader("Content-Type", "application/problem+json")
                                .end("{\"type\":\"https://goftgu.io/problems/429\",\"title\":\"Too many requests\","
                                        + "\"status\":429,\"detail\":\"too many messages or uploads; try again in " + wait
                                        + " s\"}");
                        return;
                    }
                    prepare(context.request());
                    proxy.handle(context.request());
                });
        Log.infof("routing %s to %s", route.prefix(), upstreams);
    }

    /** Client connections that asked for /ws, by connection, and how many each address holds. */
    private final java.util.Map<io.vertx.core.http.HttpConnection, String> socketConnections =
            new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.Map<String, java.util.concurrent.atomic.AtomicInteger> socketsPerAddress =
            new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * At most {@code websockets-per-ip} client connections from one address may hold (or ask for) a WebSocket: room
     * for an office behind one NAT address, not for one script opening sockets until the descriptors run out. Counted
     * per connection, released when it closes.
     */
    private boolean admitSocket(HttpServerRequest request) {
        var connection = request.connection();
        if (connection == null || socketConnections.containsKey(connection)) {
            return true;
        }
        var address = request.remoteAddress().hostAddress();
        var count = socketsPerAddress.computeIfAbsent(address, a -> new java.util.concurrent.atomic.AtomicInteger());
        if (count.incrementAndGet() > config.websocketsPerIp()) {
            count.decrementAndGet();
            return false;
        }
        socketConnections.put(connection, address);
        connection.closeHandler(closed -> {
            if (socketConnections.remove(connection) != null) {
                socketsPerAddress.computeIfPresent(address, (a, n) -> n.decrementAndGet() <= 0 ? null : n);
            }
        });
        return true;
    }

    /**
     * One route's reverse proxy: its own client (TLS or not, as the upstreams' scheme says) and connection pool. Vert.x
     * counts a proxied WebSocket as a pooled HTTP/1.1 connection for as long as it is open (and, in Vert.x 4, against
     * {@code maxWebSockets} too), so the WebSocket route's pool is sized for the sockets the gateway must carry
     * ({@code max-websockets}), not for requests: with the old pool of 200 the 201st upgrade waited forever. A request
     * that finds the pool full waits in a bounded queue, and past it is refused at once instead of hanging.
     */
    static HttpProxy proxy(Vertx vertx, Upstreams upstreams, boolean webSocket, GatewayConfig.Routes config,
                           ProxyInterceptor errors) {
        int pool = webSocket ? config.maxWebsockets() : config.httpPoolSize();
        var client = vertx.createHttpClient(new HttpClientOptions()
                        .setSsl(upstreams.https())
                        .setConnectTimeout((int) config.connectTimeout().toMillis())
                        .setMaxWebSockets(webSocket ? config.maxWebsockets() : 50)
                        .setKeepAlive(true),
                new PoolOptions()
                        .setHttp1MaxSize(pool)
                        .setMaxWaitQueueSize(webSocket ? 0 : config.httpWaitQueue()));
        var proxy = HttpProxy.reverseProxy(new ProxyOptions().setSupportWebSocket(webSocket), client).origin(upstreams);
        if (!webSocket) {
            proxy.addInterceptor(new Http2Bodies());
        }
        return proxy.addInterceptor(errors);
    }

    static void prepare(HttpServerRequest request) {
        var headers = request.headers();
        IDENTITY_HEADERS.forEach(headers::remove);
        headers.names().stream()
                .filter(name -> name.toLowerCase(Locale.ROOT).startsWith(GOFTGU_HEADER_PREFIX))
                .toList()
                .forEach(headers::remove);
        // the client's address as the gateway determined it, never a chain the client made up
        headers.set("X-Forwarded-For", request.remoteAddress().hostAddress());
        headers.set("X-Forwarded-Proto", request.scheme());
    }
}
