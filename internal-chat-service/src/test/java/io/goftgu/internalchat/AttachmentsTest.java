package io.goftgu.internalchat;

import io.goftgu.events.EventTypes;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.MultiPartConfig;
import org.apache.http.entity.mime.HttpMultipartMode;
import io.restassured.response.Response;
import io.goftgu.testing.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Attachments through the real multipart stack into the PostgreSQL blob store: types by magic bytes, the room's
 * size limit, member-only downloads with safe headers, and files carried by messages. Refused uploads store nothing.
 */
@QuarkusTest
class AttachmentsTest extends ChatTestSupport {

    static final UUID WS = UUID.randomUUID();
    static UUID ali;
    static UUID mina;
    static UUID outsider;
    static UUID customer;
    static UUID stranger;

    @BeforeEach
    void users() {
        if (ali != null) {
            return;
        }
        ali = staff(WS, "Ali");
        mina = staff(WS, "Mina");
        outsider = staff(WS, "Outsider");
        customer = customer(WS, "Customer");
        stranger = staff(UUID.randomUUID(), "Stranger");
        awaitColleagues(ali, 2);
    }

    static Response upload(UUID who, String roomId, String name, byte[] bytes, String claimedType) {
        return RestAssured.given().auth().oauth2(token(who))
                // as browsers do: the file name in UTF-8 (httpmime's default STRICT mode would write it as ASCII)
                .config(RestAssured.config().multiPartConfig(MultiPartConfig.multiPartConfig().defaultCharset("UTF-8"))
                        .httpClient(HttpClientConfig.httpClientConfig().httpMultipartMode(HttpMultipartMode.BROWSER_COMPATIBLE)))
                .multiPart("file", name, bytes, claimedType)
                .multiPart("roomId", roomId)
                .post("/api/internal-chat/attachments");
    }

    static String token(UUID who) {
        return CUSTOMERS.contains(who) ? TestTokens.customer(who, WORKSPACE_OF.get(who)) : TestTokens.staff(who, WORKSPACE_OF.get(who));
    }

    static byte[] png(int width, int height) throws IOException {
        var out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), "png", out);
        return out.toByteArray();
    }

    static byte[] docx() throws IOException {
        var out = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write("<Types/>".getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            zip.write("<document/>".getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    long attachments(String roomId) {
        return count("SELECT count(*) FROM attachment WHERE room_id = ?", UUID.fromString(roomId));
    }

    /**
     * A send answers (and announces) the message it has just created without reading it back: the answer must be
     * what the history then returns, with everything a message can carry: a reply, mentions, files, links.
     */
    @Test
    void aSendAnswersAndAnnouncesTheMessageAsTheHistoryReadsItBack() throws IOException {
        var roomId = group(ali, "Everything at once", mina, outsider);
        var original = send(mina, roomId, "اصل");
        String first = upload(ali, roomId, "one.png", png(2, 3), "image/png").then().statusCode(201).extract().path("id");
        String second = upload(ali, roomId, "two.txt", "دو".getBytes(StandardCharsets.UTF_8), "text/plain")
                .then().statusCode(201).extract().path("id");
        // mentions given in both orders, files newest first: the history orders them by user id and upload time
        var mentions = mina.toString().compareTo(outsider.toString()) < 0 ? List.of(outsider, mina) : List.of(mina, outsider);
        var sent = send(ali, Map.of("roomId", roomId, "body", "همه چیز", "clientMessageId", UUID.randomUUID(),
                "replyToId", original.get("id"), "mentions", mentions, "attachmentIds", List.of(second, first),
                "links", List.of(Map.of("kind", "TASK", "refId", "t-2", "title", "دوم"),
                        Map.of("kind", "DOCUMENT", "refId", "d-1", "title", "اول"))));
        Map<String, Object> readBack = as(ali).get("/api/internal-chat/messages?roomId=" + roomId + "&after=0")
                .then().statusCode(200).extract().path("find { it.id == '" + sent.get("id") + "' }");
        assertEquals(readBack, sent);
        assertEquals(List.of(first, second), ((List<?>) sent.get("attachments")).stream().map(a -> ((Map<?, ?>) a).get("id")).toList());
        assertEquals(false, sent.get("isRead"));

        var created = EventLog.await(roomId, EventTypes.InternalChat.MESSAGE_CREATED, "id", (String) sent.get("id"));
        var everyone = new java.util.HashMap<>(readBack);
        everyone.remove("isRead");
        var announced = new com.fasterxml.jackson.databind.ObjectMapper().convertValue(created.payload(), Map.class);
        announced.remove("isRead");
        assertEquals(everyone, announced);

        // alone in a room, the sender has read their own message as far as anyone could
        var alone = group(ali, "Alone");
        var solo = send(ali, alone, "تنها");
        assertEquals(true, solo.get("isRead"));
        assertEquals(as(ali).get("/api/internal-chat/messages?roomId=" + alone + "&after=0").then().extract()
                .<Map<String, Object>>path("find { it.id == '" + solo.get("id") + "' }"), solo);
    }

    @Test
    void anImageIsStoredMeasuredAndDownloadedByMembersOnly() throws IOException {
        var roomId = group(ali, "Files", mina);
        var bytes = png(3, 2);
        // the client's claimed type and name do not decide the type
        var uploaded = upload(ali, roomId, "عکس نمونه.png", bytes, "application/octet-stream");
        uploaded.then().statusCode(201).body("contentType", equalTo("image/png")).body("width", equalTo(3))
                .body("height", equalTo(2)).body("size", equalTo(bytes.length)).body("name", equalTo("عکس نمونه.png"));
        String id = uploaded.path("id");
        assertEquals(1, count("SELECT count(*) FROM attachment WHERE id = ? AND storage_key NOT LIKE '%png%'", UUID.fromString(id)),
                "stored under a generated name");

        var download = RestAssured.given().auth().oauth2(token(mina)).get("/api/internal-chat/attachments/" + id);
        download.then().statusCode(200).contentType("image/png")
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "default-src 'none'; sandbox")
                .header("Cache-Control", "private, no-store")
                .header("Content-Disposition", containsString("attachment;"))
                .header("Content-Disposition", containsString("filename*=UTF-8''%D8%B9%DA%A9%D8%B3%20%D9%86%D9%85%D9%88%D9%86%D9%87.png"));
        assertArrayEquals(bytes, download.asByteArray());
        RestAssured.given().auth().oauth2(token(outsider)).get("/api/internal-chat/attachments/" + id).then().statusCode(404);
        RestAssured.given().auth().oauth2(token(stranger)).get("/api/internal-chat/attachments/" + id).then().statusCode(404);
        RestAssured.given().auth().oauth2(token(customer)).get("/api/internal-chat/attachments/" + id).then().statusCode(403);
        RestAssured.given().auth().oauth2(token(mina)).get("/api/internal-chat/attachments/" + UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void typesAreCheckedByTheirBytes() throws IOException {
        var roomId = group(ali, "Types", mina);
        upload(ali, roomId, "notes.txt", "سلام دنیا".getBytes(StandardCharsets.UTF_8), "text/plain").then().statusCode(201)
                .body("contentType", equalTo("text/plain")).body("width", nullValue());
        upload(ali, roomId, "report.docx", docx(), "application/octet-stream").then().statusCode(201)
                .body("contentType", equalTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document"));
        upload(ali, roomId, "doc.pdf", "%PDF-1.4\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF".getBytes(StandardCharsets.ISO_8859_1),
                "application/pdf").then().statusCode(201).body("contentType", equalTo("application/pdf"));
        long before = attachments(roomId);
        var exe = new byte[256];
        exe[0] = 'M';
        exe[1] = 'Z';
        upload(ali, roomId, "cat.png", exe, "image/png").then().statusCode(415).contentType("application/problem+json");
        upload(ali, roomId, "page.html", "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8), "text/html")
                .then().statusCode(201).body("contentType", equalTo("text/plain"));
        before += 1;
        upload(ali, roomId, "empty.txt", new byte[0], "text/plain").then().statusCode(400);
        RestAssured.given().auth().oauth2(token(ali)).multiPart("roomId", roomId).post("/api/internal-chat/attachments")
                .then().statusCode(400).body("errors.field", hasItem("file"));
        upload(ali, "not-a-room", "a.txt", "a".getBytes(StandardCharsets.UTF_8), "text/plain").then().statusCode(400);
        upload(ali, UUID.randomUUID().toString(), "a.txt", "a".getBytes(StandardCharsets.UTF_8), "text/plain").then().statusCode(404);
        RestAssured.given().auth().oauth2(token(ali)).contentType("application/json").body("{}")
                .post("/api/internal-chat/attachments").then().statusCode(415);
        assertEquals(before, attachments(roomId));
    }

    @Test
    void theRoomsLimitsApplyAndNothingIsStored() throws IOException {
        var roomId = group(ali, "Limits", mina);
        as(ali).body(Map.of("settings", Map.of("maxFileSize", 100))).patch("/api/internal-chat/rooms/" + roomId).then().statusCode(200);
        upload(mina, roomId, "big.txt", "x".repeat(101).getBytes(StandardCharsets.UTF_8), "text/plain").then().statusCode(413).contentType("application/problem+json");
        upload(outsider, roomId, "x.txt", "x".getBytes(StandardCharsets.UTF_8), "text/plain").then().statusCode(404);
        upload(stranger, roomId, "x.txt", "x".getBytes(StandardCharsets.UTF_8), "text/plain").then().statusCode(404);
        upload(customer, roomId, "x.txt", "x".getBytes(StandardCharsets.UTF_8), "text/plain").then().statusCode(403);
        upload(mina, roomId, "small.txt", "x".repeat(100).getBytes(StandardCharsets.UTF_8), "text/plain").then().statusCode(201);
        execute("DELETE FROM blob WHERE storage_key IN (SELECT storage_key FROM attachment WHERE room_id = ?)", UUID.fromString(roomId));
        execute("DELETE FROM attachment WHERE room_id = ?", UUID.fromString(roomId));
        as(ali).body(Map.of("settings", Map.of("maxFileSize", 10_485_760, "allowAttachments", false)))
                .patch("/api/internal-chat/rooms/" + roomId).then().statusCode(200);
        upload(mina, roomId, "x.txt", "x".getBytes(StandardCharsets.UTF_8), "text/plain").then().statusCode(403);
        assertEquals(0, attachments(roomId));
        assertEquals(0, count("SELECT count(*) FROM blob WHERE storage_key LIKE ?", "%" + roomId + "%"));
    }

    @Test
    void messagesCarryTheirFilesAndLinks() throws IOException {
        var roomId = group(ali, "Carry", mina);
        String fileId = upload(ali, roomId, "chart.png", png(5, 4), "image/png").then().statusCode(201).extract().path("id");
        String minas = upload(mina, roomId, "hers.txt", "x".getBytes(StandardCharsets.UTF_8), "text/plain").then().statusCode(201).extract().path("id");
        var otherRoom = group(ali, "Elsewhere");
        as(ali).body(Map.of("roomId", otherRoom, "body", "x", "clientMessageId", UUID.randomUUID(), "attachmentIds", List.of(fileId)))
                .post("/api/internal-chat/messages").then().statusCode(400);
        as(ali).body(Map.of("roomId", roomId, "body", "x", "clientMessageId", UUID.randomUUID(), "attachmentIds", List.of(minas)))
                .post("/api/internal-chat/messages").then().statusCode(400);
        var sent = send(ali, Map.of("roomId", roomId, "body", "نمودار", "clientMessageId", UUID.randomUUID(),
                "attachmentIds", List.of(fileId), "links", List.of(Map.of("kind", "KNOWLEDGE", "refId", "kb-1", "title", "راهنما"))));
        var created = EventLog.await(roomId, EventTypes.InternalChat.MESSAGE_CREATED, "id", (String) sent.get("id"));
        assertEquals(fileId, created.payload().path("attachments").get(0).path("id").asText());
        assertEquals(5, created.payload().path("attachments").get(0).path("width").asInt());
        assertEquals("KNOWLEDGE", created.payload().path("links").get(0).path("kind").asText());
        as(ali).body(Map.of("roomId", roomId, "body", "again", "clientMessageId", UUID.randomUUID(), "attachmentIds", List.of(fileId)))
                .post("/api/internal-chat/messages").then().statusCode(400);
        // pinned resources on the room
        as(ali).body(Map.of("pinnedLinks", List.of(Map.of("kind", "TASK", "refId", "task-9", "title", "پیگیری مشتری"))))
                .patch("/api/internal-chat/rooms/" + roomId).then().statusCode(200)
                .body("pinnedLinks[0].refId", equalTo("task-9"));
        as(ali).body(Map.of("pinnedLinks", List.of(Map.of("kind", "TASK", "refId", "", "title", "x"))))
                .patch("/api/internal-chat/rooms/" + roomId).then().statusCode(400);
        as(mina).get("/api/internal-chat/rooms/" + roomId).then().body("pinnedLinks.title", equalTo(List.of("پیگیری مشتری")));
        // deleting the message removes its file
        as(ali).delete("/api/internal-chat/messages/" + sent.get("id")).then().statusCode(204);
        RestAssured.given().auth().oauth2(token(mina)).get("/api/internal-chat/attachments/" + fileId).then().statusCode(404);
    }

    static Response uploadWithoutRoom(UUID who, String name, byte[] bytes) {
        return RestAssured.given().auth().oauth2(token(who))
                .multiPart("file", name, bytes, "application/octet-stream")
                .post("/api/internal-chat/attachments");
    }

    static Response download(UUID who, String id) {
        return RestAssured.given().auth().oauth2(token(who)).get("/api/internal-chat/attachments/" + id);
    }

    @Test
    void anUploadWithoutARoomIsTheUploadersUntilAMessageOfTheirsCarriesIt() throws IOException {
        var roomId = group(ali, "Composer", mina);
        var bytes = png(7, 3);
        var uploaded = uploadWithoutRoom(ali, "draft.png", bytes);
        uploaded.then().statusCode(201).body("contentType", equalTo("image/png")).body("width", equalTo(7));
        String id = uploaded.path("id");
        assertEquals(1, count("SELECT count(*) FROM attachment WHERE id = ? AND room_id IS NULL", UUID.fromString(id)));

        // before it is sent: the uploader alone may fetch it
        download(ali, id).then().statusCode(200);
        download(mina, id).then().statusCode(404);
        download(stranger, id).then().statusCode(404);
        download(customer, id).then().statusCode(403);
        uploadWithoutRoom(customer, "x.txt", "x".getBytes(StandardCharsets.UTF_8)).then().statusCode(403);

        // nobody else may attach it: a colleague, or someone of another workspace in their own room
        as(mina).body(Map.of("roomId", roomId, "body", "mine now", "clientMessageId", UUID.randomUUID(), "attachmentIds", List.of(id)))
                .post("/api/internal-chat/messages").then().statusCode(400).contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.not(containsString("draft.png")));
        var strangersRoom = RestAssured.given().auth().oauth2(token(stranger)).contentType("application/json")
                .body(Map.of("userId", stranger)).queryParam("type", "direct").post("/api/internal-chat/rooms")
                .then().extract().<String>path("id");
        RestAssured.given().auth().oauth2(token(stranger)).contentType("application/json")
                .body(Map.of("roomId", strangersRoom, "body", "x", "clientMessageId", UUID.randomUUID(), "attachmentIds", List.of(id)))
                .post("/api/internal-chat/messages").then().statusCode(400);
        assertEquals(1, count("SELECT count(*) FROM attachment WHERE id = ? AND room_id IS NULL AND message_id IS NULL", UUID.fromString(id)));

        // the uploader's message carries it into the room; then the room's members may fetch it
        var sent = send(ali, Map.of("roomId", roomId, "body", "پیش‌نویس", "clientMessageId", UUID.randomUUID(), "attachmentIds", List.of(id)));
        var created = EventLog.await(roomId, EventTypes.InternalChat.MESSAGE_CREATED, "id", (String) sent.get("id"));
        assertEquals(id, created.payload().path("attachments").get(0).path("id").asText());
        assertEquals(1, count("SELECT count(*) FROM attachment WHERE id = ? AND room_id = ?", UUID.fromString(id), UUID.fromString(roomId)));
        assertArrayEquals(bytes, download(mina, id).then().statusCode(200).extract().asByteArray());
        download(outsider, id).then().statusCode(404);
        as(ali).body(Map.of("roomId", roomId, "body", "again", "clientMessageId", UUID.randomUUID(), "attachmentIds", List.of(id)))
                .post("/api/internal-chat/messages").then().statusCode(400);
    }

    @Test
    void anUnsentUploadMeetsTheRoomsLimitsWhenAMessageCarriesIt() throws IOException {
        var roomId = group(ali, "Strict", mina);
        as(ali).body(Map.of("settings", Map.of("maxFileSize", 100))).patch("/api/internal-chat/rooms/" + roomId).then().statusCode(200);
        String big = uploadWithoutRoom(ali, "big.txt", "x".repeat(200).getBytes(StandardCharsets.UTF_8))
                .then().statusCode(201).extract().path("id");
        as(ali).body(Map.of("roomId", roomId, "body", "x", "clientMessageId", UUID.randomUUID(), "attachmentIds", List.of(big)))
                .post("/api/internal-chat/messages").then().statusCode(413).contentType("application/problem+json");
        var noFiles = group(ali, "No files", mina);
        as(ali).body(Map.of("settings", Map.of("allowAttachments", false))).patch("/api/internal-chat/rooms/" + noFiles).then().statusCode(200);
        as(ali).body(Map.of("roomId", noFiles, "body", "x", "clientMessageId", UUID.randomUUID(), "attachmentIds", List.of(big)))
                .post("/api/internal-chat/messages").then().statusCode(403);
        assertEquals(1, count("SELECT count(*) FROM attachment WHERE id = ? AND room_id IS NULL AND message_id IS NULL", UUID.fromString(big)));
        // the upload's own checks hold without a room too
        uploadWithoutRoom(ali, "empty.txt", new byte[0]).then().statusCode(400);
        var exe = new byte[64];
        exe[0] = 'M';
        exe[1] = 'Z';
        uploadWithoutRoom(ali, "cat.png", exe).then().statusCode(415);
        uploadWithoutRoom(ali, "huge.txt", new byte[10 * 1024 * 1024 + 1]).then().statusCode(413);
    }

    @jakarta.inject.Inject
    io.goftgu.internalchat.attachments.UnsentUploadPurge purge;

    String storageKey(String attachmentId) {
        try (var connection = dataSource.getConnection()) {
            var statement = connection.prepareStatement("SELECT storage_key FROM attachment WHERE id = ?");
            statement.setObject(1, UUID.fromString(attachmentId));
            var rows = statement.executeQuery();
            rows.next();
            return rows.getString(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void uploadsNoMessageCarriedArePurgedAfterTheConfiguredAge() throws Exception {
        // the test profile sets internal-chat.uploads.unsent-max-age to 3s (a day by default)
        var roomId = group(ali, "Purge", mina);
        String loose = uploadWithoutRoom(ali, "loose.txt", "a".getBytes(StandardCharsets.UTF_8)).then().statusCode(201).extract().path("id");
        String inRoom = upload(ali, roomId, "inroom.txt", "b".getBytes(StandardCharsets.UTF_8), "text/plain").then().statusCode(201).extract().path("id");
        String carried = upload(ali, roomId, "carried.txt", "c".getBytes(StandardCharsets.UTF_8), "text/plain").then().statusCode(201).extract().path("id");
        send(ali, Map.of("roomId", roomId, "body", "kept", "clientMessageId", UUID.randomUUID(), "attachmentIds", List.of(carried)));
        String fresh = null;
        Thread.sleep(3_500);
        fresh = uploadWithoutRoom(ali, "fresh.txt", "d".getBytes(StandardCharsets.UTF_8)).then().statusCode(201).extract().path("id");

        var keys = List.of(storageKey(loose), storageKey(inRoom));
        while (purge.purge() > 0) {
            // batches until none is left
        }
        for (var gone : List.of(loose, inRoom)) {
            assertEquals(0, count("SELECT count(*) FROM attachment WHERE id = ?", UUID.fromString(gone)));
            download(ali, gone).then().statusCode(404);
        }
        for (var key : keys) {
            assertEquals(0, count("SELECT count(*) FROM blob WHERE storage_key = ?", key), "its bytes are gone too");
        }
        download(mina, carried).then().statusCode(200);
        download(ali, fresh).then().statusCode(200);
    }
}
