package io.goftgu.internalchat.contacts;

import io.goftgu.internalchat.domain.Contact;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Reads of the contacts projection, always within one workspace. */
@ApplicationScoped
public class ContactDirectory {

    public Contact find(UUID workspaceId, UUID userId) {
        return Contact.<Contact>find("id = ?1 and workspaceId = ?2", userId, workspaceId).firstResult();
    }

    public Map<UUID, Contact> byId(UUID workspaceId, Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return Contact.<Contact>list("workspaceId = ?1 and id in ?2", workspaceId, ids).stream()
                .collect(Collectors.toMap(c -> c.id, Function.identity()));
    }

    /** Whether the user is active staff of the workspace. */
    public boolean isActiveStaff(UUID workspaceId, UUID userId) {
        var contact = find(workspaceId, userId);
        return contact != null && contact.isActiveStaff();
    }
}
