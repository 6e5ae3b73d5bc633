package io.goftgu.gateway.rest;

import io.goftgu.gateway.support.GatewayTest;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Login through the HTTP stack: the answer and its three cookies with their attributes; every kind of wrong login
 * (password, e-mail, workspace, deactivated account) answered by the same 401 body; failures that slow an account
 * down (429 with Retry-After) without locking the right password out; and the per-address limit.
 */
@QuarkusTest
class LoginTest extends GatewayTest {

    @Test
    void answersTheTokenAndTheUserAndSetsTheSessionCookies() {
        var workspace = signUp("login");
        var session = login(workspace.slug(), workspace.adminEmail(), PASSWORD);

        session.response().then()
                .body("accessToken", notNullValue())
                .body("expiresIn", equalTo(900))
                .body("refreshToken", equalTo(null))
                .body("user.id", equalTo(workspace.adminId().toString()))
                .body("user.email", equalTo(workspace.adminEmail()))
                .body("user.role", equalTo("ADMIN"))
                .body("user.workspaceId", equalTo(workspace.id().toString()))
                .body("user.name", equalTo("Owner of " + workspace.slug()))
                .header("Cache-Control", org.hamcrest.Matchers.containsString("no-store"));
        assertEquals(session.accessToken(), session.sessionCookie());

        var cookies = session.response().headers().getValues("Set-Cookie");
        var sessionCookie = find(cookies, "goftgu_session=");
        assertTrue(sessionCookie.contains("HttpOnly"), sessionCookie);
        assertTrue(sessionCookie.contains("SameSite=Lax"), sessionCookie);
        assertTrue(sessionCookie.contains("Path=/;") || sessionCookie.endsWith("Path=/"), sessionCookie);
        var refreshCookie = find(cookies, "goftgu_refresh=");
        assertTrue(refreshCookie.contains("HttpOnly"), refreshCookie);
        assertTrue(refreshCookie.contains("SameSite=Strict"), refreshCookie);
        assertTrue(refreshCookie.contains("Path=/api/auth"), refreshCookie);
        var csrfCookie = find(cookies, "goftgu_csrf=");
        assertFalse(csrfCookie.contains("HttpOnly"), csrfCookie);
        assertTrue(session.csrfCookie().length() >= 40, "the CSRF value is random and long");
    }

    @Test
    void apiClientsMayAskForTheRefreshTokenInTheBody() {
        var workspace = signUp("apiclient");
        json().header("X-Forwarded-For", freshAddress())
                .body(Map.of("workspace", workspace.slug(), "email", workspace.adminEmail(), "password", PASSWORD,
                        "includeRefreshToken", true))
                .post("/api/auth/login")
                .then().statusCode(200)
                .body("refreshToken.length()", greaterThan(40));
    }

    @Test
    void everyWrongLoginGetsTheSame401() {
        var workspace = signUp("wrong");
        var address = freshAddress();
        var wrongPassword = loginResponse(workspace.slug(), workspace.adminEmail(), "wrong password!", address);
        var unknownEmail = loginResponse(workspace.slug(), "nobody@" + workspace.slug() + ".example", PASSWORD, freshAddress());
        var unknownWorkspace = loginResponse(uniqueSlug("nowhere"), workspace.adminEmail(), PASSWORD, freshAddress());

        wrongPassword.then().statusCode(401).contentType("application/problem+json");
        assertEquals(wrongPassword.asString(), unknownEmail.then().statusCode(401).extract().asString());
        assertEquals(wrongPassword.asString(), unknownWorkspace.then().statusCode(401).extract().asString());
        assertEquals(null, wrongPassword.getCookie("goftgu_session"));
    }

    @Test
    void aDeactivatedUserCannotLogIn() {
        var workspace = signUp("deact");
        var admin = adminToken(workspace);
        var email = "leaver@" + workspace.slug() + ".example";
        var userId = createUser(admin, "Leaver", email, "ADMIN");
        login(workspace.slug(), email, PASSWORD);

        bearer(admin).body(Map.of("active", false)).patch("/api/workspace/users/" + userId)
                .then().statusCode(200).body("active", equalTo(false));

        var refused = loginResponse(workspace.slug(), email, PASSWORD, freshAddress());
        var wrongPassword = loginResponse(workspace.slug(), email, "not the password", freshAddress());
        refused.then().statusCode(401);
        assertEquals(wrongPassword.asString(), refused.asString());
    }

    @Test
    void failuresSlowAnAccountDownButNeverLockTheRightPasswordOut() throws InterruptedException {
        var workspace = signUp("lock");
        var attacker = freshAddress();
        for (int i = 0; i < 5; i++) {
            loginResponse(workspace.slug(), workspace.adminEmail(), "guess " + i, attacker).then().statusCode(401);
        }
        // past five failures each attempt waits: 1 s after the last failure, doubling, at most 30 s for the account
        var refused = loginResponse(workspace.slug(), workspace.adminEmail(), PASSWORD, freshAddress());
        refused.then().statusCode(429).contentType("application/problem+json").body("status", equalTo(429));
        var retryAfter = Integer.parseInt(refused.header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 30, "Retry-After " + retryAfter);
        loginResponse(workspace.slug(), workspace.adminEmail(), "guess 5", attacker).then().statusCode(429);
        // the owner, after the wait, gets in with the right password from their own address
        Thread.sleep(retryAfter * 1000L + 100);
        loginResponse(workspace.slug(), workspace.adminEmail(), PASSWORD, freshAddress()).then().statusCode(200);
        // another account is not affected at any time
        var other = signUp("unlocked");
        login(other.slug(), other.adminEmail(), PASSWORD);
    }

    @Test
    void anAddressGetsRoomForAnOfficeOfMistakesThen429() {
        // the test profile allows 8 failures per address per window (100 by default: an office behind one NAT address)
        var address = freshAddress();
        for (int i = 0; i < 8; i++) {
            loginResponse(uniqueSlug("spray"), "victim" + i + "@example.com", "guess", address).then().statusCode(401);
        }
        var workspace = signUp("sprayed");
        loginResponse(workspace.slug(), workspace.adminEmail(), PASSWORD, address).then().statusCode(429)
                .header("Retry-After", org.hamcrest.Matchers.notNullValue());
        // the same account from another address still works
        loginResponse(workspace.slug(), workspace.adminEmail(), PASSWORD, freshAddress()).then().statusCode(200);
    }

    @Test
    void badLoginInputIs400() {
        json().body(Map.of("workspace", "x", "password", "y")).post("/api/auth/login")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("email"));
        json().body("{oops").post("/api/auth/login")
                .then().statusCode(400).contentType("application/problem+json");
    }

    private static String find(java.util.List<String> cookies, String prefix) {
        return cookies.stream().filter(c -> c.startsWith(prefix)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + prefix + " cookie in " + cookies));
    }
}
