package io.goftgu.gateway.web;

import io.goftgu.gateway.edge.EdgeFilter;
import io.goftgu.gateway.edge.EdgeRoutes;
import io.goftgu.problem.ProblemException;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The guest widget's page, {@code GET /widget/{slug}}: the {@code widget.html} of the web bundle (web/widget.html),
 * which {@code /widget.js} loads in an iframe on the workspace's web sites. Unlike the rest of the UI
 * ({@code frame-ancestors 'none'}, {@code X-Frame-Options: DENY}) this page may be framed, but only by the origins
 * the workspace allows in its widget settings (support chat owns them; {@link WidgetSettings} reads them):
 * {@code frame-ancestors 'self' <allowed origins>} and no {@code X-Frame-Options}. With none allowed only the gateway's
 * own pages may frame it. An unknown slug is 404. The page's ETag covers the policy, so a revalidated copy never keeps
 * an old list.
 */
@ApplicationScoped
public class WidgetPage {

    static final String PAGE = "widget.html";
    private static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
            + "form-action 'self'; frame-ancestors 'self'";

    private final WebBundle bundle;
    private final WidgetSettings settings;

    WidgetPage(WebBundle bundle, WidgetSettings settings) {
        this.bundle = bundle;
        this.settings = settings;
    }

    void register(@Observes Router router) {
        router.routeWithRegex("/widget/([^/]{1,100})/?").order(EdgeRoutes.WEB)
                .method(HttpMethod.GET).method(HttpMethod.HEAD)
                .blockingHandler(this::handle, false);
    }

    private void handle(RoutingContext context) {
        var page = bundle.asset(PAGE);
        if (page.isEmpty()) {
            context.next();
            return;
        }
        WidgetSettings.Widget widget;
        try {
            widget = settings.forSlug(context.pathParam("param0"), context.request().getHeader(EdgeFilter.REQUEST_ID))
                    .orElse(null);
        } catch (ProblemException e) {
            context.response().setStatusCode(e.status()).putHeader("Content-Type", "text/plain; charset=utf-8")
                    .end("The chat is not available right now.");
            return;
        }
        if (widget == null) {
            context.response().setStatusCode(404).putHeader("Content-Type", "text/plain; charset=utf-8")
                    .end("No such workspace.");
            return;
        }
        var policy = policy(widget);
        context.put(EdgeFilter.FRAMABLE, true);
        context.response().putHeader("Content-Security-Policy", policy);
        WebBundle.send(context, page.get(), etag(page.get().etag(), policy));
    }

    static String policy(WidgetSettings.Widget widget) {
        return widget.allowedOrigins().isEmpty() ? POLICY : POLICY + " " + String.join(" ", widget.allowedOrigins());
    }

    private static String etag(String fileEtag, String policy) {
        try {
            var digest = MessageDigest.getInstance("SHA-256")
                    .digest((fileEtag + policy).getBytes(StandardCharsets.UTF_8));
            return '"' + HexFormat.of().formatHex(digest, 0, 16) + '"';
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
