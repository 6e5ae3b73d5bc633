package io.goftgu.realtime.listener;

import io.goftgu.events.EventJson;
import io.goftgu.events.TopicSetup;
import io.goftgu.events.Topics;
import io.goftgu.realtime.config.RealtimeConfig;
import io.goftgu.realtime.endpoint.SocketGuard;
import io.goftgu.realtime.signals.Presence;
import io.goftgu.realtime.signals.Viewers;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetOutOfRangeException;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reads the domain topics on a thread of its own and hands each event to {@link EventDelivery}.
 *
 * <p>Every replica must see every event, because each one delivers only to its own sockets (docs/design.md §4). So the
 * consumer joins no group: it assigns itself every partition of the topics and starts at their end. No group means
 * no rebalance, and no rebalance means no moment where a partition's position is reset to "latest" and events in
 * between are skipped. The positions live in this process: when Kafka is unreachable the client keeps retrying at
 * the same offsets, and when the consumer is rebuilt after a failure it seeks back to where it stopped, so an outage
 * delays events but skips none, unless the topic's retention removed them meanwhile: then it goes on from the end
 * and sends every socket a {@code resync} frame (they refetch by seq). Nothing is committed: a replica that restarts begins at the end, and its sockets
 * (new ones) catch up through the owner's REST API ({@code after=<seq>}), never through a replay here. One thing
 * only is read from before the start: the last half hour of identity.events, into {@link Revocations} and nowhere
 * else, so that a token a deactivation or role change revoked cannot open a socket on a replica that has just
 * started; the replica is not ready until it has read them.
 */
@ApplicationScoped
public class DomainEventConsumer {

    /** Domain events, and typing and presence from every replica. */
    static final List<String> TOPICS = Stream.concat(Topics.DOMAIN.stream(), Stream.of(Topics.REALTIME_SIGNALS)).toList();

    private final RealtimeConfig.Consumer config;
    private final Map<String, Object> kafkaConfig;
    private final EventDelivery delivery;
    private final AccessChanges accessChanges;
    private final Presence presence;
    private final Viewers viewers;
    private final SocketGuard guard;
    private final MeterRegistry meters;
    private final ConsumerTracing tracing;
    private final String clientId = "goftgu-realtime-" + UUID.randomUUID();
    private final Set<TopicPartition> assigned = ConcurrentHashMap.newKeySet();
    /** identity.events partitions read from before the start, and the offset where their reading back ends. */
    private final Map<TopicPartition, Long> lookingBack = new ConcurrentHashMap<>();

    private volatile boolean running;
    private volatile boolean everAssigned;
    private volatile KafkaConsumer<String, byte[]> consumer;
    private Thread thread;

    DomainEventConsumer(RealtimeConfig config, @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
                        EventDelivery delivery, AccessChanges accessChanges, Presence presence, Viewers viewers,
                        SocketGuard guard, MeterRegistry meters, ConsumerTracing tracing) {
        this.viewers = viewers;
        this.config = config.consumer();
        this.kafkaConfig = kafkaConfig;
        this.delivery = delivery;
        this.accessChanges = accessChanges;
        this.presence = presence;
        this.guard = guard;
        this.meters = meters;
        this.tracing = tracing;
    }

    void start(@Observes StartupEvent startup) {
        running = true;
        everAssigned = false;
        assigned.clear();
        lookingBack.clear();
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

    /**
     * Whether this replica has taken every partition of its topics and fixed their positions, and knows the
     * revocations of the last half hour.
     */
    public boolean isAssigned() {
        return running && everAssigned && lookingBack.isEmpty() && thread != null && thread.isAlive();
    }

    public Set<TopicPartition> assignedPartitions() {
        return Set.copyOf(assigned);
    }

    public String clientId() {
        return clientId;
    }

    private void run() {
        var recent = new RecentEvents(config.dedupeWindow());
        // the next offset to read per partition, kept across a rebuilt consumer
        var positions = new HashMap<TopicPartition, Long>();
        while (running) {
            try (var kafka = new KafkaConsumer<String, byte[]>(consumerProperties())) {
                consumer = kafka;
                var partitions = TopicSetup.partitions(kafkaConfig.get("bootstrap.servers"), TOPICS);
                kafka.assign(partitions);
                var fresh = partitions.stream().filter(p -> !positions.containsKey(p)).toList();
                kafka.seekToEnd(fresh);
                lookBack(kafka, fresh);
                for (var partition : partitions) {
                    var at = positions.get(partition);
                    if (at != null) {
                        kafka.seek(partition, at);
                    } else {
                        positions.put(partition, kafka.position(partition));
                    }
                }
                assigned.addAll(partitions);
                everAssigned = true;
                Log.debugf("consumer %s reads %s", clientId, partitions);
                while (running) {
                    guard.awaitRoom(() -> running);
                    ConsumerRecords<String, byte[]> records;
                    try {
                        records = kafka.poll(config.pollTimeout());
                    } catch (OffsetOutOfRangeException e) {
                        // the topic's retention removed events this replica had not read yet (a long outage or
                        // hold-off): they cannot be delivered, so every socket is told to refetch by seq. The
                        // exception names one partition at a time; the others that lost events too are found now, so
                        // sockets get one resync and no later seek skips what is published after it.
                        var lost = new HashSet<>(e.partitions());
                        kafka.beginningOffsets(partitions).forEach((partition, first) -> {
                            if (positions.get(partition) < first) {
                                lost.add(partition);
                            }
                        });
                        Log.warnf("consumer %s skipped events removed by retention on %s", clientId, lost);
                        kafka.seekToEnd(lost);
                        lost.forEach(p -> positions.put(p, kafka.position(p)));
                        lost.forEach(lookingBack::remove);
                        guard.resyncAll("skipped");
                        count("skipped");
                        continue;
                    }
                    for (var partition : records.partitions()) {
                        var batch = records.records(partition);
                        var backUntil = lookingBack.getOrDefault(partition, -1L);
                        batch.forEach(record -> handle(record, recent, record.offset() < backUntil));
                        var next = batch.getLast().offset() + 1;
                        positions.put(partition, next);
                        if (next >= backUntil) {
                            lookingBack.remove(partition);
                        }
                    }
                }
            } catch (WakeupException e) {
                // stop() asked us to leave
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                Log.errorf(e, "Kafka consumer %s failed; reconnecting in %s", clientId, config.retryBackoff());
                everAssigned = false;
                assigned.clear();
                pause(config.retryBackoff());
            } finally {
                consumer = null;
            }
        }
        Log.infof("Kafka consumer %s stopped", clientId);
    }

    /**
     * Fresh identity.events partitions start {@link Revocations#MEMORY} back instead of at their end, up to the end
     * they had now; a partition without events in that time stays at its end.
     */
    private void lookBack(KafkaConsumer<String, byte[]> kafka, List<TopicPartition> fresh) {
        var since = System.currentTimeMillis() - Revocations.MEMORY.toMillis();
        var identity = fresh.stream().filter(p -> p.topic().equals(Topics.IDENTITY))
                .collect(Collectors.toMap(p -> p, p -> since));
        if (identity.isEmpty()) {
            return;
        }
        kafka.offsetsForTimes(identity).forEach((partition, found) -> {
            var end = kafka.position(partition);
            if (found != null && found.offset() < end) {
                kafka.seek(partition, found.offset());
                lookingBack.put(partition, end);
            }
        });
    }

    /**
     * One event, once. An identity event from before the start ({@code fromBefore}, see {@link #lookBack}) only has what
     * it revoked kept; nothing else happens for it.
     */
    private void handle(ConsumerRecord<String, byte[]> record, RecentEvents recent, boolean fromBefore) {
        // the trace of the request that wrote the event continues here (platform/outbox put it in the headers)
        var span = tracing.start(record);
        try (var scope = span.makeCurrent()) {
            var event = EventJson.read(record.value());
            if (!recent.firstTime(event.id())) {
                count("duplicate");
                return;
            }
            if (fromBefore) {
                accessChanges.remember(event);
                return;
            }
            accessChanges.apply(event);
            presence.observe(event);
            viewers.observe(event);
            count(delivery.deliver(event) > 0 ? "delivered" : "no-recipient");
        } catch (RuntimeException e) {
            // one bad record must not stop the stream for everybody
            count("invalid");
            Log.warnf("skipped record %s-%d@%d: %s", record.topic(), record.partition(), record.offset(), e.toString());
            span.recordException(e);
        } finally {
            span.end();
        }
    }

    private void count(String outcome) {
        meters.counter("goftgu.realtime.events", "outcome", outcome).increment();
    }

    private Map<String, Object> consumerProperties() {
        var properties = new HashMap<>(kafkaConfig);
        properties.remove(ConsumerConfig.GROUP_ID_CONFIG);
        properties.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        // never reset silently: a new partition starts at its end (seekToEnd), and a position the topic no longer
        // holds is an OffsetOutOfRangeException, answered with resync frames
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "none");
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // the waiting-frames bound is checked between polls: a smaller poll overshoots it less
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 100);
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
}
