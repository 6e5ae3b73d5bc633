package io.goftgu.internalchat.rest;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The HTTP body ceiling ({@code quarkus.http.limits.max-body-size}, 101 MiB) exists for uploads; every other endpoint
 * takes JSON of a few KiB, so anything but {@code POST /api/internal-chat/attachments} may send at most
 * {@code internal-chat.max-json-body} (1 MiB): a larger declared body is 413 before a byte of it is read, and a body
 * without a declared length (chunked) is 411.
 */
@ApplicationScoped
public class BodyLimits {

    static final String UPLOADS = "/api/internal-chat/attachments";

    private final long maxJsonBody;

    BodyLimits(@ConfigProperty(name = "internal-chat.max-json-body", defaultValue = "1048576") long maxJsonBody) {
        this.maxJsonBody = maxJsonBody;
    }

    void register(@Observes Router router) {
        router.route().order(-900).handler(this::check);
    }

    void check(RoutingContext context) {
        var request = context.request();
        var method = request.method().name();
        if (method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS") || method.equals("DELETE")
                || (method.equals("POST") && UPLOADS.equals(request.path()))) {
            context.next();
            return;
        }
        var length = request.getHeader("Content-Length");
        if (length == null) {
            if (request.getHeader("Transfer-Encoding") != null) {
                refuse(context, 411, "Length required", "send the body with a Content-Length");
                return;
            }
            context.next();
            return;
        }
        long declared;
        try {
            declared = Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            refuse(context, 400, "Bad request", "Content-Length is not a number");
            return;
        }
        if (declared > maxJsonBody) {
            refuse(context, 413, "Content too large", "this endpoint accepts at most " + maxJsonBody + " bytes");
            return;
        }
        context.next();
    }

    private static void refuse(RoutingContext context, int status, String title, String detail) {
        var problem = new JsonObject().put("type", "https://goftgu.io/problems/" + status).put("title", title)
                .put("status", status).put("detail", detail);
        // no "Connection: close": it is prohibited in HTTP/2 (h2c clients refuse the answer); Vert.x discards the
        // unread body itself
        context.response().setStatusCode(status).putHeader("Content-Type", "application/problem+json")
                .end(problem.encode());
    }
}
