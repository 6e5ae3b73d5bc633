package io.goftgu.logging;

import jakarta.ws.rs.container.ContainerRequestContext;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.util.regex.Pattern;

/**
 * Puts the gateway's {@code X-Request-Id} (it sets one on every request and sends it upstream) into the logging
 * context as {@code requestId}, so every log line written while a REST request is handled carries it; the JSON logs
 * of the prod profile print it beside OpenTelemetry's {@code traceId} and {@code spanId} (docs/operations.md).
 */
public class RequestIdLogging {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    @ServerRequestFilter(preMatching = true)
    public void enter(ContainerRequestContext request) {
        var id = request.getHeaderString(HEADER);
        if (id != null && SANE.matcher(id).matches()) {
            MDC.put(MDC_KEY, id);
        } else {
            MDC.remove(MDC_KEY);
        }
    }

    @ServerResponseFilter
    public void leave() {
        MDC.remove(MDC_KEY);
    }
}
