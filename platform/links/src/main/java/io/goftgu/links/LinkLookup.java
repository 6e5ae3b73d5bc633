package io.goftgu.links;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.goftgu.events.EventJson;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Asks a workspace's CRM whether a refId exists and may be seen by a user, and what it is called: one GET of
 * {@code lookupUrl?workspaceId=..&userId=..&kind=..&refId=..} answered by {@code {"title": "...", "visible": true}}
 * (docs/api.md, "CRM links"). The JDK's HTTP client, no redirects followed, a timeout, at most {@value #MAX_BODY}
 * bytes of answer read. Definite answers (found, refused) are cached per lookup URL, workspace, user, kind and refId
 * for {@link LinkConfig#cacheTtl()}; a failure is not, so the next try asks again.
 */
@ApplicationScoped
public class LinkLookup {

    static final int MAX_BODY = 16 * 1024;
    static final int MAX_TITLE = 300;

    /** What the lookup said. */
    public enum Outcome {
        /** The refId exists and the user may see it; {@link Answer#title()} may be null. */
        FOUND,
        /** Not found, gone or not visible to the user (404, 403, 410, or {@code visible: false}). */
        REFUSED,
        /** No answer to trust: timeout, connection refused, 5xx, another status, a body that is not the contract. */
        UNVERIFIED
    }

    public record Answer(Outcome outcome, String title, String reason) {
    }

    /** One link to ask about. */
    public record Ref(String kind, String refId) {
    }

    private record Key(String lookupUrl, UUID workspaceId, UUID userId, String kind, String refId) {
    }

    private final HttpClient client;
    private final Duration timeout;
    private final boolean allowLoopback;
    private final Cache<Key, Answer> answers;

    @Inject
    LinkLookup(LinkConfig config) {
        this(config.lookupTimeout(), config.cacheTtl(), config.cacheSize(), config.allowLoopback());
    }

    LinkLookup(Duration timeout, Duration ttl, long size, boolean allowLoopback) {
        this.timeout = timeout;
        this.allowLoopback = allowLoopback;
        this.client = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.answers = Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(size).build();
    }

    /** The lookup's answer for {@code refId} of {@code kind} seen by {@code userId}; never throws. */
    public Answer check(String lookupUrl, UUID workspaceId, UUID userId, String kind, String refId) {
        var key = new Key(lookupUrl, workspaceId, userId, kind, refId);
        var cached = answers.getIfPresent(key);
        if (cached != null) {
            return cached;
        }
        var answer = ask(key);
        if (answer.outcome() != Outcome.UNVERIFIED) {
            answers.put(key, answer);
        }
        return answer;
    }

    /**
     * {@link #check} for each of {@code refs}, asked at once on virtual threads: a request with several links waits for
     * the slowest answer, not for the sum of them. Answers in the order of {@code refs}.
     */
    public List<Answer> checkAll(String lookupUrl, UUID workspaceId, UUID userId, List<Ref> refs) {
        if (refs.size() <= 1) {
            return refs.stream().map(ref -> check(lookupUrl, workspaceId, userId, ref.kind(), ref.refId())).toList();
        }
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            var asked = refs.stream().map(ref -> threads.submit(
                    () -> check(lookupUrl, workspaceId, userId, ref.kind(), ref.refId()))).toList();
            return asked.stream().map(LinkLookup::answerOf).toList();
        }
    }

    private static Answer answerOf(Future<Answer> asked) {
        try {
            return asked.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return unverified("interrupted");
        } catch (ExecutionException e) {
            // check never throws; an Error on its thread is still an unanswered lookup, never a 5xx
            return unverified("the lookup failed");
        }
    }

    private Answer ask(Key key) {
        URI uri = URI.create(key.lookupUrl() + (key.lookupUrl().contains("?") ? "&" : "?")
                + "workspaceId=" + key.workspaceId() + "&userId=" + key.userId()
                + "&kind=" + key.kind() + "&refId=" + URLEncoder.encode(key.refId(), StandardCharsets.UTF_8));
        var blocked = blockedAddress(uri.getHost());
        if (blocked != null) {
            Log.warnf("CRM lookup %s not called: %s", uri.getHost(), blocked);
            return unverified(blocked);
        }
        var request = HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", "application/json").GET().build();
        try {
            var response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                return switch (response.statusCode()) {
                    case 200 -> found(body.readNBytes(MAX_BODY));
                    case 403 -> new Answer(Outcome.REFUSED, null, "is not visible to you");
                    case 404, 410 -> new Answer(Outcome.REFUSED, null, "was not found");
                    default -> unverified("the lookup answered " + response.statusCode());
                };
            }
        } catch (java.net.http.HttpTimeoutException e) {
            return unverified("the lookup did not answer within " + timeout.toMillis() + " ms");
        } catch (IOException e) {
            return unverified("the lookup could not be reached");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return unverified("interrupted");
        }
    }

    private static Answer found(byte[] body) {
        JsonNode json;
        try {
            json = EventJson.MAPPER.readTree(body);
        } catch (IOException e) {
            return unverified("the lookup's answer is not JSON");
        }
        if (json == null || !json.isObject()) {
            return unverified("the lookup's answer is not a JSON object");
        }
        if (json.path("visible").isBoolean() && !json.path("visible").booleanValue()) {
            return new Answer(Outcome.REFUSED, null, "is not visible to you");
        }
        var title = json.path("title").isTextual() ? json.path("title").textValue().strip() : "";
        if (title.length() > MAX_TITLE) {
            title = title.substring(0, MAX_TITLE);
        }
        return new Answer(Outcome.FOUND, title.isEmpty() ? null : title, null);
    }

    private static Answer unverified(String reason) {
        return new Answer(Outcome.UNVERIFIED, null, reason);
    }

    /**
     * Why the host may not be called, or null. Every address it resolves to is checked: link-local (cloud metadata
     * at 169.254.169.254), the any-address and multicast never; loopback only when configured. The HTTP client
     * resolves the name again, so a name that changes its answer between the two (DNS rebinding) is not stopped
     * here (docs/security.md, "CRM lookup").
     */
    private String blockedAddress(String host) {
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            return "its host does not resolve";
        }
        for (var address : addresses) {
            if (address.isLinkLocalAddress() || address.isAnyLocalAddress() || address.isMulticastAddress()) {
                return "its host is a link-local, any or multicast address";
            }
            if (address.isLoopbackAddress() && !allowLoopback) {
                return "its host is a loopback address";
            }
        }
        return null;
    }
}
