package io.goftgu.gateway.edge;

/** Vert.x route orders of the gateway's own handlers: ahead of Quarkus REST, static files and health. */
public final class EdgeRoutes {

    /** {@link EdgeFilter}: request id, security headers, CSRF, cookie to bearer. */
    public static final int FILTER = -200;
    /** The routes to the services ({@code io.goftgu.gateway.proxy}). */
    public static final int SERVICES = -190;
    /** The web UI ({@link io.goftgu.gateway.web.WebBundle}): after the services, ahead of Quarkus' static files. */
    public static final int WEB = -180;

    private EdgeRoutes() {
    }
}
