package io.goftgu.supportinfo.service;

import io.goftgu.supportinfo.api.ConfigViews.Settings;
import io.goftgu.supportinfo.config.SupportInfoConfig;
import io.goftgu.supportinfo.domain.WorkspaceSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.UUID;

/** Per-workspace settings of support info; a workspace that never changed them gets the configured defaults. */
@ApplicationScoped
public class SettingsService {

    private final SupportInfoConfig config;

    SettingsService(SupportInfoConfig config) {
        this.config = config;
    }

    @Transactional
    public Settings get(UUID workspaceId) {
        WorkspaceSettings settings = WorkspaceSettings.findById(workspaceId);
        return new Settings(settings == null ? config.recordResolvedTicketsByDefault() : settings.recordResolvedTickets);
    }

    @Transactional
    public Settings put(UUID workspaceId, Settings in) {
        WorkspaceSettings settings = WorkspaceSettings.findById(workspaceId);
        var isNew = settings == null;
        if (isNew) {
            settings = new WorkspaceSettings();
            settings.workspaceId = workspaceId;
        }
        settings.recordResolvedTickets = in.recordResolvedTickets();
        settings.updatedAt = RecordService.now();
        if (isNew) {
            settings.persist();
        }
        return new Settings(settings.recordResolvedTickets);
    }

    public boolean recordResolvedTickets(UUID workspaceId) {
        return get(workspaceId).recordResolvedTickets();
    }
}
