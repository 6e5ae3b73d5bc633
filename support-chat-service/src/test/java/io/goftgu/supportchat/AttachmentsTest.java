package io.goftgu.supportchat;

import io.goftgu.supportchat.attachments.UnsentUploadPurge;
import io.goftgu.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Attachments: checked by their bytes and size, downloaded by who may see the ticket; guests' quota and purge. */
@QuarkusTest
class AttachmentsTest extends SupportChatTestSupport {

    @Inject
    UnsentUploadPurge purge;

    @Test
    void attachmentsAreCheckedByBytesAndSizeAndDownloadedByWhoMaySee() {
        var id = ticket(customer, "Screenshot attached");
        byte[] png = java.util.Base64.getDecoder().decode(
                "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");
        var attachment = RestAssured.given().auth().oauth2(TestTokens.customer(customer, WORKSPACE))
                .multiPart("file", "صفحه \"1\".png", png, "application/octet-stream").multiPart("ticketId", id)
                .post("/api/support-chat/attachments").then().statusCode(201)
                .body("contentType", equalTo("image/png")).body("size", equalTo(png.length)).extract().<String>path("id");
        as(customer).body(Map.of("body", "see file", "clientMessageId", UUID.randomUUID(), "attachmentIds", List.of(attachment)))
                .post("/api/support-chat/" + id + "/messages").then().statusCode(201).body("attachments[0].id", equalTo(attachment));
        as(agent).get("/api/support-chat/attachments/" + attachment).then().statusCode(200).contentType("image/png")
                .header("Content-Disposition", containsString("attachment; filename=\""))
                .header("Content-Disposition", containsString("filename*=UTF-8''"))
                .header("X-Content-Type-Options", equalTo("nosniff"));
        as(customer2).get("/api/support-chat/attachments/" + attachment).then().statusCode(404);
        as(otherStaff).get("/api/support-chat/attachments/" + attachment).then().statusCode(404);
        // an executable named .png, binary junk, an empty file, too large, someone else's ticket
        RestAssured.given().auth().oauth2(TestTokens.customer(customer, WORKSPACE))
                .multiPart("file", "evil.png", new byte[] {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0}, "image/png").multiPart("ticketId", id)
                .post("/api/support-chat/attachments").then().statusCode(415).contentType("application/problem+json");
        RestAssured.given().auth().oauth2(TestTokens.customer(customer, WORKSPACE))
                .multiPart("file", "empty.txt", new byte[0], "text/plain").multiPart("ticketId", id)
                .post("/api/support-chat/attachments").then().statusCode(400);
        RestAssured.given().auth().oauth2(TestTokens.customer(customer, WORKSPACE))
                .multiPart("file", "big.txt", "a".repeat(10 * 1024 * 1024 + 1).getBytes(StandardCharsets.US_ASCII), "text/plain")
                .multiPart("ticketId", id).post("/api/support-chat/attachments").then().statusCode(413);
        RestAssured.given().auth().oauth2(TestTokens.customer(customer2, WORKSPACE))
                .multiPart("file", "a.txt", "hi".getBytes(StandardCharsets.US_ASCII), "text/plain").multiPart("ticketId", id)
                .post("/api/support-chat/attachments").then().statusCode(404);
        // a file of an internal note is staff only
        var noteFile = RestAssured.given().auth().oauth2(TestTokens.staff(agent, WORKSPACE))
                .multiPart("file", "internal.txt", "staff only".getBytes(StandardCharsets.US_ASCII), "text/plain").multiPart("ticketId", id)
                .post("/api/support-chat/attachments").then().statusCode(201).body("contentType", equalTo("text/plain")).extract().<String>path("id");
        as(agent).body(Map.of("body", "log", "clientMessageId", UUID.randomUUID(), "internal", true, "attachmentIds", List.of(noteFile)))
                .post("/api/support-chat/" + id + "/messages").then().statusCode(201);
        as(customer).get("/api/support-chat/attachments/" + noteFile).then().statusCode(404);
    }

    @Test
    void aGuestsUploadsHaveAQuotaAndUnsentOnesArePurged() {
        var started = startGuest(Map.of());
        var guestTicket = (String) ((Map<?, ?>) started.get("ticket")).get("id");
        var guestId = (String) ((Map<?, ?>) started.get("guest")).get("id");
        var guest = TestTokens.guest(UUID.fromString(guestId), WORKSPACE);
        // the test profile's quota is 4 KiB (50 MiB by default)
        String first = RestAssured.given().auth().oauth2(guest)
                .multiPart("file", "a.txt", "a".repeat(3000).getBytes(StandardCharsets.US_ASCII), "text/plain")
                .multiPart("ticketId", guestTicket).post("/api/support-chat/attachments").then().statusCode(201)
                .extract().path("id");
        RestAssured.given().auth().oauth2(guest)
                .multiPart("file", "b.txt", "b".repeat(3000).getBytes(StandardCharsets.US_ASCII), "text/plain")
                .multiPart("ticketId", guestTicket).post("/api/support-chat/attachments").then().statusCode(413)
                .contentType("application/problem+json");
        // unsent uploads go after the configured age (3 s here, a day by default), sent ones stay
        String sent = RestAssured.given().auth().oauth2(TestTokens.staff(agent, WORKSPACE))
                .multiPart("file", "s.txt", "sent".getBytes(StandardCharsets.US_ASCII), "text/plain")
                .multiPart("ticketId", guestTicket).post("/api/support-chat/attachments").then().statusCode(201)
                .extract().path("id");
        as(agent).body(Map.of("body", "file", "clientMessageId", UUID.randomUUID(), "attachmentIds", List.of(sent)))
                .post("/api/support-chat/" + guestTicket + "/messages").then().statusCode(201);
        sleep(3_500);
        org.junit.jupiter.api.Assertions.assertTrue(purge.purge() >= 1);
        RestAssured.given().auth().oauth2(guest).get("/api/support-chat/attachments/" + first).then().statusCode(404);
        as(agent).get("/api/support-chat/attachments/" + sent).then().statusCode(200);
    }
}
