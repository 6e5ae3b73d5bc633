package io.goftgu.supportchat;

import io.goftgu.testing.KafkaResource;
import io.goftgu.testing.PostgresResource;
import io.goftgu.testing.TestTokens;
import io.goftgu.testing.TokensResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A download always carries the headers that keep an uploaded file from acting as a page (platform/files
 * {@code Download}), whoever downloads it.
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = "database", value = "support_chat"))
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(TokensResource.class)
class AttachmentDownloadTest {

    @Inject
    EntityManager entityManager;

    @Test
    void aDownloadIsAnAttachmentThatCannotRunOrBeSniffed() {
        var workspace = UUID.randomUUID();
        var customer = Signals.user(workspace, "Uploader", "USER");
        Signals.awaitUser(entityManager, customer);
        var token = TestTokens.customer(customer, workspace);
        String ticket = RestAssured.given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("subject", "a file", "description", "details"))
                .post("/api/support-chat").then().statusCode(201).extract().path("id");
        var text = "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8);
        String id = RestAssured.given().auth().oauth2(token)
                .multiPart("file", "page.html", text, "text/html").multiPart("ticketId", ticket)
                .post("/api/support-chat/attachments").then().statusCode(201)
                .body("contentType", equalTo("text/plain")).extract().path("id");

        var download = RestAssured.given().auth().oauth2(token).get("/api/support-chat/attachments/" + id);
        download.then().statusCode(200).contentType("text/plain")
                .header("Content-Security-Policy", equalTo("default-src 'none'; sandbox"))
                .header("X-Content-Type-Options", equalTo("nosniff"))
                .header("Content-Disposition", equalTo("attachment; filename=\"page.html\"; filename*=UTF-8''page.html"))
                .header("Cache-Control", containsString("no-store"));
        assertEquals(new String(text, StandardCharsets.UTF_8), download.asString());
    }
}
