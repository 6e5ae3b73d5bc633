package io.goftgu.supportchat.service;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;

/** Runs {@link SlaService#scan} every {@code goftgu.support-chat.sla-scan-interval}. */
@ApplicationScoped
public class SlaScan {

    private final SlaService sla;

    SlaScan(SlaService sla) {
        this.sla = sla;
    }

    @Scheduled(every = "${goftgu.support-chat.sla-scan-interval:30s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        sla.scan(Instant.now());
    }
}
