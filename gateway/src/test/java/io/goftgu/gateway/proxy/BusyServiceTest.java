package io.goftgu.gateway.proxy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.goftgu.gateway.config.GatewayConfig;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A route's proxy, as {@link ServiceRoutes#proxy} builds it, in front of a real HTTP server that holds its requests:
 * with every connection to every replica taken and the wait queue full, the next request is answered 503 problem+json
 * with {@code Retry-After} at once (the service is busy, not down), and no replica is marked down for it.
 */
class BusyServiceTest {

    private final Vertx vertx = Vertx.vertx();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @AfterEach
    void stop() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void aServiceWithEveryConnectionAndQueuePlaceTakenIs503WithRetryAfter() throws Exception {
        // two replicas that hold every request until released
        var held = new CountDownLatch(2);
        var release = Promise.<Void>promise();
        var replicas = new StringBuilder();
        for (int i = 0; i < 2; i++) {
            HttpServer service = await(vertx.createHttpServer().requestHandler(request -> {
                held.countDown();
                release.future().onComplete(done -> request.response().end("{\"ok\":true}"));
            }).listen(0, "127.0.0.1"));
            replicas.append(i == 0 ? "" : ",").append("http://127.0.0.1:").append(service.actualPort());
        }
        var upstreams = Upstreams.parse("/api/internal-chat", replicas.toString());
        // one connection per replica and no queue: the third request in flight finds both full
        var proxy = ServiceRoutes.proxy(vertx, upstreams, false, routes(1, 0),
                new UpstreamErrors(new ObjectMapper()).forService("/api/internal-chat"));
        HttpServer gateway = await(vertx.createHttpServer().requestHandler(proxy::handle).listen(0, "127.0.0.1"));
        var uri = URI.create("http://127.0.0.1:" + gateway.actualPort() + "/api/internal-chat/rooms");
        var get = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET().build();

        var first = client.sendAsync(get, HttpResponse.BodyHandlers.ofString());
        var second = client.sendAsync(get, HttpResponse.BodyHandlers.ofString());
        assertTrue(held.await(10, TimeUnit.SECONDS), "one request holds each replica");
        var busy = client.send(get, HttpResponse.BodyHandlers.ofString());
        assertEquals(503, busy.statusCode(), busy.body());
        assertEquals("1", busy.headers().firstValue("Retry-After").orElse(null));
        assertEquals("application/problem+json", busy.headers().firstValue("Content-Type").orElse(null));
        assertTrue(busy.body().contains("\"status\":503") && busy.body().contains("is busy"), busy.body());
        // busy is not down: neither replica was put last, so each still takes its turn first
        assertEquals(2, Set.of(upstreams.order().getFirst(), upstreams.order().getFirst()).size());

        release.complete();
        assertEquals(200, first.get(10, TimeUnit.SECONDS).statusCode());
        assertEquals(200, second.get(10, TimeUnit.SECONDS).statusCode());
        assertEquals(200, client.send(get, HttpResponse.BodyHandlers.ofString()).statusCode());
    }

    private static <T> T await(io.vertx.core.Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    /** The route settings the proxy reads; the others are not its business. */
    private static GatewayConfig.Routes routes(int poolSize, int waitQueue) {
        return (GatewayConfig.Routes) java.lang.reflect.Proxy.newProxyInstance(GatewayConfig.Routes.class.getClassLoader(),
                new Class<?>[] {GatewayConfig.Routes.class}, (self, method, args) -> switch (method.getName()) {
                    case "httpPoolSize" -> poolSize;
                    case "httpWaitQueue" -> waitQueue;
                    case "maxWebsockets" -> 10;
                    case "connectTimeout" -> Duration.ofSeconds(5);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
