package io.goftgu.realtime.signals;

import io.goftgu.events.EventTypes;
import io.goftgu.events.Topics;
import io.goftgu.realtime.listener.DomainEventConsumer;
import io.goftgu.realtime.support.Events;
import io.goftgu.realtime.support.FakeOwners;
import io.goftgu.testing.KafkaResource;
import io.goftgu.testing.TestSocket;
import io.goftgu.testing.TestTokens;
import io.goftgu.testing.TokensResource;
import io.goftgu.testing.TopicContract;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;

import static io.goftgu.realtime.support.Sockets.SOON;
import static io.goftgu.realtime.support.Sockets.bearer;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What realtime-service writes to {@code realtime.signals} matches docs/asyncapi/realtime-signals.yaml: staff and a
 * guest open sockets, join, type and choose a status (the service's own code paths), then every record on the
 * topic (ticket viewers included), these and whatever the other tests of this run produced, is checked against
 * its schema.
 */
@QuarkusTest
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(TokensResource.class)
@QuarkusTestResource(FakeOwners.class)
class EventContractTest {

    @TestHTTPResource("/ws")
    URI uri;

    @ConfigProperty(name = "goftgu.test.fake-owners-url")
    String owners;

    @Inject
    DomainEventConsumer consumer;

    @Test
    void everyRecordOnTheTopicMatchesItsAsyncApiSchema() {
        Events.awaitReading(consumer, Topics.REALTIME_SIGNALS);
        var workspace = UUID.randomUUID();
        var ali = UUID.randomUUID();
        var mina = UUID.randomUUID();
        var guest = UUID.randomUUID();
        var room = UUID.randomUUID();
        var ticket = UUID.randomUUID();
        FakeOwners.show(owners, "/api/internal-chat/rooms/" + room, "{\"id\":\"" + room + "\",\"members\":[{\"userId\":\""
                + ali + "\"},{\"userId\":\"" + mina + "\"}]}");
        FakeOwners.show(owners, "/api/support-chat/" + ticket, "{\"id\":\"" + ticket + "\",\"requester\":{\"id\":\""
                + guest + "\",\"kind\":\"GUEST\"}}");
        try (var aliSocket = bearer(uri, TestTokens.staff(ali, workspace));
             var minaSocket = bearer(uri, TestTokens.staff(mina, workspace));
             var visitor = bearer(uri, TestTokens.guest(guest, workspace))) {
            // presence: both staff come online (announced once the replica hears itself), then ali is busy
            minaSocket.await(f -> f.path("type").asText().equals("internal-chat:user-status")
                    && f.path("data").toString().contains(ali.toString()), Duration.ofSeconds(20));
            aliSocket.send("{\"type\":\"presence:set\",\"status\":\"busy\"}");

            join(aliSocket, "internal-chat:join", "roomId", room);
            aliSocket.send("{\"type\":\"internal-chat:typing\",\"roomId\":\"" + room + "\",\"isTyping\":true}");
            minaSocket.awaitType("internal-chat:typing", SOON);

            join(aliSocket, "support-chat:join", "ticketId", ticket);
            join(visitor, "support-chat:join", "ticketId", ticket);
            aliSocket.send("{\"type\":\"support-chat:typing\",\"ticketId\":\"" + ticket + "\",\"isTyping\":true}");
            visitor.awaitType("support-chat:typing", SOON);
            visitor.send("{\"type\":\"support-chat:typing\",\"ticketId\":\"" + ticket + "\",\"isTyping\":true}");
            aliSocket.await(f -> f.path("type").asText().equals("support-chat:typing")
                    && f.path("data").path("userId").asText().equals(guest.toString()), SOON);
        }

        TopicContract.assertProducedMatch(Topics.REALTIME_SIGNALS, Set.of(EventTypes.Realtime.TYPING_CHANGED,
                EventTypes.Realtime.TICKET_TYPING_CHANGED, EventTypes.Realtime.PRESENCE_CHANGED,
                EventTypes.Realtime.REPLICA_PRESENCE_REPORTED, EventTypes.Realtime.REPLICA_ALIVE,
                EventTypes.Realtime.REPLICA_VIEWERS_REPORTED));
    }

    private static void join(TestSocket socket, String type, String field, UUID id) {
        var tempId = UUID.randomUUID().toString();
        socket.send("{\"type\":\"" + type + "\",\"" + field + "\":\"" + id + "\",\"tempId\":\"" + tempId + "\"}");
        assertEquals("ack", socket.await(f -> tempId.equals(f.path("tempId").asText()), SOON).json()
                .path("type").asText());
    }
}
