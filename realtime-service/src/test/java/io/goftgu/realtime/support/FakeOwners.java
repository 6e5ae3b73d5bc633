package io.goftgu.realtime.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Stands in for internal-chat and support-chat where realtime-service asks them whether a socket holder may see a
 * room or ticket (the real services are tested on their own and together in e2e). It answers 200 with
 * the JSON a test registered for that path (for any caller, or only for callers of one workspace, as the real
 * owners scope every query by the token's workspace) and 404 otherwise, counts the calls and keeps the last request.
 * Tests talk to it over HTTP ({@link #show}, {@link #calls}, {@link #last}), so no state is shared across class
 * loaders.
 */
public class FakeOwners implements QuarkusTestResourceLifecycleManager {

    private HttpServer server;

    @Override
    public Map<String, String> start() {
        var answers = new ConcurrentHashMap<String, String>();
        var calls = new AtomicInteger();
        var last = new java.util.concurrent.atomic.AtomicReference<String>("{}");
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/_show", exchange -> {
            var path = exchange.getRequestURI().getQuery();
            answers.put(path, new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            reply(exchange, 204, "");
        });
        server.createContext("/_calls", exchange -> reply(exchange, 200, String.valueOf(calls.get())));
        server.createContext("/_last", exchange -> reply(exchange, 200, last.get()));
        server.createContext("/api/", exchange -> {
            calls.incrementAndGet();
            var path = exchange.getRequestURI().getPath();
            var authorization = String.valueOf(exchange.getRequestHeaders().getFirst("Authorization"));
            var request = io.goftgu.events.EventJson.MAPPER.createObjectNode()
                    .put("method", exchange.getRequestMethod()).put("path", path).put("authorization", authorization)
                    .put("body", new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            last.set(request.toString());
            var body = answers.getOrDefault(path + "@" + workspaceOf(authorization), answers.get(path));
            if (body == null) {
                reply(exchange, 404, "{\"status\":404,\"title\":\"Not found\"}");
            } else {
                reply(exchange, 200, body);
            }
        });
        server.start();
        var url = "http://127.0.0.1:" + server.getAddress().getPort();
        return Map.of("goftgu.realtime.internal-chat-url", url, "goftgu.realtime.support-chat-url", url,
                "goftgu.test.fake-owners-url", url);
    }

    /** The {@code wid} claim of a bearer token (not verified: the fake only needs to tell workspaces apart). */
    private static String workspaceOf(String authorization) {
        try {
            var payload = authorization.substring("Bearer ".length()).split("\\.")[1];
            return io.goftgu.events.EventJson.MAPPER.readTree(java.util.Base64.getUrlDecoder().decode(payload))
                    .path("wid").asText();
        } catch (RuntimeException | IOException e) {
            return "";
        }
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        var bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, status == 204 ? -1 : bytes.length);
        if (status != 204) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** From now on the fake answers 200 with {@code json} for {@code path} (e.g. /api/internal-chat/rooms/ID). */
    public static void show(String baseUrl, String path, String json) {
        send(HttpRequest.newBuilder(URI.create(baseUrl + "/_show?" + path)).POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** Like {@link #show}, but only for callers whose token is of {@code workspaceId}; others get 404. */
    public static void showTo(String baseUrl, java.util.UUID workspaceId, String path, String json) {
        send(HttpRequest.newBuilder(URI.create(baseUrl + "/_show?" + path + "@" + workspaceId))
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** The last owner call: {@code {method, path, authorization, body}}. */
    public static com.fasterxml.jackson.databind.JsonNode last(String baseUrl) {
        try {
            return io.goftgu.events.EventJson.MAPPER.readTree(send(HttpRequest.newBuilder(URI.create(baseUrl + "/_last")).GET()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** How many owner calls the fake has answered so far. */
    public static int calls(String baseUrl) {
        return Integer.parseInt(send(HttpRequest.newBuilder(URI.create(baseUrl + "/_calls")).GET()).trim());
    }

    private static String send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
