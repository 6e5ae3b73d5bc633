package io.goftgu.gateway.api;

/** The created workspace and its first ADMIN. */
public record SignUpResult(WorkspaceView workspace, UserView user) {
}
