package io.goftgu.supportinfo.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A workspace user as identity.events describe them; written only by {@code IdentityProjection}. */
@Entity
@Table(name = "directory_user")
public class DirectoryUser extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "workspace_id")
    public UUID workspaceId;
    public String name;
    public String email;
    public String role;
    public boolean active;
    @Column(name = "updated_at")
    public Instant updatedAt;

    public boolean isActive(String expectedRole) {
        return active && expectedRole.equals(role);
    }
}
