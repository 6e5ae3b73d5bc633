package io.goftgu.realtime.support;

import io.goftgu.testing.TestSocket;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.function.BooleanSupplier;

/** Socket and timing helpers shared by the tests. */
public final class Sockets {

    public static final String DASHBOARD_ORIGIN = "http://localhost:8080";
    public static final Duration SOON = Duration.ofSeconds(10);

    private Sockets() {
    }

    /** {@code http://host:port/ws} as the test injects it → {@code ws://host:port/ws}. */
    public static URI ws(URI http) {
        return URI.create(http.toString().replaceFirst("^http", "ws"));
    }

    public static TestSocket bearer(URI http, String token) {
        return TestSocket.connect(ws(http), Map.of("Authorization", "Bearer " + token));
    }

    public static void await(String what, BooleanSupplier condition) {
        var deadline = System.nanoTime() + SOON.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted");
            }
        }
    }
}
