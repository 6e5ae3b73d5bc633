package io.goftgu.links;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link LinkLookup} against a real HTTP server on loopback, started here: the JDK's own. */
class LinkLookupTest {

    private static final UUID WORKSPACE = UUID.randomUUID();
    private static final UUID USER = UUID.randomUUID();

    private HttpServer server;
    private String url;
    private final AtomicInteger calls = new AtomicInteger();
    private final Map<String, String> lastQuery = new ConcurrentHashMap<>();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/lookup", exchange -> {
            calls.incrementAndGet();
            var query = Arrays.stream(exchange.getRequestURI().getRawQuery().split("&")).map(p -> p.split("=", 2))
                    .collect(Collectors.toMap(p -> p[0], p -> URLDecoder.decode(p[1], StandardCharsets.UTF_8)));
            lastQuery.clear();
            lastQuery.putAll(query);
            var refId = query.get("refId");
            int status = 200;
            String body = "{\"title\":\"Call Reza back\",\"visible\":true}";
            switch (refId) {
                case "missing" -> status = 404;
                case "secret" -> body = "{\"title\":\"Board minutes\",\"visible\":false}";
                case "broken" -> status = 500;
                case "garbage" -> body = "<html>";
                case "slow" -> {
                    try {
                        Thread.sleep(1500);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                default -> {
                }
            }
            var bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, status == 404 ? -1 : bytes.length);
            if (status != 404) {
                exchange.getResponseBody().write(bytes);
            }
            exchange.close();
        });
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
        url = "http://127.0.0.1:" + server.getAddress().getPort() + "/lookup";
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private LinkLookup lookup(boolean allowLoopback) {
        return new LinkLookup(Duration.ofMillis(500), Duration.ofMinutes(1), 100, allowLoopback);
    }

    @Test
    void foundWithItsTitleAndTheAnswerIsCached() {
        var lookup = lookup(true);
        var answer = lookup.check(url, WORKSPACE, USER, "TASK", "T 42/x");
        assertEquals(LinkLookup.Outcome.FOUND, answer.outcome());
        assertEquals("Call Reza back", answer.title());
        assertEquals(Map.of("workspaceId", WORKSPACE.toString(), "userId", USER.toString(), "kind", "TASK",
                "refId", "T 42/x"), lastQuery);
        assertEquals(answer, lookup.check(url, WORKSPACE, USER, "TASK", "T 42/x"));
        assertEquals(1, calls.get(), "the second check is answered from the cache");

        lookup.check(url, WORKSPACE, UUID.randomUUID(), "TASK", "T 42/x");
        lookup.check(url, UUID.randomUUID(), USER, "TASK", "T 42/x");
        assertEquals(3, calls.get(), "another user or workspace is asked again");
    }

    @Test
    void notFoundAndNotVisibleAreRefusedAndCached() {
        var lookup = lookup(true);
        assertEquals(LinkLookup.Outcome.REFUSED, lookup.check(url, WORKSPACE, USER, "TASK", "missing").outcome());
        var secret = lookup.check(url, WORKSPACE, USER, "DOCUMENT", "secret");
        assertEquals(LinkLookup.Outcome.REFUSED, secret.outcome());
        assertNull(secret.title(), "a title the user may not see is not kept");
        lookup.check(url, WORKSPACE, USER, "DOCUMENT", "secret");
        assertEquals(2, calls.get());
    }

    @Test
    void aSlowBrokenOrGarbledLookupIsUnverifiedAndAskedAgain() {
        var lookup = lookup(true);
        long start = System.nanoTime();
        var slow = lookup.check(url, WORKSPACE, USER, "TASK", "slow");
        assertEquals(LinkLookup.Outcome.UNVERIFIED, slow.outcome());
        assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() < 1400, "the timeout cut the wait short");
        assertEquals(LinkLookup.Outcome.UNVERIFIED, lookup.check(url, WORKSPACE, USER, "TASK", "broken").outcome());
        assertEquals(LinkLookup.Outcome.UNVERIFIED, lookup.check(url, WORKSPACE, USER, "TASK", "broken").outcome());
        assertEquals(LinkLookup.Outcome.UNVERIFIED, lookup.check(url, WORKSPACE, USER, "TASK", "garbage").outcome());
        assertEquals(4, calls.get(), "failures are not cached");
    }

    @Test
    void loopbackAndLinkLocalAreNotCalledUnlessAllowed() {
        var answer = lookup(false).check(url, WORKSPACE, USER, "TASK", "T1");
        assertEquals(LinkLookup.Outcome.UNVERIFIED, answer.outcome());
        assertTrue(answer.reason().contains("loopback"), answer.reason());
        var metadata = lookup(true).check("http://169.254.169.254/latest", WORKSPACE, USER, "TASK", "T1");
        assertEquals(LinkLookup.Outcome.UNVERIFIED, metadata.outcome());
        assertEquals(0, calls.get());
    }
}
