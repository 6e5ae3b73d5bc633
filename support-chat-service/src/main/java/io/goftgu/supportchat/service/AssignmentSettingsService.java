package io.goftgu.supportchat.service;

import io.goftgu.supportchat.api.Requests;
import io.goftgu.supportchat.api.Views.AssignmentSettingsView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.UUID;

/** Whether new tickets go to available agents by themselves, and how many open tickets an agent carries. */
@ApplicationScoped
public class AssignmentSettingsService {

    private final GuestService guests;

    AssignmentSettingsService(GuestService guests) {
        this.guests = guests;
    }

    @Transactional
    public AssignmentSettingsView get(UUID workspaceId) {
        var s = guests.settings(workspaceId);
        return new AssignmentSettingsView(s.autoAssign, s.agentCapacity);
    }

    @Transactional
    public AssignmentSettingsView save(UUID workspaceId, Requests.AssignmentSettingsBody body) {
        var s = guests.settings(workspaceId);
        s.autoAssign = body.autoAssign();
        if (body.agentCapacity() != null) {
            s.agentCapacity = body.agentCapacity();
        }
        return new AssignmentSettingsView(s.autoAssign, s.agentCapacity);
    }
}
