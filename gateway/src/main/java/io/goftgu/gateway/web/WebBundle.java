package io.goftgu.gateway.web;

import io.goftgu.gateway.edge.EdgeRoutes;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.impl.MimeMapping;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Serves the web UI that the {@code web/} module builds onto the classpath under {@code META-INF/resources/} (its jar, a dependency).
 * <ul>
 * <li>The app's routes ({@code /}, {@code /login}, {@code /dashboard/**}, {@code /panel/**}) answer {@code index.html};
 * the page's own router draws the screen.</li>
 * <li>Files under {@code /assets/} carry a content hash in their names, so they are cached for a year as immutable;
 * everything else ({@code index.html}, {@code widget.js}, the widget's {@code widget.html}) is {@code no-cache} with an
 * ETag, so a deploy is seen at once and an unchanged file costs a 304. {@code widget.js} is what other web sites load
 * by a fixed URL, so it must never be cached without asking.</li>
 * <li>The guest widget's page, {@code /widget/{slug}}, is {@link WidgetPage}'s: it may be framed by the workspace's
 * allowed origins.</li>
 * <li>The build writes Brotli and gzip copies beside each file ({@code web/vite.config.ts}); the best one the browser
 * accepts is sent as it is, so nothing is compressed per request.</li>
 * </ul>
 * Files are read from the classpath once and kept: the bundle is a few hundred KiB.
 */
@ApplicationScoped
public class WebBundle {

    static final String ROOT = "META-INF/resources/";
    static final String IMMUTABLE = "public, max-age=31536000, immutable";
    static final String REVALIDATE = "no-cache";

    private static final Pattern APP_ROUTE = Pattern.compile("/|/login/?|/(dashboard|panel)(/.*)?");
    /** A bundle file: one name, at the root or under assets/; nothing else is looked up. */
    private static final Pattern FILE = Pattern.compile("/((?:assets/)?[A-Za-z0-9][A-Za-z0-9._-]{0,200})");

    record Asset(String contentType, Buffer identity, Buffer gzip, Buffer brotli, String etag,
                         boolean immutable) {
    }

    /** Only files that exist are kept, so unknown names cannot grow it. */
    private final Map<String, Asset> assets = new ConcurrentHashMap<>();

    void register(@Observes Router router) {
        router.route().order(EdgeRoutes.WEB).method(HttpMethod.GET).method(HttpMethod.HEAD).handler(this::handle);
    }

    private void handle(RoutingContext context) {
        var path = context.normalizedPath();
        Optional<Asset> asset;
        if (APP_ROUTE.matcher(path).matches()) {
            asset = asset("index.html");
        } else {
            var file = FILE.matcher(path);
            asset = file.matches() ? asset(file.group(1)) : Optional.empty();
        }
        if (asset.isEmpty()) {
            context.next();
            return;
        }
        send(context, asset.get());
    }

    private static void send(RoutingContext context, Asset asset) {
        send(context, asset, asset.etag());
    }

    /** Sends a bundle file; {@code etag} differs from the file's own when headers that vary with it (a policy) differ. */
    static void send(RoutingContext context, Asset asset, String etag) {
        var request = context.request();
        var response = context.response()
                .putHeader(HttpHeaders.CACHE_CONTROL, asset.immutable() ? IMMUTABLE : REVALIDATE)
                .putHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING)
                .putHeader(HttpHeaders.ETAG, etag);
        if (etag.equals(request.getHeader(HttpHeaders.IF_NONE_MATCH))) {
            response.setStatusCode(304).end();
            return;
        }
        var accepted = String.valueOf(request.getHeader(HttpHeaders.ACCEPT_ENCODING));
        var body = asset.identity();
        if (asset.brotli() != null && accepted.contains("br")) {
            body = asset.brotli();
            response.putHeader(HttpHeaders.CONTENT_ENCODING, "br");
        } else if (asset.gzip() != null && accepted.contains("gzip")) {
            body = asset.gzip();
            response.putHeader(HttpHeaders.CONTENT_ENCODING, "gzip");
        }
        response.putHeader(HttpHeaders.CONTENT_TYPE, asset.contentType())
                .putHeader(HttpHeaders.CONTENT_LENGTH, Integer.toString(body.length()));
        if (request.method() == HttpMethod.HEAD) {
            response.end();
        } else {
            response.end(body);
        }
    }

    Optional<Asset> asset(String name) {
        var known = assets.get(name);
        if (known != null) {
            return Optional.of(known);
        }
        var identity = read(name);
        if (identity == null) {
            return Optional.empty();
        }
        var asset = new Asset(contentType(name), identity, read(name + ".gz"), read(name + ".br"), etag(identity),
                name.startsWith("assets/"));
        assets.put(name, asset);
        return Optional.of(asset);
    }

    private static Buffer read(String name) {
        try (InputStream in = WebBundle.class.getClassLoader().getResourceAsStream(ROOT + name)) {
            return in == null ? null : Buffer.buffer(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + ROOT + name, e);
        }
    }

    private static String contentType(String name) {
        var type = MimeMapping.getMimeTypeForFilename(name);
        if (type == null) {
            return "application/octet-stream";
        }
        return type.startsWith("text/") || type.equals("application/javascript") || type.equals("application/json")
                || type.equals("image/svg+xml") ? type + "; charset=utf-8" : type;
    }

    static String etag(Buffer content) {
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(content.getBytes());
            return '"' + HexFormat.of().formatHex(digest, 0, 16) + '"';
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
