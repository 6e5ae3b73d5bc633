package io.goftgu.gateway.proxy;

import io.goftgu.gateway.support.GatewayTest;
import io.goftgu.testing.TestSocket;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Routing to the services, against {@link io.goftgu.gateway.support.FakeService}, a real Vert.x HTTP and WebSocket
 * server that answers with what reached it: paths go to the right service unchanged, forged identity headers are
 * dropped, {@code X-Request-Id} travels both ways, the session cookie becomes a bearer token, a request body reaches
 * the service while the client is still sending it, a WebSocket upgrade passes with its Origin and cookies, a dead
 * replica listed first is skipped, and a service that is down is a 502 problem.
 */
@QuarkusTest
class ServiceRoutesTest extends GatewayTest {

    @TestHTTPResource("/")
    URI gateway;

    @ConfigProperty(name = "goftgu.routes.internal-chat")
    String service;

    @Test
    void routesEachPrefixWithItsPathAndQuery() {
        RestAssured.get("/api/internal-chat/rooms?limit=5").then().statusCode(200)
                .body("uri", equalTo("/api/internal-chat/rooms?limit=5"));
        RestAssured.get("/api/support-chat").then().statusCode(200)
                .body("uri", equalTo("/api/support-chat"));
        RestAssured.given().body("{\"x\":1}").contentType("application/json").patch("/api/support-chat/42")
                .then().statusCode(200)
                .body("method", equalTo("PATCH"))
                .body("bodyBytes", equalTo(7));
        // a look-alike prefix is not routed
        RestAssured.get("/api/support-chatty").then().statusCode(404);
    }

    @Test
    void dropsForgedIdentityHeadersAndSetsForwardedOnes() {
        var headers = RestAssured.given()
                .header("X-User-Id", UUID.randomUUID().toString())
                .header("X-Workspace-Id", UUID.randomUUID().toString())
                .header("X-User-Role", "ADMIN")
                .header("X-Forwarded-User", "admin")
                .header("X-Goftgu-Internal", "yes")
                .header("Forwarded", "for=1.2.3.4")
                .header("X-Forwarded-For", "10.200.0.7")
                .header("Authorization", "Bearer abc.def.ghi")
                .get("/api/internal-chat/contacts")
                .then().statusCode(200).extract().jsonPath().getMap("headers");
        for (var name : new String[]{"x-user-id", "x-workspace-id", "x-user-role", "x-forwarded-user",
                "x-goftgu-internal", "forwarded"}) {
            assertFalse(headers.containsKey(name), name + " reached the service: " + headers);
        }
        assertEquals("Bearer abc.def.ghi", headers.get("authorization"));
        assertEquals("10.200.0.7", headers.get("x-forwarded-for"));
        assertEquals("http", headers.get("x-forwarded-proto"));
    }

    @Test
    void requestIdsTravelBothWays() {
        var generated = RestAssured.get("/api/internal-chat/rooms");
        var id = generated.header("X-Request-Id");
        assertTrue(id.matches("[0-9a-f-]{36}"), id);
        assertEquals(id, generated.jsonPath().getString("headers.x-request-id"));

        RestAssured.given().header("X-Request-Id", "client-7").get("/api/internal-chat/rooms").then()
                .header("X-Request-Id", equalTo("client-7"))
                .header("X-Content-Type-Options", equalTo("nosniff"))
                .body("headers.x-request-id", equalTo("client-7"));
    }

    @Test
    void theSessionCookieBecomesABearerToken() {
        var workspace = signUp("proxycookie");
        var session = login(workspace.slug(), workspace.adminEmail(), PASSWORD);
        RestAssured.given().cookies(session.cookies()).get("/api/internal-chat/rooms").then().statusCode(200)
                .body("headers.authorization", equalTo("Bearer " + session.accessToken()));
        RestAssured.given().cookies(session.cookies()).header("X-CSRF-Token", session.csrfCookie())
                .body("{}").post("/api/support-chat").then().statusCode(200)
                .body("headers.authorization", equalTo("Bearer " + session.accessToken()));
        // an explicit Authorization header wins over the cookie
        RestAssured.given().cookies(session.cookies()).header("Authorization", "Bearer explicit")
                .get("/api/internal-chat/rooms").then()
                .body("headers.authorization", equalTo("Bearer explicit"));
    }

    @Test
    void requestBodiesStreamToTheService() throws Exception {
        // a raw chunked upload, so that no client library can hold the body back
        var requestId = "stream-" + UUID.randomUUID();
        try (var socket = new Socket(gateway.getHost(), gateway.getPort())) {
            socket.setSoTimeout(15_000);
            var out = socket.getOutputStream();
            out.write(("POST /api/internal-chat/attachments HTTP/1.1\r\n"
                    + "Host: " + gateway.getHost() + ":" + gateway.getPort() + "\r\n"
                    + "X-Request-Id: " + requestId + "\r\n"
                    + "Content-Type: application/octet-stream\r\n"
                    + "Transfer-Encoding: chunked\r\n"
                    + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            writeChunk(out, 8192);

            // the service has the first part while the client has not finished: nothing buffers the whole body
            var deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            long arrived = 0;
            while (arrived < 8192 && System.nanoTime() < deadline) {
                Thread.sleep(50);
                arrived = JsonPath.from(RestAssured.get(URI.create(service).resolve("/_probe/" + requestId)).asString())
                        .getLong("bytes");
            }
            assertEquals(8192, arrived, "the first part reached the service before the body ended");

            writeChunk(out, 100_000);
            out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            var response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(response.startsWith("HTTP/1.1 200"), response);
            var body = response.substring(response.indexOf("\r\n\r\n") + 4);
            assertEquals(108_192, JsonPath.from(body).getLong("bodyBytes"), response);
        }
    }

    @Test
    void http2BodiesWithoutALengthReachTheServiceWithOne() throws Exception {
        // HTTP/2 has no chunked encoding: a body sent without Content-Length is just DATA frames until the stream ends
        var vertx = io.vertx.core.Vertx.vertx();
        try {
            var client = vertx.createHttpClient(new io.vertx.core.http.HttpClientOptions()
                    .setProtocolVersion(io.vertx.core.http.HttpVersion.HTTP_2).setHttp2ClearTextUpgrade(false));
            var text = "{\"body\":\"سلام\"}";
            var echo = http2Post(client, "/api/support-chat/42/messages", text.substring(0, 8), text.substring(8));
            assertTrue(echo.startsWith("HTTP_2 200 "), echo);
            var sent = JsonPath.from(echo.substring(echo.indexOf('{')));
            assertEquals("POST", sent.getString("method"));
            assertEquals(text.getBytes(StandardCharsets.UTF_8).length, sent.getInt("bodyBytes"), echo);
            assertEquals(String.valueOf(sent.getInt("bodyBytes")), sent.getString("headers.content-length"), echo);

            // past the most a JSON body may be, such a body must say its length
            var half = "x".repeat(Http2Bodies.MAX_BYTES / 2 + 1);
            var refused = http2Post(client, "/api/internal-chat/attachments", half, half);
            assertTrue(refused.startsWith("HTTP_2 411 "), refused.substring(0, Math.min(300, refused.length())));
            assertTrue(refused.contains("\"status\":411"), refused);
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, java.util.concurrent.TimeUnit.SECONDS);
        }

        // java.net.http over h2c: the upgrade, then a PUT with no body at all (HEADERS, then an empty DATA frame)
        var jdk = java.net.http.HttpClient.newHttpClient();
        var upgrade = jdk.send(java.net.http.HttpRequest.newBuilder(gateway.resolve("/api/internal-chat/rooms")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(200, upgrade.statusCode());
        var put = jdk.send(java.net.http.HttpRequest.newBuilder(gateway.resolve("/api/internal-chat/messages/1/pin"))
                        .PUT(java.net.http.HttpRequest.BodyPublishers.noBody()).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(java.net.http.HttpClient.Version.HTTP_2, put.version());
        assertEquals(200, put.statusCode(), put.body());
        var bodyless = JsonPath.from(put.body());
        assertEquals("PUT", bodyless.getString("method"));
        assertEquals(0, bodyless.getInt("bodyBytes"));
        assertNull(bodyless.getString("headers.transfer-encoding"), put.body());
    }

    /** An HTTP/2 POST written in two pieces and no Content-Length: "version status body" of the answer. */
    private String http2Post(io.vertx.core.http.HttpClient client, String path, String first, String second)
            throws Exception {
        return client.request(io.vertx.core.http.HttpMethod.POST, gateway.getPort(), gateway.getHost(), path)
                .compose(request -> {
                    // Vert.x wants this said even on HTTP/2, where it sends no header for it
                    request.setChunked(true).putHeader("Content-Type", "application/json");
                    request.write(first);
                    request.write(second);
                    return request.end().compose(sent -> request.response());
                })
                .compose(response -> response.body().map(body -> response.version() + " " + response.statusCode()
                        + " " + body))
                .toCompletionStage().toCompletableFuture().get(15, java.util.concurrent.TimeUnit.SECONDS);
    }

    private static void writeChunk(OutputStream out, int size) throws IOException {
        out.write((Integer.toHexString(size) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(new byte[size]);
        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Test
    void webSocketUpgradesPassWithOriginAndCookies() {
        var uri = URI.create("ws://" + gateway.getHost() + ":" + gateway.getPort() + "/ws");
        try (var socket = TestSocket.connect(uri, Map.of(
                "Origin", "http://localhost:8080",
                "Cookie", "goftgu_session=session-token; goftgu_csrf=c",
                "X-User-Id", "forged"))) {
            var hello = socket.awaitType("hello", Duration.ofSeconds(10)).json();
            var headers = hello.get("headers");
            assertEquals("/ws", hello.get("path").asText());
            assertEquals("http://localhost:8080", headers.path("origin").asText());
            assertTrue(headers.path("cookie").asText().contains("goftgu_session=session-token"));
            // realtime-service authenticates the cookie itself (and checks the Origin for it): no bearer is made
            assertTrue(headers.path("authorization").isMissingNode(), headers.toString());
            assertTrue(headers.path("x-user-id").isMissingNode(), headers.toString());
            assertFalse(headers.path("x-request-id").asText().isEmpty());

            socket.send("{\"type\":\"ping\"}");
            var echo = socket.awaitType("echo", Duration.ofSeconds(10)).json();
            assertEquals("{\"type\":\"ping\"}", echo.get("text").asText());
        }
    }

    @Test
    void aDeadReplicaIsSkipped() {
        // support chat and realtime list a dead replica before the live one (ServicesResource)
        for (var i = 0; i < 4; i++) {
            RestAssured.get("/api/support-chat/tickets").then().statusCode(200)
                    .body("uri", equalTo("/api/support-chat/tickets"));
        }
        var uri = URI.create("ws://" + gateway.getHost() + ":" + gateway.getPort() + "/ws");
        for (var i = 0; i < 2; i++) {
            try (var socket = TestSocket.connect(uri, Map.of())) {
                assertEquals("/ws", socket.awaitType("hello", Duration.ofSeconds(10)).json().get("path").asText());
            }
        }
    }

    @Test
    void aServiceThatIsDownIs502ProblemJson() {
        RestAssured.get("/api/support-info/records").then().statusCode(502)
                .contentType("application/problem+json")
                .body("status", equalTo(502))
                .body("detail", containsString("/api/support-info"))
                .header("X-Request-Id", matchesPattern(".+"));
        RestAssured.given().body(new String(new char[10_000]).getBytes(StandardCharsets.UTF_8))
                .post("/api/support-info").then().statusCode(502);
    }

    @Test
    void serviceResponsesGetSecurityHeaders() {
        var response = RestAssured.get("/api/internal-chat/rooms");
        assertEquals("nosniff", response.header("X-Content-Type-Options"));
        assertEquals("DENY", response.header("X-Frame-Options"));
        assertNull(response.header("Access-Control-Allow-Origin"));
    }

    @Test
    void messageSendsHaveAPerPrincipalBudget() {
        // the test profile allows 5 a minute (60 by default)
        var sub = java.util.UUID.randomUUID().toString();
        var token = "e30." + java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(("{\"sub\":\"" + sub + "\"}").getBytes()) + ".sig";
        for (int i = 0; i < 5; i++) {
            RestAssured.given().header("Authorization", "Bearer " + token).contentType("application/json").body("{}")
                    .post("/api/internal-chat/messages").then().statusCode(200);
        }
        RestAssured.given().header("Authorization", "Bearer " + token).contentType("application/json").body("{}")
                .post("/api/support-chat/" + java.util.UUID.randomUUID() + "/messages").then().statusCode(429)
                .contentType("application/problem+json").header("Retry-After", org.hamcrest.Matchers.notNullValue());
        // reads and other principals are not affected
        RestAssured.given().header("Authorization", "Bearer " + token).get("/api/internal-chat/messages").then().statusCode(200);
        var other = "e30." + java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(("{\"sub\":\"" + java.util.UUID.randomUUID() + "\"}").getBytes()) + ".sig";
        RestAssured.given().header("Authorization", "Bearer " + other).contentType("application/json").body("{}")
                .post("/api/internal-chat/messages").then().statusCode(200);
    }
}
