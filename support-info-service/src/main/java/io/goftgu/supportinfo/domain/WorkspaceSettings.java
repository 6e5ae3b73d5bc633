package io.goftgu.supportinfo.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A workspace's support-info settings; no row means the configured defaults. */
@Entity
@Table(name = "workspace_settings")
public class WorkspaceSettings extends PanacheEntityBase {

    @Id
    @Column(name = "workspace_id")
    public UUID workspaceId;
    @Column(name = "record_resolved_tickets")
    public boolean recordResolvedTickets;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
