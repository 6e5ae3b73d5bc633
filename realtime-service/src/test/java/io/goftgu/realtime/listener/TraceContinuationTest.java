package io.goftgu.realtime.listener;

import io.goftgu.events.Audience;
import io.goftgu.events.EventJson;
import io.goftgu.events.EventTypes;
import io.goftgu.events.Topics;
import io.goftgu.realtime.support.Events;
import io.goftgu.testing.KafkaBroker;
import io.goftgu.testing.KafkaResource;
import io.goftgu.testing.TokensResource;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The trace a producer's outbox relay puts in a record's {@code traceparent} header continues here: the delivery of
 * the event runs in a CONSUMER span of the same trace, child of the producer's span.
 */
@QuarkusTest
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(TokensResource.class)
class TraceContinuationTest {

    @Inject
    InMemorySpanExporter spans;
    @Inject
    DomainEventConsumer consumer;

    @Test
    void theDeliverySpanContinuesTheTraceFromTheRecordHeaders() throws Exception {
        Events.awaitReading(consumer, Topics.INTERNAL_CHAT);
        var traceId = UUID.randomUUID().toString().replace("-", "");
        var producerSpanId = "00f067aa0ba902b7";
        var event = Events.event(EventTypes.InternalChat.MESSAGE_CREATED, UUID.randomUUID(), UUID.randomUUID(), 1,
                Audience.role("ADMIN"), EventJson.toPayload(Map.of("body", "traced")));
        var record = new ProducerRecord<>(event.topic(), event.aggregateId().toString(),
                EventJson.write(event).getBytes(StandardCharsets.UTF_8));
        record.headers().add("traceparent", ("00-" + traceId + "-" + producerSpanId + "-01").getBytes(StandardCharsets.UTF_8));
        try (var producer = new KafkaProducer<String, byte[]>(Map.of("bootstrap.servers", KafkaBroker.bootstrapServers(),
                "key.serializer", StringSerializer.class, "value.serializer", ByteArraySerializer.class))) {
            producer.send(record).get(15, TimeUnit.SECONDS);
        }

        var deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < deadline) {
            var span = spans.getFinishedSpanItems().stream()
                    .filter(s -> s.getTraceId().equals(traceId) && s.getKind() == SpanKind.CONSUMER).findFirst();
            if (span.isPresent()) {
                assertEquals(producerSpanId, span.get().getParentSpanId());
                assertEquals(Topics.INTERNAL_CHAT + " process", span.get().getName());
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no CONSUMER span in trace " + traceId + ": " + spans.getFinishedSpanItems());
    }
}
