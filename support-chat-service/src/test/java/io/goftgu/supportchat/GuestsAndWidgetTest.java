package io.goftgu.supportchat;

import io.goftgu.supportchat.service.GuestService;
import io.goftgu.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Website visitors: guests started through the internal API, identity verification, the widget settings. */
@QuarkusTest
class GuestsAndWidgetTest extends SupportChatTestSupport {

    @Test
    void guestsStartThroughTheInternalApiAndSeeOnlyTheirOwnTicket() {
        RestAssured.given().contentType(ContentType.JSON).header("X-Goftgu-Internal", "wrong")
                .body(Map.of("workspaceId", WORKSPACE, "subject", "s", "message", "m"))
                .post("/internal/support-chat/guests/start").then().statusCode(401);
        RestAssured.given().contentType(ContentType.JSON)
                .body(Map.of("workspaceId", WORKSPACE, "subject", "s", "message", "m"))
                .post("/internal/support-chat/guests/start").then().statusCode(401);
        var started = startGuest(Map.of());
        var guest = (Map<?, ?>) started.get("guest");
        var ticket = (Map<?, ?>) started.get("ticket");
        assertEquals("mobile", guest.get("device"));
        assertEquals("Safari", guest.get("browser"));
        assertEquals("newsletter", guest.get("utmSource"));
        assertEquals(1, guest.get("visitCount"));
        assertEquals("GUEST", ((Map<?, ?>) ticket.get("requester")).get("kind"));
        var guestId = (String) guest.get("id");
        var ticketId = (String) ticket.get("id");
        asGuest(guestId).get("/api/support-chat/" + ticketId).then().statusCode(200).body("requester.id", equalTo(guestId));
        asGuest(guestId).get("/api/support-chat/" + ticketId + "/messages").then().statusCode(200)
                .body("body", equalTo(List.of("سلام، سفارشم نرسیده"))).body("sender.kind", equalTo(List.of("GUEST")));
        say(asGuest(guestId), ticketId, "any news?", false).statusCode(201);
        // a returning guest keeps its id; another guest sees nothing of the first one's
        var again = startGuest(Map.of("guestId", guestId, "subject", "second question"));
        assertEquals(guestId, ((Map<?, ?>) again.get("guest")).get("id"));
        assertEquals(2, ((Map<?, ?>) again.get("guest")).get("visitCount"));
        asGuest(guestId).get("/api/support-chat").then().statusCode(200).body("total", equalTo(2));
        var stranger = (String) ((Map<?, ?>) startGuest(Map.of()).get("guest")).get("id");
        asGuest(stranger).get("/api/support-chat/" + ticketId).then().statusCode(404);
        say(asGuest(stranger), ticketId, "hi", false).statusCode(404);
        asGuest(stranger).get("/api/support-chat").then().body("data.id", not(hasItem(ticketId)));
        asGuest(guestId).body(Map.of("subject", "direct")).post("/api/support-chat").then().statusCode(403);
        RestAssured.given().auth().oauth2(TestTokens.guest(UUID.fromString(guestId), OTHER_WORKSPACE))
                .get("/api/support-chat/" + ticketId).then().statusCode(404);
        as(agent).get("/api/support-chat/guests/" + guestId).then().statusCode(200).body("referrer", equalTo("https://shop.example/cart"));
    }

    @Test
    void identityVerificationIsCheckedAndCanBeEnforced() {
        var workspace = UUID.randomUUID();
        var admin = TestTokens.staff(UUID.randomUUID(), workspace);
        // the secret is shown once, in the answer that regenerates it; reading the settings shows only its hint
        var hint = RestAssured.given().auth().oauth2(admin).get("/api/support-chat/widget-settings").then().statusCode(200)
                .body("secret", nullValue()).extract().<String>path("secretHint");
        var secret = RestAssured.given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("regenerateSecret", true))
                .put("/api/support-chat/widget-settings").then().statusCode(200).extract().<String>path("secret");
        assertEquals(64, secret.length());
        RestAssured.given().auth().oauth2(admin).get("/api/support-chat/widget-settings").then().statusCode(200)
                .body("secret", nullValue()).body("secretHint", equalTo("…" + secret.substring(60)))
                .body("secretHint", not(equalTo(hint)));
        RestAssured.given().auth().oauth2(TestTokens.customer(customer, WORKSPACE)).get("/api/support-chat/widget-settings").then().statusCode(403);
        RestAssured.given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("enforceVerification", true))
                .put("/api/support-chat/widget-settings").then().statusCode(200).body("enforceVerification", equalTo(true));
        Map<String, Object> base = Map.of("workspaceId", workspace, "subject", "verified?", "message", "hello");
        RestAssured.given().contentType(ContentType.JSON).header("X-Goftgu-Internal", INTERNAL).body(base)
                .post("/internal/support-chat/guests/start").then().statusCode(403);
        var wrong = new java.util.HashMap<>(base);
        wrong.putAll(Map.of("externalId", "crm-42", "identifierHash", GuestService.hmac("not-the-secret", "crm-42")));
        RestAssured.given().contentType(ContentType.JSON).header("X-Goftgu-Internal", INTERNAL).body(wrong)
                .post("/internal/support-chat/guests/start").then().statusCode(403);
        var right = new java.util.HashMap<>(base);
        right.putAll(Map.of("externalId", "crm-42", "identifierHash", GuestService.hmac(secret, "crm-42")));
        var first = RestAssured.given().contentType(ContentType.JSON).header("X-Goftgu-Internal", INTERNAL).body(right)
                .post("/internal/support-chat/guests/start").then().statusCode(201).body("guest.verified", equalTo(true))
                .extract().<String>path("guest.id");
        // the same verified visitor on another device is the same guest
        RestAssured.given().contentType(ContentType.JSON).header("X-Goftgu-Internal", INTERNAL).body(right)
                .post("/internal/support-chat/guests/start").then().statusCode(201).body("guest.id", equalTo(first));
    }

    @Test
    void widgetSettingsKeepValidOriginsAppearanceAndLanguageForAdminsOnly() {
        var workspace = UUID.randomUUID();
        var admin = TestTokens.staff(UUID.randomUUID(), workspace);
        RequestSpecification asAdmin = RestAssured.given().auth().oauth2(admin).contentType(ContentType.JSON);
        RestAssured.given().auth().oauth2(admin).get("/api/support-chat/widget-settings").then().statusCode(200)
                .body("allowedOrigins", hasSize(0)).body("language", equalTo("auto")).body("color", nullValue());
        // the gateway reads the same through the internal API, which needs its secret and never shows the widget secret
        RestAssured.get("/internal/support-chat/workspaces/" + workspace + "/widget").then().statusCode(401);
        RestAssured.given().header("X-Goftgu-Internal", INTERNAL).get("/internal/support-chat/workspaces/" + UUID.randomUUID() + "/widget")
                .then().statusCode(200).body("allowedOrigins", hasSize(0)).body("language", equalTo("auto"));

        asAdmin.body(Map.of("allowedOrigins", List.of("https://Shop.Example/", "http://localhost:3000", "https://*.crm.example",
                                "https://shop.example:443", "http://127.0.0.1:8080"),
                        "color", "#1E88E5", "greeting", Map.of("fa", " سلام! چطور کمکتان کنیم؟ ", "en", "Hi! How can we help?"),
                        "language", "fa"))
                .put("/api/support-chat/widget-settings").then().statusCode(200)
                .body("allowedOrigins", equalTo(List.of("https://shop.example", "http://localhost:3000", "https://*.crm.example",
                        "http://127.0.0.1:8080")))
                .body("color", equalTo("#1e88e5")).body("greeting.fa", equalTo("سلام! چطور کمکتان کنیم؟"))
                .body("language", equalTo("fa")).body("secret", nullValue());
        // what is left out stays; [] empties the list
        asAdmin.body(Map.of("enforceVerification", false)).put("/api/support-chat/widget-settings").then().statusCode(200)
                .body("allowedOrigins", hasSize(4)).body("color", equalTo("#1e88e5")).body("language", equalTo("fa"));
        RestAssured.given().header("X-Goftgu-Internal", INTERNAL).get("/internal/support-chat/workspaces/" + workspace + "/widget")
                .then().statusCode(200).body("allowedOrigins", hasItem("https://*.crm.example"))
                .body("greeting.en", equalTo("Hi! How can we help?")).body("language", equalTo("fa"))
                .body("$", not(org.hamcrest.Matchers.hasKey("secret"))).body("$", not(org.hamcrest.Matchers.hasKey("secretHint")));

        // bad input: 400 problem+json naming the field, and nothing changes
        for (var bad : List.of("*", "https://*", "https://*.com", "'self'", "'none'", "shop.example", "ftp://shop.example",
                "https://shop.example/path", "https://shop.example?x=1", "https://user@shop.example",
                "https://shop.example; script-src *", "https://a.example https://b.example", "javascript:alert(1)",
                "https://shop.example:99999", "https://-shop.example", "data:", "")) {
            asAdmin.body(Map.of("allowedOrigins", List.of("https://fine.example", bad))).put("/api/support-chat/widget-settings")
                    .then().statusCode(400).contentType(containsString("application/problem+json"))
                    .body("errors[0].field", equalTo("allowedOrigins[1]"));
        }
        asAdmin.body(Map.of("allowedOrigins", IntStream.range(0, 51).mapToObj(i -> "https://s" + i + ".example").toList()))
                .put("/api/support-chat/widget-settings").then().statusCode(400).contentType(containsString("application/problem+json"));
        asAdmin.body(Map.of("color", "blue")).put("/api/support-chat/widget-settings").then().statusCode(400)
                .contentType(containsString("application/problem+json")).body("errors[0].field", containsString("color"));
        asAdmin.body(Map.of("language", "de")).put("/api/support-chat/widget-settings").then().statusCode(400)
                .body("errors[0].field", containsString("language"));
        asAdmin.body(Map.of("greeting", Map.of("fa", "x".repeat(501)))).put("/api/support-chat/widget-settings").then().statusCode(400)
                .body("errors[0].field", containsString("greeting"));
        RestAssured.given().auth().oauth2(admin).get("/api/support-chat/widget-settings").then().statusCode(200)
                .body("allowedOrigins", hasSize(4)).body("color", equalTo("#1e88e5"));

        // who may not: a customer, a guest, nobody; another workspace's admin sees its own settings only
        RestAssured.given().auth().oauth2(TestTokens.customer(customer, WORKSPACE)).contentType(ContentType.JSON)
                .body(Map.of("allowedOrigins", List.of("https://evil.example"))).put("/api/support-chat/widget-settings")
                .then().statusCode(403).contentType(containsString("application/problem+json"));
        RestAssured.given().auth().oauth2(TestTokens.guest(UUID.randomUUID(), workspace)).contentType(ContentType.JSON)
                .body(Map.of("allowedOrigins", List.of("https://evil.example"))).put("/api/support-chat/widget-settings")
                .then().statusCode(403);
        RestAssured.given().contentType(ContentType.JSON).body(Map.of("allowedOrigins", List.of("https://evil.example")))
                .put("/api/support-chat/widget-settings").then().statusCode(401);
        RestAssured.given().auth().oauth2(TestTokens.staff(UUID.randomUUID(), OTHER_WORKSPACE)).get("/api/support-chat/widget-settings")
                .then().statusCode(200).body("allowedOrigins", not(hasItem("https://shop.example")));
        asAdmin.body(Map.of("allowedOrigins", List.of())).put("/api/support-chat/widget-settings").then().statusCode(200)
                .body("allowedOrigins", hasSize(0));
    }
}
