package io.goftgu.outbox;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapSetter;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.common.header.Headers;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Carries a trace across the outbox: the writing request's W3C {@code traceparent} is stored with the event, the
 * relay publishes the record in a PRODUCER span that continues that trace, and the span's context travels in the
 * Kafka record's headers ({@code traceparent}, {@code tracestate}), where consumers (realtime-service) pick it up.
 * With the OpenTelemetry SDK disabled (the default) everything here is a no-op.
 */
@ApplicationScoped
public class OutboxTracing {

    private static final TextMapSetter<Map<String, String>> MAP_SETTER = Map::put;
    private static final TextMapGetter<Map<String, String>> MAP_GETTER = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };
    private static final TextMapSetter<Headers> HEADER_SETTER =
            (headers, key, value) -> headers.remove(key).add(key, value.getBytes(StandardCharsets.UTF_8));

    private final OpenTelemetry openTelemetry;
    private final Tracer tracer;

    OutboxTracing(OpenTelemetry openTelemetry) {
        this.openTelemetry = openTelemetry;
        this.tracer = openTelemetry.getTracer("io.goftgu.outbox");
    }

    /** The current span's traceparent, or null when there is no sampled-or-not valid span (tracing off). */
    String currentTraceParent() {
        if (!Span.current().getSpanContext().isValid()) {
            return null;
        }
        var carrier = new HashMap<String, String>();
        openTelemetry.getPropagators().getTextMapPropagator().inject(Context.current(), carrier, MAP_SETTER);
        return carrier.get("traceparent");
    }

    /**
     * Starts the PRODUCER span of one record, child of the stored traceparent (a new trace when none), and writes
     * its context into the record's headers. The caller ends the span.
     */
    Span startPublish(String topic, String eventType, String traceParent, Headers headers) {
        var parent = traceParent == null ? Context.root() : openTelemetry.getPropagators().getTextMapPropagator()
                .extract(Context.root(), Map.of("traceparent", traceParent), MAP_GETTER);
        var span = tracer.spanBuilder(topic + " publish")
                .setParent(parent)
                .setSpanKind(SpanKind.PRODUCER)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.destination.name", topic)
                .setAttribute("messaging.operation.type", "publish")
                .setAttribute("goftgu.event.type", eventType == null ? "" : eventType)
                .startSpan();
        openTelemetry.getPropagators().getTextMapPropagator().inject(parent.with(span), headers, HEADER_SETTER);
        return span;
    }

    /** The trace context a consumer continues: from a record's headers (empty context when there is none). */
    public Context extract(Headers headers) {
        var carrier = new HashMap<String, String>();
        for (var name : List.of("traceparent", "tracestate")) {
            var header = headers.lastHeader(name);
            if (header != null) {
                carrier.put(name, new String(header.value(), StandardCharsets.UTF_8));
            }
        }
        return openTelemetry.getPropagators().getTextMapPropagator().extract(Context.root(), carrier, MAP_GETTER);
    }
}
