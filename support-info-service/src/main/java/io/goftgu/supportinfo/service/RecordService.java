package io.goftgu.supportinfo.service;

import io.goftgu.events.Actor;
import io.goftgu.paging.Page;
import io.goftgu.paging.Paging;
import io.goftgu.problem.Problems;
import io.goftgu.security.CurrentUser;
import io.goftgu.supportinfo.api.RecordInput;
import io.goftgu.supportinfo.api.RecordPatch;
import io.goftgu.supportinfo.api.RecordViews;
import io.goftgu.supportinfo.domain.Priority;
import io.goftgu.supportinfo.domain.RecordLink;
import io.goftgu.supportinfo.domain.RecordStatus;
import io.goftgu.supportinfo.domain.SupportRecord;
import io.goftgu.supportinfo.mapping.RecordMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Support-info records: staff create, read, change and delete them; a customer reads the ones about them that are
 * marked visible, in the customer view. A record outside the caller's reach does not exist for them (404).
 */
@ApplicationScoped
public class RecordService {


    private final EntityManager entityManager;
    private final RecordReferences references;
    private final RecordMapper mapper;
    private final RecordEvents events;

    RecordService(EntityManager entityManager, RecordReferences references, RecordMapper mapper, RecordEvents events) {
        this.entityManager = entityManager;
        this.references = references;
        this.mapper = mapper;
        this.events = events;
    }

    @Transactional
    public RecordViews.Staff create(CurrentUser me, RecordInput.Create in) {
        var workspaceId = me.workspaceId();
        var now = now();
        var errors = new FieldErrors();
        var record = new SupportRecord();
        record.id = UUID.randomUUID();
        record.workspaceId = workspaceId;
        record.title = in.title().strip();
        record.description = blankToNull(in.description());
        record.source = in.source();
        record.type = in.type();
        record.priority = in.priority() == null ? Priority.MEDIUM : in.priority();
        record.status = RecordStatus.NEW;
        record.contactAt = in.contactAt() == null ? now : in.contactAt();
        record.dueAt = in.dueAt();
        record.customerId = references.customer(workspaceId, in.customerId(), errors);
        record.assigneeId = references.assignee(workspaceId, in.assigneeId(), errors);
        record.teamId = references.team(workspaceId, in.teamId(), errors);
        record.categoryId = references.category(workspaceId, in.categoryId(), errors);
        record.labelIds = new HashSet<>(references.labels(workspaceId, in.labelIds(), errors));
        record.visibleToCustomer = Boolean.TRUE.equals(in.visibleToCustomer());
        record.links = links(in.links());
        checkDue(record, errors);
        errors.throwIfAny();
        // a contact logged after the fact may start in any status
        record.moveTo(in.status() == null ? RecordStatus.NEW : in.status(), now);
        record.createdBy = me.id();
        record.createdAt = now;
        record.updatedAt = now;
        record.persist();
        var view = mapper.staff(record);
        events.created(view, workspaceId, Actor.user(me.id()));
        return view;
    }

    /** The staff view for staff; for a customer, the customer view of a visible record about them. */
    @Transactional
    public Object get(CurrentUser me, UUID id) {
        if (me.isStaff()) {
            return mapper.staff(requireForStaff(me, id, false));
        }
        SupportRecord record = SupportRecord.find(
                "id = ?1 and workspaceId = ?2 and customerId = ?3 and visibleToCustomer = true",
                id, me.workspaceId(), me.id()).firstResult();
        if (record == null) {
            throw Problems.notFound("support info record " + id);
        }
        return mapper.customer(List.of(record)).getFirst();
    }

    @Transactional
    public RecordViews.Staff update(CurrentUser me, UUID id, RecordPatch patch) {
        var record = requireForStaff(me, id, true);
        var workspaceId = me.workspaceId();
        // everything is checked before the entity is touched, so a rejected request changes nothing
        var errors = new FieldErrors();
        if (patch.has("title") && (patch.title() == null || patch.title().isBlank())) {
            errors.add("title", "must not be blank");
        }
        var source = patch.has("source") ? required(patch.source(), "source", errors) : record.source;
        var type = patch.has("type") ? required(patch.type(), "type", errors) : record.type;
        var priority = patch.has("priority") ? required(patch.priority(), "priority", errors) : record.priority;
        var status = patch.has("status") ? required(patch.status(), "status", errors) : record.status;
        var contactAt = patch.has("contactAt") ? required(patch.contactAt(), "contactAt", errors) : record.contactAt;
        var dueAt = patch.has("dueAt") ? patch.dueAt() : record.dueAt;
        var visible = patch.has("visibleToCustomer")
                ? required(patch.visibleToCustomer(), "visibleToCustomer", errors) : (Boolean) record.visibleToCustomer;
        var customerId = patch.has("customerId")
                ? references.customer(workspaceId, patch.customerId(), errors) : record.customerId;
        var assigneeId = patch.has("assigneeId")
                ? references.assignee(workspaceId, patch.assigneeId(), errors) : record.assigneeId;
        var teamId = patch.has("teamId") ? references.team(workspaceId, patch.teamId(), errors) : record.teamId;
        var categoryId = patch.has("categoryId")
                ? references.category(workspaceId, patch.categoryId(), errors) : record.categoryId;
        var labelIds = patch.has("labelIds")
                ? references.labels(workspaceId, patch.labelIds(), errors) : Set.copyOf(record.labelIds);
        if (dueAt != null && contactAt != null && dueAt.isBefore(contactAt)) {
            errors.add("dueAt", "must not be before contactAt");
        }
        errors.throwIfAny();
        if (!record.status.canMoveTo(status)) {
            throw Problems.conflict("a record cannot move from " + record.status + " to " + status
                    + "; from " + record.status + " it may move to " + record.status.next());
        }

        var before = mapper.staff(record);
        if (patch.has("title")) {
            record.title = patch.title().strip();
        }
        if (patch.has("description")) {
            record.description = blankToNull(patch.description());
        }
        record.source = source;
        record.type = type;
        record.priority = priority;
        record.contactAt = contactAt;
        record.dueAt = dueAt;
        record.visibleToCustomer = visible;
        record.customerId = customerId;
        record.assigneeId = assigneeId;
        record.teamId = teamId;
        record.categoryId = categoryId;
        if (!record.labelIds.equals(labelIds)) {
            record.labelIds.clear();
            record.labelIds.addAll(labelIds);
        }
        if (patch.has("links")) {
            var links = links(patch.links());
            if (!linkViews(record.links).equals(linkViews(links))) {
                record.links.clear();
                record.links.addAll(links);
            }
        }
        var now = now();
        record.moveTo(status, now);
        var after = mapper.staff(record);
        if (after.equals(before)) {
            return before;
        }
        record.updatedAt = now;
        after = mapper.staff(record);
        events.updated(after, workspaceId, Actor.user(me.id()));
        return after;
    }

    @Transactional
    public void delete(CurrentUser me, UUID id) {
        var record = requireForStaff(me, id, true);
        events.deleted(record, now(), Actor.user(me.id()));
        record.delete();
    }

    @Transactional
    public Page<?> list(CurrentUser me, RecordFilter filter, String sort, Paging paging) {
        var orderBy = RecordSort.orderBy(sort);
        var where = where(me, filter);
        long total = bind(entityManager.createQuery("select count(r) from SupportRecord r where " + where.jpql,
                Long.class), where.params).getSingleResult();
        var rows = bind(entityManager.createQuery("select r from SupportRecord r where " + where.jpql
                + " order by " + orderBy, SupportRecord.class), where.params)
                .setFirstResult(paging.offset()).setMaxResults(paging.limit()).getResultList();
        List<?> data = me.isStaff() ? mapper.staff(rows) : mapper.customer(rows);
        return Page.of(data, total, paging);
    }

    /** Records per status under the same filters as the list (a {@code status} filter is ignored). */
    @Transactional
    public RecordViews.Counts counts(CurrentUser me, RecordFilter filter) {
        var where = where(me, filter.withoutStatus());
        var byStatus = new EnumMap<RecordStatus, Long>(RecordStatus.class);
        for (var status : RecordStatus.values()) {
            byStatus.put(status, 0L);
        }
        var rows = bind(entityManager.createQuery("select r.status, count(r) from SupportRecord r where "
                + where.jpql + " group by r.status", Object[].class), where.params).getResultList();
        long total = 0;
        for (var row : rows) {
            long n = ((Number) row[1]).longValue();
            byStatus.put((RecordStatus) row[0], n);
            total += n;
        }
        return new RecordViews.Counts(byStatus, total);
    }

    private record Where(String jpql, Map<String, Object> params) {
    }

    private static Where where(CurrentUser me, RecordFilter f) {
        var jpql = new StringBuilder("r.workspaceId = :workspaceId");
        var params = new HashMap<String, Object>();
        params.put("workspaceId", me.workspaceId());
        if (!me.isStaff()) {
            jpql.append(" and r.customerId = :me and r.visibleToCustomer = true");
            params.put("me", me.id());
        }
        in(jpql, params, "source", f.sources());
        in(jpql, params, "type", f.types());
        in(jpql, params, "status", f.statuses());
        in(jpql, params, "priority", f.priorities());
        equal(jpql, params, "assigneeId", f.assigneeId());
        equal(jpql, params, "teamId", f.teamId());
        equal(jpql, params, "customerId", f.customerId());
        equal(jpql, params, "ticketId", f.ticketId());
        if (f.categoryId() != null) {
            var tree = CategoryTree.of(me.workspaceId());
            jpql.append(" and r.categoryId in :categories");
            params.put("categories", tree.contains(f.categoryId()) ? tree.subtree(f.categoryId()) : List.of(f.categoryId()));
        }
        if (f.labelId() != null) {
            jpql.append(" and :labelId member of r.labelIds");
            params.put("labelId", f.labelId());
        }
        if (f.q() != null && !f.q().isBlank()) {
            var needle = SupportRecord.searchable(f.q().strip())
                    .replace("!", "!!").replace("%", "!%").replace("_", "!_");
            jpql.append(" and r.searchText like :q escape '!'");
            params.put("q", "%" + needle + "%");
        }
        if (f.from() != null) {
            jpql.append(" and r.contactAt >= :from");
            params.put("from", f.from());
        }
        if (f.to() != null) {
            jpql.append(" and r.contactAt < :to");
            params.put("to", f.to());
        }
        return new Where(jpql.toString(), params);
    }

    private static void in(StringBuilder jpql, Map<String, Object> params, String field, Set<?> values) {
        if (values != null && !values.isEmpty()) {
            jpql.append(" and r.").append(field).append(" in :").append(field);
            params.put(field, values);
        }
    }

    private static void equal(StringBuilder jpql, Map<String, Object> params, String field, UUID value) {
        if (value != null) {
            jpql.append(" and r.").append(field).append(" = :").append(field);
            params.put(field, value);
        }
    }

    private static <T> TypedQuery<T> bind(TypedQuery<T> query, Map<String, Object> params) {
        params.forEach(query::setParameter);
        return query;
    }

    private SupportRecord requireForStaff(CurrentUser me, UUID id, boolean lock) {
        var query = entityManager.createQuery(
                "select r from SupportRecord r where r.id = :id and r.workspaceId = :workspaceId", SupportRecord.class)
                .setParameter("id", id).setParameter("workspaceId", me.workspaceId());
        if (lock) {
            query.setLockMode(LockModeType.PESSIMISTIC_WRITE);
        }
        return query.getResultStream().findFirst()
                .orElseThrow(() -> Problems.notFound("support info record " + id));
    }

    private static void checkDue(SupportRecord record, FieldErrors errors) {
        if (record.dueAt != null && record.contactAt != null && record.dueAt.isBefore(record.contactAt)) {
            errors.add("dueAt", "must not be before contactAt");
        }
    }

    private static <T> T required(T value, String field, FieldErrors errors) {
        if (value == null) {
            errors.add(field, "must not be null");
        }
        return value;
    }

    private static List<RecordLink> links(List<RecordInput.Link> links) {
        var result = new ArrayList<RecordLink>();
        if (links != null) {
            links.stream().filter(Objects::nonNull)
                    .forEach(l -> result.add(new RecordLink(l.kind(), l.refId().strip(), l.title().strip())));
        }
        return result;
    }

    private static List<RecordViews.LinkView> linkViews(List<RecordLink> links) {
        return links.stream().map(l -> new RecordViews.LinkView(l.kind, l.refId, l.title, null)).toList();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
