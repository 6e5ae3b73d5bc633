package io.goftgu.internalchat;

import io.goftgu.events.EventJson;
import io.goftgu.events.EventTypes;
import io.goftgu.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Messages through the real stack: replies with snapshots, mentions, edit, delete, pins, reactions, read state and
 * history cursors; each change's event is read back from Kafka, and refused calls leave the room's messages and
 * events as they were.
 */
@QuarkusTest
class MessagesTest extends ChatTestSupport {

    static final UUID WS = UUID.randomUUID();
    static UUID alice;
    static UUID bob;
    static UUID carol;
    static UUID outsider;
    static UUID customer;
    static UUID stranger;

    @BeforeEach
    void users() {
        if (alice != null) {
            return;
        }
        EventLog.start();
        alice = staff(WS, "Alice");
        bob = staff(WS, "Bob");
        carol = staff(WS, "Carol");
        outsider = staff(WS, "Outsider");
        customer = customer(WS, "Customer");
        stranger = staff(UUID.randomUUID(), "Stranger");
        awaitColleagues(alice, 3);
    }

    @Test
    void replyKeepsItsSnapshotThroughEditsAndDeletes() {
        var roomId = group(alice, "Replies", bob);
        var original = send(alice, roomId, "متن اصلی پیام");
        var reply = send(bob, Map.of("roomId", roomId, "body", "پاسخ", "clientMessageId", UUID.randomUUID(),
                "replyToId", original.get("id")));
        @SuppressWarnings("unchecked")
        var replyTo = (Map<String, Object>) reply.get("replyTo");
        assertEquals(original.get("id"), replyTo.get("id"));
        assertEquals(original.get("seq"), replyTo.get("seq"));
        assertEquals(alice.toString(), replyTo.get("senderId"));
        assertEquals("Alice", replyTo.get("senderName"));
        assertEquals("متن اصلی پیام", replyTo.get("body"));

        as(alice).body(Map.of("body", "ویرایش شد")).patch("/api/internal-chat/messages/" + original.get("id"))
                .then().statusCode(200).body("isEdited", equalTo(true)).body("editedAt", notNullValue())
                .body("body", equalTo("ویرایش شد"));
        var edited = EventLog.await(roomId, EventTypes.InternalChat.MESSAGE_EDITED, "id", (String) original.get("id"));
        assertEquals(((Number) original.get("seq")).longValue(), edited.payload().path("seq").asLong());
        assertEquals(Set.of(alice, bob), edited.audience().users());

        as(alice).delete("/api/internal-chat/messages/" + original.get("id")).then().statusCode(204);
        var deleted = EventLog.await(roomId, EventTypes.InternalChat.MESSAGE_DELETED, "id", (String) original.get("id"));
        assertTrue(deleted.payload().path("body").isNull());
        assertTrue(deleted.payload().path("isDeleted").asBoolean());
        as(bob).get("/api/internal-chat/messages?roomId=" + roomId + "&after=0").then().statusCode(200)
                .body("find { it.id == '" + original.get("id") + "' }.isDeleted", equalTo(true))
                .body("find { it.id == '" + original.get("id") + "' }.body", nullValue())
                .body("find { it.id == '" + reply.get("id") + "' }.replyTo.body", equalTo("متن اصلی پیام"));
        // a deleted message cannot be replied to, edited or reacted to
        as(bob).body(Map.of("roomId", roomId, "body", "?", "clientMessageId", UUID.randomUUID(), "replyToId", original.get("id")))
                .post("/api/internal-chat/messages").then().statusCode(400).body("errors.field", hasItem("replyToId"));
        as(alice).body(Map.of("body", "دوباره")).patch("/api/internal-chat/messages/" + original.get("id")).then().statusCode(409);
        as(bob).put("/api/internal-chat/messages/{id}/reactions/{emoji}", original.get("id"), "👍").then().statusCode(409);
        // a reply into another room's message is bad input
        var other = group(alice, "Other");
        as(alice).body(Map.of("roomId", other, "body", "?", "clientMessageId", UUID.randomUUID(), "replyToId", reply.get("id")))
                .post("/api/internal-chat/messages").then().statusCode(400);
    }

    @Test
    void mentionsMustBeMembersAndFlagTheirUnreadState() {
        var roomId = group(alice, "Mentions", bob);
        long seq = lastSeq(alice, roomId);
        as(alice).body(Map.of("roomId", roomId, "body", "@outsider", "clientMessageId", UUID.randomUUID(),
                "mentions", List.of(outsider))).post("/api/internal-chat/messages").then().statusCode(400)
                .body("errors.field", hasItem("mentions"));
        assertEquals(seq, lastSeq(alice, roomId));
        var sent = send(alice, Map.of("roomId", roomId, "body", "@Bob نگاه کن", "clientMessageId", UUID.randomUUID(),
                "mentions", List.of(bob)));
        assertEquals(List.of(bob.toString()), sent.get("mentions"));
        as(bob).get("/api/internal-chat/unread").then().statusCode(200)
                .body("rooms.find { it.roomId == '" + roomId + "' }.mentionCount", equalTo(1))
                .body("rooms.find { it.roomId == '" + roomId + "' }.hasMention", equalTo(true));
        as(bob).get("/api/internal-chat/rooms/" + roomId).then().body("hasMention", equalTo(true)).body("mentionCount", equalTo(1));
        as(alice).get("/api/internal-chat/rooms/" + roomId).then().body("hasMention", equalTo(false));
        as(bob).body(Map.of("seq", sent.get("seq"))).post("/api/internal-chat/rooms/" + roomId + "/read").then().statusCode(200);
        as(bob).get("/api/internal-chat/rooms/" + roomId).then().body("hasMention", equalTo(false)).body("unreadCount", equalTo(0));
    }

    @Test
    void onlyTheSenderEditsAndModeratorsDeleteAnyone() {
        var roomId = group(alice, "Edits", bob, carol);
        var bobs = send(bob, roomId, "پیام باب");
        var carols = send(carol, roomId, "پیام کارول");
        long events = eventCount(roomId);
        as(alice).body(Map.of("body", "نه")).patch("/api/internal-chat/messages/" + bobs.get("id")).then().statusCode(403);
        as(carol).delete("/api/internal-chat/messages/" + bobs.get("id")).then().statusCode(403);
        as(bob).body(Map.of("body", " ")).patch("/api/internal-chat/messages/" + bobs.get("id")).then().statusCode(400);
        as(bob).body(Map.of("body", "x".repeat(10_001))).patch("/api/internal-chat/messages/" + bobs.get("id")).then().statusCode(400);
        as(bob).body(Map.of()).patch("/api/internal-chat/messages/" + UUID.randomUUID()).then().statusCode(400);
        as(bob).body(Map.of("body", "x")).patch("/api/internal-chat/messages/" + UUID.randomUUID()).then().statusCode(404);
        as(outsider).body(Map.of("body", "x")).patch("/api/internal-chat/messages/" + bobs.get("id")).then().statusCode(404);
        as(stranger).delete("/api/internal-chat/messages/" + bobs.get("id")).then().statusCode(404);
        as(customer).delete("/api/internal-chat/messages/" + bobs.get("id")).then().statusCode(403);
        assertEquals(events, eventCount(roomId));
        as(bob).get("/api/internal-chat/messages/" + bobs.get("id")).then().body("body", equalTo("پیام باب"))
                .body("isEdited", equalTo(false)).body("isDeleted", equalTo(false));

        // a MODERATOR (and the OWNER) delete anyone's
        as(alice).body(Map.of("role", "MODERATOR")).patch("/api/internal-chat/rooms/" + roomId + "/members/" + carol).then().statusCode(200);
        as(carol).delete("/api/internal-chat/messages/" + bobs.get("id")).then().statusCode(204);
        as(alice).delete("/api/internal-chat/messages/" + carols.get("id")).then().statusCode(204);
        as(alice).delete("/api/internal-chat/messages/" + carols.get("id")).then().statusCode(204);
        as(bob).get("/api/internal-chat/messages/" + bobs.get("id")).then().body("isDeleted", equalTo(true)).body("body", nullValue());
    }

    @Test
    void pinsAreListedAndAnnounced() {
        var roomId = group(alice, "Pins", bob);
        var m = send(bob, roomId, "سنجاق کن");
        as(outsider).put("/api/internal-chat/messages/" + m.get("id") + "/pin").then().statusCode(404);
        as(alice).put("/api/internal-chat/messages/" + m.get("id") + "/pin").then().statusCode(200)
                .body("isPinned", equalTo(true)).body("pinnedBy", equalTo(alice.toString()));
        as(bob).get("/api/internal-chat/rooms/" + roomId + "/pins").then().statusCode(200).body("id", equalTo(List.of(m.get("id"))));
        var pinned = EventLog.await(roomId, EventTypes.InternalChat.MESSAGE_PINNED, "id", (String) m.get("id"));
        assertEquals(Set.of(alice, bob), pinned.audience().users());
        as(bob).delete("/api/internal-chat/messages/" + m.get("id") + "/pin").then().statusCode(200).body("isPinned", equalTo(false));
        EventLog.await(roomId, EventTypes.InternalChat.MESSAGE_UNPINNED, "id", (String) m.get("id"));
        as(bob).get("/api/internal-chat/rooms/" + roomId + "/pins").then().body("", hasSize(0));
    }

    @Test
    void reactionsCountWhoAndRejectWhatIsNotAnEmoji() {
        var roomId = group(alice, "Reactions", bob);
        var m = send(alice, roomId, "واکنش");
        String id = (String) m.get("id");
        as(alice).put("/api/internal-chat/messages/{id}/reactions/{emoji}", id, "👍").then().statusCode(200);
        as(bob).put("/api/internal-chat/messages/{id}/reactions/{emoji}", id, "👍").then().statusCode(200)
                .body("reactions.'👍'.count", equalTo(2)).body("seq", equalTo(m.get("seq"))).body("emoji", equalTo("👍"))
                .body("userId", equalTo(bob.toString()));
        as(bob).put("/api/internal-chat/messages/{id}/reactions/{emoji}", id, "👨‍👩‍👧").then().statusCode(200);
        long events = eventCount(roomId);
        as(bob).put("/api/internal-chat/messages/{id}/reactions/{emoji}", id, "👍").then().statusCode(200)
                .body("reactions.'👍'.count", equalTo(2));
        for (var bad : List.of("abc", "1", "👍a", "👍".repeat(11), " ")) {
            as(bob).put("/api/internal-chat/messages/{id}/reactions/{emoji}", id, bad).then().statusCode(400)
                    .contentType("application/problem+json");
        }
        as(outsider).put("/api/internal-chat/messages/{id}/reactions/{emoji}", id, "👍").then().statusCode(404);
        as(bob).put("/api/internal-chat/messages/{id}/reactions/{emoji}", UUID.randomUUID(), "👍").then().statusCode(404);
        assertEquals(events, eventCount(roomId), "a repeat and refusals announce nothing");
        var added = EventLog.await(roomId, e -> e.type().equals(EventTypes.InternalChat.REACTION_ADDED)
                && e.payload().path("userId").asText().equals(bob.toString()) && e.payload().path("emoji").asText().equals("👍"));
        assertEquals(id, added.payload().path("messageId").asText());
        assertEquals(roomId, added.payload().path("roomId").asText());
        assertEquals(Set.of(alice, bob), added.audience().users());

        as(bob).delete("/api/internal-chat/messages/{id}/reactions/{emoji}", id, "👍").then().statusCode(200)
                .body("reactions.'👍'.count", equalTo(1)).body("reactions.'👍'.userIds", equalTo(List.of(alice.toString())));
        EventLog.await(roomId, EventTypes.InternalChat.REACTION_REMOVED, "userId", bob.toString());
        as(alice).get("/api/internal-chat/messages/" + id).then().body("reactions.'👍'.count", equalTo(1))
                .body("reactions.'👨‍👩‍👧'.userIds", equalTo(List.of(bob.toString())));
    }

    @Test
    void readStateReceiptsAndIsRead() {
        var roomId = group(alice, "Reads", bob, carol);
        var sent = IntStream.range(0, 3).mapToObj(i -> send(alice, roomId, "پیام " + i)).toList();
        long last = ((Number) sent.getLast().get("seq")).longValue();
        as(bob).get("/api/internal-chat/unread").then().statusCode(200)
                .body("rooms.find { it.roomId == '" + roomId + "' }.count", equalTo((int) last));
        as(alice).get("/api/internal-chat/messages/" + sent.getLast().get("id")).then().body("isRead", equalTo(false))
                .body("readBy", equalTo(0));

        as(bob).body(Map.of("seq", last)).post("/api/internal-chat/rooms/" + roomId + "/read").then().statusCode(200)
                .body("lastReadSeq", equalTo((int) last)).body("userId", equalTo(bob.toString()));
        var read = EventLog.await(roomId, EventTypes.InternalChat.MEMBER_READ, "userId", bob.toString());
        assertEquals(last, read.payload().path("lastReadSeq").asLong());
        assertFalse(read.payload().has("seq"), "a read receipt has no seq field");
        assertTrue(read.payload().hasNonNull("readAt"));
        assertEquals(Set.of(alice, bob, carol), read.audience().users());
        as(bob).get("/api/internal-chat/unread").then().body("rooms.roomId", not(hasItem(roomId)));
        as(bob).get("/api/internal-chat/messages/" + sent.getFirst().get("id")).then().body("isRead", equalTo(true));
        as(alice).get("/api/internal-chat/messages/" + sent.getLast().get("id")).then().body("isRead", equalTo(false))
                .body("readBy", equalTo(1));
        as(alice).get("/api/internal-chat/messages/" + sent.getLast().get("id") + "/receipts").then().statusCode(200)
                .body("userId", equalTo(List.of(bob.toString()))).body("[0].readAt", notNullValue());

        long events = eventCount(roomId);
        as(carol).body(Map.of("seq", last + 1)).post("/api/internal-chat/rooms/" + roomId + "/read").then().statusCode(400);
        as(carol).body(Map.of("seq", -1)).post("/api/internal-chat/rooms/" + roomId + "/read").then().statusCode(400);
        as(carol).body(Map.of()).post("/api/internal-chat/rooms/" + roomId + "/read").then().statusCode(400);
        as(bob).body(Map.of("seq", 1)).post("/api/internal-chat/rooms/" + roomId + "/read").then().statusCode(200)
                .body("lastReadSeq", equalTo((int) last));
        as(outsider).get("/api/internal-chat/messages/" + sent.getLast().get("id") + "/receipts").then().statusCode(404);
        assertEquals(events, eventCount(roomId), "no move, no receipt");

        as(carol).body(Map.of("seq", last)).post("/api/internal-chat/rooms/" + roomId + "/read").then().statusCode(200);
        as(alice).get("/api/internal-chat/messages/" + sent.getLast().get("id")).then().body("isRead", equalTo(true))
                .body("readBy", equalTo(2));
        as(alice).get("/api/internal-chat/unread").then().statusCode(200).body("total", notNullValue());
    }

    @Test
    void historyCursorsAndAroundWithDeletedPlaceholders() {
        var roomId = group(alice, "History", bob);
        var sent = new ArrayList<Map<String, Object>>();
        for (int i = 1; i <= 10; i++) {
            sent.add(send(i % 2 == 0 ? bob : alice, roomId, "پیام " + i));
        }
        long first = ((Number) sent.getFirst().get("seq")).longValue();
        as(alice).delete("/api/internal-chat/messages/" + sent.get(4).get("id")).then().statusCode(204);
        List<Integer> around = as(bob).get("/api/internal-chat/messages?roomId=" + roomId + "&around=" + sent.get(4).get("id") + "&limit=4")
                .then().statusCode(200).extract().path("seq");
        long target = ((Number) sent.get(4).get("seq")).longValue();
        assertEquals(List.of((int) target - 2, (int) target - 1, (int) target, (int) target + 1), around);
        as(bob).get("/api/internal-chat/messages?roomId=" + roomId + "&after=" + first + "&limit=100").then()
                .body("seq", hasSize(9)).body("find { it.seq == " + target + " }.isDeleted", equalTo(true));
        as(bob).get("/api/internal-chat/messages?roomId=" + roomId + "&limit=3").then()
                .body("body", equalTo(List.of("پیام 8", "پیام 9", "پیام 10")));
        as(bob).get("/api/internal-chat/messages?roomId=" + roomId + "&around=" + UUID.randomUUID()).then().statusCode(404);
        as(bob).get("/api/internal-chat/messages?roomId=" + roomId + "&around=" + sent.get(1).get("id") + "&after=1").then().statusCode(400);
        as(bob).get("/api/internal-chat/messages?roomId=" + roomId + "&limit=0").then().statusCode(400);
        as(bob).get("/api/internal-chat/messages").then().statusCode(400);
        as(outsider).get("/api/internal-chat/messages?roomId=" + roomId).then().statusCode(404);
        as(bob).get("/api/internal-chat/rooms").then().body("find { it.id == '" + roomId + "' }.lastMessage.body", equalTo("پیام 10"));
    }

    @Test
    void aSendMovesItsRoomsActivityAndItsSendersReadPositionButNotTheOthers() {
        // a send writes the room's last seq and activity and the sender's read position in its own statement
        // (SendStatements.write), not through Hibernate
        var older = group(carol, "Activity, older", bob);
        var newer = group(carol, "Activity, newer", bob);
        send(carol, newer, "تازه");
        var sent = send(carol, older, "حالا این");
        long seq = ((Number) sent.get("seq")).longValue();
        List<String> mine = as(carol).get("/api/internal-chat/rooms").then().statusCode(200).extract().path("id");
        assertTrue(mine.indexOf(older) >= 0 && mine.indexOf(older) < mine.indexOf(newer),
                "the room sent to last comes first: " + mine);
        as(carol).get("/api/internal-chat/rooms/" + older).then().statusCode(200)
                .body("lastSeq", equalTo((int) seq)).body("lastReadSeq", equalTo((int) seq)).body("unreadCount", equalTo(0))
                .body("lastActivityAt", equalTo(sent.get("createdAt")))
                .body("lastMessage.id", equalTo(sent.get("id")));
        long bobsRead = ((Number) as(bob).get("/api/internal-chat/rooms/" + older).then().statusCode(200)
                .body("lastSeq", equalTo((int) seq)).extract().path("lastReadSeq")).longValue();
        assertTrue(bobsRead < seq, "the other member has not read it: " + bobsRead);
    }

    @Test
    void aSendFromTheJdkHttpClientIsRead() throws Exception {
        // realtime-service forwards a socket's message with java.net.http, whose first request on a connection asks
        // for an h2c upgrade; a send's body is read on the event loop (BodyLimits) for both protocols
        var roomId = group(alice, "Over h2c", bob);
        var body = EventJson.MAPPER.writeValueAsString(Map.of("roomId", roomId, "body", "از سوکت",
                "clientMessageId", UUID.randomUUID()));
        for (var version : List.of(HttpClient.Version.HTTP_2, HttpClient.Version.HTTP_1_1)) {
            try (var http = HttpClient.newBuilder().version(version).build()) {
                var response = http.send(HttpRequest.newBuilder(URI.create(RestAssured.baseURI + ":" + RestAssured.port
                                        + "/api/internal-chat/messages"))
                                .header("Authorization", "Bearer " + TestTokens.staff(alice, WS))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertTrue(response.statusCode() == 201 || response.statusCode() == 200, version + ": " + response);
                assertEquals("از سوکت", EventJson.MAPPER.readTree(response.body()).path("body").asText(), version.name());
            }
        }
    }

    @Test
    void aClientThatWasAwayCatchesUpWithAfterInOrderAndOnce() {
        var roomId = group(alice, "Catch-up", bob);
        long seen = lastSeq(bob, roomId);
        var sent = new ArrayList<Map<String, Object>>();
        for (int i = 0; i < 50; i++) {
            sent.add(send(alice, roomId, "پیام " + i));
        }
        for (int i = 0; i < 50; i += 7) {
            as(alice).body(Map.of("body", "ویرایش " + i)).patch("/api/internal-chat/messages/" + sent.get(i).get("id")).then().statusCode(200);
        }
        for (int i = 3; i < 50; i += 11) {
            as(alice).delete("/api/internal-chat/messages/" + sent.get(i).get("id")).then().statusCode(204);
        }
        var page = as(bob).get("/api/internal-chat/messages?roomId=" + roomId + "&after=" + seen + "&limit=100").then()
                .statusCode(200).extract().jsonPath();
        assertEquals(LongStream.rangeClosed(seen + 1, seen + 50).boxed().toList(), page.getList("seq", Long.class));
        for (int i = 0; i < 50; i++) {
            boolean deleted = i >= 3 && (i - 3) % 11 == 0;
            String expected = deleted ? null : i % 7 == 0 ? "ویرایش " + i : "پیام " + i;
            assertEquals(expected, page.getString("[" + i + "].body"), "message " + i);
            assertEquals(deleted, page.getBoolean("[" + i + "].isDeleted"));
        }
    }

    @Test
    void refusedSendsStoreNothingAndAnnounceNothing() {
        var roomId = group(alice, "Refusals", bob);
        long seq = lastSeq(alice, roomId);
        long events = eventCount(roomId);
        as(outsider).body(Map.of("roomId", roomId, "body", "x", "clientMessageId", UUID.randomUUID()))
                .post("/api/internal-chat/messages").then().statusCode(404);
        as(stranger).body(Map.of("roomId", roomId, "body", "x", "clientMessageId", UUID.randomUUID()))
                .post("/api/internal-chat/messages").then().statusCode(404);
        as(customer).body(Map.of("roomId", roomId, "body", "x", "clientMessageId", UUID.randomUUID()))
                .post("/api/internal-chat/messages").then().statusCode(403);
        as(alice).body(Map.of("roomId", roomId, "body", "", "clientMessageId", UUID.randomUUID()))
                .post("/api/internal-chat/messages").then().statusCode(400);
        as(alice).body(Map.of("roomId", roomId, "body", "x", "clientMessageId", UUID.randomUUID(),
                "links", List.of(Map.of("kind", "INVOICE", "refId", "1", "title", "t")))).post("/api/internal-chat/messages")
                .then().statusCode(400);
        as(alice).body(Map.of("roomId", roomId, "body", "x", "clientMessageId", UUID.randomUUID(),
                "attachmentIds", List.of(UUID.randomUUID()))).post("/api/internal-chat/messages").then().statusCode(400)
                .body("errors.field", hasItem("attachmentIds"));
        assertEquals(seq, lastSeq(alice, roomId));
        assertEquals(events, eventCount(roomId));
        // links to CRM entities travel with the message
        var linked = send(alice, Map.of("roomId", roomId, "body", "سند", "clientMessageId", UUID.randomUUID(),
                "links", List.of(Map.of("kind", "DOCUMENT", "refId", "doc-7", "title", "قرارداد"),
                        Map.of("kind", "TASK", "refId", "t-1", "title", "پیگیری"))));
        assertEquals(List.of("DOCUMENT", "TASK"), ((List<?>) linked.get("links")).stream().map(l -> ((Map<?, ?>) l).get("kind")).toList());
    }

    @Test
    void hostileInputIsA4xxAndChangesNothing() {
        var roomId = group(alice, "Hostile", bob);
        long seq = lastSeq(alice, roomId);
        // PostgreSQL refuses U+0000: it used to be a 500
        as(alice).body("{\"roomId\":\"" + roomId + "\",\"body\":\"a\\u0000b\",\"clientMessageId\":\"" + UUID.randomUUID() + "\"}")
                .post("/api/internal-chat/messages").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", org.hamcrest.Matchers.hasItem("body"));
        as(alice).body(Map.of("title", "a\u0001b")).patch("/api/internal-chat/rooms/" + roomId).then().statusCode(400);
        // a JSON body past 1 MiB is 413 before it is read (uploads alone may be large)
        as(alice).body("{\"roomId\":\"" + roomId + "\",\"body\":\"" + "x".repeat(2 * 1024 * 1024) + "\",\"clientMessageId\":\""
                        + UUID.randomUUID() + "\"}")
                .post("/api/internal-chat/messages").then().statusCode(413).contentType("application/problem+json");
        // huge page numbers, malformed cursors and long id lists
        as(alice).get("/api/internal-chat/search?q=x&page=2147483647").then().statusCode(400);
        as(alice).get("/api/internal-chat/messages?roomId=" + roomId + "&before=99999999999999999999999").then()
                .statusCode(org.hamcrest.Matchers.both(org.hamcrest.Matchers.greaterThanOrEqualTo(400))
                        .and(org.hamcrest.Matchers.lessThan(500)));
        var many = new java.util.ArrayList<UUID>();
        for (int i = 0; i < 11; i++) {
            many.add(UUID.randomUUID());
        }
        as(alice).body(Map.of("roomId", roomId, "body", "x", "clientMessageId", UUID.randomUUID(), "attachmentIds", many))
                .post("/api/internal-chat/messages").then().statusCode(400);
        as(alice).urlEncodingEnabled(false).get("/api/internal-chat/search?q=%00").then().statusCode(400);
        assertEquals(seq, lastSeq(alice, roomId), "nothing was sent");
    }
}
