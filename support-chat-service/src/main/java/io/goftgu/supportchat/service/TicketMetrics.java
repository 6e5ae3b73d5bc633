package io.goftgu.supportchat.service;

import io.goftgu.supportchat.domain.TicketStatus;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Support chat's state at {@code /q/metrics}, counted in the database every interval (every replica reports the same
 * totals; take max, not sum, across replicas): {@code goftgu_support_chat_tickets{status}} (tickets per status, all
 * workspaces) and {@code goftgu_support_chat_tickets_sla{state}} (open tickets whose SLA is on-track, at-risk or
 * breached). The events behind them — tickets created, SLA at risk and breached — are counted as they are published:
 * {@code goftgu_outbox_events_published_total{type="support-chat.ticket.sla-breached"}} (platform/outbox).
 */
@Startup
@Singleton
public class TicketMetrics {

    static final List<String> SLA_STATES = List.of("on-track", "at-risk", "breached");

    private final DataSource dataSource;
    private final Map<String, AtomicLong> byStatus = new HashMap<>();
    private final Map<String, AtomicLong> bySla = new HashMap<>();

    TicketMetrics(DataSource dataSource, MeterRegistry meters) {
        this.dataSource = dataSource;
        for (var status : TicketStatus.values()) {
            var value = new AtomicLong();
            byStatus.put(status.name(), value);
            Gauge.builder("goftgu.support.chat.tickets", value, AtomicLong::get)
                    .description("Tickets per status, all workspaces").tag("status", status.name())
                    .register(meters);
        }
        for (var state : SLA_STATES) {
            var value = new AtomicLong();
            bySla.put(state, value);
            Gauge.builder("goftgu.support.chat.tickets.sla", value, AtomicLong::get)
                    .description("Tickets per SLA state (on-track, at-risk, breached), all workspaces")
                    .tag("state", state).register(meters);
        }
    }

    @Scheduled(every = "${goftgu.support-chat.metrics-interval:30s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void refresh() {
        try (var connection = dataSource.getConnection()) {
            var statuses = new HashMap<String, Long>();
            try (var query = connection.prepareStatement("SELECT status, count(*) FROM ticket GROUP BY status");
                 var rs = query.executeQuery()) {
                while (rs.next()) {
                    statuses.put(rs.getString(1), rs.getLong(2));
                }
            }
            var sla = new HashMap<String, Long>();
            try (var query = connection.prepareStatement(
                    "SELECT sla_state, count(*) FROM ticket WHERE sla_state IS NOT NULL GROUP BY sla_state");
                 var rs = query.executeQuery()) {
                while (rs.next()) {
                    sla.put(rs.getString(1), rs.getLong(2));
                }
            }
            byStatus.forEach((status, value) -> value.set(statuses.getOrDefault(status, 0L)));
            bySla.forEach((state, value) -> value.set(sla.getOrDefault(state, 0L)));
        } catch (SQLException e) {
            Log.debugf("ticket metrics not refreshed: %s", e.getMessage());
        }
    }
}
