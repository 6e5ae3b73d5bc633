package io.goftgu.gateway.web;

import io.goftgu.gateway.support.GatewayTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.DecoderConfig;
import io.restassured.config.RestAssuredConfig;
import org.junit.jupiter.api.Test;

import java.util.regex.Pattern;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.equalToIgnoringCase;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The web UI as a browser loads it, from the real bundle the web/ module built: every app route answers the page,
 * hashed assets are cached for a year and sent precompressed, the page itself is revalidated, and nothing else is
 * served from the bundle's folder.
 */
@QuarkusTest
class WebBundleTest extends GatewayTest {

    /** Rest Assured would decode a compressed body; these tests look at the bytes as sent. */
    private static final RestAssuredConfig RAW = RestAssuredConfig.config()
            .decoderConfig(DecoderConfig.decoderConfig().noContentDecoders());

    @Test
    void everyAppRouteAnswersThePageWithNoCache() {
        for (var path : new String[]{"/", "/login", "/dashboard/internal-chat", "/dashboard/internal-chat/some-room",
                "/panel/support-chat", "/panel/support-chat/TKT-1001"}) {
            RestAssured.get(path).then().statusCode(200)
                    .contentType(containsString("text/html"))
                    .header("Cache-Control", equalTo(WebBundle.REVALIDATE))
                    .body(containsString("<div id=\"root\""));
        }
    }

    @Test
    void hashedAssetsAreImmutableAndPrecompressed() {
        var page = RestAssured.get("/").then().extract().asString();
        var script = Pattern.compile("src=\"(/assets/[^\"]+\\.js)\"").matcher(page);
        assertTrue(script.find(), "the page loads a hashed script: " + page);
        var path = script.group(1);

        RestAssured.given().config(RAW).header("Accept-Encoding", "gzip, deflate, br").get(path).then()
                .statusCode(200)
                .header("Content-Encoding", equalTo("br"))
                .header("Cache-Control", equalTo(WebBundle.IMMUTABLE))
                .header("Vary", equalToIgnoringCase("Accept-Encoding"))
                .contentType(containsString("javascript"));
        RestAssured.given().config(RAW).header("Accept-Encoding", "gzip").get(path).then()
                .statusCode(200).header("Content-Encoding", equalTo("gzip"));
        RestAssured.given().config(RAW).header("Accept-Encoding", "identity").get(path).then()
                .statusCode(200).header("Content-Encoding", nullValue()).body(not(emptyString()));
    }

    @Test
    void anUnchangedPageCostsA304() {
        var etag = RestAssured.get("/login").then().extract().header("ETag");
        RestAssured.given().header("If-None-Match", etag).get("/dashboard/internal-chat").then()
                .statusCode(304).body(emptyString());
    }

    @Test
    void onlyBundleFilesAreServed() {
        RestAssured.get("/assets/no-such-file.js").then().statusCode(404);
        RestAssured.get("/assets/..%2F..%2Fapplication.properties").then().statusCode(404);
        RestAssured.get("/application.properties").then().statusCode(404);
        RestAssured.get("/META-INF/resources/index.html").then().statusCode(404);
        // API paths are never the page, even unknown ones
        RestAssured.get("/api/nothing-here").then().statusCode(404).contentType(not(containsString("text/html")));
    }
}
