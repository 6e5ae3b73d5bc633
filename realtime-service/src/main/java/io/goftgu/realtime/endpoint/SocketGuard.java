package io.goftgu.realtime.endpoint;

import io.goftgu.realtime.config.RealtimeConfig;
import io.goftgu.realtime.domain.FrameTypes;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.websockets.next.CloseReason;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocketFrameType;
import io.vertx.core.http.impl.ws.WebSocketFrameImpl;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BooleanSupplier;

/**
 * Keeps every socket from harming the others, and sockets in step with what their holder may still do:
 * <ul>
 * <li>writes are never awaited; a socket whose frames wait and none is written out for {@code stall-timeout} (its
 *     client stopped reading) is closed with {@link #SLOW_CONSUMER}, so the rest never wait for it; one that has
 *     {@code max-unwritten-frames} waiting gets no more frames (they are dropped, so its memory stays bounded) until
 *     it has written out half of them, and then one {@code resync} frame, so its client refetches by seq what it
 *     missed instead of silently missing it;</li>
 * <li>client frames have a budget; spending past it gets an error frame and {@link #POLICY} close;</li>
 * <li>a socket whose token expired is closed ({@link #POLICY}); so is one that showed no life (no frame, no pong
 *     to the server's pings) for {@code idle-timeout} ({@link #GOING_AWAY});</li>
 * <li>on shutdown every socket is told to reconnect elsewhere ({@link #RESTARTING}) before the server stops;</li>
 * <li>when too many frames wait across all sockets ({@code max-waiting-frames}), the Kafka consumer holds off
 *     ({@link #awaitRoom}), so an overload's backlog stays in Kafka instead of filling the heap.</li>
 * </ul>
 */
@ApplicationScoped
public class SocketGuard {

    /** RFC 6455: the endpoint is going away (an idle socket). */
    public static final int GOING_AWAY = 1001;
    /** RFC 6455: policy violation (token expired, account deactivated, too many frames). */
    public static final int POLICY = 1008;
    /** RFC 6455: the service is restarting; reconnect (to another replica) and catch up by seq. */
    public static final int RESTARTING = 1012;
    /** Application code: the client did not read its frames fast enough; reconnect and catch up by seq. */
    public static final int SLOW_CONSUMER = 4008;

    private final ConnectionRegistry registry;
    private final SocketMetrics metrics;
    private final RealtimeConfig.Limits limits;
    private final long stallNanos;
    private final Buffer resync = Buffer.buffer("{\"type\":\"" + FrameTypes.RESYNC + "\",\"reason\":\"overflow\"}");
    /**
     * Frames handed to any socket and not yet written out or given up, closing sockets included: never less than
     * {@link ConnectionRegistry#waitingFrames()}, and one read instead of a walk over every socket.
     */
    private final LongAdder handedOut = new LongAdder();

    SocketGuard(ConnectionRegistry registry, SocketMetrics metrics, RealtimeConfig config) {
        this.registry = registry;
        this.metrics = metrics;
        this.limits = config.limits();
        this.stallNanos = limits.stallTimeout().toNanos();
    }

    public SocketState newState(long tokenExpiresAtMillis) {
        return new SocketState(tokenExpiresAtMillis, limits.frameBurst(), limits.checkBurst());
    }

    /** One check with an owner service on this socket's behalf; false when its budget is spent (nothing is asked). */
    public boolean admitCheck(ClientSocket socket) {
        return socket.state().admitCheck(limits.checksPerSecond(), limits.checkBurst());
    }

    public int maxSocketsPerPrincipal() {
        return limits.maxSocketsPerPrincipal();
    }

    public int maxJoined() {
        return limits.maxJoined();
    }

    /** Hands a frame to the socket without waiting for it; cuts the socket when its client has stopped reading. */
    public void send(ClientSocket socket, String frameType, String json) {
        send(socket, frameType, Buffer.buffer(json));
    }

    /**
     * Hands a text frame, already encoded as UTF-8, to the socket without waiting for it; cuts the socket when its
     * client has stopped reading. One event's frame is encoded once and these same bytes handed to each of its
     * sockets: every write reads them through its own slice, and the heap buffer is never released, so sharing it is
     * safe.
     */
    public void send(ClientSocket socket, String frameType, Buffer utf8) {
        var state = socket.state();
        if (state.isClosing()) {
            return;
        }
        var waiting = state.queued();
        handedOut.increment();
        if (state.stalled(System.nanoTime(), stallNanos)) {
            written(state);
            metrics.frameDropped();
            cutSlowConsumer(socket);
            return;
        }
        if (waiting > limits.maxUnwrittenFrames()) {
            // it reads, but slower than its frames come: drop this one and tell it to resync once it caught up
            written(state);
            state.dropped();
            metrics.frameDropped();
            return;
        }
        var frame = new WebSocketFrameImpl(WebSocketFrameType.TEXT, utf8.getByteBuf(), true);
        socket.webSocket().writeFrame(frame, written -> {
            written(state);
            if (written.succeeded()) {
                metrics.frameSent(frameType);
                if (state.unwritten() <= limits.maxUnwrittenFrames() / 2 && state.takeResync()) {
                    send(socket, FrameTypes.RESYNC, resync);
                }
            } else {
                Log.debugf("frame %s not written to socket %s: %s", frameType, socket.connectionId(), written.cause());
            }
        });
    }

    private void written(SocketState state) {
        state.written();
        handedOut.decrement();
    }

    /**
     * Tells every socket of this replica to refetch by seq: events were skipped (the consumer's position fell out of
     * the topic's retention), so any of them may have missed frames.
     */
    public void resyncAll(String reason) {
        var frame = Buffer.buffer("{\"type\":\"" + FrameTypes.RESYNC + "\",\"reason\":\"" + reason + "\"}");
        registry.all().forEach(socket -> send(socket, FrameTypes.RESYNC, frame));
    }

    /**
     * Holds the caller while more than {@code max-waiting-frames} frames wait across all sockets. Clients that read
     * drain their frames and a client that stopped reading is cut after the stall timeout, so the wait ends. It is
     * asked before every poll of the Kafka consumer: the sockets are walked only when the running count says the
     * bound may be passed (the walk before every poll was a tenth of the consumer's time at 1,000 sockets,
     * docs/benchmarks.md).
     */
    public void awaitRoom(BooleanSupplier stillWanted) throws InterruptedException {
        while (stillWanted.getAsBoolean() && handedOut.sum() > limits.maxWaitingFrames()
                && registry.waitingFrames() > limits.maxWaitingFrames()) {
            Thread.sleep(20);
        }
    }

    /** A client frame arrived: counts as life; false when the socket spent its frame budget (it is then closed). */
    public boolean admit(ClientSocket socket) {
        var state = socket.state();
        state.sawLife();
        if (state.admitFrame(limits.framesPerSecond(), limits.frameBurst())) {
            return true;
        }
        send(socket, "error", "{\"type\":\"error\",\"code\":\"rate-limited\",\"message\":\"too many frames\"}");
        close(socket, POLICY, "too many frames");
        return false;
    }

    public void pong(ClientSocket socket) {
        socket.state().sawLife();
    }

    @Scheduled(every = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        var now = System.nanoTime();
        var nowMillis = System.currentTimeMillis();
        var idle = limits.idleTimeout().toNanos();
        for (var socket : registry.all()) {
            if (socket.state().stalled(now, stallNanos)) {
                cutSlowConsumer(socket);
            } else if (socket.state().tokenExpired(nowMillis)) {
                close(socket, POLICY, "token expired: sign in again");
            } else if (socket.state().silentNanos(now) > idle) {
                close(socket, GOING_AWAY, "idle");
            }
        }
    }

    /** Tells every client to reconnect elsewhere before this replica stops, and waits briefly for the closes. */
    void onShutdown(@Observes @Priority(1) ShutdownEvent event) {
        var closing = registry.all().stream()
                .map(socket -> socket.connection().close(new CloseReason(RESTARTING, "service restarting"))
                        .subscribeAsCompletionStage().toCompletableFuture().exceptionally(e -> null))
                .toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(closing).get(Duration.ofSeconds(5).toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            Log.debugf("not every socket closed cleanly on shutdown: %s", e.toString());
        }
    }

    private void cutSlowConsumer(ClientSocket socket) {
        if (close(socket, SLOW_CONSUMER, "slow consumer: reconnect and catch up by seq")) {
            metrics.slowConsumerClosed();
        }
    }

    /** Closes once; returns true for the call that did it. */
    public boolean close(ClientSocket socket, int code, String reason) {
        if (!socket.state().startClosing()) {
            return false;
        }
        socket.connection().close(new CloseReason(code, reason)).subscribe().with(done -> { },
                failure -> Log.debugf("closing socket %s: %s", socket.connectionId(), failure.toString()));
        return true;
    }
}
