package io.goftgu.links;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.goftgu.events.EventJson;
import io.goftgu.events.IdentityPayloads.WorkspaceLinks;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * The table {@code workspace_links} (workspace_id, templates as JSON, lookup_url, updated_at) in the service's own
 * database: the gateway's is the source of truth, written by {@code PUT /api/workspace/links}; internal-chat's and
 * support-info's are copies kept by their identity projections from {@code identity.workspace.links-updated}.
 * Each service's migrations create it.
 */
@ApplicationScoped
public class WorkspaceLinksTable {

    private static final TypeReference<Map<String, String>> TEMPLATES = new TypeReference<>() {
    };

    private final EntityManager entityManager;

    WorkspaceLinksTable(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** The workspace's settings, or none (no templates, no lookup) when it never set any. */
    public WorkspaceLinks find(UUID workspaceId) {
        var rows = entityManager.createNativeQuery(
                        "SELECT templates, lookup_url FROM workspace_links WHERE workspace_id = ?1", Object[].class)
                .setParameter(1, workspaceId).getResultList();
        if (rows.isEmpty()) {
            return LinkSettings.none(workspaceId);
        }
        var row = (Object[]) rows.getFirst();
        try {
            return new WorkspaceLinks(workspaceId, EventJson.MAPPER.readValue((String) row[0], TEMPLATES), (String) row[1]);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("workspace_links.templates of " + workspaceId + " is not JSON", e);
        }
    }

    /**
     * Keeps {@code settings} as of {@code at}, in the caller's transaction; settings older than the ones kept (an
     * event redelivered after a newer one) change nothing.
     */
    public void save(WorkspaceLinks settings, Instant at) {
        String templates;
        try {
            templates = EventJson.MAPPER.writeValueAsString(settings.templates());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
        entityManager.createNativeQuery("""
                        INSERT INTO workspace_links (workspace_id, templates, lookup_url, updated_at)
                        VALUES (?1, ?2, ?3, ?4)
                        ON CONFLICT (workspace_id) DO UPDATE SET templates = excluded.templates,
                            lookup_url = excluded.lookup_url, updated_at = excluded.updated_at
                        WHERE workspace_links.updated_at <= excluded.updated_at""")
                .setParameter(1, settings.workspaceId()).setParameter(2, templates)
                .setParameter(3, settings.lookupUrl()).setParameter(4, at)
                .executeUpdate();
    }
}
