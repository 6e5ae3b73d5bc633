package io.goftgu.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

@ConfigMapping(prefix = "goftgu.outbox")
public interface OutboxConfig {

    /** How often the sweeper looks for events the relay has not published (after a Kafka outage, a crash). */
    @WithDefault("2s")
    Duration sweepInterval();

    /** Most events one relay pass reads and publishes. */
    @WithDefault("500")
    int batchSize();

    /** How long the relay waits for Kafka to acknowledge a batch before it leaves the rest to the sweeper. */
    @WithDefault("10s")
    Duration publishTimeout();
}
