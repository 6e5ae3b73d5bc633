package io.goftgu.gateway.api;

import io.goftgu.gateway.domain.Team;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

public record TeamView(UUID id, UUID workspaceId, String name, List<UUID> memberIds, Instant createdAt) {

    public static TeamView of(Team team) {
        return new TeamView(team.id, team.workspaceId, team.name, List.copyOf(team.memberIds), team.createdAt);
    }
}
