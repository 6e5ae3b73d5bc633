package io.goftgu.e2e;

import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An OTLP/HTTP endpoint on loopback that the end-to-end stack's services export their spans to (protobuf, as the
 * OpenTelemetry exporters send it, decoded with OpenTelemetry's own protocol classes). It keeps, per trace id, the
 * names of the services that sent a span of it: enough to follow one request across processes.
 */
final class TraceCollector implements AutoCloseable {

    private final HttpServer server;
    private final Map<String, Set<String>> servicesByTrace = new ConcurrentHashMap<>();

    TraceCollector() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            try (exchange) {
                var request = ExportTraceServiceRequest.parseFrom(exchange.getRequestBody().readAllBytes());
                for (var resourceSpans : request.getResourceSpansList()) {
                    var service = resourceSpans.getResource().getAttributesList().stream()
                            .filter(a -> a.getKey().equals("service.name"))
                            .map(a -> a.getValue().getStringValue()).findFirst().orElse("?");
                    for (var scope : resourceSpans.getScopeSpansList()) {
                        for (var span : scope.getSpansList()) {
                            servicesByTrace.computeIfAbsent(HexFormat.of().formatHex(span.getTraceId().toByteArray()),
                                    id -> ConcurrentHashMap.newKeySet()).add(service);
                        }
                    }
                }
                exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
                exchange.sendResponseHeaders(200, -1);
            } catch (IOException | RuntimeException e) {
                exchange.sendResponseHeaders(400, -1);
            }
        });
        server.start();
    }

    /** The base URL for {@code QUARKUS_OTEL_EXPORTER_OTLP_TRACES_ENDPOINT}. */
    String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The services that have exported a span of {@code traceId} (32 hex digits) so far. */
    Set<String> services(String traceId) {
        return Set.copyOf(servicesByTrace.getOrDefault(traceId, Set.of()));
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
