package io.goftgu.gateway.proxy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.goftgu.problem.Problem;
import io.goftgu.problem.ProblemException;
import io.quarkus.logging.Log;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyResponse;
import jakarta.enterprise.context.ApplicationScoped;

/** A service that cannot be reached answers 502 problem+json instead of the proxy's empty 502. */
@ApplicationScoped
public class UpstreamErrors {

    private final ObjectMapper json;

    UpstreamErrors(ObjectMapper json) {
        this.json = json;
    }

    ProxyInterceptor forService(String prefix) {
        var body = body(new ProblemException(502, "Bad gateway",
                "the service behind " + prefix + " is not reachable; try again shortly", null).toProblem());
        return new ProxyInterceptor() {
            @Override
            public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
                return context.sendRequest().recover(error -> {
                    Log.warnf("%s: %s %s failed: %s", prefix, context.request().getMethod(), context.request().getURI(),
                            error.getMessage());
                    var response = context.request().release().response()
                            .setStatusCode(502)
                            .putHeader("Content-Type", Problem.MEDIA_TYPE)
                            .setBody(Body.body(body.copy()));
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
