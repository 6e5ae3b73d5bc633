package io.goftgu.supportinfo.service;

import io.goftgu.security.Role;
import io.goftgu.supportinfo.directory.Directory;
import io.goftgu.supportinfo.domain.Category;
import io.goftgu.supportinfo.domain.Label;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Set;
import java.util.UUID;

/**
 * Checks that what a record points at belongs to the caller's workspace: the customer is an active USER, the
 * assignee an active ADMIN, the team, category and labels exist there. Anything else is a field error (400).
 */
@ApplicationScoped
class RecordReferences {

    private final Directory directory;

    RecordReferences(Directory directory) {
        this.directory = directory;
    }

    UUID customer(UUID workspaceId, UUID id, FieldErrors errors) {
        if (id != null) {
            var user = directory.user(workspaceId, id);
            if (user == null || !user.isActive(Role.CUSTOMER)) {
                errors.add("customerId", "is not an active customer of this workspace");
            }
        }
        return id;
    }

    UUID assignee(UUID workspaceId, UUID id, FieldErrors errors) {
        if (id != null) {
            var user = directory.user(workspaceId, id);
            if (user == null || !user.isActive(Role.STAFF)) {
                errors.add("assigneeId", "is not an active staff member of this workspace");
            }
        }
        return id;
    }

    UUID team(UUID workspaceId, UUID id, FieldErrors errors) {
        if (id != null && directory.team(workspaceId, id) == null) {
            errors.add("teamId", "is not a team of this workspace");
        }
        return id;
    }

    UUID category(UUID workspaceId, UUID id, FieldErrors errors) {
        if (id != null && Category.count("id = ?1 and workspaceId = ?2", id, workspaceId) == 0) {
            errors.add("categoryId", "is not a category of this workspace");
        }
        return id;
    }

    Set<UUID> labels(UUID workspaceId, Set<UUID> ids, FieldErrors errors) {
        if (ids == null || ids.isEmpty()) {
            return Set.of();
        }
        if (Label.count("workspaceId = ?1 and id in ?2", workspaceId, ids) != ids.size()) {
            errors.add("labelIds", "names a label that is not in this workspace");
        }
        return ids;
    }
}
