package io.goftgu.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.goftgu.events.EventJson;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The public API as a client sees it: every call goes to the gateway of the shared {@link LocalStack}. */
final class Gateway {

    static final String PASSWORD = "correct horse 42";

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** A logged-in user: id, access token, and the session cookies a browser would hold. */
    record Session(String userId, String token, String cookies) {
    }

    private Gateway() {
    }

    static void signUp(String slug, String owner, String email) throws Exception {
        call("POST", "/api/workspaces", null, Map.of("name", "Workspace " + slug, "slug", slug, "ownerName", owner,
                "ownerEmail", email, "ownerPassword", PASSWORD), 201);
    }

    /** Creates a user of the admin's workspace and logs them in. */
    static Session newUser(Session admin, String slug, String name, String email, String role) throws Exception {
        call("POST", "/api/workspace/users", admin.token(),
                Map.of("name", name, "email", email, "password", PASSWORD, "role", role), 201);
        return login(slug, email);
    }

    static Session login(String slug, String email) throws Exception {
        var response = send("POST", "/api/auth/login", null, Map.of("workspace", slug, "email", email, "password", PASSWORD));
        assertEquals(200, response.statusCode(), response.body());
        var json = EventJson.MAPPER.readTree(response.body());
        var cookies = String.join("; ", response.headers().allValues("set-cookie").stream()
                .map(c -> c.substring(0, c.indexOf(';') < 0 ? c.length() : c.indexOf(';'))).toList());
        return new Session(json.path("user").path("id").asText(), json.path("accessToken").asText(), cookies);
    }

    /** identity.events reach internal chat's contacts projection within moments; wait for that. */
    static void awaitContact(Session me, String userId) throws Exception {
        var deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            for (var user : call("GET", "/api/internal-chat/contacts", me.token(), null, 200).path("users")) {
                if (userId.equals(user.path("id").asText())) {
                    return;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("user " + userId + " never appeared in internal chat's contacts");
    }

    static JsonNode call(String method, String path, String token, Object body, int expected) throws Exception {
        var response = send(method, path, token, body);
        assertEquals(expected, response.statusCode(), method + " " + path + " → " + response.body());
        return response.body().isEmpty() ? EventJson.MAPPER.nullNode() : EventJson.MAPPER.readTree(response.body());
    }

    static HttpResponse<String> send(String method, String path, String token, Object body) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(LocalStack.shared().gateway() + path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("User-Agent", "Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/126.0 e2e")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(EventJson.MAPPER.writeValueAsString(body)));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
