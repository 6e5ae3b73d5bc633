package io.goftgu.gateway.edge;

import io.goftgu.gateway.support.GatewayTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.hamcrest.Matchers.equalTo;

/**
 * Cookie-authenticated unsafe requests need {@code X-CSRF-Token} equal to the {@code goftgu_csrf} cookie, on the
 * gateway's own endpoints and on routed ones; bearer requests and the session-starting endpoints do not.
 */
@QuarkusTest
class CsrfTest extends GatewayTest {

    private static Map<String, Object> newUser(String slug, String name) {
        return Map.of("name", name, "email", name.toLowerCase() + "@" + slug + ".example", "password", PASSWORD,
                "role", "USER");
    }

    @Test
    void cookieRequestsWithoutTheTokenAre403() {
        var workspace = signUp("csrf");
        var session = login(workspace.slug(), workspace.adminEmail(), PASSWORD);

        RestAssured.given().contentType(ContentType.JSON).cookies(session.cookies())
                .body(newUser(workspace.slug(), "Nobody"))
                .post("/api/workspace/users")
                .then().statusCode(403).contentType("application/problem+json").body("status", equalTo(403));
        RestAssured.given().contentType(ContentType.JSON).cookies(session.cookies())
                .header("X-CSRF-Token", "guessed")
                .body(newUser(workspace.slug(), "Guessed"))
                .post("/api/workspace/users")
                .then().statusCode(403);
        // on a routed path too: the service is never reached
        RestAssured.given().cookies(session.cookies()).body("{}").post("/api/internal-chat/messages")
                .then().statusCode(403).contentType("application/problem+json");

        bearer(session.accessToken()).get("/api/workspace/users").then().body("total", equalTo(1));
    }

    @Test
    void cookieRequestsWithTheTokenPass() {
        var workspace = signUp("csrfok");
        var session = login(workspace.slug(), workspace.adminEmail(), PASSWORD);

        RestAssured.given().contentType(ContentType.JSON).cookies(session.cookies())
                .header("X-CSRF-Token", session.csrfCookie())
                .body(newUser(workspace.slug(), "Welcome"))
                .post("/api/workspace/users")
                .then().statusCode(201);
        // safe methods need no token
        RestAssured.given().cookies(session.cookies()).get("/api/workspace/users").then().statusCode(200)
                .body("total", equalTo(2));
    }

    @Test
    void bearerRequestsAndSessionStartsNeedNoToken() {
        var workspace = signUp("csrfbearer");
        var session = login(workspace.slug(), workspace.adminEmail(), PASSWORD);
        bearer(session.accessToken()).body(newUser(workspace.slug(), "Api")).post("/api/workspace/users")
                .then().statusCode(201);
        // login with a stale session cookie still works without a CSRF header
        RestAssured.given().contentType(ContentType.JSON).cookies(session.cookies())
                .header("X-Forwarded-For", freshAddress())
                .body(Map.of("workspace", workspace.slug(), "email", workspace.adminEmail(), "password", PASSWORD))
                .post("/api/auth/login").then().statusCode(200);
        RestAssured.given().cookies(session.cookies()).cookie("goftgu_refresh", session.refreshCookie())
                .post("/api/auth/refresh").then().statusCode(200);
    }
}
