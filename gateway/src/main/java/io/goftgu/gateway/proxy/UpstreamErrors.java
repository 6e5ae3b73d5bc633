package io.goftgu.gateway.proxy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.goftgu.problem.Problem;
import io.goftgu.problem.ProblemException;
import io.quarkus.logging.Log;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ConnectionPoolTooBusyException;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyResponse;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * A service that cannot be reached answers 502 problem+json instead of the proxy's empty 502; one whose connections
 * and wait queue are all taken ({@code http-pool-size}, {@code http-wait-queue}) answers 503 with {@code Retry-After}
 * at once: it is overloaded, and a client told so early can back off instead of waiting out its own timeout.
 */
@ApplicationScoped
public class UpstreamErrors {

    /** Seconds a client is asked to wait before trying a busy service again. */
    static final String BUSY_RETRY_AFTER = "1";

    private final ObjectMapper json;

    UpstreamErrors(ObjectMapper json) {
        this.json = json;
    }

    ProxyInterceptor forService(String prefix) {
        var unreachable = body(new ProblemException(502, "Bad gateway",
                "the service behind " + prefix + " is not reachable; try again shortly", null).toProblem());
        var busy = body(new ProblemException(503, "Service unavailable",
                "the service behind " + prefix + " is busy; try again in " + BUSY_RETRY_AFTER + " s", null).toProblem());
        return new ProxyInterceptor() {
            @Override
            public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
                return context.sendRequest().recover(error -> {
                    var overloaded = error instanceof ConnectionPoolTooBusyException;
                    if (!overloaded) {
                        Log.warnf("%s: %s %s failed: %s", prefix, context.request().getMethod(),
                                context.request().getURI(), error.getMessage());
                    }
                    var response = context.request().release().response()
                            .setStatusCode(overloaded ? 503 : 502)
                            .putHeader("Content-Type", Problem.MEDIA_TYPE)
                            .setBody(Body.body((overloaded ? busy : unreachable).copy()));
                    if (overloaded) {
                        response.putHeader("Retry-After", BUSY_RETRY_AFTER);
                    }
                    return Future.succeededFuture(response);
                });
            }
        };
    }

    private Buffer body(Problem problem) {
        try {
            return Buffer.buffer(json.writeValueAsBytes(problem));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
