package io.goftgu.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.goftgu.testing.TestSocket;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import static io.goftgu.e2e.Gateway.awaitContact;
import static io.goftgu.e2e.Gateway.call;
import static io.goftgu.e2e.Gateway.login;
import static io.goftgu.e2e.Gateway.newUser;
import static io.goftgu.e2e.Gateway.signUp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every internal-chat frame type, through the gateway and the real services, reaches exactly the room's members:
 * never a colleague outside the room, never another workspace, never a member after their removal. And a client
 * that was offline gets everything it missed, exactly once and in order, by asking for messages after its last seq.
 */
class InternalChatRealtimeIT {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Duration QUIET = Duration.ofMillis(1500);

    private static TestSocket socket(Gateway.Session who) throws Exception {
        return TestSocket.connect(URI.create(LocalStack.shared().ws()), who.token());
    }

    private static Predicate<JsonNode> frame(String type, String roomId) {
        return f -> type.equals(f.path("type").asText()) && roomId.equals(f.path("roomId").asText());
    }

    /** The frames about {@code roomId} that reached a socket in the last moments. */
    private static List<JsonNode> about(TestSocket socket, String roomId) {
        return socket.drain(QUIET).stream().filter(f -> roomId.equals(f.path("roomId").asText())).toList();
    }

    @Test
    void everyFrameTypeReachesTheMembersOnly() throws Exception {
        var slug = "e2e-frames-" + UUID.randomUUID().toString().substring(0, 8);
        signUp(slug, "Ava", "ava@e2e.test");
        var ava = login(slug, "ava@e2e.test");
        var ben = newUser(ava, slug, "Ben", "ben@e2e.test", "ADMIN");
        var dan = newUser(ava, slug, "Dan", "dan@e2e.test", "ADMIN");
        var cyd = newUser(ava, slug, "Cyd", "cyd@e2e.test", "ADMIN");
        var otherSlug = "e2e-frames-other-" + UUID.randomUUID().toString().substring(0, 8);
        signUp(otherSlug, "Xia", "xia@e2e.test");
        var xia = login(otherSlug, "xia@e2e.test");
        awaitContact(ava, ben.userId());
        awaitContact(ava, dan.userId());

        try (var avaSocket = socket(ava); var benSocket = socket(ben); var danSocket = socket(dan);
             var cydSocket = socket(cyd); var xiaSocket = socket(xia)) {
            var room = call("POST", "/api/internal-chat/rooms?type=group", ava.token(),
                    Map.of("title", "گروه فروش", "memberIds", List.of(ben.userId(), dan.userId())), 201);
            var roomId = room.path("id").asText();
            for (var member : List.of(avaSocket, benSocket, danSocket)) {
                member.await(frame("internal-chat:room-updated", roomId), WAIT);
            }

            var message = call("POST", "/api/internal-chat/messages", ava.token(),
                    Map.of("roomId", roomId, "body", "جلسه ساعت ۱۰", "clientMessageId", UUID.randomUUID()), 201);
            var messageId = message.path("id").asText();
            benSocket.await(frame("internal-chat:message", roomId), WAIT);
            danSocket.await(frame("internal-chat:message", roomId), WAIT);

            call("PATCH", "/api/internal-chat/messages/" + messageId, ava.token(), Map.of("body", "جلسه ساعت ۱۱"), 200);
            var edited = benSocket.await(frame("internal-chat:message-edited", roomId), WAIT).json();
            assertEquals("جلسه ساعت ۱۱", edited.path("data").path("body").asText());
            danSocket.await(frame("internal-chat:message-edited", roomId), WAIT);

            var thumbs = URLEncoder.encode("👍", StandardCharsets.UTF_8);
            call("PUT", "/api/internal-chat/messages/" + messageId + "/reactions/" + thumbs, ben.token(), null, 200);
            var reaction = avaSocket.await(frame("internal-chat:reaction", roomId), WAIT).json();
            assertEquals("👍", reaction.path("data").path("emoji").asText());
            danSocket.await(frame("internal-chat:reaction", roomId), WAIT);

            call("POST", "/api/internal-chat/rooms/" + roomId + "/read", ben.token(),
                    Map.of("seq", message.path("seq").asLong()), 200);
            var receipt = avaSocket.await(frame("internal-chat:read-receipt", roomId), WAIT).json();
            assertEquals(ben.userId(), receipt.path("data").path("userId").asText());
            danSocket.await(frame("internal-chat:read-receipt", roomId), WAIT);

            call("PUT", "/api/internal-chat/messages/" + messageId + "/pin", ava.token(), null, 200);
            benSocket.await(f -> frame("internal-chat:message-edited", roomId).test(f)
                    && f.path("data").path("isPinned").asBoolean(), WAIT);

            // the removal reaches the removed member too, and then nothing more does
            call("DELETE", "/api/internal-chat/rooms/" + roomId + "/members/" + dan.userId(), ava.token(), null, 204);
            danSocket.await(frame("internal-chat:room-updated", roomId), WAIT);
            benSocket.await(frame("internal-chat:room-updated", roomId), WAIT);
            danSocket.drain(Duration.ZERO);
            call("DELETE", "/api/internal-chat/messages/" + messageId, ava.token(), null, 204);
            benSocket.await(frame("internal-chat:message-deleted", roomId), WAIT);
            call("POST", "/api/internal-chat/messages", ava.token(),
                    Map.of("roomId", roomId, "body", "بعد از حذف دن", "clientMessageId", UUID.randomUUID()), 201);
            benSocket.await(frame("internal-chat:message", roomId), WAIT);
            assertEquals(List.of(), about(danSocket, roomId), "a removed member hears nothing more of the room");
            call("GET", "/api/internal-chat/rooms/" + roomId, dan.token(), null, 404);

            assertEquals(List.of(), about(cydSocket, roomId), "a colleague outside the room hears nothing of it");
            assertEquals(List.of(), about(xiaSocket, roomId), "another workspace hears nothing of it");
        }
    }

    @Test
    void anOfflineClientCatchesUpExactlyOnceAndInOrder() throws Exception {
        var slug = "e2e-catchup-" + UUID.randomUUID().toString().substring(0, 8);
        signUp(slug, "Ida", "ida@e2e.test");
        var ida = login(slug, "ida@e2e.test");
        var jon = newUser(ida, slug, "Jon", "jon@e2e.test", "ADMIN");
        awaitContact(ida, jon.userId());
        var roomId = call("POST", "/api/internal-chat/rooms?type=direct", ida.token(), Map.of("userId", jon.userId()), 201)
                .path("id").asText();

        long lastSeen;
        try (var jonSocket = socket(jon)) {
            call("POST", "/api/internal-chat/messages", ida.token(),
                    Map.of("roomId", roomId, "body", "قبل از قطع", "clientMessageId", UUID.randomUUID()), 201);
            lastSeen = jonSocket.await(frame("internal-chat:message", roomId), WAIT).json().path("seq").asLong();
        }
        // Jon is offline: 50 messages, some edited, some deleted
        var ids = new ArrayList<String>();
        for (int i = 1; i <= 50; i++) {
            ids.add(call("POST", "/api/internal-chat/messages", ida.token(),
                    Map.of("roomId", roomId, "body", "پیام " + i, "clientMessageId", UUID.randomUUID()), 201)
                    .path("id").asText());
        }
        for (int i = 0; i < 50; i += 7) {
            call("PATCH", "/api/internal-chat/messages/" + ids.get(i), ida.token(), Map.of("body", "ویرایش " + i), 200);
        }
        for (int i = 3; i < 50; i += 11) {
            call("DELETE", "/api/internal-chat/messages/" + ids.get(i), ida.token(), null, 204);
        }

        try (var jonAgain = socket(jon)) {
            var missed = new ArrayList<JsonNode>();
            long after = lastSeen;
            while (true) {
                var page = call("GET", "/api/internal-chat/messages?roomId=" + roomId + "&after=" + after + "&limit=20",
                        jon.token(), null, 200);
                if (page.isEmpty()) {
                    break;
                }
                page.forEach(missed::add);
                after = page.get(page.size() - 1).path("seq").asLong();
            }
            assertEquals(50, missed.size(), "everything missed, exactly once");
            for (int i = 0; i < 50; i++) {
                var m = missed.get(i);
                assertEquals(lastSeen + 1 + i, m.path("seq").asLong(), "in order, without gaps");
                assertEquals(ids.get(i), m.path("id").asText());
                if (i % 11 == 3) {
                    assertTrue(m.path("isDeleted").asBoolean(), "deleted ones are placeholders");
                    assertTrue(m.path("body").isNull());
                } else if (i % 7 == 0) {
                    assertEquals("ویرایش " + i, m.path("body").asText());
                    assertTrue(m.path("isEdited").asBoolean());
                } else {
                    assertEquals("پیام " + (i + 1), m.path("body").asText());
                    assertFalse(m.path("isEdited").asBoolean());
                }
            }
            // and the new socket is live again
            call("POST", "/api/internal-chat/messages", ida.token(),
                    Map.of("roomId", roomId, "body", "خوش برگشتی", "clientMessageId", UUID.randomUUID()), 201);
            assertEquals(lastSeen + 51, jonAgain.await(frame("internal-chat:message", roomId), WAIT).json().path("seq").asLong());
        }
    }
}
