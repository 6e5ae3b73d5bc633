package io.goftgu.testing;

import com.fasterxml.jackson.databind.JsonNode;
import io.goftgu.events.EventJson;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A WebSocket client for tests on the JDK's own client: connects with headers (Authorization, Origin, Cookie),
 * records every JSON frame with the nanoTime it arrived, and waits for frames matching a predicate.
 */
public final class TestSocket implements AutoCloseable {

    /** A received frame and {@link System#nanoTime()} at its arrival. */
    public record Frame(JsonNode json, long receivedAtNanos) {
    }

    private final WebSocket socket;
    private final BlockingQueue<Frame> frames = new LinkedBlockingQueue<>();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();

    private TestSocket(URI uri, Map<String, String> headers) {
        var builder = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10));
        headers.forEach(builder::header);
        try {
            socket = builder.buildAsync(uri, new Listener()).get(15, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("WebSocket connect to " + uri + " failed: " + e.getCause(), e.getCause());
        } catch (Exception e) {
            throw new IllegalStateException("WebSocket connect to " + uri + " failed", e);
        }
    }

    /** Opens a socket; throws when the server refuses the upgrade. */
    public static TestSocket connect(URI uri, Map<String, String> headers) {
        return new TestSocket(uri, headers);
    }

    public static TestSocket connect(URI uri, String bearerToken) {
        return connect(uri, Map.of("Authorization", "Bearer " + bearerToken));
    }

    public void send(Object frame) {
        try {
            var text = frame instanceof String s ? s : EventJson.MAPPER.writeValueAsString(frame);
            socket.sendText(text, true).get(5, TimeUnit.SECONDS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException("send failed", e);
        }
    }

    /** The next frame matching {@code match}, skipping others, or an AssertionError after {@code timeout}. */
    public Frame await(Predicate<JsonNode> match, Duration timeout) {
        var deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (true) {
                var frame = frames.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                if (frame == null) {
                    throw new AssertionError("no matching frame within " + timeout);
                }
                if (match.test(frame.json())) {
                    return frame;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted");
        }
    }

    public Frame awaitType(String type, Duration timeout) {
        return await(json -> type.equals(json.path("type").asText()), timeout);
    }

    /** Waits {@code period} and returns the frames that arrived meanwhile (and before). */
    public java.util.List<JsonNode> drain(Duration period) {
        try {
            Thread.sleep(period);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        var all = new java.util.ArrayList<Frame>();
        frames.drainTo(all);
        return all.stream().map(Frame::json).toList();
    }

    /** The close status code the server sent, once it closed the socket. */
    public CompletableFuture<Integer> closed() {
        return closed;
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").orTimeout(2, TimeUnit.SECONDS).exceptionally(e -> null);
        }
        socket.abort();
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                var arrived = System.nanoTime();
                try {
                    frames.add(new Frame(EventJson.MAPPER.readTree(partial.toString()), arrived));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.completeExceptionally(error);
        }
    }
}
