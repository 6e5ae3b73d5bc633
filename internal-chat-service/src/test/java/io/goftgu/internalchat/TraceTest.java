package io.goftgu.internalchat;

import io.goftgu.events.Topics;
import io.goftgu.testing.KafkaBroker;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
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

/**
 * A message sent with the gateway's {@code traceparent} (the gateway's proxy forwards its span's context) stays in
 * that trace through this service: the REST server span, the outbox relay's PRODUCER span, and the Kafka record's
 * {@code traceparent} header, from which realtime-service continues (its TraceContinuationTest).
 */
@QuarkusTest
class TraceTest extends ChatTestSupport {

    @Inject
    InMemorySpanExporter spans;

    @Test
    void aSentMessagesRecordCarriesTheRequestsTrace() {
        var workspace = UUID.randomUUID();
        var me = staff(workspace, "Traced One");
        var colleague = staff(workspace, "Traced Two");
        awaitColleagues(me, 1);
        var room = group(me, "traced", colleague);

        var traceId = UUID.randomUUID().toString().replace("-", "");
        var gatewaySpan = "a1b2c3d4e5f60718";
        as(me).header("traceparent", "00-" + traceId + "-" + gatewaySpan + "-01")
                .body(Map.of("roomId", room, "body", "traced hello", "clientMessageId", UUID.randomUUID()))
                .post("/api/internal-chat/messages").then().statusCode(201);

        var record = messageRecord(room);
        var header = record.headers().lastHeader("traceparent");
        assertNotNull(header, "the record carries the trace");
        var parts = new String(header.value(), StandardCharsets.UTF_8).split("-");
        assertEquals(traceId, parts[1], "the gateway's trace id reached Kafka");

        var server = await(traceId, SpanKind.SERVER);
        assertEquals(gatewaySpan, server.getParentSpanId(), "the REST span continues the gateway's");
        var producer = await(traceId, SpanKind.PRODUCER);
        assertEquals(parts[2], producer.getSpanId(), "the header names the relay's span");
        assertEquals(Topics.INTERNAL_CHAT, producer.getAttributes().asMap().entrySet().stream()
                .filter(e -> e.getKey().getKey().equals("messaging.destination.name")).findFirst().orElseThrow()
                .getValue());
    }

    private SpanData await(String traceId, SpanKind kind) {
        var deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            var found = spans.getFinishedSpanItems().stream()
                    .filter(s -> s.getTraceId().equals(traceId) && s.getKind() == kind).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            sleep(20);
        }
        throw new AssertionError("no " + kind + " span in trace " + traceId);
    }

    private static ConsumerRecord<String, String> messageRecord(String room) {
        try (var consumer = new KafkaConsumer<String, String>(Map.of(
                "bootstrap.servers", KafkaBroker.bootstrapServers(),
                "key.deserializer", StringDeserializer.class,
                "value.deserializer", StringDeserializer.class))) {
            var partitions = consumer.partitionsFor(Topics.INTERNAL_CHAT).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            var deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline) {
                for (var record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.key().equals(room) && record.value().contains("internal-chat.message.created")) {
                        return record;
                    }
                }
            }
            throw new AssertionError("no message record for room " + room);
        }
    }
}
