package io.goftgu.gateway.edge;

import io.goftgu.gateway.support.GatewayTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;

/**
 * The edge seen from a browser: the web UI's page (right-to-left, no outside resources) with its security headers,
 * request ids, readiness that reflects the database, and no CORS.
 */
@QuarkusTest
class EdgeTest extends GatewayTest {

    @Test
    void servesTheWebPageWithSecurityHeaders() {
        RestAssured.get("/").then().statusCode(200)
                .contentType(containsString("text/html"))
                .body(containsString("dir=\"rtl\""))
                .body(containsString("lang=\"fa\""))
                .body(containsString("/assets/"))
                .body(not(containsString("http://")))
                .body(not(containsString("https://")))
                .header("Content-Security-Policy", containsString("default-src 'self'"))
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                .header("Content-Security-Policy", containsString("connect-src 'self'"))
                .header("Content-Security-Policy", containsString("script-src 'self';"))
                .header("Content-Security-Policy", not(containsString("unsafe")))
                .header("X-Content-Type-Options", equalTo("nosniff"))
                .header("X-Frame-Options", equalTo("DENY"))
                .header("Referrer-Policy", equalTo("strict-origin-when-cross-origin"));
    }

    @Test
    void everyResponseCarriesARequestId() {
        RestAssured.get("/.well-known/jwks.json").then()
                .header("X-Request-Id", matchesPattern("[0-9a-f-]{36}"));
        RestAssured.given().header("X-Request-Id", "trace-42").get("/api/auth/me").then()
                .statusCode(401)
                .header("X-Request-Id", equalTo("trace-42"))
                .header("X-Content-Type-Options", equalTo("nosniff"));
        // an id that could smuggle text into logs is replaced
        RestAssured.given().header("X-Request-Id", "bad id\twith spaces").get("/").then()
                .header("X-Request-Id", matchesPattern("[0-9a-f-]{36}"));
    }

    @Test
    void readinessIsUpWithTheDatabase() {
        RestAssured.get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", org.hamcrest.Matchers.hasItem(containsString("Database")));
    }

    @Test
    void corsIsOff() {
        RestAssured.given().header("Origin", "https://evil.example")
                .get("/.well-known/jwks.json").then()
                .header("Access-Control-Allow-Origin", equalTo(null));
    }
}
