package io.goftgu.gateway.proxy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.goftgu.gateway.config.GatewayConfig;
import io.goftgu.problem.ProblemException;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

/**
 * The client of support-chat's internal, non-public API ({@code /internal/support-chat/...}, docs/design.md §5). Every call
 * carries {@code X-Goftgu-Internal} = {@code goftgu.internal-secret}; the secret comes from configuration only, never
 * from a client (the routes strip every client-sent {@code X-Goftgu-*} header, and the public endpoints never copy
 * client headers here). Answers are returned as they came; a support chat that cannot be reached, fails (5xx), or
 * refuses the secret (a misconfiguration, not the caller's fault) is a 502 problem. Several support chat replicas
 * ({@code GOFTGU_SUPPORT_CHAT_URL} a list) take the calls in turn, with the failover of {@link Upstreams}.
 */
@ApplicationScoped
public class SupportChatInternal {

    public static final String SECRET_HEADER = "X-Goftgu-Internal";

    /** A status and body as support chat answered them. */
    public record Answer(int status, byte[] body) {
    }

    private final HttpClient http;
    private final ObjectMapper json;
    private final Upstreams supportChat;
    private final String secret;
    private final Duration timeout;

    SupportChatInternal(GatewayConfig config, ObjectMapper json) {
        this.json = json;
        this.supportChat = Upstreams.parse("support chat internal API", config.routes().supportChat());
        this.secret = config.internalSecret();
        this.timeout = config.publicSupport().upstreamTimeout();
        this.http = HttpClient.newBuilder()
                .connectTimeout(config.routes().connectTimeout())
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** {@code POST /internal/support-chat/guests/start}. */
    public Answer startGuest(Object body, String requestId) {
        try {
            return call("/internal/support-chat/guests/start", HttpRequest.newBuilder()
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body))), requestId);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code GET /internal/support-chat/workspaces/{id}/categories}. */
    public Answer categories(UUID workspaceId, String requestId) {
        return call("/internal/support-chat/workspaces/" + workspaceId + "/categories", HttpRequest.newBuilder().GET(),
                requestId);
    }

    /** {@code GET /internal/support-chat/workspaces/{id}/widget}: allowed origins and appearance of the widget. */
    public Answer widget(UUID workspaceId, String requestId) {
        return call("/internal/support-chat/workspaces/" + workspaceId + "/widget", HttpRequest.newBuilder().GET(),
                requestId);
    }

    /**
     * Tries support chat's replicas in {@link Upstreams} order. Only a failure to connect moves on to the next one,
     * because then nothing was sent; any other failure may have reached support chat and is the caller's 502.
     */
    private Answer call(String path, HttpRequest.Builder request, String requestId) {
        request.timeout(timeout).header(SECRET_HEADER, secret).header("Accept", "application/json");
        if (requestId != null) {
            request.header("X-Request-Id", requestId);
        }
        HttpRequest built = null;
        HttpResponse<byte[]> response = null;
        try {
            var origins = supportChat.order().iterator();
            while (response == null) {
                var origin = origins.next();
                built = request.uri(URI.create(origin.base() + path)).build();
                try {
                    response = http.send(built, HttpResponse.BodyHandlers.ofByteArray());
                    supportChat.connected(origin);
                } catch (ConnectException | HttpConnectTimeoutException e) {
                    supportChat.failed(origin, e);
                    if (!origins.hasNext()) {
                        throw e;
                    }
                }
            }
        } catch (IOException e) {
            Log.warnf("support chat internal API: %s %s failed: %s", built.method(), path, e.toString());
            throw badGateway("support chat is not reachable; try again shortly");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw badGateway("interrupted while calling support chat");
        }
        var status = response.statusCode();
        if (status == 401 || status == 403 && response.body().length == 0) {
            Log.errorf("support chat refused the gateway's internal secret (%d): check GOFTGU_INTERNAL_SECRET", status);
            throw badGateway("support chat refused the gateway; try again later");
        }
        if (status >= 500) {
            Log.warnf("support chat internal API: %s %s answered %d", built.method(), path, status);
            throw badGateway("support chat failed to answer; try again shortly");
        }
        return new Answer(status, response.body());
    }

    private static ProblemException badGateway(String detail) {
        return new ProblemException(502, "Bad gateway", detail, null);
    }
}
