package io.goftgu.supportchat.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.UUID;

/** Per-workspace widget (identity verification, allowed origins, appearance) and assignment settings. */
@Entity
@Table(name = "workspace_settings")
public class WorkspaceSettings extends PanacheEntityBase {

    @Id
    @Column(name = "workspace_id")
    public UUID workspaceId;
    @Column(name = "widget_secret")
    public String widgetSecret;
    @Column(name = "enforce_verification")
    public boolean enforceVerification;
    @Column(name = "auto_assign")
    public boolean autoAssign;
    @Column(name = "agent_capacity")
    public int agentCapacity;
    /** JSON array of normalised origins allowed to frame the widget ({@code WidgetOrigins}). */
    @Column(name = "allowed_origins")
    public String allowedOrigins = "[]";
    @Column(name = "widget_color")
    public String widgetColor;
    @Column(name = "greeting_fa")
    public String greetingFa;
    @Column(name = "greeting_en")
    public String greetingEn;
    /** {@code auto} (the host page's language), {@code fa} or {@code en}. */
    @Column(name = "widget_language")
    public String widgetLanguage = "auto";
}
