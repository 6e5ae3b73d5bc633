package io.goftgu.gateway.proxy;

import io.quarkus.logging.Log;
import io.vertx.core.Future;
import io.vertx.core.http.ConnectionPoolTooBusyException;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.httpproxy.OriginRequestProvider;
import io.vertx.httpproxy.ProxyContext;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * The replicas of one service, from a route's comma-separated list of base URLs (a single URL is a list of one).
 * Requests take the replicas in turn (round-robin). A replica that cannot be connected to — refused, or the connect
 * timeout passed, as when its process was killed — is marked down for {@link #DOWN_FOR} and tried only after the
 * others until then, and the same request moves on to the next replica: a caller sees an error only when every
 * replica failed to connect. Moving on is always safe, because nothing of the request is sent before a connection
 * exists. The marks are kept per instance and per gateway replica; nothing is shared.
 * <p>
 * As the proxy's {@link OriginRequestProvider} it only opens a request to the chosen host and port, as the proxy's
 * own fixed origin does: the proxy sets method, URI and headers on it afterwards, for HTTP requests and WebSocket
 * upgrades alike.
 */
final class Upstreams implements OriginRequestProvider {

    /** How long a replica that could not be connected to is tried last. */
    static final Duration DOWN_FOR = Duration.ofSeconds(5);

    /** One replica: its base URL (without a trailing slash) and the address connections go to. */
    record Origin(URI base, SocketAddress address) {
    }

    private final String service;
    private final List<Origin> origins;
    private final boolean https;
    /** {@link System#nanoTime()} until which an origin is tried last. */
    private final Map<Origin, Long> downUntil = new ConcurrentHashMap<>();
    private final AtomicInteger next = new AtomicInteger();

    private Upstreams(String service, List<Origin> origins, boolean https) {
        this.service = service;
        this.origins = origins;
        this.https = https;
    }

    /**
     * Reads a comma-separated list of base URLs. All of them must share one scheme, {@code http} or {@code https},
     * because one HTTP client (TLS or not) serves the whole list; anything else stops the gateway at start.
     */
    static Upstreams parse(String service, String urls) {
        var bases = Arrays.stream(urls.split(","))
                .map(String::strip)
                .filter(url -> !url.isEmpty())
                .map(url -> URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url))
                .toList();
        var schemes = bases.stream()
                .map(base -> base.getScheme() == null ? "" : base.getScheme().toLowerCase(Locale.ROOT))
                .distinct()
                .toList();
        if (bases.isEmpty() || schemes.size() != 1 || !List.of("http", "https").contains(schemes.getFirst())
                || bases.stream().anyMatch(base -> base.getHost() == null)) {
            throw new IllegalArgumentException(service + ": '" + urls + "' must be one base URL or several separated"
                    + " by commas, all http://host:port or all https://host:port");
        }
        var https = schemes.getFirst().equals("https");
        var origins = bases.stream()
                .map(base -> new Origin(base, SocketAddress.inetSocketAddress(
                        base.getPort() != -1 ? base.getPort() : https ? 443 : 80, base.getHost())))
                .toList();
        return new Upstreams(service, origins, https);
    }

    boolean https() {
        return https;
    }

    /** The origins in the order one request tries them: the next in turn first, those marked down last. */
    List<Origin> order() {
        var start = Math.floorMod(next.getAndIncrement(), origins.size());
        var now = System.nanoTime();
        var up = new ArrayList<Origin>(origins.size());
        var down = new ArrayList<Origin>();
        for (var i = 0; i < origins.size(); i++) {
            var origin = origins.get((start + i) % origins.size());
            (downUntil.getOrDefault(origin, now) - now > 0 ? down : up).add(origin);
        }
        up.addAll(down);
        return up;
    }

    /** A connection to {@code origin} could not be made: try it last for a while (logged once per while). */
    void failed(Origin origin, Throwable error) {
        var now = System.nanoTime();
        var previous = downUntil.put(origin, now + DOWN_FOR.toNanos());
        if (previous == null || previous - now <= 0) {
            Log.warnf("%s: cannot connect to %s (%s); trying it last for %d s", service, origin.base(), error,
                    DOWN_FOR.toSeconds());
        }
    }

    /** A connection to {@code origin} was made: it is up again. */
    void connected(Origin origin) {
        downUntil.remove(origin);
    }

    @Override
    public Future<HttpClientRequest> create(ProxyContext context) {
        return connect(context.client(), order().iterator());
    }

    /**
     * {@link HttpClient#request} completes once a connection is had, so its failure is a failure to connect, unless the
     * pool of connections to that replica is full with its wait queue too: the replica is busy, not down, so it is not
     * marked; the next replica is tried all the same, and with none left the caller gets 503 ({@link UpstreamErrors}).
     */
    private Future<HttpClientRequest> connect(HttpClient client, Iterator<Origin> candidates) {
        var origin = candidates.next();
        return client.request(new RequestOptions().setServer(origin.address()))
                .onSuccess(request -> connected(origin))
                .recover(error -> {
                    if (!(error instanceof ConnectionPoolTooBusyException)) {
                        failed(origin, error);
                    }
                    return candidates.hasNext() ? connect(client, candidates) : Future.failedFuture(error);
                });
    }

    @Override
    public String toString() {
        return origins.stream().map(origin -> origin.base().toString()).collect(Collectors.joining(", "));
    }
}
