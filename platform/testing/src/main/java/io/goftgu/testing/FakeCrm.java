package io.goftgu.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

/**
 * A CRM's link lookup endpoint (docs/api.md, "CRM links") as a real HTTP server on loopback, the JDK's own, for the
 * tests of the lookup. It answers by refId: {@code missing} 404, {@code forbidden} 403, {@code secret}
 * {@code visible: false}, {@code broken} 500, {@code garbage} a body that is not JSON, {@code slow} after
 * {@link #SLOW_MILLIS}; any other refId is found, titled {@code "<kind> <refId> from the CRM"}. Every request is
 * recorded, so a test can tell what was asked and that a cached answer asked nothing.
 */
public final class FakeCrm implements AutoCloseable {

    /** Longer than the services' test timeout for the lookup ({@code %test.goftgu.links.lookup-timeout}). */
    public static final long SLOW_MILLIS = 8_000;

    private final HttpServer server;
    private final List<Map<String, String>> requests = new CopyOnWriteArrayList<>();

    public FakeCrm() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/lookup", this::answer);
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
    }

    /** The lookup URL to configure. */
    public String lookupUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/lookup";
    }

    public static String title(String kind, String refId) {
        return kind + " " + refId + " from the CRM";
    }

    /** The query parameters of every request so far, oldest first. */
    public List<Map<String, String>> requests() {
        return List.copyOf(requests);
    }

    /** How many requests asked about {@code refId}. */
    public long asked(String refId) {
        return requests.stream().filter(r -> refId.equals(r.get("refId"))).count();
    }

    private void answer(HttpExchange exchange) throws IOException {
        var raw = exchange.getRequestURI().getRawQuery();
        Map<String, String> query = raw == null ? Map.of() : Arrays.stream(raw.split("&")).map(p -> p.split("=", 2))
                .collect(Collectors.toMap(p -> p[0], p -> p.length < 2 ? "" : URLDecoder.decode(p[1], StandardCharsets.UTF_8),
                        (a, b) -> b));
        requests.add(query);
        var refId = query.getOrDefault("refId", "");
        var kind = query.getOrDefault("kind", "");
        int status = 200;
        var body = "{\"title\":\"" + title(kind, refId).replace("\"", "") + "\",\"visible\":true}";
        switch (refId) {
            case "missing" -> status = 404;
            case "forbidden" -> status = 403;
            case "secret" -> body = "{\"title\":\"Board minutes\",\"visible\":false}";
            case "broken" -> status = 500;
            case "garbage" -> body = "<html>";
            case "slow" -> {
                try {
                    Thread.sleep(SLOW_MILLIS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            default -> {
            }
        }
        var bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        try {
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
        } catch (IOException e) {
            // the caller gave up (a timeout): nothing to answer
        } finally {
            exchange.close();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
