package io.goftgu.outbox;

import io.goftgu.events.Actor;
import io.goftgu.events.Audience;
import io.goftgu.events.EventTypes;
import io.goftgu.events.Topics;
import io.goftgu.testing.KafkaBroker;
import io.goftgu.testing.KafkaResource;
import io.goftgu.testing.PostgresResource;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A trace crosses the outbox: the request that writes an event, the relay's PRODUCER span and the Kafka record's
 * traceparent header share one trace id, and a consumer's extracted context continues it. The relay's meters count
 * what Kafka acknowledged.
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = "database", value = "outbox_test"))
@QuarkusTestResource(KafkaResource.class)
class OutboxObservabilityTest {

    @Inject
    Outbox outbox;
    @Inject
    OutboxTracing tracing;
    @Inject
    OpenTelemetry openTelemetry;
    @Inject
    InMemorySpanExporter spans;
    @Inject
    MeterRegistry meters;

    @Test
    void theWritingRequestsTraceRidesTheRecordHeadersAndTheRelayIsMetered() throws Exception {
        var aggregate = UUID.randomUUID();
        var request = openTelemetry.getTracer("test").spanBuilder("POST /api/internal-chat/rooms/x/messages")
                .setSpanKind(SpanKind.SERVER).startSpan();
        try (var scope = request.makeCurrent()) {
            QuarkusTransaction.requiringNew().run(() -> outbox.add(new NewEvent(
                    EventTypes.InternalChat.MESSAGE_CREATED, UUID.randomUUID(), aggregate, Actor.user(UUID.randomUUID()),
                    Audience.role("ADMIN"), Map.of("body", "hello"))));
        } finally {
            request.end();
        }
        var traceId = request.getSpanContext().getTraceId();

        var record = read(aggregate);
        var header = record.headers().lastHeader("traceparent");
        assertNotNull(header, "the record carries a traceparent header");
        var traceParent = new String(header.value(), StandardCharsets.UTF_8);
        assertEquals(traceId, traceParent.split("-")[1], "same trace as the writing request");

        var producer = awaitSpan(traceId, SpanKind.PRODUCER);
        assertEquals(Topics.INTERNAL_CHAT + " publish", producer.getName());
        assertEquals(request.getSpanContext().getSpanId(), producer.getParentSpanId());
        assertEquals(producer.getSpanId(), traceParent.split("-")[2], "the header names the producer span");

        var consumerContext = Span.fromContext(tracing.extract(record.headers())).getSpanContext();
        assertEquals(traceId, consumerContext.getTraceId());
        assertTrue(consumerContext.isRemote());

        var published = meters.find("goftgu.outbox.events.published")
                .tags("topic", Topics.INTERNAL_CHAT, "type", EventTypes.InternalChat.MESSAGE_CREATED).counter();
        assertNotNull(published);
        assertTrue(published.count() >= 1);
        var lag = meters.find("goftgu.outbox.relay.lag").timer();
        assertNotNull(lag);
        assertTrue(lag.count() >= 1);
    }

    private io.opentelemetry.sdk.trace.data.SpanData awaitSpan(String traceId, SpanKind kind) throws InterruptedException {
        var deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            var found = spans.getFinishedSpanItems().stream()
                    .filter(s -> s.getTraceId().equals(traceId) && s.getKind() == kind).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no " + kind + " span in trace " + traceId + ": " + spans.getFinishedSpanItems());
    }

    private static ConsumerRecord<String, String> read(UUID aggregate) {
        try (var consumer = new KafkaConsumer<String, String>(Map.of(
                "bootstrap.servers", KafkaBroker.bootstrapServers(),
                "key.deserializer", StringDeserializer.class,
                "value.deserializer", StringDeserializer.class))) {
            var deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            var partitions = java.util.List.<TopicPartition>of();
            while (partitions.isEmpty() && System.nanoTime() < deadline) { // the relay's first record creates the topic
                partitions = consumer.partitionsFor(Topics.INTERNAL_CHAT).stream()
                        .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (System.nanoTime() < deadline) {
                for (var record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.key().equals(aggregate.toString())) {
                        return record;
                    }
                }
            }
            throw new AssertionError("no record of " + aggregate);
        }
    }
}
