package io.goftgu.e2e;

import io.goftgu.events.EventJson;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static io.goftgu.e2e.Gateway.call;
import static io.goftgu.e2e.Gateway.login;
import static io.goftgu.e2e.Gateway.signUp;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The gateway carries as many WebSockets as the process has descriptors for (it used to hang on the 201st upgrade:
 * its proxy pool held 200 connections): 3,000 sockets of 150 staff users (20 each, the per-user limit) open through
 * the gateway, 6,000 descriptors there (past the common 4,096 limit), and every one answers a ping. Prints how long
 * the upgrades took. Setting up a user costs two password hashes, which use both cores, so more users would only
 * lengthen CI; the bench's {@code connect} profile measures sockets at scale (docs/benchmarks.md).
 */
class GatewayWebSocketsIT {

    static final int USERS = 150;
    static final int PER_USER = 20;

    @Test
    void threeThousandSocketsThroughTheGateway() throws Exception {
        var stack = LocalStack.shared();
        var slug = "e2e-sockets-" + UUID.randomUUID().toString().substring(0, 8);
        signUp(slug, "Owner", "owner@sockets.test");
        var owner = login(slug, "owner@sockets.test");
        var tokens = new ArrayList<String>();
        for (int i = 0; i < USERS; i++) {
            var email = "user" + i + "@sockets.test";
            call("POST", "/api/workspace/users", owner.token(), Map.of("name", "User " + i, "email", email,
                    "password", Gateway.PASSWORD, "role", "USER"), 201);
            tokens.add(login(slug, email).token());
        }
        var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();
        var sockets = new ConcurrentLinkedQueue<WebSocket>();
        var pongs = new AtomicInteger();
        var listener = new WebSocket.Listener() {
            @Override
            public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                if (data.toString().contains("\"pong\"")) {
                    pongs.incrementAndGet();
                }
                webSocket.request(1);
                return null;
            }
        };
        var started = System.nanoTime();
        try {
            for (int batch = 0; batch < USERS * PER_USER; batch += 250) {
                var opening = new ArrayList<CompletableFuture<WebSocket>>();
                for (int i = batch; i < batch + 250; i++) {
                    opening.add(http.newWebSocketBuilder().header("Authorization", "Bearer " + tokens.get(i % USERS))
                            .connectTimeout(Duration.ofSeconds(30)).buildAsync(URI.create(stack.ws()), listener));
                }
                for (var socket : opening) {
                    sockets.add(socket.get(60, TimeUnit.SECONDS));
                }
            }
            var millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            assertEquals(USERS * PER_USER, sockets.size());
            for (var socket : sockets) {
                socket.sendText(EventJson.MAPPER.writeValueAsString(Map.of("type", "ping")), true);
            }
            var deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (pongs.get() < sockets.size() && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertEquals(sockets.size(), pongs.get(), "every socket answers through the gateway");
            System.out.printf("gateway WebSockets: %d open through the gateway in %d ms, %d pongs%n", sockets.size(),
                    millis, pongs.get());
        } finally {
            List.copyOf(sockets).forEach(socket -> socket.abort());
        }
    }
}
