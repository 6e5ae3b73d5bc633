package io.goftgu.e2e;

import io.goftgu.testing.TestSocket;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static io.goftgu.e2e.Gateway.call;
import static io.goftgu.e2e.Gateway.login;
import static io.goftgu.e2e.Gateway.newUser;
import static io.goftgu.e2e.Gateway.send;
import static io.goftgu.e2e.Gateway.signUp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Revocation at once, through the gateway of a real stack: an admin demotes a colleague and deactivates another;
 * the demoted one's old access token stops listing internal-chat rooms and their socket closes within a second; the
 * deactivated one's old token stops reading support info and their socket closes. Prints how long each took.
 */
class RevocationThroughGatewayIT {

    @Test
    void demotionAndDeactivationTakeEffectAtOnceEverywhere() throws Exception {
        var stack = LocalStack.shared();
        var slug = "e2e-revoke-" + UUID.randomUUID().toString().substring(0, 8);
        signUp(slug, "Owner", "owner@revoke.test");
        var owner = login(slug, "owner@revoke.test");
        var demoted = newUser(owner, slug, "Demoted", "demoted@revoke.test", "ADMIN");
        var leaver = newUser(owner, slug, "Leaver", "leaver@revoke.test", "ADMIN");
        await(() -> send("GET", "/api/internal-chat/rooms", demoted.token(), null).statusCode(), 200, Duration.ofSeconds(30));
        await(() -> send("GET", "/api/support-info", leaver.token(), null).statusCode(), 200, Duration.ofSeconds(30));

        try (var demotedSocket = TestSocket.connect(URI.create(stack.ws()), demoted.token());
             var leaverSocket = TestSocket.connect(URI.create(stack.ws()), leaver.token())) {
            demotedSocket.send(Map.of("type", "ping"));
            demotedSocket.awaitType("pong", Duration.ofSeconds(10));
            leaverSocket.send(Map.of("type", "ping"));
            leaverSocket.awaitType("pong", Duration.ofSeconds(10));

            var started = System.nanoTime();
            call("PATCH", "/api/workspace/users/" + demoted.userId(), owner.token(), Map.of("role", "USER"), 200);
            assertEquals(1008, demotedSocket.closed().get(10, TimeUnit.SECONDS));
            var socketMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            var restMillis = await(() -> send("GET", "/api/internal-chat/rooms", demoted.token(), null).statusCode(), 403,
                    Duration.ofSeconds(10));
            System.out.printf("demotion: socket closed %d ms, old token 403 on internal chat %d ms after the PATCH%n",
                    socketMillis, restMillis);
            assertTrue(socketMillis < 1000, "the demoted admin's socket closed after " + socketMillis + " ms");
            assertEquals(403, send("GET", "/api/workspace/users", demoted.token(), null).statusCode());

            started = System.nanoTime();
            call("PATCH", "/api/workspace/users/" + leaver.userId(), owner.token(), Map.of("active", false), 200);
            assertEquals(1008, leaverSocket.closed().get(10, TimeUnit.SECONDS));
            socketMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            restMillis = await(() -> send("GET", "/api/support-info", leaver.token(), null).statusCode(), 401,
                    Duration.ofSeconds(10));
            System.out.printf("deactivation: socket closed %d ms, old token 401 on support info %d ms after the PATCH%n",
                    socketMillis, restMillis);
            assertEquals(401, send("GET", "/api/support-chat", leaver.token(), null).statusCode());
            assertEquals(401, send("GET", "/api/auth/me", leaver.token(), null).statusCode());
        }
        // the old token cannot open a socket again
        try (var again = TestSocket.connect(URI.create(stack.ws()), demoted.token())) {
            assertEquals(1008, again.closed().get(10, TimeUnit.SECONDS));
        } catch (IllegalStateException refusedAtUpgrade) {
            // refused before the socket opened: as good
        }
    }

    private interface Status {
        int get() throws Exception;
    }

    /** Polls until the status is {@code expected}; returns how many milliseconds that took. */
    private static long await(Status status, int expected, Duration timeout) throws Exception {
        var started = System.nanoTime();
        var deadline = started + timeout.toNanos();
        int last = -1;
        while (System.nanoTime() < deadline) {
            last = status.get();
            if (last == expected) {
                return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            }
            Thread.sleep(50);
        }
        throw new AssertionError("expected " + expected + ", still " + last + " after " + timeout);
    }
}
