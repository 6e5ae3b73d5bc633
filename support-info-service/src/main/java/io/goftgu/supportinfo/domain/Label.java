package io.goftgu.supportinfo.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import java.time.Instant;
import java.util.UUID;

/** A coloured tag of a workspace; its name is unique in the workspace, ignoring case. */
@Entity
public class Label extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "workspace_id")
    public UUID workspaceId;
    public String name;
    /** {@code #RRGGBB}. */
    public String color;
    @Column(name = "created_at")
    public Instant createdAt;
}
