package io.goftgu.supportinfo.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A workspace team as identity.events describe it; written only by {@code IdentityProjection}. */
@Entity
@Table(name = "directory_team")
public class DirectoryTeam extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "workspace_id")
    public UUID workspaceId;
    public String name;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
