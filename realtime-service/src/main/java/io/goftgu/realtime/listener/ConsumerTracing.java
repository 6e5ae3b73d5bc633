package io.goftgu.realtime.listener;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;

/**
 * Continues the trace a domain event carries in its Kafka record headers ({@code traceparent}, written by the
 * producer's outbox relay, platform/outbox) with a CONSUMER span around its delivery to sockets, so one message is
 * one trace from the gateway to this replica. A no-op while the OpenTelemetry SDK is disabled (the default).
 */
@Singleton
public class ConsumerTracing {

    private static final TextMapGetter<ConsumerRecord<String, byte[]>> HEADERS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(ConsumerRecord<String, byte[]> record) {
            var keys = new ArrayList<String>();
            for (Header header : record.headers()) {
                keys.add(header.key());
            }
            return keys;
        }

        @Override
        public String get(ConsumerRecord<String, byte[]> record, String key) {
            if (record == null) {
                return null;
            }
            var header = record.headers().lastHeader(key);
            return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
        }
    };

    private final OpenTelemetry openTelemetry;
    private final Tracer tracer;

    ConsumerTracing(OpenTelemetry openTelemetry) {
        this.openTelemetry = openTelemetry;
        this.tracer = openTelemetry.getTracer("io.goftgu.realtime");
    }

    /** Starts the CONSUMER span of one record, child of the producer's context from its headers. */
    Span start(ConsumerRecord<String, byte[]> record) {
        var parent = openTelemetry.getPropagators().getTextMapPropagator().extract(Context.root(), record, HEADERS);
        return tracer.spanBuilder(record.topic() + " process")
                .setParent(parent)
                .setSpanKind(SpanKind.CONSUMER)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.destination.name", record.topic())
                .setAttribute("messaging.operation.type", "process")
                .setAttribute("messaging.kafka.offset", record.offset())
                .startSpan();
    }
}
