package io.goftgu.supportchat.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.UUID;

/** Per-workspace widget (identity verification) and assignment settings. */
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
}
