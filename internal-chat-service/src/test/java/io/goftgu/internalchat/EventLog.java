package io.goftgu.internalchat;

import io.goftgu.events.EventEnvelope;
import io.goftgu.events.EventJson;
import io.goftgu.events.Topics;
import io.goftgu.testing.KafkaBroker;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

/** Everything published on {@code internal-chat.events} during the test run, read back from the real broker. */
final class EventLog {

    private static final List<EventEnvelope> EVENTS = new ArrayList<>();
    private static volatile boolean started;

    private EventLog() {
    }

    static synchronized void start() {
        if (started) {
            return;
        }
        started = true;
        Thread.ofPlatform().daemon().name("test-event-log").start(() -> {
            try (var consumer = new KafkaConsumer<String, byte[]>(Map.of(
                    "bootstrap.servers", KafkaBroker.bootstrapServers(),
                    "group.id", "test-log-" + UUID.randomUUID(),
                    "auto.offset.reset", "earliest",
                    "key.deserializer", StringDeserializer.class,
                    "value.deserializer", ByteArrayDeserializer.class))) {
                consumer.subscribe(List.of(Topics.INTERNAL_CHAT));
                while (true) {
                    for (var record : consumer.poll(Duration.ofMillis(100))) {
                        var event = EventJson.read(record.value());
                        synchronized (EVENTS) {
                            EVENTS.add(event);
                        }
                    }
                }
            }
        });
    }

    /** The room's events so far, in sequence order. */
    static List<EventEnvelope> ofRoom(String roomId) {
        var id = UUID.fromString(roomId);
        synchronized (EVENTS) {
            return EVENTS.stream().filter(e -> e.aggregateId().equals(id))
                    .sorted(java.util.Comparator.comparingLong(EventEnvelope::sequence)).toList();
        }
    }

    /** Waits for the first event of the room that matches. */
    static EventEnvelope await(String roomId, Predicate<EventEnvelope> match) {
        start();
        var deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            var found = ofRoom(roomId).stream().filter(match).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        throw new AssertionError("no matching event for room " + roomId + "; saw "
                + ofRoom(roomId).stream().map(EventEnvelope::type).toList());
    }

    static EventEnvelope await(String roomId, String type, String payloadField, String value) {
        return await(roomId, e -> e.type().equals(type) && value.equals(e.payload().path(payloadField).asText()));
    }
}
