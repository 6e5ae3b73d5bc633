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
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RebalanceInProgressException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
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
 * A consumer that can wait ({@link #subscribeInBatches}) is fetched for once per wait and handles each poll's events
 * in one transaction, each still with its own dedupe row.
 */
@ApplicationScoped
public class EventSubscriber {

    private static final Duration RETRY_PAUSE = Duration.ofSeconds(1);
    private static final Duration POLL = Duration.ofMillis(500);
    /** A patient consumer's {@code fetch.min.bytes}: far above what arrives in its wait, so the wait decides. */
    static final int PATIENT_FETCH_BYTES = 1 << 20;
    /** A patient consumer's longest wait: its fetch must be answered well within Kafka's 30 s request timeout. */
    static final Duration LONGEST_WAIT = Duration.ofSeconds(10);
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
        start(consumerName, topics, Duration.ZERO, wanted, handler);
    }

    /**
     * Like {@link #subscribe(String, List, Predicate, Consumer)}, for a consumer that can wait up to {@code maxWait}
     * for its events (mails due minutes later, not what a person watches live). The broker answers its fetch when
     * {@code maxWait} passed (or {@value #PATIENT_FETCH_BYTES} bytes are there) rather than for each event, and the
     * events of one poll are handled together in ONE transaction, in order, each still with its own dedupe row;
     * {@code wanted} is then asked inside that transaction, after the events ahead of it were handled. When that
     * transaction fails it rolls back, and the same events are handled one by one as {@code subscribe} does: a
     * failing event is retried alone and nothing behind it is skipped. The handler must keep all its effects in the
     * transaction (a rolled-back batch is handled again).
     */
    public void subscribeInBatches(String consumerName, List<String> topics, Duration maxWait,
                                   Predicate<EventEnvelope> wanted, Consumer<EventEnvelope> handler) {
        if (maxWait.toMillis() < 1 || maxWait.compareTo(LONGEST_WAIT) > 0) {
            throw new IllegalArgumentException(consumerName + ": a batch waits from 1 ms to " + LONGEST_WAIT
                    + ", not " + maxWait);
        }
        start(consumerName, topics, maxWait, wanted, handler);
    }

    /** {@code maxWait} zero: every event in its own transaction, fetched as soon as it is there. */
    private void start(String consumerName, List<String> topics, Duration maxWait, Predicate<EventEnvelope> wanted,
                       Consumer<EventEnvelope> handler) {
        var config = new HashMap<String, Object>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.get("bootstrap.servers"));
        config.put(ConsumerConfig.GROUP_ID_CONFIG, consumerName);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        if (!maxWait.isZero()) {
            config.put(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, PATIENT_FETCH_BYTES);
            config.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, (int) maxWait.toMillis());
        } else {
            config.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, TopicSetup.IDLE_FETCH_WAIT_MS);
        }
        var consumer = new KafkaConsumer<String, byte[]>(config);
        consumers.add(consumer);
        Thread.ofPlatform().name("events-" + consumerName).daemon()
                .start(() -> run(consumer, consumerName, topics, maxWait, wanted, handler));
    }

    private void run(KafkaConsumer<String, byte[]> consumer, String name, List<String> topics, Duration maxWait,
                     Predicate<EventEnvelope> wanted, Consumer<EventEnvelope> handler) {
        try (consumer) {
            while (running) {
                try {
                    TopicSetup.ensure(kafka.get("bootstrap.servers"), topics);
                    consumer.subscribe(topics);
                    consume(consumer, name, maxWait, wanted, handler);
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
     * Handles the polled records in order: together ({@link #handleTogether}) when {@code maxWait} is above zero,
     * otherwise (and when together failed) one by one ({@link #handleEach}).
     *
     * <p>Offsets are committed at most every {@link #COMMIT_EVERY} (and when the consumer stops), not after every
     * poll: at a steady rate a poll holds one record, and a synchronous commit each time was a round trip and a write
     * to {@code __consumer_offsets} per event. Handling is idempotent (the dedupe row commits with the handler's
     * change), so the events a crash or a rebalance sends again after an older committed offset change nothing.
     */
    private void consume(KafkaConsumer<String, byte[]> consumer, String name, Duration maxWait,
                         Predicate<EventEnvelope> wanted, Consumer<EventEnvelope> handler) {
        var uncommitted = new HashMap<TopicPartition, OffsetAndMetadata>();
        long lastCommit = System.nanoTime();
        // a patient consumer's fetch is answered after maxWait: the poll waits for it rather than spinning meanwhile
        var pollTimeout = maxWait.compareTo(POLL) > 0 ? maxWait : POLL;
        try {
            while (running) {
                var records = consumer.poll(pollTimeout);
                if (!records.isEmpty()) {
                    uncommitted.putAll(!maxWait.isZero() && handleTogether(name, records, wanted, handler)
                            ? next(records) : handleEach(consumer, name, records, wanted, handler));
                }
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

    /**
     * Handles the events of {@code records} in one transaction, each deduplicated by its own row, in order. Returns
     * false when it failed: the transaction rolled back, and the caller hands the same records to {@link #handleEach}.
     */
    private boolean handleTogether(String name, ConsumerRecords<String, byte[]> records,
                                   Predicate<EventEnvelope> wanted, Consumer<EventEnvelope> handler) {
        var events = new ArrayList<EventEnvelope>(records.count());
        for (var record : records) {
            var event = read(name, record);
            if (event != null) {
                events.add(event);
            }
        }
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                for (var event : events) {
                    if (wanted.test(event) && processed.firstDelivery(name, event.id())) {
                        handler.accept(event);
                    }
                }
            });
            return true;
        } catch (RuntimeException e) {
            Log.warnf(e, "%s: handling %d events together failed, handling them one by one", name, events.size());
            return false;
        }
    }

    /**
     * Handles each record in its own transaction, in order, and returns the offsets to commit. When a handler fails,
     * every partition of the batch is put back at its first record not yet handled (the poll had moved them all past
     * the batch), so the failed event is retried and nothing behind it is skipped.
     */
    private Map<TopicPartition, OffsetAndMetadata> handleEach(KafkaConsumer<String, byte[]> consumer, String name,
                                                              ConsumerRecords<String, byte[]> records,
                                                              Predicate<EventEnvelope> wanted,
                                                              Consumer<EventEnvelope> handler) {
        var handled = new HashMap<TopicPartition, OffsetAndMetadata>();
        for (var record : records) {
            var partition = new TopicPartition(record.topic(), record.partition());
            try {
                var event = read(name, record);
                if (event != null && wanted.test(event)) {
                    QuarkusTransaction.requiringNew().run(() -> {
                        if (processed.firstDelivery(name, event.id())) {
                            handler.accept(event);
                        }
                    });
                }
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
        return handled;
    }

    /** The record's event, or null (logged) when it is not one: such a record is skipped, retrying cannot help. */
    private static EventEnvelope read(String name, ConsumerRecord<String, byte[]> record) {
        try {
            return EventJson.read(record.value());
        } catch (UncheckedIOException e) {
            Log.errorf("%s: skipping a record of %s-%d that is not an event: %s", name, record.topic(),
                    record.partition(), e.getMessage());
            return null;
        }
    }

    /** Each polled partition's offset after its last record. */
    private static Map<TopicPartition, OffsetAndMetadata> next(ConsumerRecords<String, byte[]> records) {
        var next = new HashMap<TopicPartition, OffsetAndMetadata>();
        for (var partition : records.partitions()) {
            next.put(partition, new OffsetAndMetadata(records.records(partition).getLast().offset() + 1));
        }
        return next;
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
