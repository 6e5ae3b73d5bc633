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
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
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

/**
 * Runs a service's Kafka consumers: each event is handled in its own transaction together with its dedupe row
 * ({@link ProcessedEvents}), so a redelivered event changes nothing. Offsets are committed after the handling
 * commits; a handler that fails is retried with the same event, so order per aggregate holds.
 */
@ApplicationScoped
public class EventSubscriber {

    private static final Duration RETRY_PAUSE = Duration.ofSeconds(1);

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
        var config = new HashMap<String, Object>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.get("bootstrap.servers"));
        config.put(ConsumerConfig.GROUP_ID_CONFIG, consumerName);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        var consumer = new KafkaConsumer<String, byte[]>(config);
        consumers.add(consumer);
        Thread.ofPlatform().name("events-" + consumerName).daemon().start(() -> run(consumer, consumerName, topics, handler));
    }

    private void run(KafkaConsumer<String, byte[]> consumer, String name, List<String> topics,
                     Consumer<EventEnvelope> handler) {
        try (consumer) {
            while (running) {
                try {
                    TopicSetup.ensure(kafka.get("bootstrap.servers"), topics);
                    consumer.subscribe(topics);
                    consume(consumer, name, handler);
                } catch (WakeupException e) {
                    return;
                } catch (RuntimeException e) {
                    Log.errorf("%s: Kafka unavailable (%s), retrying", name, e.getMessage());
                    sleep(RETRY_PAUSE);
                }
            }
        }
    }

    private void consume(KafkaConsumer<String, byte[]> consumer, String name, Consumer<EventEnvelope> handler) {
        while (running) {
            for (var record : consumer.poll(Duration.ofMillis(500))) {
                var partition = new TopicPartition(record.topic(), record.partition());
                try {
                    var event = EventJson.read(record.value());
                    QuarkusTransaction.requiringNew().run(() -> {
                        if (processed.firstDelivery(name, event.id())) {
                            handler.accept(event);
                        }
                    });
                } catch (UncheckedIOException e) {
                    Log.errorf("%s: skipping a record of %s that is not an event: %s", name, partition, e.getMessage());
                } catch (RuntimeException e) {
                    Log.errorf(e, "%s: handling %s@%d failed, retrying", name, partition, record.offset());
                    consumer.seek(partition, record.offset());
                    sleep(RETRY_PAUSE);
                    break;
                }
                consumer.commitSync(Map.of(partition, new OffsetAndMetadata(record.offset() + 1)));
            }
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
