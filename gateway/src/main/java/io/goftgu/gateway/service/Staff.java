package io.goftgu.gateway.service;

import io.goftgu.gateway.domain.UserAccount;
import io.goftgu.problem.Problems;

import java.util.UUID;

/** The acting administrator, re-read from the database so that a demotion or deactivation counts at once. */
final class Staff {

    private Staff() {
    }

    /** Must run in a transaction. */
    static UserAccount requireActiveAdmin(UUID workspaceId, UUID actorId) {
        var actor = UserAccount.inWorkspace(workspaceId, actorId)
                .orElseThrow(() -> Problems.unauthorized("the account of this token no longer exists"));
        if (!actor.active) {
            throw Problems.unauthorized("the account of this token is deactivated");
        }
        if (!actor.isStaff()) {
            throw Problems.forbidden("your role may not do this");
        }
        return actor;
    }
}
