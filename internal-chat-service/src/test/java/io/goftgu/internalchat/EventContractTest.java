package io.goftgu.internalchat;

import io.goftgu.events.EventTypes;
import io.goftgu.events.Topics;
import io.goftgu.testing.TopicContract;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What internal-chat-service writes to {@code internal-chat.events} matches docs/asyncapi/internal-chat.yaml: a room
 * goes through every kind of change over the REST API (the service's own code path), then every record on the
 * topic, these and whatever the other tests of this run produced, is checked against its schema.
 */
@QuarkusTest
class EventContractTest extends ChatTestSupport {

    @Test
    void everyRecordOnTheTopicMatchesItsAsyncApiSchema() {
        var ws = UUID.randomUUID();
        var alice = staff(ws, "Alice");
        var bob = staff(ws, "Bob");
        var carol = staff(ws, "Carol");
        awaitColleagues(alice, 2);

        var room = group(alice, "Contract", bob);
        as(alice).body(Map.of("title", "Contract room", "description", "what the events look like"))
                .patch("/api/internal-chat/rooms/" + room).then().statusCode(200);
        as(alice).body(Map.of("userId", carol)).post("/api/internal-chat/rooms/" + room + "/members")
                .then().statusCode(201);
        as(alice).body(Map.of("role", "MODERATOR", "muted", true)).patch("/api/internal-chat/rooms/" + room + "/members/" + carol)
                .then().statusCode(200);
        var first = send(alice, Map.of("roomId", room, "body", "سلام @Bob", "clientMessageId", UUID.randomUUID(),
                "mentions", List.of(bob),
                "links", List.of(Map.of("kind", "TASK", "refId", "task-17", "title", "Replace toner"))));
        var reply = send(bob, Map.of("roomId", room, "body", "پاسخ", "clientMessageId", UUID.randomUUID(),
                "replyToId", first.get("id")));
        var message = "/api/internal-chat/messages/" + first.get("id");
        as(alice).body(Map.of("body", "سلام دوباره")).patch(message).then().statusCode(200);
        as(bob).put(message + "/reactions/{emoji}", "👍").then().statusCode(200);
        as(bob).delete(message + "/reactions/{emoji}", "👍").then().statusCode(200);
        as(alice).put(message + "/pin").then().statusCode(200);
        as(alice).delete(message + "/pin").then().statusCode(200);
        as(alice).body(Map.of("seq", reply.get("seq"))).post("/api/internal-chat/rooms/" + room + "/read").then().statusCode(200);
        as(bob).delete("/api/internal-chat/messages/" + reply.get("id")).then().statusCode(204);
        as(alice).delete("/api/internal-chat/rooms/" + room + "/members/" + carol).then().statusCode(204);
        // a ticket's discussion: its room carries the ticket and follows it
        var ticket = SupportDesk.opened(ws, "TKT-9001", "Contract ticket", "Reza", bob);
        String discussion = as(alice).post("/api/support-chat/" + ticket.id + "/discussion").then().statusCode(201)
                .extract().path("roomId");
        ticket.change(EventTypes.SupportChat.TICKET_ASSIGNED, t -> t.assigneeId = carol);
        EventLog.await(discussion, EventTypes.InternalChat.MEMBER_ADDED, "userId", carol.toString());

        TopicContract.assertProducedMatch(Topics.INTERNAL_CHAT, Set.of(EventTypes.InternalChat.ROOM_CREATED,
                EventTypes.InternalChat.ROOM_UPDATED, EventTypes.InternalChat.MEMBER_ADDED,
                EventTypes.InternalChat.MEMBER_REMOVED, EventTypes.InternalChat.MEMBER_UPDATED,
                EventTypes.InternalChat.MEMBER_READ, EventTypes.InternalChat.MESSAGE_CREATED,
                EventTypes.InternalChat.MESSAGE_EDITED, EventTypes.InternalChat.MESSAGE_DELETED,
                EventTypes.InternalChat.MESSAGE_PINNED, EventTypes.InternalChat.MESSAGE_UNPINNED,
                EventTypes.InternalChat.REACTION_ADDED, EventTypes.InternalChat.REACTION_REMOVED));
    }
}
