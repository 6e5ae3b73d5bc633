package io.goftgu.testing;

import com.fasterxml.jackson.databind.JsonNode;
import io.goftgu.events.EventJson;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks what a producer really wrote to a topic against {@code docs/asyncapi} ({@link AsyncApi}): every record on
 * the topic of the test broker, from the beginning, must match the schema of its type and be keyed by its
 * aggregate id, and each expected type must be among them (so the test that drives the producer proves it covered
 * them). Reads with manual partition assignment: no consumer group, nothing left behind.
 */
public final class TopicContract {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private TopicContract() {
    }

    /**
     * Reads {@code topic} until every type of {@code expectedTypes} was seen and the end of the topic is reached,
     * then fails with every mismatch and every missing type. Returns the records read, in partition order.
     */
    public static List<JsonNode> assertProducedMatch(String topic, Set<String> expectedTypes) {
        var seenTypes = new TreeSet<String>();
        var records = new ArrayList<JsonNode>();
        var problems = new ArrayList<String>();
        try (var consumer = new KafkaConsumer<String, String>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.bootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class))) {
            var partitions = consumer.partitionsFor(topic, TIMEOUT).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            var deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (true) {
                for (var record : consumer.poll(Duration.ofMillis(200))) {
                    JsonNode value;
                    try {
                        value = EventJson.MAPPER.readTree(record.value());
                    } catch (IOException e) {
                        problems.add("offset " + record.offset() + " of " + record.topic() + " is not JSON: " + e.getMessage());
                        continue;
                    }
                    records.add(value);
                    seenTypes.add(value.path("type").asText());
                    problems.addAll(AsyncApi.documents().violations(value));
                    if (!value.path("aggregateId").asText().equals(record.key())) {
                        problems.add(value.path("type").asText() + ": record key " + record.key()
                                + " is not the aggregate id " + value.path("aggregateId").asText());
                    }
                }
                var atEnd = consumer.endOffsets(partitions).entrySet().stream()
                        .allMatch(end -> consumer.position(end.getKey()) >= end.getValue());
                if (atEnd && seenTypes.containsAll(expectedTypes) || System.nanoTime() > deadline) {
                    break;
                }
            }
        }
        var missing = new TreeSet<>(expectedTypes);
        missing.removeAll(seenTypes);
        if (!missing.isEmpty()) {
            problems.add("never published on " + topic + " within " + TIMEOUT + ": " + missing);
        }
        if (!problems.isEmpty()) {
            throw new AssertionError(problems.size() + " contract problem(s) on " + topic + " ("
                    + records.size() + " records read):\n" + String.join("\n", problems.stream().distinct().toList()));
        }
        return records;
    }
}
