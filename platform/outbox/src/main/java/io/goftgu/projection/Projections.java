package io.goftgu.projection;

import io.goftgu.events.BadPayloadException;
import io.goftgu.events.EventEnvelope;
import io.goftgu.outbox.EventSubscriber;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * How a service keeps a table of its own in step with another service's events (identity, presence): each event
 * once, in its aggregate's order, in a transaction with its dedupe row ({@link EventSubscriber}).
 *
 * <p>A bad payload (one that does not fit its type: {@link BadPayloadException}) is logged, counted in
 * {@code goftgu_projection_events_skipped_total{consumer,type}} and skipped. Retrying it cannot help, since the
 * event never changes, and it would stall every event behind it on the partition (all of a workspace's identity
 * changes); the payload is parsed before anything is written, so skipping leaves the table as it was. Any other
 * failure (the database away) is retried, as {@link EventSubscriber} does.
 */
@ApplicationScoped
public class Projections {

    private final EventSubscriber subscriber;
    private final MeterRegistry meters;

    Projections(EventSubscriber subscriber, MeterRegistry meters) {
        this.subscriber = subscriber;
        this.meters = meters;
    }

    /** Consumes the events of {@code topics} that {@code wanted} accepts as consumer group {@code consumer}. */
    public void subscribe(String consumer, List<String> topics, Predicate<String> wanted, Consumer<EventEnvelope> handler) {
        subscriber.subscribe(consumer, topics, event -> wanted.test(event.type()), event -> apply(consumer, handler, event));
    }

    /** Applies one event, skipping it when its payload is bad; what the subscription runs, for tests too. */
    public void apply(String consumer, Consumer<EventEnvelope> handler, EventEnvelope event) {
        try {
            handler.accept(event);
        } catch (BadPayloadException e) {
            Log.warnf("%s: skipping an event with a bad payload: %s", consumer, e.getMessage());
            Counter.builder("goftgu.projection.events.skipped")
                    .description("Events a projection skipped because their payload did not fit their type")
                    .tag("consumer", consumer).tag("type", event.type())
                    .register(meters).increment();
        }
    }
}
