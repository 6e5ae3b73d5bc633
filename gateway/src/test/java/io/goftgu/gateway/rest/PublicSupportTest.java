package io.goftgu.gateway.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.goftgu.gateway.support.FakeService;
import io.goftgu.gateway.support.GatewayTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The guest widget's public endpoints, answered by the gateway itself, against {@link FakeService} playing support
 * chat's internal API (the real one is proven end to end by e2e's GuestSupportThroughGatewayIT): the slug is
 * resolved (unknown → 404), input is checked (400), the start is rate limited per IP and per workspace (429, test
 * profile: 4 per IP, 6 per workspace, 5 reads per IP), a returning guest's id travels, the guest token's claims, the
 * internal secret only ever comes from configuration, support chat's refusals pass through and its failures are 502.
 */
@QuarkusTest
class PublicSupportTest extends GatewayTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static Response start(String slug, String address, Map<String, ?> body, String token) {
        var request = json().header("X-Forwarded-For", address);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request.body(body).post("/api/support-chat/public/" + slug + "/start");
    }

    private static Map<String, Object> hello(String subject) {
        var body = new HashMap<String, Object>();
        body.put("subject", subject);
        body.put("message", "سلام، سفارشم نرسیده");
        return body;
    }

    private static JsonNode claims(String token) throws Exception {
        var parts = token.split("\\.");
        assertEquals(3, parts.length);
        return JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
    }

    @Test
    void startsAGuestConversationAndSignsAGuestToken() throws Exception {
        var ws = signUp("widget");
        var address = freshAddress();
        var body = hello("Order missing");
        body.put("name", "Visitor Vida");
        body.put("email", "vida@example.com");
        body.put("phone", "+98 912 000 0000");
        body.put("utm", Map.of("source", "newsletter", "campaign", "spring"));
        body.put("utmMedium", "email");
        var response = json().header("X-Forwarded-For", address)
                .header("User-Agent", "Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0")
                .header("Referer", "https://shop.example/cart")
                .header("X-Goftgu-Internal", "forged-by-the-client")
                .body(body)
                .post("/api/support-chat/public/" + ws.slug() + "/start")
                .then().statusCode(201)
                .body("guestToken", notNullValue())
                .body("ticket.number", equalTo("TKT-1001"))
                .body("ticket.subject", equalTo("Order missing"))
                .extract().jsonPath();

        var guestId = UUID.fromString(response.getString("guestId"));
        var sent = response.getMap("ticket.echo.body");
        assertEquals(ws.id().toString(), sent.get("workspaceId"));
        assertNull(sent.get("guestId"), "a first visit has no guest id");
        assertEquals("Visitor Vida", sent.get("name"));
        assertEquals("vida@example.com", sent.get("email"));
        assertEquals("Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0", sent.get("userAgent"));
        assertEquals("https://shop.example/cart", sent.get("referrer"));
        assertEquals("newsletter", sent.get("utmSource"));
        assertEquals("email", sent.get("utmMedium"), "a flat UTM field wins");
        assertEquals("spring", sent.get("utmCampaign"));
        var headers = response.getMap("ticket.echo.headers");
        assertEquals(FakeService.SECRET, headers.get("x-goftgu-internal"),
                "the configured secret, never the one the client sent");

        var claims = claims(response.getString("guestToken"));
        assertEquals(guestId.toString(), claims.path("sub").asText());
        assertEquals(ws.id().toString(), claims.path("wid").asText());
        assertEquals(List.of("GUEST"), JSON.convertValue(claims.path("groups"), List.class));
        assertEquals("guest", claims.path("token_type").asText());
        assertEquals("goftgu", claims.path("iss").asText());
        assertEquals("Visitor Vida", claims.path("name").asText());
        assertEquals(Duration.ofDays(30).toSeconds(), claims.path("exp").asLong() - claims.path("iat").asLong());
        assertEquals(Duration.ofDays(30).toSeconds(), response.getLong("expiresIn"));
        var header = JSON.readTree(Base64.getUrlDecoder().decode(response.getString("guestToken").split("\\.")[0]));
        assertEquals("RS256", header.path("alg").asText());
        assertTrue(RestAssured.get("/.well-known/jwks.json").then().extract().jsonPath()
                .getList("keys.kid").contains(header.path("kid").asText()), "signed with a published key");
    }

    @Test
    void aReturningGuestKeepsItsIdAndOtherCredentialsAreIgnored() {
        var ws = signUp("widget-back");
        var first = start(ws.slug(), freshAddress(), hello("First"), null).then().statusCode(201)
                .extract().jsonPath();
        var guestId = first.getString("guestId");

        var again = start(ws.slug(), freshAddress(), hello("Second"), first.getString("guestToken"))
                .then().statusCode(201).extract().jsonPath();
        assertEquals(guestId, again.getString("ticket.echo.body.guestId"));
        assertEquals(guestId, again.getString("guestId"));

        // a guest token of another workspace, a staff token, or garbage: a new visitor, not an error
        var other = signUp("widget-other");
        var foreignGuest = start(other.slug(), freshAddress(), hello("Elsewhere"), null).then().statusCode(201)
                .extract().jsonPath().getString("guestToken");
        for (var token : List.of(foreignGuest, adminToken(ws), "not.a.token")) {
            var fresh = start(ws.slug(), freshAddress(), hello("New"), token).then().statusCode(201)
                    .extract().jsonPath();
            assertNull(fresh.get("ticket.echo.body.guestId"));
            assertNotEquals(guestId, fresh.getString("guestId"));
        }
    }

    @Test
    void unknownWorkspaceIs404() {
        start("no-such-workspace-" + UUID.randomUUID().toString().substring(0, 6), freshAddress(), hello("Hi"), null)
                .then().statusCode(404).contentType("application/problem+json");
        RestAssured.given().header("X-Forwarded-For", freshAddress())
                .get("/api/support-chat/public/no-such-workspace-x1/categories")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void badInputIs400AndNeverReachesSupportChat() {
        var ws = signUp("widget-bad");
        var noSubject = hello("x");
        noSubject.remove("subject");
        var longSubject = hello("x".repeat(501));
        var badEmail = hello("Hi");
        badEmail.put("email", "not-an-email");
        var badPhone = hello("Hi");
        badPhone.put("phone", "call me maybe");
        var badUtm = hello("Hi");
        badUtm.put("utm", Map.of("source", "s".repeat(201)));
        for (Map<String, Object> body : List.<Map<String, Object>>of(noSubject, longSubject, badEmail, badPhone, badUtm, Map.of())) {
            start(ws.slug(), freshAddress(), body, null).then().statusCode(400)
                    .contentType("application/problem+json");
        }
        json().header("X-Forwarded-For", freshAddress()).post("/api/support-chat/public/" + ws.slug() + "/start")
                .then().statusCode(400);
        json().header("X-Forwarded-For", freshAddress()).body("{not json")
                .post("/api/support-chat/public/" + ws.slug() + "/start")
                .then().statusCode(400);
    }

    @Test
    void startsAreLimitedPerIp() {
        var ws = signUp("widget-ip");
        var address = freshAddress();
        for (int i = 0; i < 4; i++) {
            start(ws.slug(), address, hello("Hi " + i), null).then().statusCode(201);
        }
        start(ws.slug(), address, hello("One too many"), null).then().statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", notNullValue());
        // the address is limited everywhere, other addresses are not
        start(signUp("widget-ip2").slug(), address, hello("Elsewhere"), null).then().statusCode(429);
        start(ws.slug(), freshAddress(), hello("Someone else"), null).then().statusCode(201);
    }

    @Test
    void startsAreLimitedPerWorkspace() {
        var ws = signUp("widget-ws");
        for (int i = 0; i < 6; i++) {
            start(ws.slug(), freshAddress(), hello("Visitor " + i), null).then().statusCode(201);
        }
        start(ws.slug(), freshAddress(), hello("Visitor 7"), null).then().statusCode(429)
                .body("detail", containsString("workspace"));
        start(signUp("widget-ws2").slug(), freshAddress(), hello("Another shop"), null).then().statusCode(201);
    }

    @Test
    void categoriesForTheWidgetAreLimitedPerIp() {
        var ws = signUp("widget-cat");
        var address = freshAddress();
        for (int i = 0; i < 5; i++) {
            RestAssured.given().header("X-Forwarded-For", address)
                    .get("/api/support-chat/public/" + ws.slug() + "/categories")
                    .then().statusCode(200)
                    .body("name", hasItem("Billing of " + ws.id()));
        }
        RestAssured.given().header("X-Forwarded-For", address)
                .get("/api/support-chat/public/" + ws.slug() + "/categories")
                .then().statusCode(429);
    }

    @Test
    void supportChatRefusalsPassThroughAndFailuresAre502() {
        var ws = signUp("widget-up");
        start(ws.slug(), freshAddress(), hello("refuse-403"), null).then().statusCode(403)
                .contentType("application/problem+json")
                .body("detail", containsString("identity verification failed"));
        start(ws.slug(), freshAddress(), hello("fail-500"), null).then().statusCode(502)
                .contentType("application/problem+json");
        start(ws.slug(), freshAddress(), hello("drop"), null).then().statusCode(502)
                .contentType("application/problem+json")
                .body("detail", startsWith("support chat"));
    }

    @Test
    void theInternalApiIsNotReachableThroughTheGateway() {
        // not routed: only /api/support-chat goes to support chat, and never /api/support-chat/public/
        for (var path : List.of("/internal/support-chat/guests/start", "/api/support-chat/../internal/support-chat/guests/start")) {
            json().header("X-Goftgu-Internal", FakeService.SECRET).body(Map.of("subject", "x"))
                    .post(path).then().statusCode(404);
        }
        RestAssured.given().header("X-Forwarded-For", freshAddress())
                .get("/api/support-chat/public/")
                .then().statusCode(404);
        // a routed request never carries a client's X-Goftgu-Internal
        var headers = RestAssured.given().header("X-Goftgu-Internal", FakeService.SECRET)
                .get("/api/support-chat/tickets").then().statusCode(200)
                .extract().jsonPath().getMap("headers");
        assertFalse(headers.containsKey("x-goftgu-internal"), "reached support chat: " + headers);
    }

    @Test
    void aDashboardSessionCookieNeitherBlocksNorIdentifiesAVisitor() {
        var ws = signUp("widget-cookie");
        var session = login(ws.slug(), ws.adminEmail(), PASSWORD);
        // no CSRF header: the public start ignores the cookie instead of refusing it
        var started = json().header("X-Forwarded-For", freshAddress()).cookies(session.cookies()).body(hello("Hi"))
                .post("/api/support-chat/public/" + ws.slug() + "/start")
                .then().statusCode(201).extract().jsonPath();
        assertNull(started.get("ticket.echo.body.guestId"));
        assertFalse(started.getMap("ticket.echo.headers").containsKey("authorization"));
    }
}
