package io.goftgu.supportinfo.directory;

import io.goftgu.supportinfo.domain.DirectoryTeam;
import io.goftgu.supportinfo.domain.DirectoryUser;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Reads of the users-and-teams projection, always within one workspace. */
@ApplicationScoped
public class Directory {

    public DirectoryUser user(UUID workspaceId, UUID userId) {
        return DirectoryUser.<DirectoryUser>find("id = ?1 and workspaceId = ?2", userId, workspaceId).firstResult();
    }

    public DirectoryTeam team(UUID workspaceId, UUID teamId) {
        return DirectoryTeam.<DirectoryTeam>find("id = ?1 and workspaceId = ?2", teamId, workspaceId).firstResult();
    }

    public Map<UUID, DirectoryUser> users(UUID workspaceId, Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return DirectoryUser.<DirectoryUser>list("workspaceId = ?1 and id in ?2", workspaceId, ids).stream()
                .collect(Collectors.toMap(u -> u.id, Function.identity()));
    }

    public Map<UUID, DirectoryTeam> teams(UUID workspaceId, Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return DirectoryTeam.<DirectoryTeam>list("workspaceId = ?1 and id in ?2", workspaceId, ids).stream()
                .collect(Collectors.toMap(t -> t.id, Function.identity()));
    }
}
