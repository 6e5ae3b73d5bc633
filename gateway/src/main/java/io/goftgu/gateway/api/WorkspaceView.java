package io.goftgu.gateway.api;

import io.goftgu.gateway.domain.Workspace;

import java.time.Instant;
import java.util.UUID;

public record WorkspaceView(UUID id, String name, String slug, Instant createdAt) {

    public static WorkspaceView of(Workspace workspace) {
        return new WorkspaceView(workspace.id, workspace.name, workspace.slug, workspace.createdAt);
    }
}
