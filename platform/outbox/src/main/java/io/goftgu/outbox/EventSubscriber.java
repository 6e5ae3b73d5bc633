package io.goftgu.outbox;

import io.goftgu.events.EventEnvelope;
import io.goftgu.events.EventJson;
import io.goftgu.events.TopicSetup;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RebalanceInProgressException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Runs a service's Kafka consumers: each event is handled in its own transaction together with its dedupe row
 * ({@link ProcessedEvents}), so a redelivered event changes nothing. Offsets are committed after the handling
 * commits, at most once a second; a handler that fails is retried with the same event, so order per aggregate holds.
 */
@ApplicationScoped
public class EventSubscriber {

    private static final Duration RETRY_PAUSE = Duration.ofSeconds(1);
    /** How often handled offsets are committed, at most. */
    static final Duration COMMIT_EVERY = Duration.ofSeconds(1);

    private final Map<String, Object> kafka;
    private final ProcessedEvents processed;
    private final List<KafkaConsumer<String, byte[]>> consumers = new CopyOnWriteArrayList<>();
    private volatile boolean running = true;

    EventSubscriber(@Identifier("default-kafka-broker") Map<String, Object> kafka, ProcessedEvents processed) {
        this.kafka = kafka;
        this.processed = processed;
    }

    /**
     * Starts consuming {@code topics} as consumer group {@code consumerName}, from the beginning of the topics the
     * first time the group runs.
     */
    public void subscribe(String consumerName, List<String> topics, Consumer<EventEnvelope> handler) {
        subscribe(consumerName, topics, event -> true, handler);
    }

    /**
     * Like {@link #subscribe(String, List, Consumer)}, for the events {@code wanted} accepts; the others (heartbeats,
     * typing on a shared topic, messages that concern no one here) are passed over without a transaction or a dedupe
     * row. {@code wanted} is asked in order, after the events ahead of it were handled.
     */
    public void subscribe(String consumerName, List<String> topics, Predicate<EventEnvelope> wanted,
                          Consumer<EventEnvelope> handler) {
        var config = new HashMap<String, Object>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.get("bootstrap.servers"));
        config.put(ConsumerConfig.GROUP_ID_CONFIG, consumerName);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        var consumer = new KafkaConsumer<String, byte[]>(config);
        consumers.add(consumer);
        Thread.ofPlatform().name("events-" + consumerName).daemon()
                .start(() -> run(consumer, consumerName, topics, wanted, handler));
    }

    private void run(KafkaConsumer<String, byte[]> consumer, String name, List<String> topics,
                     Predicate<EventEnvelope> wanted, Consumer<EventEnvelope> handler) {
        try (consumer) {
            while (running) {
                try {
                    TopicSetup.ensure(kafka.get("bootstrap.servers"), topics);
                    consumer.subscribe(topics);
                    consume(consumer, name, wanted, handler);
                } catch (WakeupException e) {
                    return;
                } catch (RuntimeException e) {
                    Log.errorf("%s: Kafka unavailable (%s), retrying", name, e.getMessage());
                    sleep(RETRY_PAUSE);
                }
            }
        }
    }

    /**
     * Handles each polled record in order. When a handler fails, every partition of the batch is put back at its first
     * record not yet handled (the poll had moved them all past the batch), so the failed event is retried and nothing
     * behind it is skipped.
     *
     * <p>Offsets are committed at most every {@link #COMMIT_EVERY} (and when the consumer stops), not after every
     * poll: at a steady rate a poll holds one record, and a synchronous commit each time was a round trip and a write
     * to {@code __consumer_offsets} per event. Handling is idempotent (the dedupe row commits with the handler's
     * change), so the events a crash or a rebalance sends again after an older committed offset change nothing.
     */
    private void consume(KafkaConsumer<String, byte[]> consumer, String name, Predicate<EventEnvelope> wanted,
                         Consumer<EventEnvelope> handler) {
        var uncommitted = new HashMap<TopicPartition, OffsetAndMetadata>();
        long lastCommit = System.nanoTime();
        try {
            while (running) {
                var records = consumer.poll(Duration.ofMillis(500));
                var handled = new HashMap<TopicPartition, OffsetAndMetadata>();
                for (var record : records) {
                    var partition = new TopicPartition(record.topic(), record.partition());
                    try {
                        var event = EventJson.read(record.value());
                        if (wanted.test(event)) {
                            QuarkusTransaction.requiringNew().run(() -> {
                                if (processed.firstDelivery(name, event.id())) {
                                    handler.accept(event);
                                }
                            });
                        }
                    } catch (UncheckedIOException e) {
                        Log.errorf("%s: skipping a record of %s that is not an event: %s", name, partition, e.getMessage());
                    } catch (RuntimeException e) {
                        Log.errorf(e, "%s: handling %s@%d failed, retrying", name, partition, record.offset());
                        for (var polled : records.partitions()) {
                            var done = handled.get(polled);
                            consumer.seek(polled, done != null ? done.offset() : records.records(polled).getFirst().offset());
                        }
                        sleep(RETRY_PAUSE);
                        break;
                    }
                    handled.put(partition, new OffsetAndMetadata(record.offset() + 1));
                }
                uncommitted.putAll(handled);
                if (!uncommitted.isEmpty() && System.nanoTime() - lastCommit >= COMMIT_EVERY.toNanos()) {
                    try {
                        consumer.commitSync(uncommitted);
                    } catch (CommitFailedException | RebalanceInProgressException e) {
                        // partitions moved to another replica meanwhile: it replays from the older offset, deduplicated
                        Log.debugf("%s: offsets not committed (%s)", name, e.getMessage());
                    }
                    uncommitted.clear();
                    lastCommit = System.nanoTime();
                }
            }
        } finally {
            commitOnLeaving(consumer, name, uncommitted);
        }
    }

    /** What was handled since the last commit, committed as the consumer stops or fails (best effort: it is replayable). */
    private static void commitOnLeaving(KafkaConsumer<String, byte[]> consumer, String name,
                                        Map<TopicPartition, OffsetAndMetadata> uncommitted) {
        if (uncommitted.isEmpty()) {
            return;
        }
        try {
            consumer.commitSync(uncommitted, COMMIT_EVERY);
        } catch (RuntimeException e) {
            Log.debugf("%s: offsets not committed on leaving (%s); those events come again and are deduplicated",
                    name, e.getMessage());
        }
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    void onShutdown(@Observes ShutdownEvent event) {
        running = false;
        consumers.forEach(KafkaConsumer::wakeup);
    }
}
