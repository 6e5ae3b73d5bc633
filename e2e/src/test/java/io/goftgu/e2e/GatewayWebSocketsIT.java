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
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static io.goftgu.e2e.Gateway.call;
import static io.goftgu.e2e.Gateway.login;
import static io.goftgu.e2e.Gateway.signUp;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The gateway carries as many WebSockets as the process has descriptors for (it used to hang on the 201st upgrade:
 * its proxy pool held 200 connections): 5,000 sockets of 250 staff users (20 each, the per-user limit) open through
 * the gateway and every one answers a ping. Prints how long the 5,000 upgrades took.
 */
class GatewayWebSocketsIT {

    static final int USERS = 250;
    static final int PER_USER = 20;
    /**
     * Users created and logged in at once: each costs the gateway two password hashes, about 45 s for the 250 one
     * after another. Two, because every call here comes from 127.0.0.1 and the gateway refuses a third login in
     * progress from one address on the local stack's heap (gateway session/InFlight.java, PasswordHasher.java).
     */
    static final int SET_UP_AT_ONCE = 2;

    @Test
    void fiveThousandSocketsThroughTheGateway() throws Exception {
        var stack = LocalStack.shared();
        var slug = "e2e-sockets-" + UUID.randomUUID().toString().substring(0, 8);
        signUp(slug, "Owner", "owner@sockets.test");
        var owner = login(slug, "owner@sockets.test");
        var setUp = new ArrayList<Callable<String>>();
        for (int i = 0; i < USERS; i++) {
            var name = "User " + i;
            var email = "user" + i + "@sockets.test";
            setUp.add(() -> {
                call("POST", "/api/workspace/users", owner.token(), Map.of("name", name, "email", email,
                        "password", Gateway.PASSWORD, "role", "USER"), 201);
                return login(slug, email).token();
            });
        }
        var tokens = new ArrayList<String>();
        try (var pool = Executors.newFixedThreadPool(SET_UP_AT_ONCE)) {
            for (var user : pool.invokeAll(setUp)) { // in the users' order
                tokens.add(result(user));
            }
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

    /** A finished set-up task's token, or what it failed with (an assertion on a call's status stays one). */
    private static String result(Future<String> done) throws Exception {
        try {
            return done.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw e;
        }
    }
}
