package io.goftgu.supportchat.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.LinkedHashMap;
import java.util.Map;

/** The dashboard's numbers for one workspace: counts per status, SLA hit rate, median response and resolution. */
@ApplicationScoped
public class TicketStats {

    public record Stats(Map<String, Long> counts, long total, long slaTracked, long slaMet, long slaBreached,
                        Double slaHitRate, Double medianFirstResponseSeconds, Double medianResolutionSeconds,
                        Double averageRating) {
    }

    private final EntityManager em;
    private final TicketFinder finder;

    TicketStats(EntityManager em, TicketFinder finder) {
        this.em = em;
        this.finder = finder;
    }

    @Transactional
    public Stats of(Caller me) {
        var counts = new LinkedHashMap<>(finder.counts(me, new TicketFinder.Filter(null, null, null, null, null, null,
                null, null, null, null, null, null, null, null)));
        long total = counts.remove("total");
        var row = (Object[]) em.createNativeQuery("""
                        SELECT count(*) FILTER (WHERE sla_state IS NOT NULL),
                               count(*) FILTER (WHERE sla_state = 'met'),
                               count(*) FILTER (WHERE sla_state = 'breached'),
                               percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM first_response_at - created_at))
                                   FILTER (WHERE first_response_at IS NOT NULL),
                               percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM resolved_at - created_at))
                                   FILTER (WHERE resolved_at IS NOT NULL),
                               avg(rating_score)
                        FROM ticket WHERE workspace_id = ?1""")
                .setParameter(1, me.workspaceId()).getSingleResult();
        long met = ((Number) row[1]).longValue();
        long breached = ((Number) row[2]).longValue();
        return new Stats(counts, total, ((Number) row[0]).longValue(), met, breached,
                met + breached == 0 ? null : (double) met / (met + breached), number(row[3]), number(row[4]), number(row[5]));
    }

    private static Double number(Object value) {
        return value == null ? null : ((Number) value).doubleValue();
    }

}
