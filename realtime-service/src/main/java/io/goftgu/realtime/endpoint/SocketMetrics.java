package io.goftgu.realtime.endpoint;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.inject.Singleton;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The service's own meters at {@code /q/metrics}: {@code goftgu_realtime_sockets_open} (gauge) and
 * {@code goftgu_realtime_frames_out_total{type}} (frames written to sockets, by frame type).
 */
@Startup
@Singleton
public class SocketMetrics {

    private final MeterRegistry meters;
    private final Map<String, Counter> framesOut = new ConcurrentHashMap<>();

    SocketMetrics(MeterRegistry meters, ConnectionRegistry connections) {
        this.meters = meters;
        Gauge.builder("goftgu.realtime.sockets.open", connections, ConnectionRegistry::size)
                .description("WebSockets open on this replica")
                .strongReference(true)
                .register(meters);
    }

    /** One frame of {@code frameType} was written to a socket. */
    public void frameSent(String frameType) {
        framesOut.computeIfAbsent(frameType, type -> Counter.builder("goftgu.realtime.frames.out")
                .description("Frames written to WebSockets")
                .tag("type", type)
                .register(meters)).increment();
    }
}
