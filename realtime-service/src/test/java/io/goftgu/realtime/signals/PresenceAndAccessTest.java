package io.goftgu.realtime.signals;

import io.goftgu.events.Audience;
import io.goftgu.events.EventJson;
import io.goftgu.events.EventTypes;
import io.goftgu.events.Topics;
import io.goftgu.realtime.listener.DomainEventConsumer;
import io.goftgu.realtime.support.Events;
import io.goftgu.testing.KafkaResource;
import io.goftgu.testing.TestTokens;
import io.goftgu.testing.TokensResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static io.goftgu.realtime.support.Sockets.SOON;
import static io.goftgu.realtime.support.Sockets.bearer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Presence and access changes through the real broker: a staff member's first socket announces them online to the
 * workspace's staff (over {@code realtime.signals}, as another replica would hear it), their last socket offline
 * with a last-seen time; customers and other workspaces hear nothing; a deactivated user's sockets close at once.
 */
@QuarkusTest
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(TokensResource.class)
class PresenceAndAccessTest {

    private static final String STATUS = "internal-chat:user-status";

    @TestHTTPResource("/ws")
    URI uri;

    @Inject
    DomainEventConsumer consumer;

    private final UUID workspace = UUID.randomUUID();

    @BeforeEach
    void consumerOwnsTheSignalsAndIdentityTopics() {
        Events.awaitReading(consumer, Topics.REALTIME_SIGNALS, Topics.IDENTITY);
    }

    @Test
    void staffSeeColleaguesComeOnlineGoOfflineAndChooseAStatus() {
        var watcher = UUID.randomUUID();
        var colleague = UUID.randomUUID();
        try (var staff = bearer(uri, TestTokens.staff(watcher, workspace));
             var customer = bearer(uri, TestTokens.customer(UUID.randomUUID(), workspace));
             var outsider = bearer(uri, TestTokens.staff(UUID.randomUUID(), UUID.randomUUID()))) {
            var tab1 = bearer(uri, TestTokens.staff(colleague, workspace));
            assertEquals("online", statusIn(staff.await(f -> isStatusOf(f, colleague), SOON).json(), colleague)
                    .path("status").asText());
            var agentStatus = staff.await(f -> "support-chat:agent-status".equals(f.path("type").asText())
                    && !statusIn(f, colleague).isMissingNode(), SOON).json();
            assertEquals("online", statusIn(agentStatus, colleague).path("status").asText());

            var tab2 = bearer(uri, TestTokens.staff(colleague, workspace));
            tab2.send("{\"type\":\"presence:set\",\"status\":\"busy\"}");
            staff.await(f -> isStatusOf(f, colleague) && "busy".equals(statusIn(f, colleague).path("status").asText()), SOON);
            tab2.send("{\"type\":\"presence:set\",\"status\":\"sleeping\"}");
            assertEquals("malformed-frame", tab2.awaitType("error", SOON).json().path("code").asText());

            tab1.close();
            // one tab still open: still present, so no offline announcement
            assertFalse(staff.drain(Duration.ofMillis(2500)).stream().anyMatch(f -> isStatusOf(f, colleague)));
            tab2.close();
            var offline = statusIn(staff.await(f -> isStatusOf(f, colleague)
                    && "offline".equals(statusIn(f, colleague).path("status").asText()), SOON).json(), colleague);
            assertEquals("offline", offline.path("status").asText());
            assertFalse(offline.path("lastSeenAt").isNull());

            assertTrue(customer.drain(Duration.ofMillis(300)).stream().noneMatch(f -> STATUS.equals(f.path("type").asText())),
                    "customers are not told staff presence");
            assertTrue(outsider.drain(Duration.ZERO).stream().noneMatch(f -> isStatusOf(f, colleague)),
                    "another workspace hears nothing");
        }
    }

    @Test
    void aDeactivatedUsersSocketsCloseAtOnce() throws Exception {
        var user = UUID.randomUUID();
        var colleague = UUID.randomUUID();
        try (var socket = bearer(uri, TestTokens.staff(user, workspace));
             var other = bearer(uri, TestTokens.staff(colleague, workspace))) {
            socket.send("{\"type\":\"ping\"}");
            socket.awaitType("pong", SOON);
            Events.publish(Events.identity(EventTypes.Identity.USER_DEACTIVATED, workspace, user, "ADMIN", false));
            assertEquals(1008, socket.closed().get(SOON.toSeconds(), TimeUnit.SECONDS));
            other.send("{\"type\":\"ping\"}");
            other.awaitType("pong", SOON);
        }
    }

    @Test
    void aBlockedGuestsSocketsCloseAtOnce() throws Exception {
        var guest = UUID.randomUUID();
        try (var socket = bearer(uri, TestTokens.guest(guest, workspace));
             var other = bearer(uri, TestTokens.guest(UUID.randomUUID(), workspace))) {
            socket.send("{\"type\":\"ping\"}");
            socket.awaitType("pong", SOON);
            Events.publish(Events.event(EventTypes.SupportChat.GUEST_BLOCKED, workspace, guest, 1, Audience.role("ADMIN"),
                    EventJson.MAPPER.createObjectNode().put("id", guest.toString())));
            assertEquals(1008, socket.closed().get(SOON.toSeconds(), TimeUnit.SECONDS));
            other.send("{\"type\":\"ping\"}");
            other.awaitType("pong", SOON);
        }
        // its token cannot open another until staff unblock it
        try (var again = bearer(uri, TestTokens.guest(guest, workspace))) {
            assertEquals(1008, again.closed().get(SOON.toSeconds(), TimeUnit.SECONDS));
        }
        Events.publish(Events.event(EventTypes.SupportChat.GUEST_UNBLOCKED, workspace, guest, 2, Audience.role("ADMIN"),
                EventJson.MAPPER.createObjectNode().put("id", guest.toString())));
        var deadline = System.nanoTime() + SOON.multipliedBy(3).toNanos();
        while (true) {
            try (var unblocked = bearer(uri, TestTokens.guest(guest, workspace))) {
                unblocked.send("{\"type\":\"ping\"}");
                unblocked.awaitType("pong", SOON);
                break;
            } catch (AssertionError | RuntimeException stillBlocked) {
                assertTrue(System.nanoTime() < deadline, "the unblocked guest's token never opened a socket again");
            }
        }
    }

    @Test
    void aDemotedAdminsSocketsCloseAtOnceAndTheOldTokenCannotReopenThem() throws Exception {
        var user = UUID.randomUUID();
        var oldToken = TestTokens.staff(user, workspace);
        Thread.sleep(1_100); // the token's iat (seconds) lies before the change
        try (var socket = bearer(uri, oldToken)) {
            socket.send("{\"type\":\"ping\"}");
            socket.awaitType("pong", SOON);
            var started = System.nanoTime();
            Events.publish(Events.identity(EventTypes.Identity.USER_UPDATED, workspace, user, "USER", true));
            assertEquals(1008, socket.closed().get(SOON.toSeconds(), TimeUnit.SECONDS));
            System.out.printf("demotion closed the admin's socket %d ms after the event was published%n",
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        }
        try (var again = bearer(uri, oldToken)) {
            assertEquals(1008, again.closed().get(SOON.toSeconds(), TimeUnit.SECONDS),
                    "a token issued before the demotion cannot open a socket");
        }
        // a token issued after the change (what a refresh gives) opens one, with the new role
        Thread.sleep(1_100);
        try (var fresh = bearer(uri, TestTokens.customer(user, workspace))) {
            fresh.send("{\"type\":\"ping\"}");
            fresh.awaitType("pong", SOON);
        }
    }

    @Test
    void oneAccountHoldsAtMostTwentySockets() throws Exception {
        var token = TestTokens.guest(UUID.randomUUID(), workspace);
        var open = new java.util.ArrayList<io.goftgu.testing.TestSocket>();
        try {
            for (int i = 0; i < 20; i++) {
                var socket = bearer(uri, token);
                socket.send("{\"type\":\"ping\"}");
                socket.awaitType("pong", SOON);
                open.add(socket);
            }
            try (var extra = bearer(uri, token)) {
                assertEquals(1008, extra.closed().get(SOON.toSeconds(), TimeUnit.SECONDS));
            }
        } finally {
            open.forEach(io.goftgu.testing.TestSocket::close);
        }
    }

    /** Presence frames carry a batch: {@code data} lists the workspace's latest changes, one per user. */
    private static boolean isStatusOf(com.fasterxml.jackson.databind.JsonNode frame, UUID userId) {
        return STATUS.equals(frame.path("type").asText()) && !statusIn(frame, userId).isMissingNode();
    }

    private static com.fasterxml.jackson.databind.JsonNode statusIn(com.fasterxml.jackson.databind.JsonNode frame,
                                                                     UUID userId) {
        for (var change : frame.path("data")) {
            if (userId.toString().equals(change.path("userId").asText())) {
                return change;
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

}
