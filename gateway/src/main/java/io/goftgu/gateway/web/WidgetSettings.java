package io.goftgu.gateway.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.goftgu.gateway.api.Slugs;
import io.goftgu.gateway.config.GatewayConfig;
import io.goftgu.gateway.domain.Workspace;
import io.goftgu.gateway.proxy.SupportChatInternal;
import io.goftgu.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * A workspace's guest-widget settings as the gateway needs them: the origins allowed to frame the widget page
 * ({@link WidgetPage}) and the appearance the widget shows (the public {@code /widget} endpoint). The slug is looked up
 * in the gateway's own database, the settings in support chat's internal API (which owns and validates them), and
 * the answer is kept for {@code goftgu.widget.settings-cache} (30 s), an unknown slug too, so a page load costs no
 * call. Kept per gateway replica; at most {@link #MAX_ENTRIES} slugs, then the cache starts over.
 */
@ApplicationScoped
public class WidgetSettings {

    /** What support chat stores, checked once more here: only such an origin may reach a CSP header. */
    private static final Pattern ORIGIN = Pattern.compile("https?://(\\*\\.)?[a-z0-9]([a-z0-9.-]*[a-z0-9])?(:[0-9]{1,5})?");
    private static final Pattern SLUG = Pattern.compile(Slugs.PATTERN);
    static final int MAX_ENTRIES = 10_000;

    /** A workspace's widget: who may frame it and how it looks ({@code greeting}: {@code {fa, en}}). */
    public record Widget(UUID workspaceId, List<String> allowedOrigins, String color, JsonNode greeting,
                         String language) {
    }

    private record Entry(Optional<Widget> widget, long expiresAt) {
    }

    private final ConcurrentHashMap<String, Entry> cache = new ConcurrentHashMap<>();
    private final SupportChatInternal supportChat;
    private final ObjectMapper json;
    private final long ttlNanos;

    WidgetSettings(SupportChatInternal supportChat, ObjectMapper json, GatewayConfig config) {
        this.supportChat = supportChat;
        this.json = json;
        this.ttlNanos = config.widget().settingsCache().toNanos();
    }

    /**
     * The widget of the workspace with this slug, or empty when there is none. Blocking (database, HTTP): call it
     * from a worker thread. Support chat down or failing → a 502 {@link ProblemException}, not cached.
     */
    @ActivateRequestContext
    public Optional<Widget> forSlug(String slug, String requestId) {
        var key = slug == null ? "" : slug.toLowerCase(Locale.ROOT);
        if (key.length() > 63 || !SLUG.matcher(key).matches()) {
            return Optional.empty();
        }
        var now = System.nanoTime();
        var known = cache.get(key);
        if (known != null && now - known.expiresAt() < 0) {
            return known.widget();
        }
        var widget = Workspace.bySlug(key).map(workspace -> load(workspace.id, requestId));
        if (cache.size() >= MAX_ENTRIES) {
            cache.clear();
        }
        cache.put(key, new Entry(widget, now + ttlNanos));
        return widget;
    }

    private Widget load(UUID workspaceId, String requestId) {
        var answer = supportChat.widget(workspaceId, requestId);
        JsonNode body;
        try {
            body = answer.status() == 200 ? json.readTree(answer.body()) : null;
        } catch (IOException e) {
            body = null;
        }
        if (body == null || !body.isObject()) {
            throw new ProblemException(502, "Bad gateway", "support chat did not answer the widget settings", null);
        }
        var origins = new ArrayList<String>();
        for (var origin : body.path("allowedOrigins")) {
            if (origin.isTextual() && ORIGIN.matcher(origin.asText()).matches()) {
                origins.add(origin.asText());
            }
        }
        var color = body.path("color").isTextual() && body.path("color").asText().matches("#[0-9a-f]{6}")
                ? body.path("color").asText() : null;
        var language = body.path("language").asText("auto");
        return new Widget(workspaceId, List.copyOf(origins), color, body.path("greeting"),
                language.equals("fa") || language.equals("en") ? language : "auto");
    }
}
