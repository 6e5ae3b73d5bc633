package io.goftgu.supportinfo.mapping;

import io.goftgu.links.CrmLinks;
import io.goftgu.links.LinkSettings;
import io.goftgu.supportinfo.api.RecordViews.Ref;
import io.goftgu.supportinfo.api.RecordViews;
import io.goftgu.supportinfo.directory.Directory;
import io.goftgu.supportinfo.domain.Category;
import io.goftgu.supportinfo.domain.Label;
import io.goftgu.supportinfo.domain.SupportRecord;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Entity → API model. Names of users, teams, categories and labels are looked up once per page. */
@ApplicationScoped
public class RecordMapper {

    private final Directory directory;
    private final CrmLinks crmLinks;

    RecordMapper(Directory directory, CrmLinks crmLinks) {
        this.directory = directory;
        this.crmLinks = crmLinks;
    }

    public RecordViews.Staff staff(SupportRecord record) {
        return staff(List.of(record)).getFirst();
    }

    public List<RecordViews.Staff> staff(List<SupportRecord> records) {
        if (records.isEmpty()) {
            return List.of();
        }
        var workspaceId = records.getFirst().workspaceId;
        var users = directory.users(workspaceId, ids(records.stream()
                .flatMap(r -> Stream.of(r.customerId, r.assigneeId))));
        var teams = directory.teams(workspaceId, ids(records.stream().map(r -> r.teamId)));
        var categories = categories(workspaceId, records);
        var labels = labels(workspaceId, ids(records.stream().flatMap(r -> r.labelIds.stream())));
        // URLs by the workspace's templates as they are now (docs/design.md, "CRM links"); read only when needed
        var templates = records.stream().allMatch(r -> r.links.isEmpty()) ? null : crmLinks.settings(workspaceId);
        return records.stream().map(r -> new RecordViews.Staff(
                r.id, r.title, r.description, r.source, r.type, r.priority, r.status, r.contactAt, r.dueAt,
                r.customerId, ref(r.customerId, users, u -> u.name),
                r.assigneeId, ref(r.assigneeId, users, u -> u.name),
                r.teamId, ref(r.teamId, teams, t -> t.name),
                r.categoryId, ref(r.categoryId, categories, c -> c.name),
                r.labelIds.stream().sorted().toList(),
                r.labelIds.stream().map(labels::get).filter(Objects::nonNull)
                        .sorted(Comparator.comparing((Label l) -> l.name.toLowerCase()))
                        .map(l -> new RecordViews.LabelView(l.id, l.name, l.color)).toList(),
                r.visibleToCustomer,
                r.links.stream().map(l -> new RecordViews.LinkView(l.kind, l.refId, l.title,
                        LinkSettings.url(templates, l.kind.name(), l.refId))).toList(),
                r.ticketId, r.createdBy, r.createdAt, r.updatedAt, r.resolvedAt, r.closedAt)).toList();
    }

    public List<RecordViews.Customer> customer(List<SupportRecord> records) {
        if (records.isEmpty()) {
            return List.of();
        }
        var categories = categories(records.getFirst().workspaceId, records);
        return records.stream().map(r -> new RecordViews.Customer(
                r.id, r.title, r.description, r.source, r.type, r.priority, r.status, r.contactAt, r.dueAt,
                ref(r.categoryId, categories, c -> c.name), r.ticketId, r.createdAt, r.updatedAt, r.resolvedAt,
                r.closedAt)).toList();
    }

    private static Map<UUID, Category> categories(UUID workspaceId, List<SupportRecord> records) {
        var ids = ids(records.stream().map(r -> r.categoryId));
        if (ids.isEmpty()) {
            return Map.of();
        }
        return Category.<Category>list("workspaceId = ?1 and id in ?2", workspaceId, ids).stream()
                .collect(Collectors.toMap(c -> c.id, Function.identity()));
    }

    private static Map<UUID, Label> labels(UUID workspaceId, Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return Label.<Label>list("workspaceId = ?1 and id in ?2", workspaceId, ids).stream()
                .collect(Collectors.toMap(l -> l.id, Function.identity()));
    }

    private static List<UUID> ids(Stream<UUID> ids) {
        return ids.filter(Objects::nonNull).distinct().toList();
    }

    private static <T> Ref ref(UUID id, Map<UUID, T> known, Function<T, String> name) {
        if (id == null) {
            return null;
        }
        var found = known.get(id);
        return new Ref(id, found == null ? null : name.apply(found));
    }
}
