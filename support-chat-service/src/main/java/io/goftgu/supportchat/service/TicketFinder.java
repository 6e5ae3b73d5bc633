package io.goftgu.supportchat.service;

import io.goftgu.paging.Page;
import io.goftgu.paging.Paging;
import io.goftgu.problem.Problems;
import io.goftgu.supportchat.api.Views;
import io.goftgu.supportchat.domain.Priority;
import io.goftgu.supportchat.domain.Ticket;
import io.goftgu.supportchat.domain.TicketStatus;
import io.goftgu.supportchat.mapping.TicketViews;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/** Ticket lists and per-status counts with the filters of docs/api.md §4, always within what the caller may see. */
@ApplicationScoped
public class TicketFinder {

    /** Query parameters of {@code GET /api/support-chat}. */
    public record Filter(String status, String priority, String assigneeId, UUID teamId, UUID categoryId,
                         UUID labelId, UUID requesterId, String sla, String q, String from, String to, String sort,
                         Integer page, Integer limit) {
    }

    private static final Pattern NUMBER = Pattern.compile("(?i)(?:TKT-)?(\\d{1,9})");
    private static final Map<String, String> SORTS = Map.of(
            "createdAt", "t.createdAt", "updatedAt", "t.updatedAt", "number", "t.number",
            "priority", "case t.priority when 'CRITICAL' then 4 when 'HIGH' then 3 when 'MEDIUM' then 2 else 1 end",
            "status", "t.status", "dueAt", "t.dueAt", "resolutionDueAt", "t.resolutionDueAt",
            "firstResponseDueAt", "t.firstResponseDueAt");

    private final EntityManager em;
    private final TicketViews views;

    TicketFinder(EntityManager em, TicketViews views) {
        this.em = em;
        this.views = views;
    }

    @Transactional
    public Page<Views.TicketView> list(Caller me, Filter f) {
        var paging = Paging.of(f.page(), f.limit());
        var params = new HashMap<String, Object>();
        var where = where(me, f, params, true);
        var total = count("select count(t) from Ticket t where " + where, params);
        var query = em.createQuery("select t from Ticket t where " + where + " order by " + order(f.sort()), Ticket.class);
        params.forEach(query::setParameter);
        var data = query.setFirstResult(paging.offset()).setMaxResults(paging.limit()).getResultList().stream()
                .map(t -> views.ticket(t, me.isStaff())).toList();
        return Page.of(data, total, paging);
    }

    /** Per status, with the list's filters except {@code status} (dashboard tabs). */
    @Transactional
    public Map<String, Long> counts(Caller me, Filter f) {
        var params = new HashMap<String, Object>();
        var where = where(me, f, params, false);
        var query = em.createQuery("select t.status, count(t) from Ticket t where " + where + " group by t.status", Object[].class);
        params.forEach(query::setParameter);
        var counts = new LinkedHashMap<String, Long>();
        for (var s : TicketStatus.values()) {
            counts.put(s.name(), 0L);
        }
        long total = 0;
        for (var row : query.getResultList()) {
            counts.put((String) row[0], (Long) row[1]);
            total += (Long) row[1];
        }
        counts.put("total", total);
        return counts;
    }

    private long count(String jpql, Map<String, Object> params) {
        var query = em.createQuery(jpql, Long.class);
        params.forEach(query::setParameter);
        return query.getSingleResult();
    }

    private static String where(Caller me, Filter f, Map<String, Object> params, boolean withStatus) {
        var c = new ArrayList<String>();
        c.add("t.workspaceId = :ws");
        params.put("ws", me.workspaceId());
        if (!me.isStaff()) {
            c.add("t.requesterKind = :rk and t.requesterId = :me");
            params.put("rk", me.requesterKind());
            params.put("me", me.id());
        }
        if (withStatus && f.status() != null && !f.status().isBlank()) {
            c.add("t.status in :statuses");
            params.put("statuses", Arrays.stream(f.status().split(",")).map(String::strip).map(s -> {
                try {
                    return TicketStatus.valueOf(s).name();
                } catch (IllegalArgumentException e) {
                    throw Problems.invalid("status", "unknown status " + s);
                }
            }).toList());
        }
        if (f.priority() != null && !f.priority().isBlank()) {
            c.add("t.priority in :priorities");
            params.put("priorities", Arrays.stream(f.priority().split(",")).map(String::strip).map(p -> {
                try {
                    return Priority.valueOf(p).name();
                } catch (IllegalArgumentException e) {
                    throw Problems.invalid("priority", "unknown priority " + p);
                }
            }).toList());
        }
        if (f.assigneeId() != null && !f.assigneeId().isBlank()) {
            switch (f.assigneeId()) {
                case "unassigned" -> c.add("t.assigneeId is null");
                case "me" -> {
                    c.add("t.assigneeId = :assignee");
                    params.put("assignee", me.id());
                }
                default -> {
                    c.add("t.assigneeId = :assignee");
                    params.put("assignee", id("assigneeId", f.assigneeId()));
                }
            }
        }
        if (f.teamId() != null) {
            c.add("t.teamId = :team");
            params.put("team", f.teamId());
        }
        if (f.categoryId() != null) {
            c.add("t.categoryId = :category");
            params.put("category", f.categoryId());
        }
        if (f.labelId() != null) {
            c.add(":label member of t.labelIds");
            params.put("label", f.labelId());
        }
        if (f.requesterId() != null) {
            c.add("t.requesterId = :requester");
            params.put("requester", f.requesterId());
        }
        if (f.sla() != null && !f.sla().isBlank()) {
            switch (f.sla()) {
                case "at-risk" -> c.add("t.slaState = 'at-risk'");
                case "breached" -> c.add("t.slaState = 'breached'");
                default -> throw Problems.invalid("sla", "must be at-risk or breached");
            }
        }
        if (f.from() != null && !f.from().isBlank()) {
            c.add("t.createdAt >= :from");
            params.put("from", time("from", f.from(), false));
        }
        if (f.to() != null && !f.to().isBlank()) {
            c.add("t.createdAt < :to");
            params.put("to", time("to", f.to(), true));
        }
        if (f.q() != null && !f.q().isBlank()) {
            var q = f.q().strip();
            var number = NUMBER.matcher(q);
            var text = "(lower(t.subject) like :q or exists (select 1 from TicketMessage m where m.ticketId = t.id"
                    + " and m.deletedAt is null" + (me.isStaff() ? "" : " and m.internal = false")
                    + " and lower(m.body) like :q))";
            params.put("q", "%" + q.toLowerCase().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
            if (number.matches()) {
                c.add("(t.number = :number or " + text + ")");
                params.put("number", Integer.parseInt(number.group(1)));
            } else {
                c.add(text);
            }
        }
        return String.join(" and ", c);
    }

    private static String order(String sort) {
        if (sort == null || sort.isBlank()) {
            return "t.createdAt desc, t.number desc";
        }
        var desc = sort.startsWith("-");
        var field = desc ? sort.substring(1) : sort;
        var expression = SORTS.get(field);
        if (expression == null) {
            throw Problems.invalid("sort", "must be one of " + String.join(", ", SORTS.keySet()) + ", with - for descending");
        }
        return expression + (desc ? " desc" : " asc") + " nulls last, t.number desc";
    }

    private static UUID id(String field, String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw Problems.invalid(field, "must be an id, unassigned or me");
        }
    }

    /** An instant, or a date (from: its start, to: the end of that day, UTC). */
    private static Instant time(String field, String value, boolean endOfDay) {
        try {
            if (value.length() == 10) {
                var date = LocalDate.parse(value);
                return (endOfDay ? date.plusDays(1) : date).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return Instant.parse(value);
        } catch (RuntimeException e) {
            throw Problems.invalid(field, "must be an ISO-8601 instant or date");
        }
    }

    static List<String> statuses() {
        return Arrays.stream(TicketStatus.values()).map(Enum::name).toList();
    }
}
