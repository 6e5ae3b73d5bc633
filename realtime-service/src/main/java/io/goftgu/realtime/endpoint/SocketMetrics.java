package io.goftgu.realtime.endpoint;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.Startup;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The service's own meters at {@code /q/metrics}: {@code goftgu_realtime_sockets_open} (gauge),
 * {@code goftgu_realtime_frames_out_total{type}} and {@code goftgu_realtime_frames_in_total{type}} (frames written
 * to and read from sockets), {@code goftgu_realtime_delivery_lag_seconds} (event time → frames handed to sockets),
 * {@code goftgu_realtime_frames_waiting} (gauge: handed to sockets, not yet written out),
 * {@code goftgu_realtime_frames_dropped_total} (frames not queued to a socket that stopped reading) and
 * {@code goftgu_realtime_slow_consumer_closes_total}.
 */
@Startup
@Singleton
public class SocketMetrics {

    private final MeterRegistry meters;
    private final Map<String, Counter> framesOut = new ConcurrentHashMap<>();
    private final Map<String, Counter> framesIn = new ConcurrentHashMap<>();
    private final Counter dropped;
    private final Counter slowConsumerCloses;
    private final Timer deliveryLag;

    SocketMetrics(MeterRegistry meters, ConnectionRegistry connections) {
        this.meters = meters;
        Gauge.builder("goftgu.realtime.sockets.open", connections, ConnectionRegistry::size)
                .description("WebSockets open on this replica")
                .strongReference(true)
                .register(meters);
        Gauge.builder("goftgu.realtime.frames.waiting", connections, ConnectionRegistry::waitingFrames)
                .description("Frames handed to sockets and not yet written out")
                .strongReference(true)
                .register(meters);
        dropped = Counter.builder("goftgu.realtime.frames.dropped")
                .description("Frames not queued to a socket whose client fell behind (it is sent resync) or stopped reading").register(meters);
        slowConsumerCloses = Counter.builder("goftgu.realtime.slow.consumer.closes")
                .description("Sockets closed because their client did not read").register(meters);
        deliveryLag = Timer.builder("goftgu.realtime.delivery.lag")
                .description("From the event's commit to its frames being handed to this replica's sockets")
                .publishPercentiles(0.5, 0.99).register(meters);
    }

    public void frameReceived(String frameType) {
        framesIn.computeIfAbsent(frameType, type -> Counter.builder("goftgu.realtime.frames.in")
                .description("Frames read from WebSockets").tag("type", type).register(meters)).increment();
    }

    public void frameDropped() {
        dropped.increment();
    }

    public void slowConsumerClosed() {
        slowConsumerCloses.increment();
    }

    public void deliveryLag(Duration lag) {
        deliveryLag.record(lag.isNegative() ? Duration.ZERO : lag);
    }

    /** One frame of {@code frameType} was written to a socket. */
    public void frameSent(String frameType) {
        framesOut.computeIfAbsent(frameType, type -> Counter.builder("goftgu.realtime.frames.out")
                .description("Frames written to WebSockets")
                .tag("type", type)
                .register(meters)).increment();
    }
}
