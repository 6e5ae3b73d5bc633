package io.goftgu.links;

import io.goftgu.events.IdentityPayloads.WorkspaceLinks;
import io.goftgu.problem.Problems;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The rules of a workspace's CRM link settings ({@link WorkspaceLinks}): which kinds there are, what a valid URL
 * template and lookup endpoint look like, and how a template becomes a link. The gateway checks settings with
 * {@link #check} before it keeps and publishes them; every service expands them with {@link #url}.
 */
public final class LinkSettings {

    /** The kinds a template can be set for: message, pinned and record links, and project rooms. */
    public static final List<String> KINDS = List.of("DOCUMENT", "TASK", "KNOWLEDGE", "PROJECT");
    /** What a template must hold once: the place of the (URL-encoded) refId. */
    public static final String PLACEHOLDER = "{refId}";
    static final int MAX_URL = 2000;

    private LinkSettings() {
    }

    /**
     * Throws a 400 naming the field ({@code templates.TASK}, {@code lookupUrl}) unless every template is an absolute
     * http(s) URL holding {@link #PLACEHOLDER} for a known kind, and the lookup URL, if any, is an absolute http(s)
     * URL without user info or fragment. A template may have a fragment.
     */
    public static void check(WorkspaceLinks settings) {
        settings.templates().forEach((kind, template) -> {
            var field = "templates." + kind;
            if (!KINDS.contains(kind)) {
                throw Problems.invalid(field, "the kind must be one of " + String.join(", ", KINDS));
            }
            if (template == null || template.isBlank()) {
                throw Problems.invalid(field, "must not be blank (leave the kind out for no link)");
            }
            if (template.indexOf(PLACEHOLDER) < 0 || template.indexOf(PLACEHOLDER) != template.lastIndexOf(PLACEHOLDER)) {
                throw Problems.invalid(field, "must contain " + PLACEHOLDER + " exactly once");
            }
            // a fragment is allowed: CRMs with hash routing (https://crm.example.com/#/tasks/{refId})
            httpUrl(field, template.replace(PLACEHOLDER, "id"), true);
        });
        if (settings.lookupUrl() != null) {
            httpUrl("lookupUrl", settings.lookupUrl(), false);
        }
    }

    /**
     * The link of {@code refId} by {@code kind}'s template, the refId percent-encoded (UTF-8); null without a
     * template, a refId, or settings (null: not read because nothing needed them).
     */
    public static String url(WorkspaceLinks settings, String kind, String refId) {
        var template = settings == null || kind == null ? null : settings.templates().get(kind);
        if (template == null || refId == null) {
            return null;
        }
        // URLEncoder is form encoding: a space becomes '+', which a path would read as '+'
        return template.replace(PLACEHOLDER, URLEncoder.encode(refId, StandardCharsets.UTF_8).replace("+", "%20"));
    }

    private static void httpUrl(String field, String value, boolean fragment) {
        if (value.length() > MAX_URL) {
            throw Problems.invalid(field, "must be at most " + MAX_URL + " characters");
        }
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            throw Problems.invalid(field, "is not a URL: " + e.getReason());
        }
        var scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || !(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            throw Problems.invalid(field, "must be an absolute http or https URL with a host");
        }
        if (uri.getRawUserInfo() != null) {
            throw Problems.invalid(field, "must not carry user info");
        }
        if (!fragment && uri.getRawFragment() != null) {
            throw Problems.invalid(field, "must not carry a fragment");
        }
    }

    /** No settings: no links, no lookup. */
    public static WorkspaceLinks none(java.util.UUID workspaceId) {
        return new WorkspaceLinks(workspaceId, Map.of(), null);
    }
}
