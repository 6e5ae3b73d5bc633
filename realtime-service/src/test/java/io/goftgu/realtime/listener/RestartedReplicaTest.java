package io.goftgu.realtime.listener;

import io.goftgu.events.EventTypes;
import io.goftgu.events.Topics;
import io.goftgu.realtime.support.Events;
import io.goftgu.testing.KafkaResource;
import io.goftgu.testing.TestTokens;
import io.goftgu.testing.TokensResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static io.goftgu.realtime.support.Sockets.SOON;
import static io.goftgu.realtime.support.Sockets.bearer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * A replica that starts after a deactivation or a role change still refuses the tokens it revoked: its consumer reads
 * the last half hour of identity.events into {@link Revocations} before it is ready. It only remembers them: sockets
 * opened since, with tokens the changes allow, stay open. The consumer is stopped and started here as a restart of
 * the replica would, with the events published while it was down.
 */
@QuarkusTest
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(TokensResource.class)
class RestartedReplicaTest {

    @TestHTTPResource("/ws")
    URI uri;

    @Inject
    DomainEventConsumer consumer;

    private final UUID workspace = UUID.randomUUID();

    @Test
    void aReplicaThatStartsAfterADeactivationStillRefusesTheOldTokenAndActsOnNothingAgain() throws Exception {
        Events.awaitReading(consumer, Topics.IDENTITY);
        var gone = UUID.randomUUID();
        var goneToken = TestTokens.staff(gone, workspace);
        var back = UUID.randomUUID();

        consumer.stop(null);
        Events.publish(Events.identity(EventTypes.Identity.USER_DEACTIVATED, workspace, gone, "ADMIN", false));
        // demoted and made admin again, both before the start: a socket opened with the admin's new token must survive
        Events.publish(Events.identity(EventTypes.Identity.USER_UPDATED, workspace, back, "USER", true));
        Events.publish(Events.identity(EventTypes.Identity.USER_UPDATED, workspace, back, "ADMIN", true));
        Thread.sleep(1_100); // the new token's iat (seconds) lies after the changes
        try (var admin = bearer(uri, TestTokens.staff(back, workspace))) {
            admin.send("{\"type\":\"ping\"}");
            admin.awaitType("pong", SOON);

            consumer.start(null);
            Events.awaitReading(consumer, Topics.IDENTITY);
            try (var again = bearer(uri, goneToken)) {
                assertEquals(1008, again.closed().get(SOON.toSeconds(), TimeUnit.SECONDS),
                        "a token issued before the deactivation cannot open a socket on a replica started after it");
            }
            admin.send("{\"type\":\"ping\"}");
            admin.awaitType("pong", SOON);
            assertFalse(admin.closed().isDone(), "the demotion read back closed nothing");
        }
    }
}
