package io.goftgu.supportchat.service;

import io.goftgu.problem.Problems;
import io.goftgu.supportchat.domain.CannedResponse;
import io.goftgu.supportchat.domain.Category;
import io.goftgu.supportchat.domain.Guest;
import io.goftgu.supportchat.domain.Label;
import io.goftgu.supportchat.domain.SlaPolicy;

import java.util.ArrayList;
import java.util.UUID;

/** What the configuration services share: a row of the caller's workspace or 404, and optional query arguments. */
final class WorkspaceRows {

    private WorkspaceRows() {
    }

    /** The entity when it belongs to {@code workspaceId}; missing or another workspace's → 404 {@code what}. */
    @SuppressWarnings("unchecked")
    static <T> T own(Object entity, UUID workspaceId, String what) {
        UUID ws = switch (entity) {
            case null -> null;
            case Category c -> c.workspaceId;
            case Label l -> l.workspaceId;
            case CannedResponse c -> c.workspaceId;
            case SlaPolicy p -> p.workspaceId;
            case Guest g -> g.workspaceId;
            default -> null;
        };
        if (ws == null || !ws.equals(workspaceId)) {
            throw Problems.notFound(what);
        }
        return (T) entity;
    }

    /** Positional query arguments; a null (no id yet) is left out together with its clause. */
    static Object[] args(Object... values) {
        var list = new ArrayList<Object>();
        for (var v : values) {
            if (v != null) {
                list.add(v);
            }
        }
        return list.toArray();
    }
}
