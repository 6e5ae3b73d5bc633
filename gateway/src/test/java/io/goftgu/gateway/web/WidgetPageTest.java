package io.goftgu.gateway.web;

import io.goftgu.gateway.support.GatewayTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.DecoderConfig;
import io.restassured.config.RestAssuredConfig;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * The guest widget as other web sites load it, from the real bundle web/ built: {@code /widget.js} (a fixed URL, so
 * never cached without revalidation) and the iframe page {@code /widget/{slug}}, which only the workspace's allowed
 * origins may frame ({@code frame-ancestors} from its widget settings, read through support chat's internal API, here
 * the fake service), while the rest of the UI stays {@code frame-ancestors 'none'} with {@code X-Frame-Options: DENY}.
 */
@QuarkusTest
class WidgetPageTest extends GatewayTest {

    private static final RestAssuredConfig RAW = RestAssuredConfig.config()
            .decoderConfig(DecoderConfig.decoderConfig().noContentDecoders());

    @Test
    void theLoaderIsRevalidatedEveryTimeAndSentPrecompressed() {
        var etag = RestAssured.given().config(RAW).header("Accept-Encoding", "br").get("/widget.js").then()
                .statusCode(200)
                .header("Cache-Control", equalTo(WebBundle.REVALIDATE))
                .header("Content-Encoding", equalTo("br"))
                .contentType(containsString("javascript"))
                .extract().header("ETag");
        RestAssured.given().header("If-None-Match", etag).get("/widget.js").then().statusCode(304).body(emptyString());
        // readable plain script: no module syntax, so a classic <script async> runs it
        RestAssured.get("/widget.js").then().statusCode(200)
                .body(not(containsString("import ")), containsString("data-workspace"));
    }

    @Test
    void theWidgetPageMayBeFramedOnlyByTheWorkspacesAllowedOrigins() throws Exception {
        var workspace = signUp("widget");
        // nothing allowed yet: only the gateway's own pages may frame it
        RestAssured.get("/widget/" + workspace.slug()).then().statusCode(200)
                .contentType(containsString("text/html"))
                .header("Cache-Control", equalTo(WebBundle.REVALIDATE))
                .header("X-Frame-Options", nullValue())
                .header("Content-Security-Policy", containsString("frame-ancestors 'self'"))
                .header("Content-Security-Policy", not(containsString("frame-ancestors 'none'")))
                .body(containsString("<div id=\"widget\""));

        widgetSettings(workspace.id(), "{\"allowedOrigins\":[\"https://shop.example\",\"https://*.crm.example\","
                + "\"http://localhost:3000\"],\"color\":\"#1e88e5\",\"greeting\":{\"fa\":\"سلام\",\"en\":\"Hi\"},"
                + "\"language\":\"en\"}");
        Thread.sleep(1100); // the test profile keeps settings for 1 s
        var answer = RestAssured.get("/widget/" + workspace.slug() + "/").then().statusCode(200)
                .header("X-Frame-Options", nullValue())
                .extract();
        var policy = answer.header("Content-Security-Policy");
        assertEquals("frame-ancestors 'self' https://shop.example https://*.crm.example http://localhost:3000",
                policy.substring(policy.indexOf("frame-ancestors")));
        // the rest of the page's policy is the UI's: nothing inline, nothing from elsewhere
        org.hamcrest.MatcherAssert.assertThat(policy, containsString("script-src 'self'; style-src 'self'"));
        // the ETag covers the policy: a copy revalidated after the list changed is sent again with the new list
        var etag = answer.header("ETag");
        RestAssured.given().header("If-None-Match", etag).get("/widget/" + workspace.slug()).then().statusCode(304);
        widgetSettings(workspace.id(), "{\"allowedOrigins\":[\"https://other.example\"],\"language\":\"auto\"}");
        Thread.sleep(1100);
        var changed = RestAssured.given().header("If-None-Match", etag).get("/widget/" + workspace.slug()).then()
                .statusCode(200).extract();
        assertNotEquals(etag, changed.header("ETag"));
        org.hamcrest.MatcherAssert.assertThat(changed.header("Content-Security-Policy"),
                containsString("frame-ancestors 'self' https://other.example"));
        org.hamcrest.MatcherAssert.assertThat(changed.header("Content-Security-Policy"), not(containsString("shop.example")));

        // something that is not an origin never reaches the header, even if the service answered it
        widgetSettings(workspace.id(), "{\"allowedOrigins\":[\"https://ok.example\",\"*\",\"https://x.example; script-src *\","
                + "\"'unsafe-inline'\"]}");
        Thread.sleep(1100);
        var guarded = RestAssured.get("/widget/" + workspace.slug()).then().statusCode(200).extract()
                .header("Content-Security-Policy");
        assertEquals("frame-ancestors 'self' https://ok.example", guarded.substring(guarded.indexOf("frame-ancestors")));
    }

    @Test
    void unknownWorkspacesHaveNoWidgetPage() {
        RestAssured.get("/widget/no-such-" + UUID.randomUUID().toString().substring(0, 8)).then().statusCode(404)
                .header("X-Frame-Options", equalTo("DENY"));
        RestAssured.get("/widget/Not_A..Slug").then().statusCode(404);
        RestAssured.get("/widget/a/b").then().statusCode(404);
        RestAssured.get("/api/support-chat/public/no-such-" + UUID.randomUUID().toString().substring(0, 8) + "/widget").then()
                .statusCode(404).contentType(containsString("application/problem+json"));
    }

    @Test
    void theRestOfTheUiCannotBeFramed() {
        for (var path : new String[]{"/", "/login", "/dashboard/settings", "/panel/support-chat", "/widget.js"}) {
            RestAssured.get(path).then().statusCode(200)
                    .header("X-Frame-Options", equalTo("DENY"))
                    .header("Content-Security-Policy", containsString("frame-ancestors 'none'"));
        }
        RestAssured.get("/api/support-chat/public/x/widget").then()
                .header("X-Frame-Options", equalTo("DENY"))
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"));
    }

    @Test
    void thePublicWidgetSettingsShowOnlyTheAppearance() throws Exception {
        var workspace = signUp("widget-look");
        widgetSettings(workspace.id(), "{\"allowedOrigins\":[\"https://shop.example\"],\"color\":\"#00897b\","
                + "\"greeting\":{\"fa\":\"سلام! چطور کمکتان کنیم؟\",\"en\":null},\"language\":\"fa\"}");
        RestAssured.get("/api/support-chat/public/" + workspace.slug() + "/widget").then().statusCode(200)
                .header("Cache-Control", equalTo("no-cache"))
                .body("color", equalTo("#00897b"))
                .body("greeting.fa", equalTo("سلام! چطور کمکتان کنیم؟"))
                .body("language", equalTo("fa"))
                .body("allowedOrigins", nullValue())
                .body("secret", nullValue());
    }

    /** What support chat (the fake) answers for the workspace's widget settings from now on. */
    private static void widgetSettings(UUID workspaceId, String json) throws Exception {
        var fake = ConfigProvider.getConfig().getValue("goftgu.routes.internal-chat", String.class);
        var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(fake + "/_widget/" + workspaceId))
                        .timeout(Duration.ofSeconds(5)).PUT(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.discarding());
        assertEquals(204, response.statusCode());
    }
}
