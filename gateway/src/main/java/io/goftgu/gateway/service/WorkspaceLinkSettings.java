package io.goftgu.gateway.service;

import io.goftgu.events.IdentityPayloads.WorkspaceLinks;
import io.goftgu.gateway.api.LinkSettingsBody;
import io.goftgu.gateway.events.IdentityEvents;
import io.goftgu.links.LinkSettings;
import io.goftgu.links.WorkspaceLinksTable;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A workspace's CRM link settings (docs/design.md, "CRM links"). The gateway owns them as it owns the workspace:
 * an ADMIN changes them here, they are checked ({@link LinkSettings#check}), kept, and published on
 * {@code identity.events} in the same transaction, from which internal-chat and support-info keep their copies.
 */
@ApplicationScoped
public class WorkspaceLinkSettings {

    private final WorkspaceLinksTable table;
    private final IdentityEvents events;

    WorkspaceLinkSettings(WorkspaceLinksTable table, IdentityEvents events) {
        this.table = table;
        this.events = events;
    }

    public LinkSettingsBody get(UUID workspaceId, UUID actorId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Staff.requireActiveAdmin(workspaceId, actorId);
            return view(table.find(workspaceId));
        });
    }

    public LinkSettingsBody update(UUID workspaceId, UUID actorId, LinkSettingsBody body) {
        var templates = new LinkedHashMap<String, String>();
        (body.templates() == null ? Map.<String, String>of() : body.templates()).forEach((kind, template) -> {
            if (template != null && !template.isBlank()) {
                templates.put(kind, template.strip());
            }
        });
        var lookup = body.lookupUrl() == null || body.lookupUrl().isBlank() ? null : body.lookupUrl().strip();
        var settings = new WorkspaceLinks(workspaceId, templates, lookup);
        LinkSettings.check(settings);
        return QuarkusTransaction.requiringNew().call(() -> {
            Staff.requireActiveAdmin(workspaceId, actorId);
            table.save(settings, Instant.now());
            events.workspaceLinksUpdated(settings, actorId);
            return view(settings);
        });
    }

    private static LinkSettingsBody view(WorkspaceLinks settings) {
        return new LinkSettingsBody(settings.templates(), settings.lookupUrl());
    }
}
