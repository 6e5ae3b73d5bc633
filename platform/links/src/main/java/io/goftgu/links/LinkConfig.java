package io.goftgu.links;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** How the CRM lookup is called (docs/operations.md, "CRM links"). */
@ConfigMapping(prefix = "goftgu.links")
public interface LinkConfig {

    /** The longest wait for the lookup endpoint, connecting included; past it the link "could not be verified". */
    @WithDefault("2s")
    Duration lookupTimeout();

    /** How long a lookup's answer (found with its title, or refused) is reused for the same user and refId. */
    @WithDefault("60s")
    Duration cacheTtl();

    /** At most this many answers are kept; the least used go first. */
    @WithDefault("10000")
    long cacheSize();

    /**
     * Whether the lookup may reach a loopback address (the service's own host). Off: an ADMIN could otherwise point
     * the lookup at the service's neighbours on localhost. Link-local addresses (cloud metadata) are never called.
     * Tests and a one-machine stack turn it on.
     */
    @WithDefault("false")
    boolean allowLoopback();
}
