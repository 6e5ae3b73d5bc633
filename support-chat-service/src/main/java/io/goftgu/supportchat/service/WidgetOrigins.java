package io.goftgu.supportchat.service;

import io.goftgu.problem.Problems;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The web origins a workspace allows to frame its guest widget. The gateway puts them, as they are stored here, into
 * the widget page's {@code Content-Security-Policy: frame-ancestors} (gateway/.../web/WidgetPage.java), so only
 * strict origins are taken: {@code http} or {@code https}, a host name (ASCII; punycode for other scripts) or IPv4
 * address, an optional port, and nothing else (no path, query, user, quotes, spaces or semicolons). A host may start
 * with one {@code *.} label to allow every subdomain ({@code https://*.crm.example}), but never a bare {@code *} or a
 * wildcard over a top-level domain. Stored normalised: lower case, the default port and a trailing slash dropped.
 */
public final class WidgetOrigins {

    public static final int MAX = 50;

    private static final String LABEL = "[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?";
    private static final Pattern ORIGIN = Pattern.compile(
            "(https?)://(\\*\\.)?(" + LABEL + "(?:\\." + LABEL + ")*)(?::([0-9]{1,5}))?/?");

    private WidgetOrigins() {
    }

    /** The origins normalised and without repeats, or a 400 naming the first that is not an origin. */
    public static List<String> normalise(List<String> origins) {
        if (origins.size() > MAX) {
            throw Problems.invalid("allowedOrigins", "must list at most " + MAX + " origins");
        }
        var result = new LinkedHashSet<String>();
        for (int i = 0; i < origins.size(); i++) {
            result.add(normalise(origins.get(i), "allowedOrigins[" + i + "]"));
        }
        return new ArrayList<>(result);
    }

    static String normalise(String origin, String field) {
        var reason = "must be a web origin like https://shop.example or https://*.shop.example:8443 "
                + "(http or https, a host, an optional port; no path)";
        if (origin == null || origin.length() > 300) {
            throw Problems.invalid(field, reason);
        }
        var m = ORIGIN.matcher(origin.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw Problems.invalid(field, reason);
        }
        var scheme = m.group(1);
        var wildcard = m.group(2) != null;
        var host = m.group(3);
        if (wildcard && !host.contains(".")) {
            throw Problems.invalid(field, "a wildcard must stand for subdomains of a domain, like https://*.shop.example");
        }
        var port = m.group(4);
        if (port != null) {
            int n = Integer.parseInt(port);
            if (n < 1 || n > 65535) {
                throw Problems.invalid(field, "has a port outside 1-65535");
            }
            if (scheme.equals("http") && n == 80 || scheme.equals("https") && n == 443) {
                port = null;
            } else {
                port = Integer.toString(n);
            }
        }
        return scheme + "://" + (wildcard ? "*." : "") + host + (port == null ? "" : ":" + port);
    }
}
