package io.goftgu.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The outbox's meters at {@code /q/metrics} of every service that publishes events:
 * {@code goftgu_outbox_events_published_total{topic,type}} (events Kafka acknowledged — messages sent, tickets
 * created, SLA breaches and every other domain fact, by event type), {@code goftgu_outbox_relay_lag_seconds}
 * (from the event's commit to Kafka's acknowledgement) and {@code goftgu_outbox_publish_failures_total{topic}}.
 */
@ApplicationScoped
public class OutboxMetrics {

    private final MeterRegistry meters;
    private final Map<String, Counter> published = new ConcurrentHashMap<>();
    private final Map<String, Counter> failures = new ConcurrentHashMap<>();
    private final Timer lag;

    OutboxMetrics(MeterRegistry meters) {
        this.meters = meters;
        this.lag = Timer.builder("goftgu.outbox.relay.lag")
                .description("From an event's commit to Kafka's acknowledgement of its record")
                .publishPercentiles(0.5, 0.99)
                .register(meters);
    }

    void published(String topic, String type, Duration sinceCommit) {
        var eventType = type == null ? "unknown" : type;
        published.computeIfAbsent(topic + "|" + eventType, key -> Counter.builder("goftgu.outbox.events.published")
                .description("Domain events published to Kafka")
                .tag("topic", topic).tag("type", eventType)
                .register(meters)).increment();
        lag.record(sinceCommit.isNegative() ? Duration.ZERO : sinceCommit);
    }

    void failed(String topic) {
        failures.computeIfAbsent(topic, key -> Counter.builder("goftgu.outbox.publish.failures")
                .description("Records Kafka did not acknowledge (retried by the next relay pass)")
                .tag("topic", topic)
                .register(meters)).increment();
    }
}
