package io.goftgu.supportinfo.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of support-info-service ({@code goftgu.support-info.*}). */
@ConfigMapping(prefix = "goftgu.support-info")
public interface SupportInfoConfig {

    /** Whether a workspace that never chose records resolved tickets as support-info entries. */
    @WithDefault("true")
    boolean recordResolvedTicketsByDefault();
}
