package io.goftgu.realtime.listener;

import io.goftgu.events.EventJson;
import io.goftgu.events.TopicSetup;
import io.goftgu.events.Topics;
import io.goftgu.realtime.config.RealtimeConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Reads the domain topics on a thread of its own and hands each event to {@link EventDelivery}.
 *
 * <p>Every replica must see every event, because each one delivers only to its own sockets (DESIGN.md §4): the
 * consumer group id is unique per process and the consumer starts at the end of each partition
 * ({@code auto.offset.reset=latest}); nothing is committed, since a socket that missed events catches up through
 * the owner's REST API ({@code after=<seq>}), never through a replay here.
 */
@ApplicationScoped
public class DomainEventConsumer {

    /** Domain events, and typing and presence from every replica. */
    static final List<String> TOPICS = Stream.concat(Topics.DOMAIN.stream(), Stream.of(Topics.REALTIME_SIGNALS)).toList();

    private final RealtimeConfig.Consumer config;
    private final Map<String, Object> kafkaConfig;
    private final EventDelivery delivery;
    private final AccessChanges accessChanges;
    private final MeterRegistry meters;
    private final String groupId;
    private final Set<TopicPartition> assigned = ConcurrentHashMap.newKeySet();

    private volatile boolean running;
    private volatile boolean everAssigned;
    private volatile KafkaConsumer<String, byte[]> consumer;
    private Thread thread;

    DomainEventConsumer(RealtimeConfig config, @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
                        EventDelivery delivery, AccessChanges accessChanges, MeterRegistry meters) {
        this.config = config.consumer();
        this.kafkaConfig = kafkaConfig;
        this.delivery = delivery;
        this.accessChanges = accessChanges;
        this.meters = meters;
        this.groupId = this.config.groupPrefix() + UUID.randomUUID();
    }

    void start(@Observes StartupEvent startup) {
        running = true;
        thread = Thread.ofPlatform().name("realtime-event-consumer").daemon().start(this::run);
    }

    void stop(@Observes ShutdownEvent shutdown) throws InterruptedException {
        running = false;
        var current = consumer;
        if (current != null) {
            current.wakeup();
        }
        if (thread != null) {
            thread.join(Duration.ofSeconds(10));
        }
    }

    /** Whether the group has handed this replica its partitions and their positions are fixed. */
    public boolean isAssigned() {
        return running && everAssigned && thread != null && thread.isAlive();
    }

    public Set<TopicPartition> assignedPartitions() {
        return Set.copyOf(assigned);
    }

    public String groupId() {
        return groupId;
    }

    private void run() {
        var recent = new RecentEvents(config.dedupeWindow());
        while (running) {
            try (var kafka = new KafkaConsumer<String, byte[]>(consumerProperties())) {
                consumer = kafka;
                TopicSetup.ensure(kafkaConfig.get("bootstrap.servers"), TOPICS);
                kafka.subscribe(TOPICS, new Positions(kafka));
                while (running) {
                    for (var record : kafka.poll(config.pollTimeout())) {
                        handle(record, recent);
                    }
                }
            } catch (WakeupException e) {
                // stop() asked us to leave
            } catch (RuntimeException e) {
                Log.errorf(e, "Kafka consumer %s failed; reconnecting in %s", groupId, config.retryBackoff());
                everAssigned = false;
                assigned.clear();
                pause(config.retryBackoff());
            } finally {
                consumer = null;
            }
        }
        Log.infof("Kafka consumer %s stopped", groupId);
    }

    private void handle(ConsumerRecord<String, byte[]> record, RecentEvents recent) {
        try {
            var event = EventJson.read(record.value());
            if (!recent.firstTime(event.id())) {
                count("duplicate");
                return;
            }
            accessChanges.apply(event);
            count(delivery.deliver(event) > 0 ? "delivered" : "no-recipient");
        } catch (RuntimeException e) {
            // one bad record must not stop the stream for everybody
            count("invalid");
            Log.warnf("skipped record %s-%d@%d: %s", record.topic(), record.partition(), record.offset(), e.toString());
        }
    }

    private void count(String outcome) {
        meters.counter("goftgu.realtime.events", "outcome", outcome).increment();
    }

    private Map<String, Object> consumerProperties() {
        var properties = new HashMap<>(kafkaConfig);
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        properties.put(ConsumerConfig.CLIENT_ID_CONFIG, groupId);
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        return properties;
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Fixes each new partition's position at once, so that an event published after readiness is never skipped. */
    private final class Positions implements ConsumerRebalanceListener {
        private final KafkaConsumer<String, byte[]> kafka;

        Positions(KafkaConsumer<String, byte[]> kafka) {
            this.kafka = kafka;
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            partitions.forEach(kafka::position);
            assigned.addAll(partitions);
            everAssigned = true;
            Log.debugf("consumer %s assigned %s", groupId, partitions);
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            assigned.removeAll(partitions);
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            assigned.removeAll(partitions);
        }
    }
}
