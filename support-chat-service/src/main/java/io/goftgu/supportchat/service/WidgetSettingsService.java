package io.goftgu.supportchat.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.goftgu.events.EventJson;
import io.goftgu.supportchat.api.Requests;
import io.goftgu.supportchat.api.Views.WidgetPublicView;
import io.goftgu.supportchat.api.Views.WidgetSettingsView;
import io.goftgu.supportchat.domain.WorkspaceSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.UUID;

/** The website widget of a workspace: allowed origins, appearance, language and the identity secret. */
@ApplicationScoped
public class WidgetSettingsService {

    private final GuestService guests;

    WidgetSettingsService(GuestService guests) {
        this.guests = guests;
    }

    @Transactional
    public WidgetSettingsView get(UUID workspaceId) {
        return view(guests.settings(workspaceId), false);
    }

    @Transactional
    public WidgetSettingsView save(UUID workspaceId, Requests.WidgetSettingsBody body) {
        // everything is checked before anything changes
        var origins = body.allowedOrigins() == null ? null : WidgetOrigins.normalise(body.allowedOrigins());
        var s = guests.settings(workspaceId);
        if (body.enforceVerification() != null) {
            s.enforceVerification = body.enforceVerification();
        }
        if (origins != null) {
            s.allowedOrigins = json(origins);
        }
        if (body.color() != null) {
            s.widgetColor = body.color().toLowerCase();
        }
        if (body.greeting() != null) {
            s.greetingFa = blankToNull(body.greeting().fa());
            s.greetingEn = blankToNull(body.greeting().en());
        }
        if (body.language() != null) {
            s.widgetLanguage = body.language();
        }
        var regenerated = Boolean.TRUE.equals(body.regenerateSecret());
        if (regenerated) {
            s.widgetSecret = GuestService.newSecret();
        }
        return view(s, regenerated);
    }

    /** The widget settings the gateway needs for a workspace's widget page and its public configuration. */
    @Transactional
    public WidgetPublicView publicView(UUID workspaceId) {
        WorkspaceSettings s = WorkspaceSettings.findById(workspaceId);
        if (s == null) {
            return new WidgetPublicView(List.of(), null, new Requests.Greeting(null, null), "auto");
        }
        return new WidgetPublicView(origins(s), s.widgetColor, new Requests.Greeting(s.greetingFa, s.greetingEn),
                s.widgetLanguage);
    }

    private static WidgetSettingsView view(WorkspaceSettings s, boolean showSecret) {
        var hint = "…" + s.widgetSecret.substring(Math.max(0, s.widgetSecret.length() - 4));
        return new WidgetSettingsView(showSecret ? s.widgetSecret : null, hint, s.enforceVerification, origins(s),
                s.widgetColor, new Requests.Greeting(s.greetingFa, s.greetingEn), s.widgetLanguage);
    }

    private static List<String> origins(WorkspaceSettings s) {
        try {
            return List.of(EventJson.MAPPER.readValue(s.allowedOrigins, String[].class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("workspace_settings.allowed_origins is not a JSON array", e);
        }
    }

    private static String json(List<String> values) {
        try {
            return EventJson.MAPPER.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
