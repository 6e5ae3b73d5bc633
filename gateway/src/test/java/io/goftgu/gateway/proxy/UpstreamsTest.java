package io.goftgu.gateway.proxy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.goftgu.testing.FreePorts;
import io.goftgu.testing.TestSocket;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.SocketAddress;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link Upstreams} behind a route's real proxy ({@link ServiceRoutes#proxy}, with {@link UpstreamErrors}), served by
 * a bare Vert.x HTTP server on a random port, in front of two real Vert.x HTTP and WebSocket servers that answer with
 * their names: requests alternate between the replicas, a replica that went away is skipped by every request, none
 * left is the 502 problem, and a WebSocket upgrade reaches the live replica when the first one listed is dead. No
 * Quarkus, so it runs in a second.
 */
class UpstreamsTest {

    private final Vertx vertx = Vertx.vertx();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @AfterEach
    void close() {
        await(vertx.close());
    }

    @Test
    void requestsAlternateBetweenTheReplicas() {
        var gateway = gateway(url(replica("a")) + ", " + url(replica("b")));
        assertEquals(List.of("a", "b", "a", "b"), names(gateway, 4));
    }

    @Test
    void aReplicaThatWentAwayIsSkippedByEveryRequest() {
        var a = replica("a");
        var gateway = gateway(url(a) + "," + url(replica("b")));
        assertEquals(List.of("a", "b"), names(gateway, 2));

        await(a.close());
        assertEquals(List.of("b", "b", "b", "b", "b", "b"), names(gateway, 6));
    }

    @Test
    void noReplicaLeftIs502ProblemJson() {
        var a = replica("a");
        var b = replica("b");
        var gateway = gateway(url(a) + "," + url(b));
        await(a.close());
        await(b.close());

        var response = get(gateway);
        assertEquals(502, response.statusCode());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse(null));
        var problem = new JsonObject(response.body());
        assertEquals(502, problem.getInteger("status"));
        assertTrue(problem.getString("detail").contains("/svc"), problem.encode());
    }

    @Test
    void aWebSocketReachesTheLiveReplicaWhenTheFirstListedIsDead() {
        var gateway = gateway("http://127.0.0.1:" + FreePorts.next() + "," + url(replica("b")));
        // the first upgrade starts at the dead replica and moves on; the later ones find it marked down
        for (var i = 0; i < 3; i++) {
            try (var socket = TestSocket.connect(URI.create("ws://127.0.0.1:" + gateway + "/svc/ws"), Map.of())) {
                assertEquals("b", socket.awaitType("hello", Duration.ofSeconds(10)).json().get("replica").asText());
                socket.send("{\"type\":\"ping\"}");
                assertEquals("b", socket.awaitType("echo", Duration.ofSeconds(10)).json().get("replica").asText());
            }
        }
    }

    @Test
    void aReplicaThatFailedToConnectIsTriedLastUntilItConnectsAgain() {
        var upstreams = Upstreams.parse("/svc", "http://127.0.0.1:1001,http://127.0.0.1:1002/");
        var first = upstreams.order().getFirst();
        var second = upstreams.order().getFirst();
        assertEquals(List.of(1001, 1002), List.of(first.address().port(), second.address().port()));

        upstreams.failed(first, new IllegalStateException("refused"));
        assertEquals(List.of(second, first), upstreams.order());
        assertEquals(List.of(second, first), upstreams.order());

        upstreams.connected(first);
        assertEquals(List.of(first, second), upstreams.order());
        assertEquals(List.of(second, first), upstreams.order());
    }

    @Test
    void oneUrlStillWorksAndMixedSchemesAreRefused() {
        var single = Upstreams.parse("/svc", "https://support.example/");
        assertTrue(single.https());
        assertEquals(List.of(new Upstreams.Origin(URI.create("https://support.example"),
                SocketAddress.inetSocketAddress(443, "support.example"))), single.order());

        var mixed = assertThrows(IllegalArgumentException.class,
                () -> Upstreams.parse("/ws", "http://127.0.0.1:8084,https://127.0.0.1:8085"));
        assertTrue(mixed.getMessage().contains("/ws") && mixed.getMessage().contains("all http"), mixed.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Upstreams.parse("/ws", "localhost:8084"));
        assertThrows(IllegalArgumentException.class, () -> Upstreams.parse("/ws", " , "));
    }

    /**
     * A replica: answers every request with its name, then closes the connection, so the gateway keeps none open to
     * it; a WebSocket says hello with the name and echoes with it. (A kept-alive connection to a replica that is then
     * closed is dropped by the gateway as soon as it sees the close, which a test request sent at once can overtake.)
     * The upgrade is taken in the request handler because a Quarkus test that ran earlier in this JVM has set
     * {@code vertx.disableWebsockets}, which switches off Vert.x's own WebSocket handler.
     */
    private HttpServer replica(String name) {
        return await(vertx.createHttpServer()
                .requestHandler(request -> {
                    if (!request.headers().contains(HttpHeaders.UPGRADE, HttpHeaders.WEBSOCKET, true)) {
                        request.response().putHeader("Connection", "close").end(name);
                        return;
                    }
                    request.toWebSocket().onSuccess(socket -> {
                        socket.writeTextMessage(new JsonObject().put("type", "hello").put("replica", name).encode());
                        socket.textMessageHandler(text -> socket.writeTextMessage(
                                new JsonObject().put("type", "echo").put("replica", name).encode()));
                    });
                })
                .listen(0, "127.0.0.1"));
    }

    private static String url(HttpServer server) {
        return "http://127.0.0.1:" + server.actualPort();
    }

    /** A gateway of one route, {@code /svc}, to {@code urls}; returns its port. */
    private int gateway(String urls) {
        var proxy = ServiceRoutes.proxy(vertx, Upstreams.parse("/svc", urls), true, routes(Duration.ofSeconds(2)),
                new UpstreamErrors(new ObjectMapper()).forService("/svc"));
        return await(vertx.createHttpServer().requestHandler(proxy).listen(0, "127.0.0.1")).actualPort();
    }

    private HttpResponse<String> get(int gateway) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway + "/svc/items"))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new AssertionError("the gateway did not answer", e);
        }
    }

    /** The replicas that answered {@code count} requests in a row, each asserted to succeed. */
    private List<String> names(int gateway, int count) {
        var names = new ArrayList<String>();
        for (var i = 0; i < count; i++) {
            var response = get(gateway);
            assertEquals(200, response.statusCode(), response.body());
            names.add(response.body());
        }
        return names;
    }

    private static <T> T await(Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** Route settings as the gateway's defaults, with this connect timeout. */
    static io.goftgu.gateway.config.GatewayConfig.Routes routes(Duration connectTimeout) {
        return new io.goftgu.gateway.config.GatewayConfig.Routes() {
            public String internalChat() { return ""; }
            public String supportChat() { return ""; }
            public String supportInfo() { return ""; }
            public String realtime() { return ""; }
            public Duration connectTimeout() { return connectTimeout; }
            public int httpPoolSize() { return 128; }
            public int httpWaitQueue() { return 2048; }
            public int maxWebsockets() { return 100_000; }
            public int websocketsPerIp() { return 2000; }
        };
    }
}
