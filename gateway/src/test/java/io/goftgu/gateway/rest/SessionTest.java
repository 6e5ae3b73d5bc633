package io.goftgu.gateway.rest;

import io.goftgu.gateway.support.GatewayTest;
import io.goftgu.gateway.token.SigningKeys;
import io.goftgu.gateway.token.TokenIssuer;
import io.goftgu.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.smallrye.jwt.build.Jwt;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * Sessions after login, through the HTTP stack: refresh rotates (a spent refresh token replayed ends the whole
 * session), logout revokes and clears cookies, and {@code /api/auth/me} accepts only the gateway's own live tokens
 * (no token, another key, a forged kid or an expired token are 401).
 */
@QuarkusTest
class SessionTest extends GatewayTest {

    @Inject
    SigningKeys keys;

    @Inject
    TokenIssuer issuer;

    @Test
    void refreshRotatesAndAReusedTokenEndsTheSession() {
        var workspace = signUp("refresh");
        var session = login(workspace.slug(), workspace.adminEmail(), PASSWORD);

        var first = RestAssured.given().cookie("goftgu_refresh", session.refreshCookie()).post("/api/auth/refresh");
        first.then().statusCode(200)
                .body("accessToken", notNullValue())
                .body("user.id", equalTo(workspace.adminId().toString()))
                .body("refreshToken", equalTo(null));
        var rotated = first.cookie("goftgu_refresh");
        assertNotEquals(session.refreshCookie(), rotated);
        bearer(first.jsonPath().getString("accessToken")).get("/api/auth/me").then().statusCode(200);

        // the spent token again: refused, and the family (including the rotated token) is revoked
        RestAssured.given().cookie("goftgu_refresh", session.refreshCookie()).post("/api/auth/refresh")
                .then().statusCode(401).contentType("application/problem+json");
        RestAssured.given().cookie("goftgu_refresh", rotated).post("/api/auth/refresh")
                .then().statusCode(401);
    }

    @Test
    void apiClientsRefreshWithTheTokenInTheBody() {
        var workspace = signUp("bodyrefresh");
        var refreshToken = json().header("X-Forwarded-For", freshAddress())
                .body(Map.of("workspace", workspace.slug(), "email", workspace.adminEmail(), "password", PASSWORD,
                        "includeRefreshToken", true))
                .post("/api/auth/login").then().statusCode(200).extract().jsonPath().getString("refreshToken");

        var next = json().body(Map.of("refreshToken", refreshToken)).post("/api/auth/refresh")
                .then().statusCode(200).body("refreshToken", not(equalTo(refreshToken)))
                .extract().jsonPath().getString("refreshToken");
        json().body(Map.of("refreshToken", next)).post("/api/auth/refresh").then().statusCode(200);
    }

    @Test
    void refreshWithoutOrWithAnUnknownTokenIs401() {
        RestAssured.given().post("/api/auth/refresh").then().statusCode(401).contentType("application/problem+json");
        json().body(Map.of("refreshToken", "made-up")).post("/api/auth/refresh").then().statusCode(401);
    }

    @Test
    void logoutRevokesTheSessionAndClearsTheCookies() {
        var workspace = signUp("logout");
        var session = login(workspace.slug(), workspace.adminEmail(), PASSWORD);

        var logout = RestAssured.given()
                .cookie("goftgu_refresh", session.refreshCookie())
                .cookie("goftgu_session", session.sessionCookie())
                .cookie("goftgu_csrf", session.csrfCookie())
                .header("X-CSRF-Token", session.csrfCookie())
                .post("/api/auth/logout");
        logout.then().statusCode(204);
        logout.headers().getValues("Set-Cookie").forEach(cookie ->
                org.hamcrest.MatcherAssert.assertThat(cookie, org.hamcrest.Matchers.containsString("Max-Age=0")));

        RestAssured.given().cookie("goftgu_refresh", session.refreshCookie()).post("/api/auth/refresh")
                .then().statusCode(401);
    }

    @Test
    void meAnswersTheCallerFromTheToken() {
        var workspace = signUp("me");
        var token = adminToken(workspace);
        bearer(token).get("/api/auth/me").then().statusCode(200)
                .body("id", equalTo(workspace.adminId().toString()))
                .body("workspaceId", equalTo(workspace.id().toString()))
                .body("email", equalTo(workspace.adminEmail()))
                .body("role", equalTo("ADMIN"))
                .body("tokenType", equalTo("access"));
        // the dashboard's way: the session cookie, no header (a GET needs no CSRF token)
        RestAssured.given().cookie("goftgu_session", token).get("/api/auth/me").then().statusCode(200);
    }

    @Test
    void meKnowsGuests() {
        var guestId = UUID.randomUUID();
        var workspaceId = UUID.randomUUID();
        var guest = issuer.guest(guestId, workspaceId, "Visitor");
        bearer(guest.token()).get("/api/auth/me").then().statusCode(200)
                .body("id", equalTo(guestId.toString()))
                .body("role", equalTo("GUEST"))
                .body("tokenType", equalTo("guest"))
                .body("name", equalTo("Visitor"));
        // a guest is no staff member
        bearer(guest.token()).get("/api/workspace/users").then().statusCode(403);
    }

    @Test
    void meWithoutAValidTokenIs401() throws Exception {
        RestAssured.given().get("/api/auth/me")
                .then().statusCode(401).contentType("application/problem+json");
        bearer("not.a.jwt").get("/api/auth/me").then().statusCode(401).contentType("application/problem+json");

        var workspace = signUp("forged");
        // a token shaped like ours but signed by another key (the platform's test key)
        bearer(TestTokens.staff(workspace.adminId(), workspace.id())).get("/api/auth/me").then().statusCode(401);

        // our kid, another key
        var stranger = KeyPairGenerator.getInstance("RSA");
        stranger.initialize(2048);
        var forged = claims(workspace, Instant.now().plusSeconds(600))
                .jws().keyId(keys.active().kid()).sign(stranger.generateKeyPair().getPrivate());
        bearer(forged).get("/api/auth/me").then().statusCode(401);

        // our key, expired ten minutes ago (beyond the clock skew)
        var expired = claims(workspace, Instant.now().minusSeconds(600))
                .jws().keyId(keys.active().kid()).sign(keys.active().privateKey());
        bearer(expired).get("/api/auth/me").then().statusCode(401);

        // our key and a live token: accepted, proving the three above failed for their flaw alone
        var live = claims(workspace, Instant.now().plusSeconds(600))
                .jws().keyId(keys.active().kid()).sign(keys.active().privateKey());
        bearer(live).get("/api/auth/me").then().statusCode(200);
    }

    private static io.smallrye.jwt.build.JwtClaimsBuilder claims(Workspace workspace, Instant expiresAt) {
        return Jwt.issuer("goftgu").audience("goftgu").subject(workspace.adminId().toString()).groups("ADMIN")
                .claim("wid", workspace.id().toString()).claim("token_type", "access")
                .issuedAt(expiresAt.minusSeconds(900)).expiresAt(expiresAt);
    }
}
